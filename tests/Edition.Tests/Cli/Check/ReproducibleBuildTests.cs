using Edition.Cli;
using Edition.Tests.Support;

namespace Edition.Tests.Cli.Check;

/// <summary>Principle 4 at the level of files: two builds of every format into two folders give the same bytes, PDF and stamp included.</summary>
public class ReproducibleBuildTests
{
    [Fact]
    public void TwoBuildsOfThePamphletIntoTwoFoldersAreByteIdentical()
    {
        using var temp = new TempFolder();
        string first = Path.Combine(temp.Root, "one"), second = Path.Combine(temp.Root, "two");
        EditionBuild.Build(Books.PamphletFolder, first, Books.Words, TextWriter.Null);
        EditionBuild.Build(Books.PamphletFolder, second, Books.Words, TextWriter.Null);
        var names = Directory.GetFiles(first).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, Directory.GetFiles(second).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList());
        Assert.Contains("webb-dictatorship.pdf", names);
        Assert.Contains("build.json", names);
        Assert.Contains("index.html", names);
        Assert.Contains("webb-dictatorship.xml", names);
        Assert.Contains("webb-dictatorship.epub", names);
        foreach (var name in names)
            Assert.True(File.ReadAllBytes(Path.Combine(first, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, name))),
                name + " differs between two builds");
        // The stamp names no folder of this machine.
        string stamp = File.ReadAllText(Path.Combine(first, "build.json"));
        Assert.DoesNotContain(temp.Root, stamp);
        Assert.DoesNotContain(Books.RepositoryRoot, stamp);
    }
}
