using Edition.Ingest;
using Edition.Ingest.Scans;
using SkiaSharp;

namespace Edition.Ocr.Tests;

/// <summary>A PDF of scans: pages that are one image are extracted pixel for pixel; other pages are rendered.</summary>
public class PdfScansTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "edition-pdfscans-" + Guid.NewGuid().ToString("N"));

    public PdfScansTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, true);

    /// <summary>Page 1: a scan filling the page at 300 dpi. Page 2: a drawing and a small picture, as a born-digital page has.</summary>
    private string MakePdf(string scan)
    {
        string path = Path.Combine(_dir, "book.pdf");
        using var bitmap = SKBitmap.Decode(scan);
        using var image = SKImage.FromBitmap(bitmap);
        using var stream = File.Create(path);
        using var doc = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { RasterDpi = 300, EncodingQuality = 101 });
        float w = bitmap.Width * 72f / 300, h = bitmap.Height * 72f / 300;
        using (var canvas = doc.BeginPage(w, h))
        {
            canvas.Scale(72f / 300);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        }
        doc.EndPage();
        using (var canvas = doc.BeginPage(w, h))
        {
            using var paint = new SKPaint { Color = SKColors.Black };
            canvas.DrawRect(40, 40, w - 80, 10, paint);
            canvas.Save();
            canvas.Translate(40, 80);
            canvas.Scale(0.05f);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
            canvas.Restore();
        }
        doc.EndPage();
        doc.Close();
        return path;
    }

    [Fact]
    public void A_page_that_is_one_scan_comes_out_pixel_for_pixel_and_other_pages_are_rendered()
    {
        string scan = Scans.Page("003");
        string pdf = MakePdf(scan);
        var r = PdfPages.Extract(pdf, Path.Combine(_dir, "cache"));
        Assert.Equal(2, r.Images.Count);
        Assert.Equal((1, 1, false), (r.Extracted, r.Rendered, r.FromCache));

        using var original = SKBitmap.Decode(scan);
        using var extracted = SKBitmap.Decode(r.Images[0]);
        Assert.Equal((original.Width, original.Height), (extracted.Width, extracted.Height));
        int differing = 0;
        for (int y = 0; y < original.Height; y += 3)
            for (int x = 0; x < original.Width; x += 3)
                if (original.GetPixel(x, y) != extracted.GetPixel(x, y)) differing++;
        Assert.Equal(0, differing);

        // The rendered page is at 300 dpi: the page's width in points times 300/72.
        using var rendered = SKBitmap.Decode(r.Images[1]);
        Assert.InRange(rendered.Width, original.Width - 2, original.Width + 2);
    }

    [Fact]
    public void A_second_extraction_of_the_same_pdf_comes_from_the_cache()
    {
        string pdf = MakePdf(Scans.Page("003"));
        string cache = Path.Combine(_dir, "cache");
        var first = PdfPages.Extract(pdf, cache);
        var again = PdfPages.Extract(pdf, cache);
        Assert.True(again.FromCache);
        Assert.Equal(first.Images, again.Images);
        // No work folder is left behind.
        Assert.Single(Directory.GetDirectories(Path.Combine(cache, "pdf-pages")));
    }

    [Fact]
    public void A_book_folder_holding_a_pdf_of_scans_reads_as_the_images_would()
    {
        Scans.RequireTesseract();
        string book = Path.Combine(_dir, "pdf-book");
        Directory.CreateDirectory(book);
        File.Move(MakePdf(Scans.Page("004")), Path.Combine(book, "scans.pdf"));
        var folder = BookFolder.Open(book);
        Assert.Equal(InputKind.Pdf, folder.Kind);
        Assert.True(folder.IsImageBook);

        var ocr = new PageOcr(new OcrOptions { Jobs = 2, CacheFolder = Scans.Cache });
        var document = folder.Read(ocr);
        Assert.NotNull(folder.PdfExtraction);
        Assert.Equal(2, folder.PageImages.Count);
        // The first page is the scan itself, pixel for pixel: Tesseract reads it exactly as it reads the PNG.
        string direct = ocr.Recognize(new[] { Scans.Page("004") }, "en")[0];
        string fromPdf = document.Source.Text.Split('\f')[0];
        Assert.Equal(direct.TrimEnd(), fromPdf.TrimEnd());
        Assert.NotNull(document.Scan);
        Assert.Equal(folder.PageImages[0], document.Scan!.Pages[0].ImagePath);
    }

    [Fact]
    public void A_file_that_is_not_a_pdf_is_an_error_naming_it()
    {
        string fake = Path.Combine(_dir, "scans.pdf");
        File.WriteAllText(fake, "not a pdf at all");
        var e = Assert.Throws<InputException>(() => PdfPages.Extract(fake, Path.Combine(_dir, "cache")));
        Assert.Equal(fake, e.FilePath);
        Assert.Contains("not a PDF", e.Message);

        string broken = Path.Combine(_dir, "broken.pdf");
        File.WriteAllText(broken, "%PDF-1.4\n garbage without any objects\n");
        var e2 = Assert.Throws<InputException>(() => PdfPages.Extract(broken, Path.Combine(_dir, "cache")));
        Assert.Equal(broken, e2.FilePath);
    }
}
