using Edition.Model;

namespace Edition.Exchange;

/// <summary>The date an exchanged edition carries: the PDF's rule (SOURCE_DATE_EPOCH, else 1 January of the book's year), never the clock.</summary>
public static class EditionDate
{
    public static DateTimeOffset For(Book book) => Edition.Pdf.PdfEdition.DateFor(book, new Edition.Pdf.Layout.PdfOptions());

    public static bool FromEnvironment =>
        long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), System.Globalization.NumberStyles.Integer,
            System.Globalization.CultureInfo.InvariantCulture, out _);
}
