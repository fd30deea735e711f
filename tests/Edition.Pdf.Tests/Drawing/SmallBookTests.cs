using Edition.Ingest;
using Edition.Model;
using Edition.Pdf.Layout;
using Edition.Pdf.Tests.Support;
using Edition.Stages;

namespace Edition.Pdf.Tests.Drawing;

/// <summary>A book of one paragraph, no headings and no notes, on a page of another size.</summary>
public class SmallBookTests
{
    private static Document OneParagraph()
    {
        var book = new Book { Id = "small", Title = "A Small Book", Authors = ["A. N. Author"], Year = 1900, Language = "en-GB" };
        var doc = TextIngest.Read(new SourceText("small.txt", "A short paragraph of text, fit for the press and nothing more.\n"), book);
        Pipeline.For(book).Run(doc, new StageContext(WordList.LoadDefault()));
        return doc;
    }

    [Fact]
    public void ABookWithoutHeadingsOrNotesIsSetOnTheConfiguredPage()
    {
        var result = PdfEdition.Typeset(OneParagraph(), new PdfOptions { PageWidth = 432, PageHeight = 648, BodySize = 12 });
        var path = Path.Combine(Pamphlet.ArtefactFolder, "small.pdf");
        File.WriteAllBytes(path, result.Pdf);
        var info = Pamphlet.Tool("pdfinfo", path);
        Assert.Contains("Page size:       432 x 648 pts", info);
        Assert.Matches(@"(?m)^Title:\s+A Small Book$", info);
        var text = Pamphlet.Tool("pdftotext", "-enc", "UTF-8", path, "-");
        Assert.Contains("A short paragraph of text, fit for the press and nothing more.", text.Replace('\n', ' '));
        Assert.Equal(1, result.Book.Report.Pages);
        Assert.Equal(0, result.Book.Report.Widows + result.Book.Report.Orphans);
    }

    [Fact]
    public void ABookWithNoTextStillMakesAnOpenablePdf()
    {
        var book = new Book { Id = "empty", Title = "Nothing Yet" };
        var doc = TextIngest.Read(new SourceText("empty.txt", "\n"), book);
        var result = PdfEdition.Typeset(doc);
        var path = Path.Combine(Pamphlet.ArtefactFolder, "empty.pdf");
        File.WriteAllBytes(path, result.Pdf);
        Assert.Matches(@"(?m)^Pages:\s+\d+$", Pamphlet.Tool("pdfinfo", path));
        Assert.Equal(0, result.Book.Report.Lines);
    }
}
