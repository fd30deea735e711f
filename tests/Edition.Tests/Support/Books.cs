using Edition.Ingest;
using Edition.Model;
using Edition.Stages;

namespace Edition.Tests.Support;

/// <summary>Builds documents from text for tests: the bundled pamphlet, or a snippet.</summary>
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

    public static string PamphletFolder => Path.Combine(RepositoryRoot, "scans", "webb-dictatorship");
    public static string PamphletText => Path.Combine(PamphletFolder, "webb-dictatorship.txt");

    public static WordList Words => WordList.LoadDefault();

    public static Document Read(string text, Book? book = null) =>
        TextIngest.Read(new SourceText("test.txt", text), book ?? new Book { Id = "test" });

    /// <summary>Reads the text and runs the given stages (by name), in order; all of them when none are given.</summary>
    public static Document Run(string text, params string[] stages) => Run(Read(text), stages);

    public static Document Run(Document document, params string[] stages)
    {
        var context = new StageContext(Words);
        var names = stages.Length > 0 ? stages : Pipeline.DefaultOrder.ToArray();
        foreach (var name in names) StageByName(name).Run(document, context);
        return document;
    }

    public static IStage StageByName(string name) =>
        Pipeline.Default().Stages.Single(s => s.Name == name);

    /// <summary>The pamphlet, read and edited by the default pipeline with its own book.toml.</summary>
    public static Document Pamphlet()
    {
        var folder = BookFolder.Open(PamphletFolder);
        var document = folder.Read();
        var context = new StageContext(Words);
        Pipeline.For(document.Book).Run(document, context);
        return document;
    }

    /// <summary>A flow's readings as the Markdown writer puts them (no notes collected).</summary>
    public static string Render(List<Piece> flow) => global::Edition.Outputs.Markdown.MarkdownWriter.Render(flow, 0, null).Trim();

    /// <summary>The Markdown of a snippet edited by every stage, without the title block.</summary>
    public static string Markdown(string text) => global::Edition.Outputs.Markdown.MarkdownWriter.Write(Run(text)).TrimEnd('\n');
}
