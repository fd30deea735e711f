using System.Text.RegularExpressions;

namespace Edition.Outputs.Scoring;

/// <summary>
/// Reads a Markdown edition (shared/docs/edition-markdown.md) into the common form: a Pandoc title
/// block is skipped; each block (one line per paragraph) is a paragraph, <c>#</c> lines headings;
/// <c>[]{.pb n="N"}</c> begins page N (a break inside a word takes effect after the word, as DP
/// gives such a word to the first page); <c>[^N]</c> is a note reference, <c>[^N]: …</c> its
/// definition, with its paragraphs indented four spaces; backslash escapes are undone.
/// </summary>
public static class EditionMarkdown
{
    private static readonly Regex PageBreak = new(@"\G\[\]\{\.pb\s+n=""?([^""\s}]*)""?[^}]*\}", RegexOptions.CultureInvariant);
    private static readonly Regex NoteReference = new(@"\G\[\^([^\]\s]+)\]", RegexOptions.CultureInvariant);
    private static readonly Regex NoteDefinition = new(@"^\[\^([^\]\s]+)\]:[ \t]?(.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex Heading = new(@"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", RegexOptions.CultureInvariant);

    public static ScoredDocument Parse(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        int i = 0;
        if (lines.Length > 0 && lines[0].StartsWith('%'))
            while (i < lines.Length && lines[i].Trim().Length > 0) i++;

        var builder = new DocumentBuilder();
        var references = new Dictionary<string, (int Page, string Word)>(StringComparer.Ordinal);
        var definitions = new List<(string Label, int Page, List<string> Paragraphs)>();
        bool inNote = false;
        int pageBreaks = 0;

        while (i < lines.Length)
        {
            if (lines[i].Trim().Length == 0) { i++; continue; }
            int start = i;
            while (i < lines.Length && lines[i].Trim().Length > 0) i++;
            var block = lines[start..i];
            string first = block[0];

            if (inNote && (first.StartsWith("    ", StringComparison.Ordinal) || first.StartsWith('\t')))
            {
                definitions[^1].Paragraphs.Add(string.Join(" ", block.Select(l => l.Trim())));
                continue;
            }
            var def = NoteDefinition.Match(first);
            if (def.Success)
            {
                inNote = true;
                var paragraph = string.Join(" ", new[] { def.Groups[2].Value }.Concat(block[1..].Select(l => l.Trim())));
                definitions.Add((def.Groups[1].Value, builder.CurrentPage, new List<string> { paragraph }));
                continue;
            }
            inNote = false;
            var heading = Heading.Match(first);
            string text = string.Join(" ", block.Select(l => l.Trim()));
            if (heading.Success)
            {
                builder.StartBlock(heading: true, level: heading.Groups[1].Length);
                text = string.Join(" ", new[] { heading.Groups[2].Value }.Concat(block[1..].Select(l => l.Trim())));
            }
            else
            {
                builder.StartBlock();
            }
            pageBreaks += WriteInline(text, builder, builder, (label, word) => references.TryAdd(label, (builder.CurrentPage, word)));
        }

        var doc = builder.Finish();
        doc.PageBreaks = pageBreaks;
        var pageNotes = doc.Pages.Select(_ => new TextSink()).ToArray();
        foreach (var (label, definedOn, paragraphs) in definitions)
        {
            var sink = new TextSink();
            foreach (var p in paragraphs)
            {
                WriteInline(p, sink, null, null);
                sink.Space();
            }
            var note = new ScoredNote { Label = label, Text = sink.ToString(), Page = definedOn };
            if (references.TryGetValue(label, out var at))
            {
                note.AnchorPage = at.Page;
                note.WordBefore = at.Word;
                note.Page = at.Page;
            }
            doc.Notes.Add(note);
            pageNotes[note.Page].Append(note.Text);
            pageNotes[note.Page].Space();
        }
        for (int p = 0; p < doc.Pages.Count; p++) doc.Pages[p].Notes = pageNotes[p].ToString();
        return doc;
    }

    /// <summary>
    /// Writes one block's Markdown in the common form; page breaks go to <paramref name="pages"/>
    /// (none in notes), note references to <paramref name="onReference"/>. Returns the page breaks seen.
    /// </summary>
    private static int WriteInline(string s, ITextTarget target, DocumentBuilder? pages, Action<string, string>? onReference)
    {
        int breaks = 0;
        string? pending = null; // a break inside a word: it takes effect where the word ends
        bool lastWasText = false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '\\' && i + 1 < s.Length && char.IsAsciiLetterOrDigit(s[i + 1]) == false && s[i + 1] < 128 && !char.IsWhiteSpace(s[i + 1]))
            {
                target.Append(s[++i]);
                lastWasText = true;
                continue;
            }
            if (c == '[')
            {
                var pb = PageBreak.Match(s, i);
                if (pb.Success)
                {
                    breaks++;
                    i += pb.Length - 1;
                    if (pages != null)
                    {
                        bool wordGoesOn = i + 1 < s.Length && !char.IsWhiteSpace(s[i + 1]);
                        if (lastWasText && wordGoesOn) pending = pb.Groups[1].Value;
                        else pages.StartPage(pb.Groups[1].Value);
                    }
                    continue;
                }
                var reference = NoteReference.Match(s, i);
                if (reference.Success)
                {
                    onReference?.Invoke(reference.Groups[1].Value, pages?.LastWord() ?? "");
                    i += reference.Length - 1;
                    continue;
                }
            }
            if (char.IsWhiteSpace(c))
            {
                if (pending != null) { pages!.StartPage(pending); pending = null; }
                target.Space();
                lastWasText = false;
                continue;
            }
            target.Append(c);
            lastWasText = true;
        }
        if (pending != null) pages!.StartPage(pending);
        return breaks;
    }
}
