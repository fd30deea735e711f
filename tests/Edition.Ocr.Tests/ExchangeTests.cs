using Edition.Exchange.Tei;
using Edition.Exchange.Tests.Support;

namespace Edition.Ocr.Tests;

/// <summary>
/// The TEI and EPUB of the bundled image book, from the one build of it this test run makes (its OCR is
/// the slow part): the raw OCR text back from the TEI alone, jing and epubcheck. The other books are
/// validated by Edition.Exchange.Tests.
/// </summary>
public class ExchangeTests
{
    [Fact]
    public void The_image_books_tei_gives_back_its_raw_ocr_text_and_is_valid_tei()
    {
        var built = Scans.BuildThornton();
        string tei = Path.Combine(built.OutFolder, "thornton.xml");
        Assert.Equal(built.Result.Document.Source.Text, TeiRawText.Rebuild(File.ReadAllText(tei)).Text);
        // Every page image is in the facsimile, linked from the edition folder.
        string xml = File.ReadAllText(tei);
        Assert.Equal(21, System.Text.RegularExpressions.Regex.Matches(xml, "<graphic url=\"").Count);
        var run = Validators.Jing(new[] { tei });
        Assert.True(run.ExitCode == 0 && run.Output.Trim().Length == 0, run.Output);
    }

    [Fact]
    public void The_image_books_epub_passes_epubcheck()
    {
        var built = Scans.BuildThornton();
        string epub = Path.Combine(built.OutFolder, "thornton.epub");
        var (run, results) = Validators.EpubCheck(new[] { epub });
        Assert.True(results.TryGetValue(epub, out var r) && r.Errors == 0 && r.Warnings == 0, run.Output);
    }
}
