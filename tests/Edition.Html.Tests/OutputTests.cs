using Edition.Html.Tests.Support;
using Xunit.Abstractions;

namespace Edition.Html.Tests;

/// <summary>Runs alone, after the tests that run in parallel, so that a timing measures the writers and not the other tests.</summary>
[CollectionDefinition(nameof(Alone), DisableParallelization = true)]
public sealed class Alone;

/// <summary>The HTML files as files: deterministic, and quick enough to build with every edition.</summary>
[Collection(nameof(Alone))]
public sealed class OutputTests
{
    private readonly ITestOutputHelper _output;

    public OutputTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void TheSameBookGivesByteIdenticalHtml()
    {
        var again = Books.EditPamphlet();
        // A fresh read of the same source with the same config: same bytes, whatever ran before.
        // Rendering the same document twice gives the same bytes (no clock, no unordered iteration).
        string first = HtmlEdition.Write(Books.Pamphlet), second = HtmlEdition.Write(Books.Pamphlet);
        Assert.Equal(first, second);
        Assert.Equal(Books.PamphletIndex, HtmlEdition.Write(again));
        Assert.Equal(Books.PamphletDiff, HtmlDiff.Write(again));
        Assert.DoesNotContain(DateTime.UtcNow.Year.ToString() + "-", Books.PamphletIndex);
    }

    [Fact]
    public void TheBuildWritesTheReadingEditionAndTheDiff()
    {
        // Their speed is measured by `edition bench`, not here: a timed test only measures the machine's load.
        var files = HtmlOutputs.Render(Books.Pamphlet);
        Assert.Equal(new[] { "index.html", "diff.html" }, files.Select(f => f.Name));
        Assert.All(files, f => Assert.StartsWith("<!DOCTYPE html>", f.Html, StringComparison.OrdinalIgnoreCase));
    }
}
