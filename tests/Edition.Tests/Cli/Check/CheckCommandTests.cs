using System.Text.Json;
using System.Xml.Linq;
using Edition.Tests.Support;
using static Edition.Tests.Cli.Check.CheckFixture;

namespace Edition.Tests.Cli.Check;

[Collection("Console")]
public class CheckCommandTests
{
    private static JsonElement Book(Support.CommandLine.Run run, string name)
    {
        var root = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal("edition-check/1", root.GetProperty("schema").GetString());
        return root.GetProperty("books").EnumerateArray().Single(b => b.GetProperty("book").GetString() == name);
    }

    private static JsonElement Gate(JsonElement book, string name) =>
        book.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("name").GetString() == name);

    [Fact]
    public void TheCommittedEditionsAreUpToDate()
    {
        var run = RunEdition("check", Path.Combine(Books.RepositoryRoot, "scans"), "--json");
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        var root = JsonDocument.Parse(run.Out).RootElement;
        Assert.True(root.GetProperty("ok").GetBoolean());
        Assert.Equal(Directory.GetDirectories(Path.Combine(Books.RepositoryRoot, "scans")).Length, root.GetProperty("books").GetArrayLength());
    }

    [Fact]
    public void ThePamphletRebuiltFromScratchMatchesItsCommittedEdition()
    {
        var run = RunEdition("check", Path.Combine(Books.RepositoryRoot, "scans", "webb-dictatorship"), "--all", "--json");
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        var book = Book(run, "webb-dictatorship");
        Assert.True(book.GetProperty("built").GetBoolean());
        Assert.True(book.GetProperty("up_to_date").GetBoolean());
        Assert.Equal(0, book.GetProperty("stale").GetArrayLength());
        Assert.Equal(31, book.GetProperty("measures").GetProperty("pages").GetInt32());
    }

    [Fact]
    public void AnUnchangedBookIsNotRebuiltUnlessAllIsAsked()
    {
        using var temp = CopyBook();
        string scans = Path.Combine(temp.Root, "scans");
        string cache = Path.Combine(temp.Root, "cache");
        // This program has not checked the book before (a fresh cache): it rebuilds it once, to be sure.
        var first = RunEdition("check", scans, "--json", "--cache", cache);
        Assert.True(first.ExitCode == 0, first.Out + first.Error);
        Assert.True(Book(first, "webb-dictatorship").GetProperty("built").GetBoolean());
        Assert.Contains("not verified it before", Book(first, "webb-dictatorship").GetProperty("reason").GetString());

        var quick = RunEdition("check", scans, "--json", "--cache", cache);
        Assert.True(quick.ExitCode == 0, quick.Out + quick.Error);
        Assert.False(Book(quick, "webb-dictatorship").GetProperty("built").GetBoolean());
        Assert.Contains("unchanged", Book(quick, "webb-dictatorship").GetProperty("reason").GetString());

        var all = RunEdition("check", scans, "--all", "--json", "--cache", cache);
        Assert.True(all.ExitCode == 0, all.Out + all.Error);
        Assert.True(Book(all, "webb-dictatorship").GetProperty("built").GetBoolean());
    }

    [Fact]
    public void OneChangedByteOfACommittedOutputMakesTheEditionStale()
    {
        using var temp = CopyBook();
        FlipOneByte(Path.Combine(temp.Root, "editions", "webb-dictatorship", "diff.txt"));
        var run = RunEdition("check", Path.Combine(temp.Root, "scans"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(Path.Combine(temp.Root, "editions", "webb-dictatorship", "diff.txt") + " (differs)", run.Out);
        Assert.Contains("up to date             1 stale", run.Out);
        Assert.DoesNotContain("webb-dictatorship.md (differs)", run.Out);
    }

    [Fact]
    public void AChangedInputIsRebuiltAndTheEditionIsStale()
    {
        using var temp = CopyBook();
        string text = Path.Combine(temp.Root, "scans", "webb-dictatorship", "webb-dictatorship.txt");
        File.WriteAllText(text, File.ReadAllText(text).Replace("the various kinds of", "the many kinds of"));
        var run = RunEdition("check", Path.Combine(temp.Root, "scans"), "--json");
        Assert.Equal(1, run.ExitCode);
        var book = Book(run, "webb-dictatorship");
        Assert.True(book.GetProperty("built").GetBoolean());
        Assert.Contains("webb-dictatorship.txt changed", book.GetProperty("reason").GetString());
        var stale = book.GetProperty("stale").EnumerateArray().Select(s => s.GetProperty("file").GetString()).ToList();
        Assert.Contains("webb-dictatorship.md", stale);
        Assert.Contains("build.json", stale);
        Assert.False(book.GetProperty("up_to_date").GetBoolean());
    }

    [Fact]
    public void AFailingDoubtfulGateShowsInTheJsonAndTheJUnitReport()
    {
        using var temp = CopyBook();
        string book = Path.Combine(temp.Root, "scans", "webb-dictatorship");
        // book.toml ends in its [gates] table.
        File.AppendAllText(Path.Combine(book, "book.toml"), "max_doubtful = 0\n");
        Assert.Equal(0, RunEdition("build", book).ExitCode);
        string junit = Path.Combine(temp.Root, "report.xml");

        var run = RunEdition("check", Path.Combine(temp.Root, "scans"), "--json", "--junit", junit);
        Assert.Equal(1, run.ExitCode);
        var json = Book(run, "webb-dictatorship");
        Assert.True(json.GetProperty("up_to_date").GetBoolean(), "the edition was just built");
        var gate = Gate(json, "doubtful readings");
        Assert.False(gate.GetProperty("pass").GetBoolean());
        Assert.Contains("max_doubtful = 0", gate.GetProperty("message").GetString());
        Assert.True(Gate(json, "unresolved notes").GetProperty("pass").GetBoolean());

        var xml = XDocument.Load(junit);
        var suite = xml.Root!.Elements("testsuite").Single(s => (string?)s.Attribute("name") == "webb-dictatorship");
        Assert.Equal("1", (string?)suite.Attribute("failures"));
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(new[] { "builds", "up to date", "unresolved notes", "unnumbered pages", "doubtful readings", "running heads in body" },
            cases.Select(c => (string?)c.Attribute("name")));
        var failure = cases.Single(c => (string?)c.Attribute("name") == "doubtful readings").Element("failure");
        Assert.NotNull(failure);
        Assert.Contains("max_doubtful = 0", (string?)failure!.Attribute("message"));
        Assert.All(cases.Where(c => (string?)c.Attribute("name") != "doubtful readings"), c => Assert.Null(c.Element("failure")));
        Assert.Empty(Directory.GetFiles(temp.Root, ".report.xml.tmp*"));
    }

    [Fact]
    public void AMarkerWithoutANoteFailsTheUnresolvedNotesGate()
    {
        using var temp = new TempFolder();
        string book = Path.Combine(temp.Root, "scans", "marker");
        Directory.CreateDirectory(book);
        File.WriteAllText(Path.Combine(book, "book.toml"), "first_page = 1\n");
        string Page(int n, string last) =>
            $"{n}\n\nThe committee met again in the spring of the year {1920 + n} and agreed on the plan,\n"
            + "after a long debate about the rules that the members had written down\n" + last + "\n";
        File.WriteAllText(Path.Combine(book, "marker.txt"), string.Join("\f",
            Page(1, "and so the work went on as it had before."),
            Page(2, "and the chairman said that the matter* was settled for the time being."),
            Page(3, "and the work went on again as it had done before.")));
        Assert.Equal(0, RunEdition("build", book).ExitCode);
        string junit = Path.Combine(temp.Root, "report.xml");

        var run = RunEdition("check", book, "--json", "--junit", junit);
        Assert.Equal(1, run.ExitCode);
        var json = Book(run, "marker");
        var gate = Gate(json, "unresolved notes");
        Assert.False(gate.GetProperty("pass").GetBoolean());
        Assert.Contains("marker '*' on page 2", gate.GetProperty("message").GetString());
        Assert.Equal(1, json.GetProperty("measures").GetProperty("unresolved_notes").GetInt32());
        Assert.True(Gate(json, "unnumbered pages").GetProperty("pass").GetBoolean());
        Assert.True(Gate(json, "running heads in body").GetProperty("pass").GetBoolean());

        var failure = XDocument.Load(junit).Descendants("testcase")
            .Single(c => (string?)c.Attribute("name") == "unresolved notes").Element("failure");
        Assert.Contains("has no note", (string?)failure!.Attribute("message"));
    }

    [Fact]
    public void AMissingFolderIsAOneLineErrorWithExitCodeTwo()
    {
        using var temp = new TempFolder();
        string missing = Path.Combine(temp.Root, "nothing-here");
        var run = RunEdition("check", missing);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"edition: {missing}: no such folder", run.Error.TrimEnd('\n'));
    }

    [Fact]
    public void ABookThatFailsToBuildIsReportedAndTheOthersStillChecked()
    {
        using var temp = CopyBook();
        string broken = Path.Combine(temp.Root, "scans", "broken");
        Directory.CreateDirectory(broken);
        File.WriteAllText(Path.Combine(broken, "book.toml"), "title = 3\n");
        var run = RunEdition("check", Path.Combine(temp.Root, "scans"), "--json");
        Assert.Equal(1, run.ExitCode);
        var b = Book(run, "broken");
        Assert.False(b.GetProperty("builds").GetBoolean());
        Assert.Contains("'title' must be a string", b.GetProperty("error").GetString());
        Assert.True(Book(run, "webb-dictatorship").GetProperty("ok").GetBoolean());
    }
}
