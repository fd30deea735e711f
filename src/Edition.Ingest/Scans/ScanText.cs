using System.Text;
using Edition.Model;

namespace Edition.Ingest.Scans;

/// <summary>
/// OCR markup (hOCR, ALTO, or Tesseract's own hOCR) read as plain text laid out like Tesseract's text
/// output, with the geometry of every word and line by offset into that text.
/// </summary>
/// <remarks>
/// The layout: the words of a line joined by one space, every line ended by <c>\n</c>, a blank line
/// between two paragraphs or blocks of a page, and a form feed between pages (none after the last).
/// This text is the book's raw input: the edition and its apparatus rebuild it.
/// </remarks>
public sealed record ScanText(string Text, ScanGeometry Geometry);

/// <summary>One word as the markup gives it: its text (never empty), its box if any, its confidence 0..1 if any.</summary>
public readonly record struct MarkupWord(string Text, Box? Box, double? Confidence);

/// <summary>Appends pages, blocks, lines and words to the text and the geometry, in reading order.</summary>
public sealed class ScanTextBuilder
{
    private readonly StringBuilder _text = new();
    private readonly ScanGeometry _geometry = new();
    private ScanPage? _page;
    private int _block;
    private bool _blockHasLines, _pageHasLines;

    public int PageCount => _geometry.Pages.Count;

    /// <summary>Starts a page: a form feed before every page but the first.</summary>
    public void BeginPage(string? imagePath, int width, int height)
    {
        if (_geometry.Pages.Count > 0) _text.Append('\f');
        _page = new ScanPage(_geometry.Pages.Count + 1, imagePath, width, height);
        _geometry.Pages.Add(_page);
        _block = 0;
        _blockHasLines = _pageHasLines = false;
    }

    /// <summary>Starts a paragraph or block: its first line will stand after a blank line.</summary>
    public void BeginBlock()
    {
        if (_page == null) throw new InvalidOperationException("a block outside a page");
        _blockHasLines = false;
    }

    /// <summary>Adds a line of words (empty words are skipped; a line with none adds nothing).</summary>
    public void AddLine(IReadOnlyList<MarkupWord> words, Box? lineBox, double? size)
    {
        if (_page == null) throw new InvalidOperationException("a line outside a page");
        var kept = new List<(string Text, MarkupWord Word)>();
        foreach (var w in words)
        {
            string t = Normalize(w.Text);
            if (t.Length > 0) kept.Add((t, w));
        }
        if (kept.Count == 0) return;
        if (!_blockHasLines)
        {
            if (_pageHasLines) _text.Append('\n');
            _block++;
            _blockHasLines = true;
        }
        Box? union = null;
        foreach (var (_, w) in kept)
            if (w.Box is Box b) union = union is Box u ? u.Union(b) : b;
        Box box = lineBox ?? union ?? default;
        int lineStart = _text.Length;
        for (int i = 0; i < kept.Count; i++)
        {
            if (i > 0) _text.Append(' ');
            int start = _text.Length;
            _text.Append(kept[i].Text);
            var w = kept[i].Word;
            _page.Words.Add(new ScanWord(start, _text.Length, w.Box ?? box, w.Confidence));
        }
        _page.Lines.Add(new ScanLine(lineStart, _text.Length, box) { Size = size, Block = _block });
        _text.Append('\n');
        _pageHasLines = true;
    }

    /// <summary>Glues text to the end of the last word of the current line (an ALTO HYP), widening its box.</summary>
    public bool AppendToLastWord(string text, Box? box)
    {
        if (_page == null || _page.Words.Count == 0 || _text.Length == 0 || _text[^1] != '\n') return false;
        var last = _page.Words[^1];
        var line = _page.Lines[^1];
        if (last.End != _text.Length - 1 || line.End != last.End) return false;
        string t = Normalize(text);
        if (t.Length == 0) return true;
        _text.Insert(_text.Length - 1, t);
        var wordBox = box is Box b ? last.Box.Union(b) : last.Box;
        _page.Words[^1] = last with { End = last.End + t.Length, Box = wordBox };
        _page.Lines[^1] = line with { End = line.End + t.Length };
        return true;
    }

    public ScanText Build() => new(_text.ToString(), _geometry);

    /// <summary>Whitespace inside a word becomes one space; none at its ends.</summary>
    private static string Normalize(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s)
        {
            if (char.IsWhiteSpace(c) || c == '\0')
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
