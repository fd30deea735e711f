using Edition.Model;

namespace Edition.Stages.Paragraphs;

/// <summary>
/// Builds the reading text: joins the body lines of every page into paragraphs and headings, carries
/// a paragraph on across a page break (and across the notes and running heads between), and marks
/// where each source page begins with a page-break piece.
/// </summary>
public sealed class ParagraphsStage : IStage
{
    public string Name => "paragraphs";

    public void Run(Document document, StageContext context)
    {
        int measure = Layout.MedianLineLength(document);
        Paragraph? open = null;
        Line? openLast = null;
        var pendingBreaks = new List<Page>();
        foreach (var page in document.Pages)
        {
            pendingBreaks.Add(page);
            var blocks = Layout.Blocks(page.Lines);
            for (int b = 0; b < blocks.Count; b++)
            {
                var lines = blocks[b];
                foreach (var group in SplitAtParagraphEnds(lines, measure))
                {
                    bool first = pendingBreaks.Count > 0;
                    bool heading = Headings.IsHeading(group, blocks.Count, measure, out int level);
                    if (first && open != null && openLast != null && b == 0 && ContinuesOnNewPage(openLast, group[0], measure)
                        && !(heading && Text.EndsSentence(openLast.Reading)))
                    {
                        if (openLast.Break != null) open.Pieces.Add(openLast.Break);
                        AddBreaks(open.Pieces, pendingBreaks, group[0]);
                        AddLines(open.Pieces, group);
                        openLast = group[^1];
                        continue;
                    }
                    // A blank line the OCR put inside a paragraph: the text breaks off and goes on in lower case.
                    if (!first && open != null && openLast != null && !heading && !Text.EndsSentence(openLast.Reading)
                        && (Text.StartsLower(group[0].Reading.TrimStart('“', '‘', '"', '(', '[')) || EndsMidClause(openLast)))
                    {
                        if (openLast.Break != null) open.Pieces.Add(openLast.Break);
                        AddLines(open.Pieces, group);
                        openLast = group[^1];
                        continue;
                    }
                    Block block = heading
                        ? new Heading(page, level)
                        : new Paragraph(page);
                    AddBreaks(block.Pieces, pendingBreaks, group[0]);
                    AddLines(block.Pieces, group);
                    document.Body.Add(block);
                    open = block as Paragraph;
                    openLast = open != null ? group[^1] : null;
                }
            }
        }
        // Pages with no body text at all still begin somewhere: at the end of the text.
        if (pendingBreaks.Count > 0 && document.Body.Count > 0)
        {
            var last = document.Body[^1].Pieces;
            foreach (var p in pendingBreaks) last.Add(Piece.PageBreakAt(last.Count > 0 ? last[^1].End : 0, p));
        }
    }

    private static void AddBreaks(List<Piece> flow, List<Page> pages, Line firstLine)
    {
        int at = firstLine.Pieces.Count > 0 ? firstLine.Pieces[0].Start : firstLine.Start;
        foreach (var p in pages) flow.Add(Piece.PageBreakAt(at, p));
        pages.Clear();
    }

    private static void AddLines(List<Piece> flow, List<Line> lines)
    {
        for (int i = 0; i < lines.Count; i++)
        {
            flow.AddRange(lines[i].Pieces);
            if (i + 1 < lines.Count && lines[i].Break != null) flow.Add(lines[i].Break!);
        }
    }

    /// <summary>
    /// Does the paragraph that ends the last page go on at the top of this one? Yes when it broke off
    /// mid-sentence, when the new page starts in lower case, or when its last line is full (a
    /// paragraph's last line is short; a full one means the printer had more to set).
    /// </summary>
    public static bool ContinuesOnNewPage(Line last, Line next, int measure)
    {
        string nextReading = next.Reading.TrimStart('“', '‘', '"', '(', '[');
        if (!Text.EndsSentence(last.Reading)) return true;
        if (Text.StartsLower(nextReading)) return true;
        return measure > 0 && last.ContentLength >= measure * 0.93;
    }

    /// <summary>A line that ends on a lower-case word: no paragraph ends so ("stretching eastward from").</summary>
    private static bool EndsMidClause(Line line)
    {
        string r = line.Reading.TrimEnd();
        return r.Length > 0 && char.IsLower(r[^1]);
    }

    private static bool IsCapitals(Line line)
    {
        int letters = 0;
        foreach (var p in line.Pieces)
        {
            if (!p.IsWord) continue;
            foreach (char c in p.Reading)
            {
                if (!char.IsLetter(c)) continue;
                if (!char.IsUpper(c)) return false;
                letters++;
            }
        }
        return letters >= 3;
    }

    /// <summary>
    /// A block of lines with no blank line between them can still hold several paragraphs: a short
    /// line ending a sentence, followed by an indented line, ends one.
    /// </summary>
    private static IEnumerable<List<Line>> SplitAtParagraphEnds(List<Line> lines, int measure)
    {
        var current = new List<Line>();
        for (int i = 0; i < lines.Count; i++)
        {
            current.Add(lines[i]);
            // Titles in capitals stacked without a blank line ("CHAPTER II." over "OF THE NEW ORDER."): one each.
            bool capitalsTitle = i + 1 < lines.Count && IsCapitals(lines[i]) && IsCapitals(lines[i + 1])
                                 && lines[i].Reading.TrimEnd().EndsWith('.') && lines[i].ContentLength < measure * 0.6;
            if (capitalsTitle || i + 1 < lines.Count && lines[i + 1].Indent != null && lines[i].ContentLength < measure * 0.8
                && Text.EndsSentence(lines[i].Reading))
            {
                yield return current;
                current = new List<Line>();
            }
        }
        if (current.Count > 0) yield return current;
    }
}
