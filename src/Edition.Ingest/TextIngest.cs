using Edition.Model;

namespace Edition.Ingest;

/// <summary>
/// Builds the document model from OCR text: finds the pages from the cues in the text (form feeds,
/// a page's first line starting with a space, runs of blank lines before a running head), then
/// cuts every line into pieces.
/// </summary>
public static class TextIngest
{
    public static Document Read(SourceText source, Book book)
    {
        var doc = new Document(source, book);
        var pageStarts = FindPageStarts(source);
        BuildPages(doc, pageStarts);
        Tokenize(doc);
        return doc;
    }

    /// <summary>1-based line numbers where pages begin (the first is always line 1).</summary>
    public static List<int> FindPageStarts(SourceText source)
    {
        int n = source.LineCount;
        var starts = new List<int> { 1 };
        string text = source.Text;
        bool formFeeds = text.Contains('\f');
        var blank = new bool[n + 1];
        int nonBlank = 0, indented = 0;
        for (int l = 1; l <= n; l++)
        {
            var t = source.LineText(l);
            blank[l] = t.IsWhiteSpace();
            if (!blank[l])
            {
                nonBlank++;
                if (t.Length > 0 && t[0] is ' ' or '\t') indented++;
            }
        }
        // Where most lines are indented, an indent is paragraph layout, not a page cue.
        bool indentIsCue = indented <= Math.Max(1, nonBlank / 5);

        int blankRun = 0;
        bool formFeedPending = false;
        bool contentOnPage = false;
        for (int l = 1; l <= n; l++)
        {
            var t = source.LineText(l);
            // A form feed before the line's text starts this page; one after it (or alone) starts the next.
            int ff = formFeeds ? t.IndexOf('\f') : -1;
            if (ff >= 0 && t[..ff].Trim().IsEmpty) formFeedPending = true;
            if (blank[l] || t.Trim().Trim('\f').IsEmpty)
            {
                blankRun++;
                continue;
            }
            if (l > 1 && starts[^1] != l && contentOnPage)
            {
                bool cue;
                if (formFeeds)
                {
                    cue = formFeedPending;
                }
                else
                {
                    cue = (indentIsCue && t[0] is ' ' or '\t')
                          || blankRun >= 3
                          || (blankRun == 2 && LooksLikePageFurniture(t));
                }
                if (cue) starts.Add(l);
            }
            contentOnPage = true;
            formFeedPending = formFeeds && t.TrimEnd(" \t\r").EndsWith('\f');
            blankRun = 0;
        }
        if (!formFeeds) AddRecurringHeads(source, blank, starts);
        return starts;
    }

    /// <summary>
    /// Text with no other cue (pages run on with a single blank line): a line after a blank line, with a
    /// number at one end, whose words in capitals recur through the book is a running head, and so the
    /// first line of a page.
    /// </summary>
    private static void AddRecurringHeads(SourceText source, bool[] blank, List<int> starts)
    {
        var candidates = new List<(int Line, string Key)>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int l = 2; l <= source.LineCount; l++)
        {
            if (blank[l]) continue;
            // The head stands after a blank line, or after a speck ("@ -", a stray "4") that does.
            int first = l;
            if (!blank[l - 1])
            {
                if (l < 3 || !blank[l - 2] || source.LineText(l - 1).Trim().Length > 3) continue;
                first = l - 1;
            }
            var t = source.LineText(l);
            if (!LooksLikePageFurniture(t)) continue;
            string key = CapitalsKey(t);
            if (key.Length < 4) continue;
            candidates.Add((first, key));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        // Verso and recto heads differ ("12 THE HISTORY OF ENGLAND", "THE REIGN OF HENRY VIII 13"): where
        // several such heads stand, one seen twice is enough.
        int needed = candidates.Count >= 4 ? 2 : 3;
        var set = new HashSet<int>(starts);
        foreach (var (line, key) in candidates)
            if (counts[key] >= needed && set.Add(line)) starts.Add(line);
        starts.Sort();
    }

    /// <summary>The words of a line in capitals (two letters or more), joined: the same for one running head on every page.</summary>
    private static string CapitalsKey(ReadOnlySpan<char> line)
    {
        var sb = new System.Text.StringBuilder();
        int i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && !char.IsLetter(line[i])) i++;
            int start = i;
            while (i < line.Length && char.IsLetter(line[i])) i++;
            var word = line[start..i];
            bool capitals = word.Length >= 2;
            foreach (char c in word) if (!char.IsUpper(c)) { capitals = false; break; }
            if (capitals) sb.Append(word);
        }
        return sb.ToString();
    }

    /// <summary>A short line with a number at one end: the shape of a running head or a page number.</summary>
    public static bool LooksLikePageFurniture(ReadOnlySpan<char> line)
    {
        var t = line.Trim();
        if (t.Length == 0 || t.Length > 90) return false;
        return char.IsDigit(t[0]) || char.IsDigit(t[^1]);
    }

    private static void BuildPages(Document doc, List<int> pageStarts)
    {
        var source = doc.Source;
        int p = 0;
        Page? page = null;
        for (int l = 1; l <= source.LineCount; l++)
        {
            if (p < pageStarts.Count && pageStarts[p] == l)
            {
                page = new Page(doc.Pages.Count + 1) { Number = doc.Pages.Count + 1 };
                doc.Pages.Add(page);
                p++;
            }
            var line = new Line(page!, l, source.LineStart(l), source.LineEnd(l));
            if (source.LineText(l).IsWhiteSpace()) line.Role = LineRole.Blank;
            page!.Lines.Add(line);
        }
    }

    private static void Tokenize(Document doc)
    {
        var source = doc.Source;
        var lines = doc.Pages.SelectMany(pg => pg.Lines).ToArray();
        int li = 0;
        Line LineAt(int offset)
        {
            while (li + 1 < lines.Length && lines[li + 1].Start <= offset) li++;
            return lines[li];
        }
        Line? current = null;
        Piece? pending = null;
        Tokenizer.Tokenize(source.Text, 0, source.Length, piece =>
        {
            if (piece.IsSpace)
            {
                doc.Whitespace.Add(piece);
                if (current == null) LineAt(piece.Start).Indent = piece;
                else current.Break = pending = piece;
                return;
            }
            var line = LineAt(piece.Start);
            // A space between two pieces of one line belongs to the line; otherwise it is the line's break.
            if (current == line && pending != null)
            {
                line.Pieces.Add(pending);
                line.Break = null;
            }
            pending = null;
            current = line;
            line.Pieces.Add(piece);
        }, offset => LineAt(offset).Page);
    }
}
