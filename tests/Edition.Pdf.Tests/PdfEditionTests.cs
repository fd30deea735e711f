using System.Globalization;
using Edition.Model;
using Edition.Pdf.Layout;
using Edition.Pdf.Tests.Support;

namespace Edition.Pdf.Tests;

public class PdfEditionTests
{
    [Fact]
    public void TheDateIsNeverTheClock()
    {
        var book = new Book { Id = "b", Year = 1936 };
        var given = new DateTimeOffset(2001, 2, 3, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(given, PdfEdition.DateFor(book, new PdfOptions { Date = given }));
        var date = PdfEdition.DateFor(book, new PdfOptions());
        var epoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        if (long.TryParse(epoch, NumberStyles.Integer, CultureInfo.InvariantCulture, out long s))
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(s), date);
        else
            Assert.Equal(new DateTimeOffset(1936, 1, 1, 0, 0, 0, TimeSpan.Zero), date);
    }

    [Fact]
    public void TheBenchmarksLongBookRepeatsTheBodyWithNotesOfItsOwn()
    {
        var doc = Pamphlet.Document;
        var book = PdfBench.Replicate(doc, 3);
        Assert.Equal(3 * doc.Body.Count, book.Body.Count);
        Assert.Equal(3 * doc.Notes.Count(n => n.Reference != null), book.Notes.Count);
        Assert.Equal(Enumerable.Range(1, book.Notes.Count), book.Notes.Select(n => n.Number));
        var references = book.Body.SelectMany(b => b.Pieces).Where(p => p.Kind == PieceKind.NoteReference && p.Note != null).ToList();
        Assert.All(book.Notes, n => Assert.Contains(n.Reference!, references));
    }
}
