using System.Diagnostics;
using Edition.Ingest;

namespace Edition.Ocr.Tests;

public class EngineTests
{
    [Fact]
    public void A_sample_page_reads_as_the_command_line_reads_it()
    {
        Scans.RequireTesseract();
        string page = Scans.Page("003");
        string text;
        using (var engine = new TesseractEngine())
            text = engine.Recognize(File.ReadAllBytes(page), page);

        // Checked by eye against the scan: the article opening, its byline and the drop-cap line.
        Assert.Contains("WILLIAM THORNTON", text);
        Assert.Contains("GAILLARD HUNT", text);
        Assert.Contains("Caribbean", text);
        Assert.Contains("Tortola", text);

        // The same words as `tesseract PAGE stdout --psm 3 -l eng` with one OpenMP thread.
        var cli = new ProcessStartInfo("tesseract", [page, "stdout", "--psm", "3", "-l", "eng"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        cli.Environment["OMP_THREAD_LIMIT"] = "1";
        using var p = Process.Start(cli)!;
        string expected = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        Assert.Equal(expected.TrimEnd('\n', '\f'), text.TrimEnd('\n', '\f'));
    }

    [Fact]
    public void The_same_image_gives_the_same_text_from_a_reused_engine_and_from_parallel_jobs()
    {
        var built = Scans.BuildThornton(); // 2 jobs, engines reused across pages, into the shared cache
        string page = Scans.Page("005");
        var key = OcrCache.Key(File.ReadAllBytes(page), TesseractEngine.Version, "eng", PageOcr.Parameters);
        string? fromBuild = new OcrCache(Scans.Cache).Get(key);
        Assert.NotNull(fromBuild);
        Assert.Contains("ocr_page", fromBuild);
        using var engine = new TesseractEngine();
        Assert.Equal(fromBuild, engine.RecognizeHocr(File.ReadAllBytes(page), page));
        Assert.True(built.Ocr.EngineCalls > 0);
    }

    [Theory]
    [InlineData("003")] // title, byline, drop cap, footnote
    [InlineData("006")] // a table
    [InlineData("010")]
    public void Tesseracts_hOCR_reads_as_the_text_Tesseract_gives_for_the_same_page(string n)
    {
        Scans.RequireTesseract();
        string page = Scans.Page(n);
        byte[] image = File.ReadAllBytes(page);
        string text, hocr;
        using (var engine = new TesseractEngine())
        {
            text = engine.Recognize(image, page);
            hocr = engine.RecognizeHocr(image, page);
        }
        var scan = Edition.Ingest.Scans.HocrReader.Parse(hocr, page);
        Assert.Equal(text, scan.Text);
        // Every word of the hOCR is a word of the text, where its offsets say.
        Assert.All(scan.Geometry.Pages[0].Words, w => Assert.DoesNotContain(scan.Text[w.Start..w.End], c => char.IsWhiteSpace(c)));
        Assert.True(scan.Geometry.Pages[0].Words.Count > 100);
    }

    [Theory]
    [InlineData("empty.png", 0)]
    [InlineData("text.png", 1)]
    [InlineData("truncated.png", 2)]
    [InlineData("garbage.tif", 3)]
    public void An_unreadable_page_image_is_an_input_error_naming_the_file(string name, int kind)
    {
        Scans.RequireTesseract();
        string folder = Scans.TempFolder("edition-ocr-bad-");
        string path = Path.Combine(folder, name);
        byte[] good = File.ReadAllBytes(Scans.Page("004"));
        File.WriteAllBytes(path, kind switch
        {
            0 => [],
            1 => "This is not a picture of a page.\n"u8.ToArray(),
            2 => good[..(good.Length / 3)],
            _ => Enumerable.Range(0, 5000).Select(i => (byte)(i * 7919 % 251)).ToArray(),
        });
        var ocr = new PageOcr(new OcrOptions { Jobs = 1, CacheFolder = Scans.TempFolder("edition-ocr-cache-bad-") });
        var e = Assert.Throws<InputException>(() => ocr.Recognize([path], "en"));
        Assert.Equal(path, e.FilePath);
        Assert.StartsWith(path + ": ", e.Message);
        Assert.Equal(0, ocr.EngineCalls);
    }
}
