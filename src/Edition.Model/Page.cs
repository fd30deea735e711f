namespace Edition.Model;

public enum LineRole
{
    Body,
    Blank,
    RunningHead,
    PageNumber,
    Note,
}

public enum PageNumberSource
{
    /// <summary>Read from the page itself (a running head or a bare number).</summary>
    Printed,
    /// <summary>Counted from neighbouring pages whose numbers are printed.</summary>
    Neighbours,
    /// <summary>Counted from the book's config (first printed page number).</summary>
    Config,
    /// <summary>No evidence at all: the scan's own page count.</summary>
    Scan,
}

/// <summary>One page of the source, in scan order.</summary>
public sealed class Page
{
    public Page(int index) => Index = index;

    /// <summary>1-based position in the scan.</summary>
    public int Index { get; }
    public List<Line> Lines { get; } = new();
    /// <summary>The number printed on the page, when one was read.</summary>
    public int? PrintedNumber { get; set; }
    /// <summary>The page number the edition cites.</summary>
    public int Number { get; set; }
    public PageNumberSource NumberSource { get; set; } = PageNumberSource.Scan;
    /// <summary>Where the page begins in the source.</summary>
    public int Start => Lines.Count > 0 ? Lines[0].Start : 0;

    public IEnumerable<Line> BodyLines => Lines.Where(l => l.Role == LineRole.Body);

    public override string ToString() => $"page {Number} (scan {Index})";
}

/// <summary>One line of the source: its pieces, and the whitespace that follows it.</summary>
public sealed class Line
{
    public Line(Page page, int number, int start, int end)
    {
        Page = page;
        Number = number;
        Start = start;
        End = end;
    }

    public Page Page { get; }
    /// <summary>1-based line number in the source file.</summary>
    public int Number { get; }
    public int Start { get; }
    /// <summary>Offset just past the line's last character, before its line break.</summary>
    public int End { get; }
    public LineRole Role { get; set; } = LineRole.Body;
    /// <summary>Words, punctuation and the spaces between them; no leading or trailing whitespace.</summary>
    public List<Piece> Pieces { get; } = new();
    /// <summary>The whitespace that starts after the line's last piece (trailing spaces, the line break, blank lines).</summary>
    public Piece? Break { get; set; }
    /// <summary>Whitespace before the line's first piece that is not part of the previous line's break.</summary>
    public Piece? Indent { get; set; }

    public bool IsBlank => Pieces.Count == 0;

    public string Text(SourceText source) => source.Slice(Start, End);

    /// <summary>The readings of the line's pieces, joined.</summary>
    public string Reading => string.Concat(Pieces.Select(p => p.Reading));

    /// <summary>Length of the line's text without its leading and trailing whitespace.</summary>
    public int ContentLength => Pieces.Count == 0 ? 0 : Pieces[^1].End - Pieces[0].Start;

    public override string ToString() => $"{Number}: {Reading}";
}
