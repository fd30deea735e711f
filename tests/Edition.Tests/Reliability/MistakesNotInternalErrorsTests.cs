using System.Text;
using Edition.Tests.Support;

namespace Edition.Tests.Reliability;

/// <summary>
/// Mistakes of the user's that were once internal errors (exit 70, "please report it"): each is now one line
/// naming the file, option or variable, exit 2, and nothing written.
/// </summary>
[Collection("Console")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class MistakesNotInternalErrorsTests
{
    private const string Text = "A first line of a little book, with some words\non a second line.\n";

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("10000")]
    [InlineData("2147483647")]
    public void AYearNoDateCanHoldIsAnErrorNamingTheConfig(string year)
    {
        using var setup = new BookSetup();
        setup.Write("book.txt", Text);
        string config = setup.Write("book.toml", $"title = \"A Book\"\nyear = {year}\n");
        var run = CommandLine.InProcess("build", setup.Book, "--out", setup.Out);
        CommandLine.AssertOneLineNaming(run, config);
        Assert.Contains($"'year' must be the year the book was printed, from 1 to 9999, not {year}", run.Error);
        setup.AssertNothingWritten();
    }

    [Theory]
    [InlineData("1")]
    [InlineData("9999")]
    public void TheFirstAndLastYearsAPdfCanDateAreBuilt(string year)
    {
        using var setup = new BookSetup();
        setup.Write("book.txt", Text);
        setup.Write("book.toml", $"title = \"A Book\"\nyear = {year}\n");
        // Out of process: this process's SOURCE_DATE_EPOCH (set or not) is left as it is, the child's removed.
        var run = CommandLine.OutOfProcess(new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = null }, "build", setup.Book, "--out", setup.Out, "--formats", "md,pdf");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"% {year}\n", File.ReadAllText(Path.Combine(setup.Out, "book.md")));
        Assert.Contains($"D:{int.Parse(year):D4}0101000000", Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(setup.Out, "book.pdf"))));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData(" 5")]
    [InlineData("253402300800")] // a second after the end of the year 9999
    [InlineData("99999999999999")]
    [InlineData("99999999999999999999999")]
    public void ASourceDateEpochNoPdfCanHoldIsAnErrorNamingIt(string value)
    {
        using var setup = new BookSetup();
        setup.Write("book.txt", Text);
        var run = CommandLine.OutOfProcess(new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = value }, "build", setup.Book, "--out", setup.Out);
        CommandLine.AssertOneLineNaming(run, "SOURCE_DATE_EPOCH");
        Assert.Contains($"must be a whole number of seconds since 1970 from 0 to 253402300799 (the end of the year 9999), not '{value}'", run.Error);
        setup.AssertNothingWritten();
    }

    [Fact]
    public void ASourceDateEpochDatesThePdfAndAnEmptyOneIsUnset()
    {
        using var setup = new BookSetup();
        setup.Write("book.txt", Text);
        setup.Write("book.toml", "title = \"A Book\"\nyear = 1936\n");
        string pdf = Path.Combine(setup.Out, "book.pdf");
        var run = CommandLine.OutOfProcess(new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = "253402300799" }, "build", setup.Book, "--out", setup.Out, "--formats", "pdf");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("D:99991231235959", Encoding.Latin1.GetString(File.ReadAllBytes(pdf)));
        run = CommandLine.OutOfProcess(new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = "" }, "build", setup.Book, "--out", setup.Out, "--formats", "pdf");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("D:19360101000000", Encoding.Latin1.GetString(File.ReadAllBytes(pdf)));
        // Without a PDF to date, the variable is not read.
        run = CommandLine.OutOfProcess(new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = "abc" }, "build", setup.Book, "--out", setup.Out, "--formats", "md");
        Assert.True(run.ExitCode == 0, run.Error);
    }

    [Fact]
    public void EmptyOutAndJunitAreUsageErrorsOfTheBuiltProgram()
    {
        using var setup = new BookSetup();
        setup.Write("book.txt", Text);
        var run = CommandLine.OutOfProcess("build", setup.Book, "--out", "");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("edition: --out needs a folder (see 'edition build --help')\n", run.Error);
        run = CommandLine.OutOfProcess("check", setup.Book, "--junit", "");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("edition: --junit needs a file, e.g. --junit report.xml (see 'edition check --help')\n", run.Error);
        setup.AssertNothingWritten();
    }

    /// <summary>A book of eight hOCR pages (the bundled book's first eight), read one per core.</summary>
    private static BookSetup HocrBook()
    {
        var setup = new BookSetup();
        setup.Write("book.toml", "title = \"Pages\"\nsource = \"hocr/\"\n");
        foreach (var file in Directory.GetFiles(Path.Combine(Books.RepositoryRoot, "scans", "pascal", "hocr")).Order(StringComparer.Ordinal).Take(8))
            setup.Write(Path.Combine("hocr", Path.GetFileName(file)), File.ReadAllBytes(file));
        return setup;
    }

    [Fact]
    public void AnUnreadableHocrFileAmongPagesReadInParallelIsAnErrorNamingIt()
    {
        using var setup = HocrBook();
        Assert.True(CommandLine.InProcess("build", setup.Book, "--out", Path.Combine(setup.Root, "whole"), "--formats", "md").ExitCode == 0);
        // Links that lead nowhere: the same for root as for anyone.
        string first = Path.Combine(setup.Book, "hocr", "065a.hocr"), second = Path.Combine(setup.Book, "hocr", "068a.hocr");
        File.CreateSymbolicLink(first, "nowhere.hocr");
        File.CreateSymbolicLink(second, "nowhere-either.hocr");
        for (int i = 0; i < 3; i++)
        {
            // Of two, the first in page order, every time (not whichever a thread met first).
            var run = CommandLine.InProcess("build", setup.Book, "--out", setup.Out, "--formats", "md");
            CommandLine.AssertOneLineNaming(run, first);
            Assert.Contains("cannot be read", run.Error);
            Assert.DoesNotContain("internal error", run.Error);
            setup.AssertNothingWritten();
        }
    }

    [Fact]
    public void AnHocrFileThatIsALinkToItselfIsAnErrorNamingIt()
    {
        using var setup = HocrBook();
        string loop = Path.Combine(setup.Book, "hocr", "066a.hocr");
        File.CreateSymbolicLink(loop, "066a.hocr");
        var run = CommandLine.InProcess("build", setup.Book, "--out", setup.Out, "--formats", "md");
        CommandLine.AssertOneLineNaming(run, loop);
        Assert.Contains("Too many levels of symbolic links", run.Error);
        setup.AssertNothingWritten();
    }

    [Fact]
    public void AnHocrFileWithoutReadPermissionIsAnErrorNamingItUnlessRootCanReadIt()
    {
        using var setup = HocrBook();
        string file = Directory.GetFiles(Path.Combine(setup.Book, "hocr")).Order(StringComparer.Ordinal).ElementAt(3);
        File.SetUnixFileMode(file, UnixFileMode.None);
        var run = CommandLine.InProcess("build", setup.Book, "--out", setup.Out, "--formats", "md");
        if (CommandLine.IsRoot)
        {
            // Root reads a file whatever its mode says (CI runs as root): the book builds.
            Assert.True(run.ExitCode == 0, run.Error);
        }
        else
        {
            CommandLine.AssertOneLineNaming(run, file);
            Assert.Contains("cannot be read", run.Error);
            setup.AssertNothingWritten();
        }
    }
}
