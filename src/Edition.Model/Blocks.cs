namespace Edition.Model;

/// <summary>A block of the reading text: its pieces in reading order.</summary>
public abstract class Block
{
    protected Block(Page page) => Page = page;

    /// <summary>The page where the block begins.</summary>
    public Page Page { get; }
    public List<Piece> Pieces { get; } = new();

    public string Reading => string.Concat(Pieces.Select(p => p.Reading));
}

public sealed class Paragraph : Block
{
    public Paragraph(Page page) : base(page) { }
}

/// <summary>A heading printed in the book: level 1 for a chapter or part title, 2 for a section.</summary>
public sealed class Heading : Block
{
    public Heading(Page page, int level) : base(page) => Level = level;
    public int Level { get; set; }
}

/// <summary>A footnote: its text (one or more paragraphs) and the reference in the body that points to it.</summary>
public sealed class Note
{
    public Note(Page page) => Page = page;

    /// <summary>Counts notes through the book, from 1.</summary>
    public int Number { get; set; }
    /// <summary>The page whose foot holds the note.</summary>
    public Page Page { get; }
    /// <summary>The printed marker at the note's start as read by the OCR (empty for a continuation without one).</summary>
    public string PrintedMarker { get; set; } = "";
    /// <summary>The note's own marker piece at its start (furniture of the note), if any.</summary>
    public Piece? Marker { get; set; }
    public List<List<Piece>> Paragraphs { get; } = new();
    /// <summary>The reference in the body text, once linked.</summary>
    public Piece? Reference { get; set; }
    /// <summary>The lines of the note in the source (for layout-aware stages and the diff).</summary>
    public List<Line> Lines { get; } = new();
}
