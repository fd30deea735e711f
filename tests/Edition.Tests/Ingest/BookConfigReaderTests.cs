using Edition.Ingest;
using Edition.Tests.Support;

namespace Edition.Tests.Ingest;

public class BookConfigReaderTests
{
    private const string Valid = """
        # The bundled pamphlet.
        title = "Soviet Communism: Dictatorship or Democracy?"
        authors = ["Sidney Webb", "Beatrice Webb"]
        year = 1936
        language = "en-GB"
        first_page = 2
        source = "webb.txt"
        encoding = "utf-8"

        [[correction]]
        page = 15
        find = "Communist Party He is"
        replace = "Communist Party. He is"
        why = "full stop lost in the print"

        [[correction]]
        page = 21
        find = "Writ"
        replace = "writ"
        """;

    private static InputException Fails(string toml)
    {
        using var folder = new TempFolder("book");
        string path = folder.Write("book.toml", toml);
        var e = Assert.Throws<InputException>(() => BookConfigReader.Read(folder.Path));
        Assert.Equal(path, e.FilePath);
        Assert.StartsWith(path + ": ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        return e;
    }

    [Fact]
    public void AValidConfigIsRead()
    {
        using var folder = new TempFolder("webb-dictatorship");
        folder.Write("book.toml", Valid);
        var config = BookConfigReader.Read(folder.Path);
        var book = config.Book;
        Assert.Equal("webb-dictatorship", book.Id);
        Assert.Equal("Soviet Communism: Dictatorship or Democracy?", book.Title);
        Assert.Equal(new[] { "Sidney Webb", "Beatrice Webb" }, book.Authors);
        Assert.Equal(1936, book.Year);
        Assert.Equal("en-GB", book.Language);
        Assert.Equal(2, book.FirstPage);
        Assert.Empty(book.Stages);
        Assert.Equal(Path.Combine(Path.GetFullPath(folder.Path), "webb.txt"), config.Source);
        Assert.Equal("utf-8", config.Encoding);
    }

    [Fact]
    public void CorrectionsAreReadInOrder()
    {
        using var folder = new TempFolder("book");
        folder.Write("book.toml", Valid);
        var corrections = BookConfigReader.Read(folder.Path).Book.Corrections;
        Assert.Equal(2, corrections.Count);
        Assert.Equal(new Edition.Model.EditorialCorrection(15, "Communist Party He is", "Communist Party. He is", "full stop lost in the print"), corrections[0]);
        Assert.Equal(new Edition.Model.EditorialCorrection(21, "Writ", "writ", ""), corrections[1]);
    }

    [Fact]
    public void WithoutAConfigTheFolderNameIsTheBook()
    {
        using var folder = new TempFolder("my-book");
        var config = BookConfigReader.Read(folder.Path);
        Assert.Equal("my-book", config.Book.Id);
        Assert.Equal("my-book", config.Book.Title);
        Assert.Null(config.Source);
        Assert.Equal("utf-8", config.Encoding);
        Assert.Empty(config.Book.Corrections);
    }

    [Fact]
    public void AStageListIsRead()
    {
        using var folder = new TempFolder("book");
        folder.Write("book.toml", "stages = [\"page-furniture\", \"paragraphs\"]\n");
        Assert.Equal(new[] { "page-furniture", "paragraphs" }, BookConfigReader.Read(folder.Path).Book.Stages);
    }

    [Fact]
    public void Latin1EncodingIsAccepted()
    {
        using var folder = new TempFolder("book");
        folder.Write("book.toml", "encoding = \"latin-1\"\n");
        Assert.Equal("latin-1", BookConfigReader.Read(folder.Path).Encoding);
    }

    [Fact]
    public void AnUnknownEncodingIsAnError() =>
        Assert.Contains("encoding", Fails("encoding = \"utf-16\"\n").Message);

    [Fact]
    public void AnUnknownKeyIsAnError()
    {
        var e = Fails("title = \"A Book\"\nauthor = \"Sidney Webb\"\n");
        Assert.Contains("unknown key 'author'", e.Message);
    }

    [Fact]
    public void AnUnknownKeyInACorrectionIsAnError()
    {
        var e = Fails("[[correction]]\npage = 3\nfind = \"a\"\nreplace = \"b\"\nreason = \"typo\"\n");
        Assert.Contains("unknown key 'reason'", e.Message);
    }

    [Fact]
    public void AYearWrittenAsAStringIsAnError() =>
        Assert.Contains("'year' must be a whole number", Fails("year = \"1936\"\n").Message);

    [Fact]
    public void ATitleWrittenAsANumberIsAnError() =>
        Assert.Contains("'title' must be a string", Fails("title = 1936\n").Message);

    [Fact]
    public void AuthorsOfTheWrongTypeAreAnError() =>
        Assert.Contains("'authors'", Fails("authors = [\"Sidney Webb\", 2]\n").Message);

    [Fact]
    public void ACorrectionPageWrittenAsAStringIsAnError() =>
        Assert.Contains("'page' must be a whole number", Fails("[[correction]]\npage = \"15\"\nfind = \"a\"\nreplace = \"b\"\n").Message);

    [Fact]
    public void ACorrectionWithoutFindIsAnError() =>
        Assert.Contains("'find'", Fails("[[correction]]\npage = 15\nreplace = \"b\"\n").Message);

    [Fact]
    public void ACorrectionWithAnEmptyFindIsAnError() =>
        Assert.Contains("empty 'find'", Fails("[[correction]]\npage = 15\nfind = \"\"\nreplace = \"b\"\n").Message);

    [Fact]
    public void CorrectionAsAPlainTableIsAnError() =>
        Assert.Contains("[[correction]]", Fails("[correction]\npage = 15\nfind = \"a\"\nreplace = \"b\"\n").Message);

    [Fact]
    public void InvalidTomlIsAnErrorWithItsLine() =>
        Assert.Contains("not valid TOML", Fails("title = \"A Book\"\nyear = = 1936\n").Message);

    [Fact]
    public void ASourceOutsideTheBooksFolderIsRejected()
    {
        var e = Fails("source = \"../../etc/passwd\"\n");
        Assert.Contains("'source'", e.Message);
        Assert.Contains("../../etc/passwd", e.Message);
    }

    [Fact]
    public void ASourceInASiblingFolderIsRejected() =>
        Assert.Contains("'source'", Fails("source = \"../other-book/text.txt\"\n").Message);

    [Fact]
    public void AnAbsoluteSourceIsRejected() =>
        Assert.Contains("'source'", Fails("source = \"/etc/passwd\"\n").Message);

    [Fact]
    public void ASourceInASubfolderIsAccepted()
    {
        using var folder = new TempFolder("book");
        folder.Write("book.toml", "source = \"ocr/../ocr/pages.txt\"\n");
        Assert.Equal(Path.Combine(Path.GetFullPath(folder.Path), "ocr", "pages.txt"), BookConfigReader.Read(folder.Path).Source);
    }
}
