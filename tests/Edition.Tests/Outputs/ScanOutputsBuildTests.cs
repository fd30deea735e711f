using System.Text;
using System.Text.Json;
using Edition.Cli;

namespace Edition.Tests.Outputs;

/// <summary>The build hands the output folder to the writers: every output links the page images by the same relative path, and none holds an absolute one.</summary>
public class ScanOutputsBuildTests
{
    [Fact]
    public void TheBuildLinksPageImagesFromTheEditionFolder()
    {
        var doc = ApparatusScanTests.Edited();
        ApparatusScanTests.Geometry(doc);
        var files = EditionBuild.Render(doc, new[] { "apparatus", "html" }, Path.Combine("editions", "webb"));
        string diff = Encoding.UTF8.GetString(files["diff.html"]);
        string index = Encoding.UTF8.GetString(files["index.html"]);
        string apparatus = Encoding.UTF8.GetString(files["apparatus.json"]);
        const string image = "../../scans/webb/pages/p001.png";
        Assert.Contains($"<img src=\"{image}\"", diff);
        Assert.Contains($"<a class=\"pb-scan\" href=\"{image}\"", index);
        Assert.Equal(image, JsonDocument.Parse(apparatus).RootElement.GetProperty("pages")[0].GetProperty("image").GetString());
        string cwd = Directory.GetCurrentDirectory();
        foreach (var text in new[] { diff, index, apparatus }) Assert.DoesNotContain(cwd, text);
        // The same build again: the same bytes.
        var again = EditionBuild.Render(doc, new[] { "apparatus", "html" }, Path.Combine("editions", "webb"));
        foreach (var (name, bytes) in files) Assert.True(bytes.AsSpan().SequenceEqual(again[name]), name + " differs");
    }
}
