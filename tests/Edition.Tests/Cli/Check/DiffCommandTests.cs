using Edition.Tests.Support;
using static Edition.Tests.Cli.Check.CheckFixture;

namespace Edition.Tests.Cli.Check;

[Collection("Console")]
public class DiffCommandTests
{
    [Fact]
    public void AgainstAnEditionsFolderAChangedWordIsShown()
    {
        using var temp = CopyBook();
        string md = Path.Combine(temp.Root, "editions", "webb-dictatorship", "webb-dictatorship.md");
        File.WriteAllText(md, File.ReadAllText(md).Replace("the various kinds of “martyrdom”", "the many kinds of “martyrdom”"));
        var run = RunEdition("diff", Path.Combine(Books.RepositoryRoot, "scans", "webb-dictatorship"), "--against", Path.Combine(temp.Root, "editions"));
        Assert.True(run.ExitCode == 1, run.Out + run.Error);
        Assert.Contains("[-many-] {+various+} kinds of “martyrdom”", run.Out);
        Assert.Single(run.Out.Split('\n'), l => l.StartsWith("@@ ", StringComparison.Ordinal));
        Assert.Contains("@@ page 9,", run.Out);
        Assert.Contains("apparatus: the same 475 emendations", run.Out);
    }

    [Fact]
    public void TheSameEditionShowsNoChange()
    {
        var run = RunEdition("diff", Path.Combine(Books.RepositoryRoot, "scans", "webb-dictatorship"), "--against", Path.Combine(Books.RepositoryRoot, "editions"));
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.EndsWith("no change\n", run.Out);
    }

    [Fact]
    public void AnApparatusWithAnEmendationFewerIsSummarisedByKind()
    {
        using var temp = CopyBook();
        string path = Path.Combine(temp.Root, "editions", "webb-dictatorship", "apparatus.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        var list = json["emendations"]!.AsArray();
        var hyphen = list.First(e => (string?)e!["kind"] == "hyphenation" && (string?)e["status"] == "automatic")!;
        list.Remove(hyphen);
        File.WriteAllText(path, json.ToJsonString());
        var run = RunEdition("diff", Path.Combine(Books.RepositoryRoot, "scans", "webb-dictatorship"), "--against", Path.Combine(temp.Root, "editions", "webb-dictatorship"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("apparatus: 474 → 475 emendations (1 added, 0 removed)", run.Out);
        Assert.Contains("  hyphenation  +1\n", run.Out);
        Assert.Contains($"«{(string?)hyphen["raw"]}» → «{(string?)hyphen["reading"]}»", run.Out);
    }

    [Fact]
    public void OutsideAGitRepositoryTheDefaultIsAOneLineError()
    {
        using var temp = CopyBook();
        var run = RunEdition("diff", Path.Combine(temp.Root, "scans", "webb-dictatorship"));
        Assert.Equal(2, run.ExitCode);
        var lines = run.Error.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.Contains("is not in a git repository", lines[0]);
        Assert.Contains("--against DIR", lines[0]);
    }

    [Fact]
    public void AnUnknownRevisionIsAOneLineError()
    {
        var run = RunEdition("diff", Path.Combine(Books.RepositoryRoot, "scans", "webb-dictatorship"), "--against", "no-such-rev-anywhere");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("edition: no-such-rev-anywhere: no such git revision (and no such folder)", run.Error.TrimEnd('\n'));
    }

    [Fact]
    public void ParagraphsAreCountedWithoutTheBlankLinesBetweenThem()
    {
        var sb = new System.Text.StringBuilder();
        int changed = Edition.Cli.Commands.DiffCommand.WriteText(sb,
            "First paragraph.\n\nSecond one here.\n\nThird.\n",
            "First paragraph.\n\nSecond one there.\n\n\nThird.\n", colour: false);
        // A blank line more between paragraphs is no change; the changed paragraph is the second, not the third line.
        Assert.Equal(1, changed);
        Assert.Contains("@@ paragraph 2 @@", sb.ToString());
        Assert.Contains("[-here.-] {+there.+}", sb.ToString());
    }
}
