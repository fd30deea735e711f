namespace Edition.Model;

/// <summary>What kind of change an emendation is; the HTML colours and the summary group by it.</summary>
public enum EmendationKind
{
    /// <summary>Page furniture taken out of the text: running heads, page numbers.</summary>
    Furniture,
    /// <summary>A printed note marker turned into a numbered reference, or removed from a note's start.</summary>
    NoteMarker,
    /// <summary>A word broken at a line end joined, with or without its hyphen.</summary>
    Hyphenation,
    /// <summary>Spurious spaces inside a word closed up.</summary>
    SplitWord,
    /// <summary>Spaces around punctuation closed up.</summary>
    Spacing,
    /// <summary>A clear OCR misreading corrected.</summary>
    Misreading,
    /// <summary>Lost punctuation restored next to a note marker, stray marks removed.</summary>
    Punctuation,
    /// <summary>A correction made by the book's editor in its config.</summary>
    Editorial,
}

public enum EmendationStatus
{
    /// <summary>Made by a rule on strong evidence.</summary>
    Automatic,
    /// <summary>Made by the book's editor (from its config).</summary>
    Editorial,
    /// <summary>A reading a human should check; the edition may keep the raw reading.</summary>
    Doubtful,
}

/// <summary>Raw characters at a place in the source.</summary>
public readonly record struct RawSegment(int Start, string Text)
{
    public int End => Start + Text.Length;
}

/// <summary>
/// One change of the edition against the source, with its provenance: which stage and rule,
/// where in the source, the raw and the edited reading, and why.
/// </summary>
public sealed class Emendation
{
    public required int Id { get; init; }
    public required string Stage { get; init; }
    public required string Rule { get; init; }
    public required EmendationKind Kind { get; init; }
    public required EmendationStatus Status { get; init; }
    public required Page Page { get; init; }
    public required int Line { get; init; }
    public required int Column { get; init; }
    public required int EndLine { get; init; }
    /// <summary>Column just past the last raw character, on <see cref="EndLine"/>.</summary>
    public required int EndColumn { get; init; }
    /// <summary>Offset of the first raw character.</summary>
    public required int Start { get; init; }
    /// <summary>Offset just past the last raw character.</summary>
    public required int End { get; init; }
    /// <summary>The raw characters, in source order; more than one segment when the change spans a page's furniture.</summary>
    public required IReadOnlyList<RawSegment> RawSegments { get; init; }
    /// <summary>The raw reading (segments joined).</summary>
    public required string Raw { get; init; }
    /// <summary>The edited reading.</summary>
    public required string Reading { get; set; }
    public required double Confidence { get; init; }
    /// <summary>The evidence for the decision, in an editor's words.</summary>
    public required string Why { get; init; }

    /// <summary>True when the reading differs from the raw text (a doubtful flag may leave it unchanged).</summary>
    public bool ChangesReading => Raw != Reading;

    public override string ToString() => $"#{Id} {Stage}/{Rule} p{Page.Number} {Line}:{Column} «{Raw}» → «{Reading}»";
}

/// <summary>What a stage says about a change it makes.</summary>
public readonly record struct Decision(
    string Stage,
    string Rule,
    EmendationKind Kind,
    string Why,
    double Confidence = 1.0,
    EmendationStatus Status = EmendationStatus.Automatic);
