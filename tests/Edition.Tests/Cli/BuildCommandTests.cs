using System.Text;
using System.Text.Json;
using Edition.Cli;
using Edition.Tests.Support;

namespace Edition.Tests.Cli;

/// <summary>The tests that swap Console.Out and Console.Error run one at a time.</summary>
[CollectionDefinition("Console", DisableParallelization = true)]
public sealed class ConsoleCollection;

[Collection("Console")]
public class BuildCommandTests
{
    private static Support.CommandLine.Run RunEdition(params string[] args) => Support.CommandLine.InProcess(args);

    /// <summary>A folder "ROOT/books/NAME" with the given files, and "ROOT/out/NAME" as where its edition goes.</summary>
    private sealed class Setup : IDisposable
    {
        private readonly TempFolder _temp = new();

        public Setup(string name = "book")
        {
            Book = Path.Combine(_temp.Root, "books", name);
            OutParent = Path.Combine(_temp.Root, "out");
            Out = Path.Combine(OutParent, name);
            Directory.CreateDirectory(Book);
        }

        public string Book { get; }
        public string OutParent { get; }
        public string Out { get; }

        public string Write(string file, byte[] bytes)
        {
            string path = Path.Combine(Book, file);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        public string Write(string file, string text) => Write(file, Encoding.UTF8.GetBytes(text));

        /// <summary>Nothing was written: no edition folder, no temporary folder beside it.</summary>
        public void AssertNothingWritten()
        {
            Assert.False(Directory.Exists(Out), "an edition folder was left behind");
            if (Directory.Exists(OutParent))
                Assert.Empty(Directory.GetFileSystemEntries(OutParent));
        }

        public void Dispose() => _temp.Dispose();
    }

    private static void AssertOneLineNaming(Support.CommandLine.Run run, string path)
    {
        Assert.Equal(2, run.ExitCode);
        var lines = run.Error.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("edition: ", lines[0]);
        Assert.Contains(path, lines[0]);
        Assert.DoesNotContain("   at ", run.Error);
    }

    private const string LittleBook = "T he first page of a little book, which has a few lines\nof text on it, and a note.*\n\n* The note at its foot.\n";

    [Fact]
    public void FormatsChooseTheOutputs()
    {
        using var setup = new Setup("little-book");
        setup.Write("little-book.txt", LittleBook);
        Assert.Equal(0, RunEdition("build", setup.Book, "--out", setup.Out, "--formats", "md,apparatus").ExitCode);
        Assert.Equal(new[] { ".edition", "apparatus.json", "little-book.md" }, Directory.GetFiles(setup.Out).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var bad = RunEdition("build", setup.Book, "--out", setup.Out, "--formats", "md,docx");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("docx", bad.Error);
    }

    [Fact]
    public void BuildWritesTheThreeFiles()
    {
        using var setup = new Setup("little-book");
        setup.Write("little-book.txt", LittleBook);
        setup.Write("book.toml", "title = \"A Little Book\"\nauthors = [\"A. Writer\"]\nyear = 1936\n");
        var run = RunEdition("build", setup.Book, "--out", setup.Out);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("", run.Error);
        Assert.Equal(new[] { ".edition", "apparatus.json", "build.json", "diff.html", "diff.txt", "index.html", "little-book.epub", "little-book.md", "little-book.pdf", "little-book.xml" },
            Directory.GetFiles(setup.Out).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        string md = File.ReadAllText(Path.Combine(setup.Out, "little-book.md"));
        Assert.Equal("% A Little Book\n% A. Writer\n% 1936\n\n[]{.pb n=\"1\"} The first page of a little book, which has a few lines of text on it, and a note.[^1]\n\n[^1]: The note at its foot.\n", md);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(setup.Out, "apparatus.json")));
        Assert.Equal("little-book", json.RootElement.GetProperty("book").GetString());
        Assert.Contains("[-T he-]{+The+}", File.ReadAllText(Path.Combine(setup.Out, "diff.txt")));
        Assert.Contains(setup.Out, run.Out);
        // Only the edition folder is left beside it: no temporary or old folders.
        Assert.Equal(new[] { setup.Out }, Directory.GetFileSystemEntries(setup.OutParent));
    }

    [Fact]
    public void BuildingThePamphletWritesItsEdition()
    {
        using var setup = new Setup("webb-dictatorship");
        var run = RunEdition("build", Books.PamphletFolder, "--out", setup.Out);
        Assert.True(run.ExitCode == 0, run.Error);
        string md = File.ReadAllText(Path.Combine(setup.Out, "webb-dictatorship.md"));
        Assert.StartsWith("% Soviet Communism: Dictatorship or Democracy?\n", md);
        Assert.Contains("24 notes", run.Out);
        Assert.True(File.Exists(Path.Combine(setup.Out, "apparatus.json")));
        Assert.True(File.Exists(Path.Combine(setup.Out, "diff.txt")));
    }

    [Fact]
    public void ARebuildReplacesTheEditionAndKeepsFilesTheStagesDoNotMake()
    {
        using var setup = new Setup("little-book");
        setup.Write("little-book.txt", LittleBook);
        Assert.Equal(0, RunEdition("build", setup.Book, "--out", setup.Out).ExitCode);
        File.WriteAllText(Path.Combine(setup.Out, "notes-by-hand.txt"), "made elsewhere");
        setup.Write("little-book.txt", LittleBook.Replace("little book", "small book"));
        Assert.Equal(0, RunEdition("build", setup.Book, "--out", setup.Out).ExitCode);
        Assert.Contains("a small book", File.ReadAllText(Path.Combine(setup.Out, "little-book.md")));
        Assert.Equal("made elsewhere", File.ReadAllText(Path.Combine(setup.Out, "notes-by-hand.txt")));
        Assert.StartsWith("%PDF-", File.ReadAllText(Path.Combine(setup.Out, "little-book.pdf")));
        Assert.Equal(new[] { setup.Out }, Directory.GetFileSystemEntries(setup.OutParent));
    }

    [Fact]
    public void AMissingFolderIsAnErrorNamingIt()
    {
        using var setup = new Setup();
        string missing = Path.Combine(setup.Book, "no-such-book");
        var run = RunEdition("build", missing, "--out", setup.Out);
        AssertOneLineNaming(run, missing);
        setup.AssertNothingWritten();
    }

    [Fact]
    public void AnEmptyTextIsAnErrorNamingIt()
    {
        using var setup = new Setup();
        string text = setup.Write("book.txt", Array.Empty<byte>());
        var run = RunEdition("build", setup.Book, "--out", setup.Out);
        AssertOneLineNaming(run, text);
        Assert.Contains("empty", run.Error);
        setup.AssertNothingWritten();
    }

    [Fact]
    public void ABinaryTextIsAnErrorNamingIt()
    {
        using var setup = new Setup();
        var bytes = new byte[2048];
        new Random(3).NextBytes(bytes);
        bytes[5] = 0;
        string text = setup.Write("book.txt", bytes);
        var run = RunEdition("build", setup.Book, "--out", setup.Out);
        AssertOneLineNaming(run, text);
        Assert.Contains("binary", run.Error);
        setup.AssertNothingWritten();
    }

    [Fact]
    public void ALatin1TextIsAnErrorThatSaysSo()
    {
        using var setup = new Setup();
        string text = setup.Write("book.txt", Encoding.Latin1.GetBytes("Caf\u00e9 society in the 1930s.\n"));
        var run = RunEdition("build", setup.Book, "--out", setup.Out);
        AssertOneLineNaming(run, text);
        Assert.Contains("Latin-1", run.Error);
        setup.AssertNothingWritten();
    }

    [Theory]
    [InlineData("title = \"A Book\"\nauthor = \"Someone\"\n", "unknown key 'author'")]
    [InlineData("year = \"1936\"\n", "'year'")]
    [InlineData("source = \"../../etc/passwd\"\n", "'source'")]
    [InlineData("title = \"unclosed\n", "TOML")]
    [InlineData("stages = [\"paragraphs\", \"spellcheck\"]\n", "spellcheck")]
    [InlineData("stages = [\"footnotes\"]\n", "paragraphs")]
    public void ABadBookTomlIsAnErrorNamingIt(string toml, string problem)
    {
        using var setup = new Setup();
        setup.Write("book.txt", LittleBook);
        string config = setup.Write("book.toml", toml);
        var run = RunEdition("build", setup.Book, "--out", setup.Out);
        AssertOneLineNaming(run, config);
        Assert.Contains(problem, run.Error);
        setup.AssertNothingWritten();
    }

    [Fact]
    public void AFailedBuildLeavesThePreviousEditionAsItWas()
    {
        using var setup = new Setup("little-book");
        setup.Write("little-book.txt", LittleBook);
        Assert.Equal(0, RunEdition("build", setup.Book, "--out", setup.Out).ExitCode);
        var before = Directory.GetFiles(setup.Out).ToDictionary(f => f, File.ReadAllBytes);
        setup.Write("little-book.txt", Array.Empty<byte>());
        var run = RunEdition("build", setup.Book, "--out", setup.Out);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(before.Keys.Order(), Directory.GetFiles(setup.Out).Order());
        foreach (var (file, bytes) in before) Assert.Equal(bytes, File.ReadAllBytes(file));
        Assert.Equal(new[] { setup.Out }, Directory.GetFileSystemEntries(setup.OutParent));
    }

    [Fact]
    public void UsageErrorsExitWithTwo()
    {
        Assert.Equal(2, RunEdition().ExitCode);
        var unknown = RunEdition("publish");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown command 'publish'", unknown.Error);
        var noOut = RunEdition("build", Books.PamphletFolder, "--out");
        Assert.Equal(2, noOut.ExitCode);
        Assert.Contains("--out", noOut.Error);
        var option = RunEdition("build", Books.PamphletFolder, "--fast");
        Assert.Equal(2, option.ExitCode);
        Assert.Contains("--fast", option.Error);
    }

    [Fact]
    public void HelpAndVersionExitWithZero()
    {
        var help = RunEdition("--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("build <BOOK>", help.Out);
        var version = RunEdition("--version");
        Assert.Equal(0, version.ExitCode);
        Assert.StartsWith("edition ", version.Out);
    }
}
