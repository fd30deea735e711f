using System.Text;
using Edition.Model;
using Edition.Tests.Support;

namespace Edition.Tests.Stages.Layout;

/// <summary>How one word of a built line departs from the ordinary: its own size, a raise, a confidence, the white before it.</summary>
public sealed record WordShape(int Index, int? Width = null, int? Height = null, int Raise = 0, double? Confidence = null, int? SpaceBefore = null);

/// <summary>
/// Builds OCR text with its geometry by hand: lines of words stacked down a page, each word a box
/// 18 px per character wide and 30 px high standing on the line's baseline, lines 40 px high and 10 px
/// apart unless told otherwise. Pages are separated by a form feed, as the scan readers write them.
/// </summary>
public sealed class ScanBuilder
{
    private readonly StringBuilder _text = new();
    private readonly ScanGeometry _geometry = new();
    private ScanPage? _page;
    private int _y;
    private int _block;

    public ScanBuilder Page()
    {
        if (_page != null) _text.Append('\f');
        _page = new ScanPage(_geometry.Pages.Count + 1, null, 1200, 2000);
        _geometry.Pages.Add(_page);
        _y = 100;
        _block = 1;
        return this;
    }

    /// <summary>A blank line in the text (a new block); no geometry.</summary>
    public ScanBuilder Blank()
    {
        _text.Append('\n');
        _block++;
        return this;
    }

    /// <summary>A line: <paramref name="gap"/> px of white above it, words <paramref name="wordHeight"/> px high, starting <paramref name="left"/> px in.</summary>
    public ScanBuilder Line(string text, int gap = 10, int wordHeight = 30, int left = 100, double? confidence = 0.95, params WordShape[] shapes)
    {
        if (_page == null) Page();
        int lineHeight = wordHeight + wordHeight / 3;
        int top = _y + gap;
        int baseline = top + wordHeight;
        int x = left;
        int lineStart = _text.Length;
        var words = text.Split(' ');
        for (int i = 0; i < words.Length; i++)
        {
            var shape = shapes.FirstOrDefault(s => s.Index == i);
            if (i > 0) { _text.Append(' '); x += shape?.SpaceBefore ?? 12; }
            int width = shape?.Width ?? 18 * words[i].Length;
            int height = shape?.Height ?? wordHeight;
            int bottom = baseline - (shape?.Raise ?? 0);
            int start = _text.Length;
            _text.Append(words[i]);
            _page!.Words.Add(new ScanWord(start, _text.Length, new Box(x, bottom - height, x + width, bottom), shape?.Confidence ?? confidence));
            x += width;
        }
        _page!.Lines.Add(new ScanLine(lineStart, _text.Length, new Box(left, top, x, top + lineHeight)) { Size = wordHeight, Block = _block });
        _text.Append('\n');
        _y = top + lineHeight;
        return this;
    }

    /// <summary>Several ordinary body lines.</summary>
    public ScanBuilder Lines(params string[] lines)
    {
        foreach (var l in lines) Line(l);
        return this;
    }

    public string Text => _text.ToString();

    /// <summary>The document read from the text, carrying the geometry.</summary>
    public Document Read()
    {
        var doc = Books.Read(Text);
        doc.Scan = _geometry;
        return doc;
    }
}
