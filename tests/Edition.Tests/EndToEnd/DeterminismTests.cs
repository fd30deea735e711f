using Edition.Cli;
using Edition.Ingest;
using Edition.Tests.Support;

namespace Edition.Tests.EndToEnd;

/// <summary>Principle 4: the same inputs give byte-identical outputs, so CI can diff editions.</summary>
public class DeterminismTests
{
    [Fact]
    public void TwoBuildsOfThePamphletAreByteIdentical()
    {
        var first = EditionBuild.Render(EditionBuild.Edit(BookFolder.Open(Books.PamphletFolder), Books.Words).Document);
        var second = EditionBuild.Render(EditionBuild.Edit(BookFolder.Open(Books.PamphletFolder), Books.Words).Document);
        Assert.Equal(first.Keys, second.Keys);
        foreach (var name in first.Keys) Assert.True(first[name].AsSpan().SequenceEqual(second[name]), name + " differs between two builds");
        Assert.Contains("webb-dictatorship.md", first.Keys);
        Assert.Contains("apparatus.json", first.Keys);
        Assert.Contains("diff.txt", first.Keys);
    }

    [Fact]
    public void TheCommittedEditionIsTheOneTheProgramBuilds()
    {
        // editions/ is committed so that a change in the pipeline shows as a reviewable diff; it must not go stale.
        var files = EditionBuild.Render(EditionBuild.Edit(BookFolder.Open(Books.PamphletFolder), Books.Words).Document);
        string folder = Path.Combine(Books.RepositoryRoot, "editions", "webb-dictatorship");
        foreach (var (name, bytes) in files)
        {
            // The text outputs are committed; a PDF is built by CI as an artefact.
            if (Path.GetExtension(name) is not (".md" or ".json" or ".txt" or ".html")) continue;
            string path = Path.Combine(folder, name);
            Assert.True(File.Exists(path), $"{path} is missing: run the README's build command and commit editions/");
            Assert.True(File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes),
                $"{path} is stale: run `dotnet run --project src/Edition.Cli -- build scans/` and commit editions/");
        }
    }
}
