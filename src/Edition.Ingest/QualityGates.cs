namespace Edition.Ingest;

/// <summary>
/// The limits <c>edition check</c> holds a book's edition to, from <c>[gates]</c> in its <c>book.toml</c>.
/// A limit is the most the edition may have; a null limit is not checked.
/// </summary>
public sealed record QualityGates
{
    public static readonly QualityGates Default = new();

    /// <summary>Note markers in the text with no note, and notes with no printed marker in the text.</summary>
    public int MaxUnresolvedNotes { get; init; }
    /// <summary>Pages whose number has no evidence at all (counted from the scan).</summary>
    public int MaxUnnumberedPages { get; init; }
    /// <summary>Doubtful readings, as a count; none by default.</summary>
    public int? MaxDoubtful { get; init; }
    /// <summary>Doubtful readings as a share of the edition's words.</summary>
    public double MaxDoubtfulShare { get; init; } = 0.01;
    /// <summary>Lines of the body that repeat a running head's text.</summary>
    public int MaxRunningHeadsInBody { get; init; }
}
