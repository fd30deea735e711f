using Edition.Cli;
using Edition.Exchange.Epub;
using Edition.Exchange.Tei;
using Edition.Ingest;
using Edition.Model;
using Edition.Stages;

namespace Edition.Exchange.Tests.Support;

/// <summary>The books the tests read: the bundled ones, the evaluation corpus beside the repository, and snippets.</summary>
public static class Books
{
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Edition.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Edition.sln not found above the test binaries");
        }
    }

    public static string Scans(string id) => Path.Combine(RepositoryRoot, "scans", id);

    /// <summary>The evaluation corpus (<c>../shared/corpus</c> beside the repository, or <c>$EDITION_CORPUS</c>); null when absent.</summary>
    public static string? CorpusFolder
    {
        get
        {
            string path = Environment.GetEnvironmentVariable("EDITION_CORPUS") is { Length: > 0 } env
                ? env
                : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus"));
            return Directory.Exists(path) ? path : null;
        }
    }

    private static readonly Lazy<WordList> WordsOnce = new(() => Edition.Cli.Commands.BuildCommand.LoadWords());
    public static WordList Words => WordsOnce.Value;

    /// <summary>Reads a book folder and runs its pipeline (no OCR: text, hOCR or ALTO books only).</summary>
    public static Document Edit(string folder) => EditionBuild.Edit(BookFolder.Open(folder), Words).Document;

    private static readonly Lazy<Document> PamphletOnce = new(() => Edit(Scans("webb-dictatorship")));
    private static readonly Lazy<Document> PascalOnce = new(() => Edit(Scans("pascal")));

    /// <summary>The bundled OCR text book, edited.</summary>
    public static Document Pamphlet => PamphletOnce.Value;
    /// <summary>The bundled hOCR book (page images, word boxes), edited.</summary>
    public static Document Pascal => PascalOnce.Value;

    public static string PamphletText => Path.Combine(Scans("webb-dictatorship"), "webb-dictatorship.txt");

    public static readonly DateTimeOffset Date = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    public static string Tei(Document document, string? outFolder = null) =>
        TeiEdition.Write(document, new TeiOptions { OutputFolder = outFolder, ToolVersion = "9.9.9", Date = Date, DateFromEnvironment = true });

    public static byte[] Epub(Document document, DateTimeOffset? date = null) =>
        EpubEdition.Write(document, new EpubOptions { ToolVersion = "9.9.9", Date = date ?? Date, DateFromEnvironment = true });

    /// <summary>A snippet of OCR text read and edited by every stage.</summary>
    public static Document Snippet(string text, string id = "snippet", bool byteOrderMark = false, string encoding = "utf-8")
    {
        var book = new Book { Id = id, Title = "A Snippet", Authors = new[] { "A. Writer" }, Year = 1900, Language = "en-GB" };
        var document = TextIngest.Read(new SourceText(id + ".txt", text, byteOrderMark, encoding), book);
        Edition.Stages.Pipeline.For(book).Run(document, new Edition.Stages.StageContext(Words));
        return document;
    }

    /// <summary>
    /// A corpus book as a book folder built from its hOCR: the corpus's book.toml names no source (its folder
    /// holds page images and hOCR), so the test copies book.toml and hocr/ into <paramref name="into"/> and
    /// adds <c>source = "hocr/"</c>. Nothing is written into the corpus.
    /// </summary>
    public static string CorpusBookFromHocr(string corpusBook, string into)
    {
        string target = Path.Combine(into, Path.GetFileName(corpusBook));
        Directory.CreateDirectory(Path.Combine(target, "hocr"));
        foreach (var f in Directory.GetFiles(Path.Combine(corpusBook, "hocr")))
            File.Copy(f, Path.Combine(target, "hocr", Path.GetFileName(f)));
        File.WriteAllText(Path.Combine(target, "book.toml"),
            File.ReadAllText(Path.Combine(corpusBook, "book.toml")).TrimEnd() + "\nsource = \"hocr/\"\n");
        return target;
    }
}
