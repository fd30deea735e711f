using Edition.Ingest;
using Edition.Tests.Support;

namespace Edition.Tests.Ingest;

public class BookFolderTests
{
    [Fact]
    public void AFolderWithOneTextNeedsNoConfig()
    {
        using var folder = new TempFolder("little-book");
        string text = folder.Write("scan.txt", "T he first line.\n");
        var book = BookFolder.Open(folder.Path);
        Assert.Equal(text, book.TextPath);
        Assert.Equal("little-book", book.Book.Id);
        var doc = book.Read();
        Assert.Equal("T he first line.\n", doc.Source.Text);
    }

    [Fact]
    public void TheConfigsSourceChoosesAmongSeveralTexts()
    {
        using var folder = new TempFolder("book");
        folder.Write("a.txt", "first text\n");
        string b = folder.Write("b.txt", "second text\n");
        folder.Write("book.toml", "source = \"b.txt\"\n");
        Assert.Equal(Path.GetFullPath(b), BookFolder.Open(folder.Path).TextPath);
    }

    [Fact]
    public void SeveralTextsWithoutASourceAreAnError()
    {
        using var folder = new TempFolder("book");
        folder.Write("a.txt", "first text\n");
        folder.Write("b.txt", "second text\n");
        var e = Assert.Throws<InputException>(() => BookFolder.Open(folder.Path));
        Assert.Contains("source", e.Message);
    }

    [Fact]
    public void AFolderWithNoTextIsAnError()
    {
        using var folder = new TempFolder("book");
        folder.Write("notes.md", "not OCR\n");
        var e = Assert.Throws<InputException>(() => BookFolder.Open(folder.Path));
        Assert.Equal(folder.Path, e.FilePath);
    }

    [Fact]
    public void ASourceThatDoesNotExistIsAnErrorNamingIt()
    {
        using var folder = new TempFolder("book");
        folder.Write("book.toml", "source = \"missing.txt\"\n");
        var e = Assert.Throws<InputException>(() => BookFolder.Open(folder.Path));
        Assert.EndsWith("missing.txt", e.FilePath);
    }

    [Fact]
    public void AMissingFolderIsAnError()
    {
        using var folder = new TempFolder();
        string missing = Path.Combine(folder.Path, "nope");
        var e = Assert.Throws<InputException>(() => BookFolder.Open(missing));
        Assert.Equal(missing, e.FilePath);
    }

    [Fact]
    public void ALatin1BookIsDecodedAsLatin1()
    {
        using var folder = new TempFolder("book");
        folder.Write("book.toml", "encoding = \"latin-1\"\n");
        folder.Write("scan.txt", System.Text.Encoding.Latin1.GetBytes("Caf\u00e9 society.\n"));
        var doc = BookFolder.Open(folder.Path).Read();
        Assert.Equal("Caf\u00e9 society.\n", doc.Source.Text);
        Assert.Equal("latin-1", doc.Source.Encoding);
    }
}
