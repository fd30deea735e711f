using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Edition.Ingest;
using Edition.Model;
using Edition.Stages;

namespace Edition.Html.Tests.Support;

/// <summary>Documents for the HTML tests: the bundled pamphlet (edited once, then only read), or a snippet run through every stage.</summary>
public static class Books
{
    private static readonly Lazy<Document> PamphletDocument = new(EditPamphlet);

    /// <summary>Reads the pamphlet's folder and edits it afresh.</summary>
    public static Document EditPamphlet()
    {
        var folder = BookFolder.Open(PamphletFolder);
        var document = folder.Read();
        Pipeline.For(document.Book).Run(document, new StageContext(WordList.LoadDefault()));
        return document;
    }

    private static readonly Lazy<(string Index, string Diff)> PamphletHtml = new(() =>
        (HtmlEdition.Write(PamphletDocument.Value), HtmlDiff.Write(PamphletDocument.Value)));

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Edition.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Edition.sln not found above the test binaries");
        }
    }

    public static string PamphletFolder => Path.Combine(RepositoryRoot, "scans", "webb-dictatorship");

    /// <summary>The pamphlet edited by its own pipeline. Shared by the tests: the HTML writers only read it.</summary>
    public static Document Pamphlet => PamphletDocument.Value;

    public static string PamphletIndex => PamphletHtml.Value.Index;
    public static string PamphletDiff => PamphletHtml.Value.Diff;

    /// <summary>A snippet of OCR text edited by every stage, with the given book config.</summary>
    public static Document Run(string text, Book? book = null)
    {
        var document = TextIngest.Read(new SourceText("test.txt", text), book ?? new Book { Id = "test" });
        Pipeline.For(document.Book).Run(document, new StageContext(WordList.LoadDefault()));
        return document;
    }

    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
