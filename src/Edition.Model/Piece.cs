namespace Edition.Model;

public enum PieceKind
{
    /// <summary>Letters and digits, with the hyphens and apostrophes inside them.</summary>
    Word,
    /// <summary>One mark of punctuation or any other symbol.</summary>
    Punctuation,
    /// <summary>Whitespace between readings: spaces, tabs, line breaks, blank lines.</summary>
    Space,
    /// <summary>A printed note marker, now a link to its note.</summary>
    NoteReference,
    /// <summary>Where a page of the source begins (empty in the source).</summary>
    PageBreak,
}

/// <summary>
/// The smallest unit of the edition: a reading tied to the characters of the source it comes from.
/// A piece made by an emendation keeps its <see cref="Parts"/>, so every source character stays
/// traceable. Readings change only through <see cref="Document.Emend"/>.
/// </summary>
public sealed class Piece
{
    private static readonly IReadOnlyList<Piece> NoParts = Array.Empty<Piece>();

    public Piece(PieceKind kind, int start, int end, string reading, Page page)
    {
        Kind = kind;
        Start = start;
        End = end;
        Reading = reading;
        Page = page;
        Parts = NoParts;
        // A leaf is made with its raw text as its reading.
        _lineBreak = kind == PieceKind.Space && reading.AsSpan().IndexOfAny('\n', '\f') >= 0;
    }

    internal Piece(PieceKind kind, IReadOnlyList<Piece> parts, string reading)
    {
        Kind = kind;
        Parts = parts;
        Start = parts[0].Start;
        End = parts[^1].End;
        Reading = reading;
        Page = parts[0].Page;
        foreach (var p in parts) _lineBreak |= p._lineBreak;
    }

    private readonly bool _lineBreak;

    public PieceKind Kind { get; internal set; }
    /// <summary>Offset of the first source character.</summary>
    public int Start { get; }
    /// <summary>Offset just past the last source character.</summary>
    public int End { get; }
    /// <summary>The reading of the edition.</summary>
    public string Reading { get; internal set; }
    /// <summary>The source page where the piece begins.</summary>
    public Page Page { get; }
    /// <summary>For a piece made by joining others: the pieces joined, in source order.</summary>
    public IReadOnlyList<Piece> Parts { get; }
    public Emendation? Emendation { get; internal set; }
    /// <summary>For a note reference: the note it links to.</summary>
    public Note? Note { get; set; }
    /// <summary>For a page break: the page that begins here.</summary>
    public Page? BreakPage { get; internal set; }

    public bool IsWord => Kind == PieceKind.Word;
    public bool IsSpace => Kind == PieceKind.Space;
    public bool IsLeaf => Parts.Count == 0;
    /// <summary>Does the source behind this piece hold a line break (or a form feed)?</summary>
    public bool HasLineBreak => _lineBreak;

    /// <summary>The source characters behind this piece (the parts' characters, joined, for a joined piece).</summary>
    public string Raw(SourceText source)
    {
        if (IsLeaf) return source.Slice(Start, End);
        return string.Concat(Parts.Select(p => p.Raw(source)));
    }

    /// <summary>The leaf pieces (source characters) behind this piece, in source order.</summary>
    public IEnumerable<Piece> Leaves()
    {
        if (IsLeaf) { yield return this; yield break; }
        foreach (var p in Parts)
            foreach (var l in p.Leaves()) yield return l;
    }

    public override string ToString() => $"{Kind}:{Reading}@{Start}";

    public static Piece PageBreakAt(int offset, Page page) =>
        new(PieceKind.PageBreak, offset, offset, "", page) { BreakPage = page };
}
