using System.Globalization;
using Edition.Model;
using Edition.Pdf.Drawing;
using Edition.Pdf.Hyphenation;
using Edition.Pdf.Layout;
using Edition.Pdf.Shaping;

namespace Edition.Pdf;

/// <summary>The typeset edition: the PDF's bytes and the layout they were drawn from.</summary>
public sealed record PdfResult(byte[] Pdf, TypesetBook Book, Design Design, PdfTimings Timings);

/// <summary>Where the time went: setting and paginating, drawing (with font subsetting), finishing the file.</summary>
public sealed record PdfTimings(TimeSpan Layout, TimeSpan Draw, TimeSpan Finish, TimeSpan LayoutCpu, TimeSpan DrawCpu);

/// <summary>
/// The typeset PDF edition of a document: <c>editions/BOOK/BOOK.pdf</c>. Measure, then place: the
/// running text is set and paginated with its notes, the back and front matter follow from the
/// page numbers, and only then is anything drawn.
/// </summary>
public static class PdfEdition
{
    public static byte[] Write(Document document, PdfOptions? options = null) => Typeset(document, options).Pdf;

    public static PdfResult Typeset(Document document, PdfOptions? options = null)
    {
        options ??= new PdfOptions();
        long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
        var cpu0 = ProcessCpu();
        var fonts = options.FontFolder == FontSet.DefaultFolder ? FontSet.Shared : new FontSet(options.FontFolder);
        var hyphenator = options.HyphenationPatterns == Hyphenator.DefaultPath ? Hyphenator.Default : Hyphenator.Load(options.HyphenationPatterns);
        var design = new Design(options, fonts);
        var book = new BookLayout(document, design, hyphenator).Typeset();

        var layoutTime = System.Diagnostics.Stopwatch.GetElapsedTime(t0);
        var cpu1 = ProcessCpu();
        long t1 = System.Diagnostics.Stopwatch.GetTimestamp();
        var meta = Metadata(document.Book, options);
        var pdf = new PdfRenderer(options.SubsetFonts).Render(book.Pages, design.PageWidth, design.PageHeight, meta);
        var drawTime = System.Diagnostics.Stopwatch.GetElapsedTime(t1);
        var cpu2 = ProcessCpu();
        long t2 = System.Diagnostics.Stopwatch.GetTimestamp();
        var outline = book.Outline.Where(h => h.PageIndex >= 0)
            .Select(h => new OutlineEntry(h.Text, h.Destination, Math.Max(1, h.Level))).ToList();
        pdf = PdfFinisher.Finish(pdf, outline, meta.Language, book.FrontPages);
        return new PdfResult(pdf, book, design, new PdfTimings(layoutTime, drawTime, System.Diagnostics.Stopwatch.GetElapsedTime(t2), cpu1 - cpu0, cpu2 - cpu1));
    }

    private static TimeSpan ProcessCpu() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

    public static PdfMetadata Metadata(Book book, PdfOptions options)
    {
        string year = book.Year?.ToString(CultureInfo.InvariantCulture) ?? "";
        return new PdfMetadata(
            Title: book.Title.Length > 0 ? book.Title : book.Id,
            Author: Principles.Authors(book),
            Subject: year.Length > 0 ? $"A critical edition of the text printed in {year}, established from its OCR" : "A critical edition established from OCR",
            Keywords: "critical edition; apparatus; OCR",
            Creator: options.Creator,
            Producer: "Edition.Pdf (HarfBuzz, Knuth-Plass, SkiaSharp PDF)",
            Date: DateFor(book, options),
            Language: book.Language);
    }

    /// <summary>The document's date: never the clock. SOURCE_DATE_EPOCH when set, else 1 January of the book's year.</summary>
    /// <exception cref="FormatException">SOURCE_DATE_EPOCH is set to something else than seconds a PDF date can hold.</exception>
    public static DateTimeOffset DateFor(Book book, PdfOptions options)
    {
        if (options.Date is { } d) return d;
        if (SourceDateEpoch(Environment.GetEnvironmentVariable(SourceDateEpochVariable)) is { } epoch) return epoch;
        return new DateTimeOffset(book.Year is >= 1 and <= 9999 ? book.Year.Value : 1970, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }

    public const string SourceDateEpochVariable = "SOURCE_DATE_EPOCH";

    /// <summary>The latest second a PDF date can hold (its years have four digits): 9999-12-31T23:59:59Z.</summary>
    public const long LatestSourceDateEpoch = 253402300799;

    /// <summary>
    /// SOURCE_DATE_EPOCH (reproducible-builds.org): null when unset or empty; else whole seconds since 1970,
    /// from 0 to <see cref="LatestSourceDateEpoch"/>. Anything else is a <see cref="FormatException"/> saying so,
    /// as the specification asks ("the build process SHOULD exit with a non-zero error code").
    /// </summary>
    public static DateTimeOffset? SourceDateEpoch(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds) || seconds > LatestSourceDateEpoch)
            throw new FormatException($"must be a whole number of seconds since 1970 from 0 to {LatestSourceDateEpoch} (the end of the year 9999), not '{value}'");
        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }
}
