using System.Globalization;

namespace Edition.Pdf.Layout;

/// <summary>What the typography of the running text came to: spacing, hyphens, widows and orphans.</summary>
public sealed record TypographicReport
{
    public int Pages { get; init; }
    public int Lines { get; init; }
    /// <summary>Lines justified to the full measure (every line of a paragraph but its last).</summary>
    public int JustifiedLines { get; init; }
    /// <summary>Justified lines whose word spaces stretch beyond 1.5 times their natural width.</summary>
    public int LooseLines { get; init; }
    /// <summary>Lines ending in a hyphen the typesetter added.</summary>
    public int HyphenatedLines { get; init; }
    /// <summary>Lines ending after a hyphen of the text (a compound broken at its own hyphen).</summary>
    public int LinesEndingAtTextHyphen { get; init; }
    /// <summary>Most consecutive lines ending in a hyphen of either kind.</summary>
    public int MostConsecutiveHyphens { get; init; }
    /// <summary>Lines set wider than the measure.</summary>
    public int OverfullLines { get; init; }
    /// <summary>A paragraph's last line alone at the head of a page.</summary>
    public int Widows { get; init; }
    /// <summary>A paragraph's first line alone at the foot of a page.</summary>
    public int Orphans { get; init; }
    /// <summary>Pages that run over a note to the next page.</summary>
    public int NotesRunOver { get; init; }

    public double LooseShare => JustifiedLines == 0 ? 0 : (double)LooseLines / JustifiedLines;

    public static TypographicReport From(IReadOnlyList<GalleyItem> galley, IReadOnlyList<BodyPage> pages)
    {
        int lines = 0, justified = 0, loose = 0, hyph = 0, textHyph = 0, overfull = 0, run = 0, most = 0;
        foreach (var g in galley)
        {
            if (g.Line == null || g.Paragraph < 0) continue;
            var l = g.Line;
            lines++;
            if (!l.IsLast)
            {
                justified++;
                if (l.SpaceFactor > 1.5f + 1e-4f) loose++;
            }
            if (l.Hyphenated) hyph++;
            if (l.EndsAtHyphen) textHyph++;
            run = l.Hyphenated || l.EndsAtHyphen ? run + 1 : 0;
            most = Math.Max(most, run);
            if (l.Offset + l.ContentWidth > l.Measure + 0.5f) overfull++;
        }
        int widows = 0, orphans = 0, runOver = 0;
        foreach (var p in pages)
        {
            var body = p.Items.Where(x => x.Item.Line != null).Select(x => x.Item).ToList();
            if (body.Count > 0)
            {
                var first = body[0];
                if (first.Paragraph >= 0 && first.ParagraphLines > 1 && first.IndexInParagraph == first.ParagraphLines - 1) widows++;
                var last = body[^1];
                if (last.Paragraph >= 0 && last.ParagraphLines > 1 && last.IndexInParagraph == 0) orphans++;
            }
            if (p.NoteLines.Count > 0)
            {
                var (note, line, _) = p.NoteLines[^1];
                if (line < note.Lines.Count - 1) runOver++;
            }
        }
        return new TypographicReport
        {
            Pages = pages.Count, Lines = lines, JustifiedLines = justified, LooseLines = loose, HyphenatedLines = hyph,
            LinesEndingAtTextHyphen = textHyph, MostConsecutiveHyphens = most, OverfullLines = overfull,
            Widows = widows, Orphans = orphans, NotesRunOver = runOver,
        };
    }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "{0} pages, {1} lines; spaces beyond 1.5× natural: {2} of {3} justified lines ({4:P1}); hyphenated line ends: {5} (+{6} at the text's own hyphens; at most {7} in a row); overfull: {8}; widows: {9}; orphans: {10}; notes run over: {11}",
        Pages, Lines, LooseLines, JustifiedLines, LooseShare, HyphenatedLines, LinesEndingAtTextHyphen, MostConsecutiveHyphens, OverfullLines, Widows, Orphans, NotesRunOver);
}
