using Edition.Cli;
using Edition.Ingest;
using Edition.Outputs.Rebuild;
using Edition.Tests.Support;

namespace Edition.Tests.Ingest.Scans;

/// <summary>scans/pascal: the bundled book of hOCR files (Tesseract's, over the page images beside them).</summary>
public class BundledHocrBookTests
{
    private static string Folder => Path.Combine(Books.RepositoryRoot, "scans", "pascal");

    [Fact]
    public void The_hOCR_book_is_rebuilt_byte_for_byte_from_its_edition()
    {
        var book = BookFolder.Open(Folder);
        Assert.Equal(InputKind.Hocr, book.Kind);
        Assert.Equal(20, book.Files.Count);
        var document = EditionBuild.Edit(book, Books.Words).Document;
        var result = RawRebuilder.Rebuild(document);
        Assert.True(result.Ok, string.Join("\n", result.Problems.Take(5)));
        Assert.Equal(document.Source.Text, result.Text);
        Assert.Equal(20, document.Pages.Count);
    }

    [Fact]
    public void Every_page_has_its_image_and_every_word_a_box_inside_it()
    {
        var book = BookFolder.Open(Folder);
        var document = book.Read();
        var scan = document.Scan!;
        Assert.Equal(20, scan.Pages.Count);
        for (int i = 0; i < 20; i++)
        {
            var page = scan.Pages[i];
            Assert.Equal(Path.Combine(Folder, "pages", $"{63 + i:000}.png"), page.ImagePath);
            Assert.Equal((1250, 2088), (page.Width, page.Height)); // SOURCE.md: every scan is 1250×2088
            // Tesseract's boxes may stand a few pixels outside the ink's line, never outside the image.
            Assert.All(page.Words, w => Assert.True(w.Box.Left >= 0 && w.Box.Top >= 0 && w.Box.Right <= 1250 && w.Box.Bottom <= 2088, w.Box.ToString()));
        }
        // Scan 070 (its hOCR, read by eye): the running head "70 PROVINCIAL LETTERS.", then "various senses which they give".
        int at = document.Source.Text.IndexOf("various senses", StringComparison.Ordinal);
        var word = scan.WordAt(at)!;
        Assert.Equal(8, scan.PageOf(word)!.Index);
        Assert.Equal(new Edition.Model.Box(124, 139, 245, 171), word.Box);
    }

    [Fact]
    public void The_committed_edition_is_the_one_the_program_builds()
    {
        string folder = Path.Combine(Books.RepositoryRoot, "editions", "pascal");
        var files = EditionBuild.Render(EditionBuild.Edit(BookFolder.Open(Folder), Books.Words).Document, null, folder);
        foreach (var (name, bytes) in files)
        {
            if (Path.GetExtension(name) is not (".md" or ".json" or ".txt" or ".html")) continue;
            string path = Path.Combine(folder, name);
            Assert.True(File.Exists(path), $"{path} is missing: run the README's build command and commit editions/");
            Assert.True(File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes),
                $"{path} is stale: run `dotnet run --project src/Edition.Cli -- build scans/` and commit editions/");
        }
    }
}
