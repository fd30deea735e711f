namespace Edition.Exchange.Epub;

/// <summary>What the EPUB writer needs beyond the document.</summary>
public sealed record EpubOptions
{
    public string ToolVersion { get; init; } = "0";
    /// <summary>The edition's date (metadata and the ZIP's timestamps): never the clock (see <see cref="EditionDate"/>).</summary>
    public DateTimeOffset Date { get; init; }
    /// <summary>Was the date given by SOURCE_DATE_EPOCH (else it is the book's year, and the title page names none)?</summary>
    public bool DateFromEnvironment { get; init; }
    /// <summary>Where EB Garamond is (Debian's fonts-ebgaramond-extra).</summary>
    public string FontFolder { get; init; } = Edition.Pdf.Shaping.FontSet.DefaultFolder;
    /// <summary>Debian's copyright file of the fonts, which holds the OFL's text.</summary>
    public string FontCopyright { get; init; } = "/usr/share/doc/fonts-ebgaramond-extra/copyright";
}
