using Edition.Exchange.Tei;
using Edition.Exchange.Tests.Support;
using Xunit.Abstractions;

namespace Edition.Exchange.Tests.Validation;

/// <summary>The real validators on every bundled and corpus book: jing against TEI P5, epubcheck with no error and no warning.</summary>
public class TeiValidationTests(ITestOutputHelper output)
{
    [Fact]
    public void EveryTeiEditionIsValidTeiP5()
    {
        var all = Editions.Get();
        if (all.CorpusNote != null) output.WriteLine(all.CorpusNote);
        var run = Validators.Jing(all.Books.Select(b => b.Tei));
        output.WriteLine($"jing: {all.Books.Count} files ({all.CorpusBooks} corpus books) in {run.Wall.TotalSeconds:0.0} s; the editions were built in {all.BuildTime.TotalSeconds:0.0} s");
        Assert.True(run.ExitCode == 0 && !run.Output.Contains("error", StringComparison.Ordinal), run.Output);
    }

    [Fact]
    public void EveryTeiEditionGivesBackItsRawOcrText()
    {
        var all = Editions.Get();
        foreach (var b in all.Books)
        {
            var rebuilt = TeiRawText.Rebuild(File.ReadAllText(b.Tei));
            Assert.True(rebuilt.Text == b.SourceText, $"{b.Id}: the TEI does not give back the OCR text");
        }
    }

    [Fact]
    public void TheSchemaIsTheSharedOne()
    {
        string shared = Path.GetFullPath(Path.Combine(Books.RepositoryRoot, "..", "shared", "schemas", "tei_all.rng"));
        if (!File.Exists(shared)) { output.WriteLine($"{shared} is absent: the copy kept with the tests is used"); return; }
        Assert.Equal(File.ReadAllBytes(shared), File.ReadAllBytes(Validators.TeiSchema));
    }
}

public class EpubValidationTests(ITestOutputHelper output)
{
    [Fact]
    public void EveryEpubPassesEpubcheckWithNoErrorAndNoWarning()
    {
        var all = Editions.Get();
        if (all.CorpusNote != null) output.WriteLine(all.CorpusNote);
        var (run, results) = Validators.EpubCheck(all.Books.Select(b => b.Epub));
        output.WriteLine($"epubcheck: {all.Books.Count} files ({all.CorpusBooks} corpus books) in {run.Wall.TotalSeconds:0.0} s");
        foreach (var b in all.Books)
        {
            Assert.True(results.TryGetValue(b.Epub, out var r), $"{b.Id}: epubcheck gave no result\n{run.Output}");
            Assert.True(r.Errors == 0 && r.Warnings == 0, $"{b.Id}: {r.Errors} errors, {r.Warnings} warnings\n{run.Output}");
        }
        Assert.Equal(0, run.ExitCode);
    }
}
