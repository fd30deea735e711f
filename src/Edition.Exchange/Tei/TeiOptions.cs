namespace Edition.Exchange.Tei;

/// <summary>What the TEI writer needs beyond the document.</summary>
public sealed record TeiOptions
{
    /// <summary>The folder the TEI is written to: page images are linked from the facsimile by their path from there; null links none.</summary>
    public string? OutputFolder { get; init; }
    public string ToolVersion { get; init; } = "0";
    /// <summary>The edition's date: never the clock (see <see cref="EditionDate"/>).</summary>
    public DateTimeOffset Date { get; init; }
    /// <summary>Was the date given by SOURCE_DATE_EPOCH (else it is the book's year)?</summary>
    public bool DateFromEnvironment { get; init; }
}
