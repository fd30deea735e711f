namespace Edition.Model;

/// <summary>
/// A book being edited: its source, pages and lines, the reading text (blocks and notes), the page
/// furniture taken out of it, and the apparatus that records every change. Stages change readings
/// only through <see cref="Emend"/>, <see cref="Flag"/> and <see cref="TakeOut"/>, so the apparatus
/// is complete by construction.
/// </summary>
public sealed class Document
{
    private readonly List<Emendation> _apparatus = new();

    public Document(SourceText source, Book book)
    {
        Source = source;
        Book = book;
    }

    public SourceText Source { get; }
    public Book Book { get; }
    public List<Page> Pages { get; } = new();
    /// <summary>The reading text, in order: headings and paragraphs.</summary>
    public List<Block> Body { get; } = new();
    public List<Note> Notes { get; } = new();
    /// <summary>Pieces taken out of the text: running heads, page numbers, note markers at the start of notes.</summary>
    public List<Piece> Furniture { get; } = new();
    /// <summary>Every whitespace piece of the source: the layout the edition normalises.</summary>
    public List<Piece> Whitespace { get; } = new();
    public IReadOnlyList<Emendation> Apparatus => _apparatus;
    /// <summary>Page images, word boxes and OCR confidences when the book came from scans or hOCR/ALTO; null for plain text.</summary>
    public ScanGeometry? Scan { get; set; }

    /// <summary>Every flow of reading text: each body block, then each paragraph of each note.</summary>
    public IEnumerable<List<Piece>> Flows()
    {
        foreach (var b in Body) yield return b.Pieces;
        foreach (var n in Notes)
            foreach (var p in n.Paragraphs) yield return p;
    }

    /// <summary>
    /// Replaces <paramref name="count"/> pieces of <paramref name="flow"/> from <paramref name="index"/>
    /// with one piece reading <paramref name="reading"/>, and records the change. Page breaks and note
    /// references in the range are not swallowed: they move to just after the new piece.
    /// </summary>
    public Piece Emend(List<Piece> flow, int index, int count, string reading, PieceKind kind, Decision decision)
    {
        if (count <= 0 || index < 0 || index + count > flow.Count) throw new ArgumentOutOfRangeException(nameof(count));
        var parts = new List<Piece>(count);
        var kept = new List<Piece>();
        for (int i = index; i < index + count; i++)
        {
            var p = flow[i];
            if (p.Kind is PieceKind.PageBreak || (p.Kind is PieceKind.NoteReference && count > 1)) kept.Add(p);
            else parts.Add(p);
        }
        if (parts.Count == 0) throw new InvalidOperationException("Nothing to emend.");
        var piece = new Piece(kind, parts, reading);
        piece.Emendation = Record(parts, reading, decision);
        flow.RemoveRange(index, count);
        flow.Insert(index, piece);
        flow.InsertRange(index + 1, kept);
        return piece;
    }

    /// <summary>Changes one piece's reading in place (keeping its kind), recording the change.</summary>
    public Piece Emend(List<Piece> flow, int index, string reading, Decision decision) =>
        Emend(flow, index, 1, reading, flow[index].Kind, decision);

    /// <summary>Records a reading a human should check, without changing it.</summary>
    public Emendation Flag(Piece piece, Decision decision)
    {
        var e = Record(new[] { piece }, piece.Reading, decision with { Status = EmendationStatus.Doubtful });
        piece.Emendation ??= e;
        return e;
    }

    /// <summary>
    /// Takes pieces out of the reading text (furniture such as a running head, or a note's own marker):
    /// they are joined into one piece with an empty reading, kept in <see cref="Furniture"/>.
    /// </summary>
    public Piece TakeOut(IReadOnlyList<Piece> pieces, Decision decision)
    {
        var piece = new Piece(PieceKind.Punctuation, pieces.ToArray(), "");
        piece.Emendation = Record(pieces, "", decision);
        Furniture.Add(piece);
        return piece;
    }

    /// <summary>Turns a marker piece into a reference to <paramref name="note"/>.</summary>
    public Piece LinkReference(List<Piece> pieces, int index, Note note, string reading, Decision decision)
    {
        var p = Emend(pieces, index, 1, reading, PieceKind.NoteReference, decision);
        p.Note = note;
        note.Reference = p;
        return p;
    }

    private Emendation Record(IReadOnlyList<Piece> parts, string reading, Decision d)
    {
        var segments = new List<RawSegment>();
        foreach (var part in parts)
        {
            foreach (var leaf in part.Leaves())
            {
                if (leaf.End == leaf.Start) continue;
                string text = Source.Slice(leaf.Start, leaf.End);
                if (segments.Count > 0 && segments[^1].End == leaf.Start)
                    segments[^1] = new RawSegment(segments[^1].Start, segments[^1].Text + text);
                else
                    segments.Add(new RawSegment(leaf.Start, text));
            }
        }
        int start = segments.Count > 0 ? segments[0].Start : parts[0].Start;
        int end = segments.Count > 0 ? segments[^1].End : parts[^1].End;
        var (line, col) = Source.Locate(Math.Min(start, Math.Max(0, Source.Length - 1)));
        var (endLine, endCol) = end > start ? Source.Locate(end - 1) : (line, col - 1);
        var e = new Emendation
        {
            Id = _apparatus.Count + 1,
            Stage = d.Stage,
            Rule = d.Rule,
            Kind = d.Kind,
            Status = d.Status,
            Page = parts[0].Page,
            Line = line,
            Column = col,
            EndLine = endLine,
            EndColumn = endCol + 1,
            Start = start,
            End = end,
            RawSegments = segments,
            Raw = string.Concat(segments.Select(s => s.Text)),
            Reading = reading,
            Confidence = d.Confidence,
            Why = d.Why,
        };
        _apparatus.Add(e);
        return e;
    }
}
