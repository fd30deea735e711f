namespace Edition.Html;

/// <summary>What the HTML writers need to know beyond the document.</summary>
public sealed record HtmlOptions
{
    /// <summary>
    /// The folder the HTML files are written to. Page images (<see cref="Edition.Model.Document.Scan"/>)
    /// are linked by their path relative to it, so the edition folder and the scans can move together;
    /// null links no image.
    /// </summary>
    public string? OutputFolder { get; init; }
}
