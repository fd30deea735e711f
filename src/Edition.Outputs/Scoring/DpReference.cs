using System.Text;
using System.Text.RegularExpressions;

namespace Edition.Outputs.Scoring;

/// <summary>
/// Reads proofread text in Distributed Proofreaders' page-split "formatted rounds" conventions
/// into the common form:
/// <list type="bullet">
/// <item><c>-----File: NNN.png---</c> begins page NNN (its number is the file's last run of digits);</item>
/// <item>a blank line separates paragraphs; a page whose text begins with a blank line begins a paragraph, otherwise its first paragraph continues the last one; lines of a paragraph are joined with a space;</item>
/// <item>4 blank lines precede a chapter heading (the blocks after it, up to the next run of 2 blank lines, belong to its heading matter: subtitles, summaries), 2 a section heading;</item>
/// <item><c>[Footnote A: …]</c> at the page foot is a note, its marker <c>[A]</c> in the text; <c>…]*</c> goes on as <c>*[Footnote: …]</c> on the next page;</item>
/// <item>a word split across pages (<c>de-*</c> / <c>*termines</c>) is joined on the first page; <c>-*</c> is a hyphen DP could not resolve (<see cref="CommonText.OpenHyphen"/>);</item>
/// <item>markup goes: <c>&lt;i&gt;</c> and other tags, <c>/* */</c>, <c>/# #/</c> and other block marker lines, <c>&lt;tb&gt;</c>, <c>[**…]</c> proofreaders' notes, <c>^</c> and <c>^{…}</c> superscript marks; <c>[oe]</c>, <c>[ae]</c> become ligatures; <c>[Blank Page]</c>, <c>[Illustration…]</c> and <c>[Sidenote…]</c> blocks are not scored.</item>
/// </list>
/// Square brackets that are none of these (editorial brackets of the print) are text.
/// </summary>
public static class DpReference
{
    private static readonly Regex Separator = new(@"^-----File: ?([^\s]*?)\.(png|jpe?g|gif|tiff?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex Tag = new(@"\G</?[A-Za-z]{1,6}>", RegexOptions.CultureInvariant);
    private static readonly Regex Marker = new(@"^(/[*#$A-Za-z](\[[^\]]*\])?|[*#$A-Za-z]/)$", RegexOptions.CultureInvariant);

    private static readonly Regex MarkerOfNextPage = new(@"\[([^\[\]\s]+)\]", RegexOptions.CultureInvariant);

    /// <summary>Prefixes the label of a marker moved up to the page before with the word it follows.</summary>
    private const char NextPageLabel = '\uE001';

    /// <summary>True when the text has at least one DP page separator.</summary>
    public static bool HasPageSeparators(string text) =>
        text.Replace("\r\n", "\n").Split('\n').Any(l => Separator.IsMatch(l));

    public static ScoredDocument Parse(string text)
    {
        var pages = SplitPages(text.Replace("\r\n", "\n").Replace('\r', '\n'));
        JoinWordsAcrossPages(pages);

        var builder = new DocumentBuilder();
        var anchors = new Dictionary<(int Page, string Label), (int At, string Word)>();
        var state = new BlockState();
        for (int p = 0; p < pages.Count; p++)
        {
            var page = pages[p];
            if (p > 0 || page.Key != null) builder.StartPage(page.Key);
            int pageIndex = builder.CurrentPage;
            var labels = page.Notes.Where(n => n.Label != null).Select(n => n.Label!).ToHashSet(StringComparer.Ordinal);
            WriteBody(page.BodyLines, builder, state, labels, label =>
            {
                if (label[0] == NextPageLabel) anchors.TryAdd((pageIndex + 1, label[1..]), (pageIndex, builder.LastWord()));
                else anchors.TryAdd((pageIndex, label), (pageIndex, builder.LastWord()));
            });
        }
        var doc = builder.Finish();
        doc.PageBreaks = pages.Count(p => p.Key != null);

        // Notes: continuations joined to the note they continue; the whole note is given to the page it begins on.
        var notes = new List<(ScoredNote Note, StringBuilder Raw)>();
        (ScoredNote Note, StringBuilder Raw)? last = null;
        bool lastGoesOn = false;
        var printed = new TextSink[doc.Pages.Count];
        for (int p = 0; p < pages.Count; p++)
        {
            printed[p] = new TextSink();
            foreach (var part in pages[p].Notes)
            {
                WriteInline(PrintedForm(part.Text), printed[p], null, null);
                printed[p].Space();
                bool continuation = part.Label == null && (part.Starred || lastGoesOn);
                lastGoesOn = part.GoesOn;
                if (continuation && last is { } open)
                {
                    string before = open.Raw.ToString().TrimEnd();
                    string after = part.Text.TrimStart();
                    if (!before.EndsWith("-*", StringComparison.Ordinal)) after = after.TrimStart('*');
                    open.Raw.Clear().Append(before).Append('\n').Append(after);
                    continue;
                }
                var note = new ScoredNote { Label = part.Label ?? "", Page = p };
                if (part.Label != null && anchors.TryGetValue((p, part.Label), out var anchor))
                {
                    note.AnchorPage = anchor.At;
                    note.WordBefore = anchor.Word;
                    note.Page = anchor.At; // its page up, with a word split across pages
                }
                last = (note, new StringBuilder(part.Text));
                notes.Add(last.Value);
            }
        }
        var pageNotes = doc.Pages.Select(_ => new TextSink()).ToArray();
        foreach (var (note, raw) in notes)
        {
            var sink = new TextSink();
            WriteInline(raw.ToString(), sink, null, null);
            note.Text = sink.ToString();
            doc.Notes.Add(note);
            pageNotes[note.Page].Append(note.Text);
            pageNotes[note.Page].Space();
        }
        for (int p = 0; p < doc.Pages.Count; p++)
        {
            doc.Pages[p].Notes = pageNotes[p].ToString();
            doc.Pages[p].PrintedNotes = printed[p].ToString();
        }
        return doc;
    }

    private sealed class RawPage
    {
        public string? Key;
        public List<string> BodyLines = new();
        public List<NotePart> Notes = new();
    }

    /// <summary>
    /// One <c>[Footnote …]</c> as it stands on a page. <paramref name="Starred"/>: written <c>*[Footnote</c>,
    /// the continuation of a note; <paramref name="GoesOn"/>: closed <c>]*</c>, continued on the next page.
    /// </summary>
    private sealed record NotePart(string? Label, string Text, bool Starred, bool GoesOn);

    private static List<RawPage> SplitPages(string text)
    {
        var pages = new List<RawPage> { new() };
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var m = Separator.Match(lines[i]);
            if (m.Success)
            {
                if (pages.Count == 1 && pages[0].Key == null && pages[0].BodyLines.All(string.IsNullOrWhiteSpace) && pages[0].Notes.Count == 0)
                    pages.Clear();
                pages.Add(new RawPage { Key = PageKey(m.Groups[1].Value) });
                continue;
            }
            var page = pages[^1];
            string t = lines[i].TrimStart();
            if (t.StartsWith("[Footnote", StringComparison.Ordinal) || t.StartsWith("*[Footnote", StringComparison.Ordinal))
            {
                i = ReadBracketed(lines, i, out string inner, out bool goesOn);
                // inner: "Footnote A: text" or "Footnote: text"
                string rest = inner["Footnote".Length..];
                int colon = rest.IndexOf(':');
                string label = colon >= 0 ? rest[..colon].Trim() : "";
                string body = colon >= 0 ? rest[(colon + 1)..] : rest;
                page.Notes.Add(new NotePart(label.Length == 0 ? null : label, body.Trim(), t.StartsWith('*'), goesOn));
                page.BodyLines.Add(Removed);
                continue;
            }
            if (t.StartsWith("[Illustration", StringComparison.Ordinal) || t.StartsWith("[Sidenote", StringComparison.Ordinal)
                || t.StartsWith("[Blank Page]", StringComparison.Ordinal))
            {
                i = ReadBracketed(lines, i, out _);
                page.BodyLines.Add(Removed);
                continue;
            }
            page.BodyLines.Add(lines[i]);
        }
        return pages;
    }

    /// <summary>The number of a page file: its last run of digits without leading zeros (<c>063</c> → 63), or the name itself.</summary>
    private static string PageKey(string name)
    {
        var digits = Regex.Matches(name, "[0-9]+");
        if (digits.Count == 0) return name;
        string d = digits[^1].Value.TrimStart('0');
        return d.Length == 0 ? "0" : d;
    }

    /// <summary>Reads a bracketed block that begins on line <paramref name="start"/> (after an optional <c>*</c>) to its matching <c>]</c>; returns the last line used.</summary>
    private static int ReadBracketed(string[] lines, int start, out string inner) => ReadBracketed(lines, start, out inner, out _);

    private static int ReadBracketed(string[] lines, int start, out string inner, out bool starAfter)
    {
        starAfter = false;
        var sb = new StringBuilder();
        int depth = 0;
        bool opened = false;
        for (int i = start; i < lines.Length; i++)
        {
            if (Separator.IsMatch(lines[i])) { inner = sb.ToString(); return i - 1; }
            string line = lines[i];
            for (int k = 0; k < line.Length; k++)
            {
                char c = line[k];
                if (c == '[')
                {
                    depth++;
                    if (!opened) { opened = true; continue; }
                }
                else if (c == ']')
                {
                    depth--;
                    if (opened && depth == 0)
                    {
                        inner = sb.ToString();
                        starAfter = k + 1 < line.Length && line[k + 1] == '*';
                        return i;
                    }
                }
                if (opened) sb.Append(c);
            }
            sb.Append('\n');
        }
        inner = sb.ToString();
        return lines.Length - 1;
    }

    /// <summary>A word split across two pages (<c>de-*</c> … <c>*termines</c>) is joined and given to the first page.</summary>
    private static void JoinWordsAcrossPages(List<RawPage> pages)
    {
        for (int p = 1; p < pages.Count; p++)
        {
            var lines = pages[p].BodyLines;
            int first = lines.FindIndex(IsText);
            if (first < 0) continue;
            string head = lines[first].TrimStart();
            if (!head.StartsWith('*')) continue;
            var prev = pages[p - 1].BodyLines;
            int lastIndex = prev.FindLastIndex(IsText);
            string? last = lastIndex >= 0 ? prev[lastIndex].TrimEnd() : null;
            if (last == null || !last.EndsWith('*'))
            {
                lines[first] = head[1..]; // a stray continuation mark
                continue;
            }
            int end = 1;
            while (end < head.Length && !char.IsWhiteSpace(head[end])) end++;
            // A note marker after the word goes up with it, still naming a note of its own page.
            string word = MarkerOfNextPage.Replace(head[1..end], m =>
                pages[p].Notes.Any(n => n.Label == m.Groups[1].Value) ? "[" + NextPageLabel + m.Groups[1].Value + "]" : m.Value);
            string rest = head[end..].TrimStart();
            prev[lastIndex] = last.EndsWith("-*", StringComparison.Ordinal)
                ? last[..^2] + CommonText.OpenHyphen + word
                : last[..^1] + word;
            if (rest.Length > 0) lines[first] = rest;
            else lines.RemoveAt(first);
        }
    }

    /// <summary>Stands in the body where a note or an illustration was taken out: the text after it begins a new paragraph.</summary>
    private const string Removed = "\u0001";

    /// <summary>A line of text: not blank, not a block marker, not a removed block.</summary>
    private static bool IsText(string line)
    {
        string t = line.Trim();
        return t.Length > 0 && t != Removed && !Marker.IsMatch(t) && t != "<tb>";
    }

    private sealed class BlockState
    {
        public bool BlockOpen;
        public bool HeadingMatter;     // inside a chapter heading's matter, until a run of 2 blank lines
        public int BlocksSinceChapter;
    }

    private static void WriteBody(List<string> lines, DocumentBuilder builder, BlockState state, HashSet<string> labels, Action<string> onAnchor)
    {
        int blankRun = 0;
        bool removed = false;
        var run = new StringBuilder(); // the lines of the current block on this page
        void Flush()
        {
            if (run.Length > 0) WriteInline(run.ToString(), builder, labels, onAnchor);
            run.Clear();
        }
        // DP closes its block markup at the foot of each page and opens it again at the head of the
        // next: markers before a page's first line of text or after its last do not end a paragraph.
        int firstText = lines.FindIndex(IsText), lastText = lines.FindLastIndex(IsText);
        for (int i = 0; i < lines.Count; i++)
        {
            string t = lines[i].Trim();
            if (t.Length == 0) { blankRun++; continue; }
            if (t == Removed)
            {
                // The blank lines around a note are not a heading's run of blank lines.
                removed = true;
                blankRun = 0;
                continue;
            }
            if (!IsText(lines[i]))
            {
                if (i < firstText || i > lastText) continue;
                Flush();
                builder.StartBlock();
                state.BlockOpen = false;
                continue;
            }
            if (!state.BlockOpen || blankRun > 0 || removed)
            {
                Flush();
                bool heading = false;
                int level = 0;
                if (blankRun >= 4)
                {
                    heading = true;
                    level = 1;
                    state.HeadingMatter = true;
                    state.BlocksSinceChapter = 0;
                }
                else if (blankRun >= 2)
                {
                    if (state.HeadingMatter) state.HeadingMatter = false; // the 2 blank lines that close a chapter heading
                    else { heading = true; level = 2; }
                }
                else if (state.HeadingMatter && ++state.BlocksSinceChapter > 3)
                {
                    state.HeadingMatter = false;
                }
                builder.StartBlock(heading, level);
            }
            else
            {
                run.Append('\n');
            }
            run.Append(t);
            state.BlockOpen = true;
            blankRun = 0;
            removed = false;
        }
        Flush();
    }

    /// <summary>A note part as printed on its page: a trailing <c>-*</c> is the printed hyphen, a leading <c>*</c> goes.</summary>
    private static string PrintedForm(string part)
    {
        string s = part.Trim();
        if (s.StartsWith('*')) s = s[1..];
        if (s.EndsWith("-*", StringComparison.Ordinal)) s = s[..^1];
        return s;
    }

    /// <summary>Writes DP text in the common form: markup out, markers reported, open hyphens marked.</summary>
    internal static void WriteInline(string s, ITextTarget target, HashSet<string>? labels, Action<string>? onAnchor)
    {
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '[')
            {
                if (s.AsSpan(i).StartsWith("[**"))
                {
                    i = MatchingBracket(s, i);
                    continue;
                }
                int close = s.IndexOf(']', i + 1);
                if (close > i)
                {
                    string inside = s[(i + 1)..close];
                    if (labels != null && (labels.Contains(inside) || (inside.Length > 1 && inside[0] == NextPageLabel)))
                    {
                        onAnchor?.Invoke(inside);
                        i = close;
                        continue;
                    }
                    string? ligature = inside switch { "oe" => "œ", "OE" => "Œ", "ae" => "æ", "AE" => "Æ", _ => null };
                    if (ligature != null)
                    {
                        foreach (char l in ligature) target.Append(l);
                        i = close;
                        continue;
                    }
                }
            }
            else if (c == '<')
            {
                var m = Tag.Match(s, i);
                if (m.Success) { i += m.Length - 1; continue; }
            }
            else if (c == '^')
            {
                if (i + 1 < s.Length && s[i + 1] == '{')
                {
                    int close = s.IndexOf('}', i + 2);
                    if (close > 0)
                    {
                        for (int k = i + 2; k < close; k++) target.Append(s[k]);
                        i = close;
                        continue;
                    }
                }
                else if (i + 1 < s.Length && !char.IsWhiteSpace(s[i + 1]))
                {
                    continue; // ^r: the next character is the superscript
                }
            }
            else if (c == '-' && i + 1 < s.Length && s[i + 1] == '*')
            {
                target.Append(CommonText.OpenHyphen);
                i++;
                // "-*" at a line end, the word going on after "*" on the next line
                int k = i + 1;
                while (k < s.Length && s[k] is ' ' or '\t' or '\n') k++;
                if (k < s.Length && s[k] == '*' && k > i + 1) i = k;
                continue;
            }
            target.Append(c);
        }
    }

    private static int MatchingBracket(string s, int open)
    {
        int depth = 0;
        for (int i = open; i < s.Length; i++)
        {
            if (s[i] == '[') depth++;
            else if (s[i] == ']' && --depth == 0) return i;
        }
        return s.Length - 1;
    }
}
