namespace Edition.Pdf.Layout;

public enum GalleyKind { Line, Space, NewPage }

/// <summary>A heading of the edition: in the contents, the outline and the running heads.</summary>
public sealed class HeadingEntry(string text, int level, string destination)
{
    public string Text { get; } = text;
    public int Level { get; } = level;
    public string Destination { get; } = destination;
    /// <summary>The page label where it is printed, once paginated.</summary>
    public string Folio { get; set; } = "";
    public int PageIndex { get; set; } = -1;
}

/// <summary>
/// One thing on the long strip of set text before it is cut into pages: a line (with the notes
/// it references, which must start on the same page), a vertical space, or a forced new page.
/// </summary>
public sealed class GalleyItem
{
    public GalleyKind Kind { get; init; }
    public float Height { get; init; }
    public LaidLine? Line { get; init; }
    /// <summary>Where the line stands across the measure (headings are centred by the composer).</summary>
    public float Leading { get; init; }
    /// <summary>Paragraph number in the galley (-1 for headings and spaces).</summary>
    public int Paragraph { get; init; } = -1;
    public int IndexInParagraph { get; init; }
    public int ParagraphLines { get; init; }
    /// <summary>The page may not end after this item (a heading).</summary>
    public bool KeepWithNext { get; init; }
    /// <summary>For a heading's first line: the heading.</summary>
    public HeadingEntry? Heading { get; init; }
    /// <summary>Notes printed at the foot of the page that holds this line.</summary>
    public List<NoteInstance> Notes { get; } = new();
    /// <summary>A space that vanishes at the top of a page.</summary>
    public bool DiscardAtTop { get; init; }
    /// <summary>For a new page: it opens a chapter (no running head; folio at the foot).</summary>
    public bool Opening { get; init; }

    public static GalleyItem Space(float height, bool discardAtTop) => new() { Kind = GalleyKind.Space, Height = height, DiscardAtTop = discardAtTop };
    public static GalleyItem NewPage(bool opening) => new() { Kind = GalleyKind.NewPage, Opening = opening };

    public override string ToString() => Kind switch
    {
        GalleyKind.Line => $"line p{Paragraph}.{IndexInParagraph}/{ParagraphLines}: {Line!.Text}",
        GalleyKind.Space => $"space {Height}",
        _ => "new page",
    };
}
