using Edition.Cli.Commands;
using Edition.Ingest;
using Edition.Outputs.Scoring;

namespace Edition.Ocr.Tests;

public class ImageBookTests
{
    [Fact]
    public void The_bundled_image_book_builds_and_scores_against_its_reference()
    {
        var built = Scans.BuildThornton();
        Assert.Equal(21, built.Result.Document.Pages.Count);
        Assert.Contains("thornton: OCR of 21 page images", built.Log);
        string md = Path.Combine(built.OutFolder, "thornton.md");
        Assert.True(File.Exists(md));

        string reference = Path.Combine(Scans.Thornton, "reference.txt");
        var report = Scorer.Score(EditionMarkdown.Parse(File.ReadAllText(md)), DpReference.Parse(File.ReadAllText(reference)));
        // Measured 1.92% body CER (164 word errors in 7,798) with Tesseract 5.3.0 and the stages of this commit.
        Assert.True(report.EditionBody.Cer < 0.025, $"body CER {report.EditionBody.Cer:P2}");
        Assert.True(report.Notes.Matched >= 8, $"{report.Notes.Matched} of 10 notes matched");

        // The same through the command.
        var output = new StringWriter();
        Assert.Equal(0, Edition.Cli.Program.Run(["score", md, reference], output));
        Assert.Contains("body text, edition", output.ToString());
    }

    [Fact]
    public void The_image_book_has_word_and_line_boxes_inside_its_page_images()
    {
        var built = Scans.BuildThornton();
        var doc = built.Result.Document;
        var scan = Assert.IsType<Edition.Model.ScanGeometry>(doc.Scan);
        var images = BookFolder.Open(Scans.Thornton).PageImages;
        Assert.Equal(21, scan.Pages.Count);
        for (int i = 0; i < scan.Pages.Count; i++)
        {
            var page = scan.Pages[i];
            Assert.Equal(i + 1, page.Index);
            Assert.Equal(images[i], page.ImagePath);
            // The page's size is the image's, from the PNG header.
            byte[] png = File.ReadAllBytes(images[i]);
            int width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20));
            Assert.Equal((width, height), (page.Width, page.Height));
            Assert.NotEmpty(page.Words);
            foreach (var w in page.Words)
            {
                Assert.True(w.Box.Left >= 0 && w.Box.Top >= 0 && w.Box.Right <= width && w.Box.Bottom <= height && w.Box.Width > 0 && w.Box.Height > 0,
                    $"page {page.Index}: box {w.Box} of '{doc.Source.Slice(w.Start, w.End)}' is not inside {width}x{height}");
                Assert.InRange(w.Confidence!.Value, 0.0, 1.0);
                Assert.Same(page, scan.PageOf(w));
                Assert.Same(doc.Pages[i], doc.Pages.Single(p => p.Lines.Any(l => l.Start <= w.Start && w.End <= l.End)));
            }
            Assert.All(page.Lines, l => Assert.True(l.Size > 0));
        }
        // "Tortola" on the first page is a word with its box in the text column.
        int at = doc.Source.Text.IndexOf("Tortola", StringComparison.Ordinal);
        var tortola = scan.WordAt(at)!;
        Assert.StartsWith("Tortola", doc.Source.Slice(tortola.Start, tortola.End));
        Assert.Equal(1, scan.PageOf(tortola)!.Index);
    }

    [Fact]
    public void An_image_book_named_relative_gives_relative_image_paths()
    {
        Scans.BuildThornton(); // every page in the shared cache
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, Scans.Thornton);
        var folder = BookFolder.Open(relative);
        Assert.All(folder.PageImages, p => Assert.StartsWith(Path.Combine(relative, "pages") + "/", p));
        var ocr = new PageOcr(new OcrOptions { Jobs = 1, CacheFolder = Scans.Cache });
        var doc = folder.Read(ocr);
        Assert.Equal(0, ocr.EngineCalls);
        Assert.Equal(folder.PageImages, doc.Scan!.Pages.Select(p => p.ImagePath));
    }

    [Fact]
    public void A_rebuild_reads_every_page_from_the_cache()
    {
        var built = Scans.BuildThornton();
        var ocr = new PageOcr(new OcrOptions { Jobs = 2, CacheFolder = Scans.Cache });
        var folder = BookFolder.Open(Scans.Thornton);
        var texts = ocr.Recognize(folder.PageImages, folder.Book.Language);
        Assert.Equal(0, ocr.EngineCalls);
        Assert.Equal(21, ocr.CacheHits);
        Assert.Equal(built.Result.Document.Source.Text, string.Join("\f", texts));
    }

    [Fact]
    public void Keep_going_leaves_an_empty_page_for_an_unreadable_image_and_says_so()
    {
        Scans.BuildThornton(); // pages 003 and 004 are in the shared cache
        string book = Path.Combine(Scans.TempFolder("edition-ocr-keep-"), "two-pages");
        Directory.CreateDirectory(book);
        File.Copy(Scans.Page("003"), Path.Combine(book, "003.png"));
        File.WriteAllBytes(Path.Combine(book, "004.png"), []);
        File.Copy(Scans.Page("005"), Path.Combine(book, "005.png"));
        string bad = Path.Combine(book, "004.png");

        var strict = new PageOcr(new OcrOptions { Jobs = 2, CacheFolder = Scans.Cache });
        var e = Assert.Throws<InputException>(() => BookFolder.Open(book).Read(strict));
        Assert.Equal(bad, e.FilePath);

        var ocr = new PageOcr(new OcrOptions { Jobs = 2, CacheFolder = Scans.Cache, KeepGoing = true });
        var log = new StringWriter();
        var result = Edition.Cli.EditionBuild.Build(book, Path.Combine(book, "..", "out"), BuildCommand.LoadWords(), log, ocr);
        Assert.Equal(0, ocr.EngineCalls);
        var pages = result.Document.Source.Text.Split('\f');
        Assert.Equal(3, pages.Length);
        Assert.Equal("", pages[1]);
        Assert.Contains($"page image left as an empty page: {bad}: is empty (zero bytes)", log.ToString());
    }

    [Fact]
    public void A_folder_of_page_images_is_a_book_and_a_text_beside_them_needs_source()
    {
        string root = Scans.TempFolder("edition-ocr-folder-");
        string book = Path.Combine(root, "images");
        Directory.CreateDirectory(book);
        File.WriteAllBytes(Path.Combine(book, "b.tif"), [0]);
        File.WriteAllBytes(Path.Combine(book, "a.PNG"), [0]);
        File.WriteAllText(Path.Combine(book, "notes.md"), "not an input");
        Assert.True(BookFolder.IsBookFolder(book));
        var folder = BookFolder.Open(book);
        Assert.Equal(new[] { "a.PNG", "b.tif" }, folder.PageImages.Select(Path.GetFileName));

        File.WriteAllText(Path.Combine(book, "reference.txt"), "-----File: 001.png---\n");
        var e = Assert.Throws<InputException>(() => BookFolder.Open(book));
        Assert.Contains("source", e.Message);

        // The bundled book names its images folder, so its reference.txt is never taken for OCR text.
        var thornton = BookFolder.Open(Scans.Thornton);
        Assert.True(thornton.IsImageBook);
        Assert.Equal(21, thornton.PageImages.Count);
        Assert.All(thornton.PageImages, p => Assert.EndsWith(".png", p));
        Assert.Contains(Scans.Thornton, Directory.GetDirectories(Path.GetDirectoryName(Scans.Thornton)!).Where(BookFolder.IsBookFolder));
    }
}
