using Edition.Cli;
using Edition.Cli.Commands;
using Edition.Cli.RoundTrip;
using Edition.Ingest;
using Edition.Outputs.Scoring;

namespace Edition.Ocr.Tests;

/// <summary>
/// Edition → PDF → page images → OCR → edition again, on the first pages of the pamphlet. The bars:
/// clean 300 dpi renders of a book face must come back nearly word for word (1%: a word or two in
/// the 500-odd of two pages, for a misread figure or small capital); degraded renders (a skew under
/// a degree, a blur, specks like dust) must come back better than the raw OCR of them, and under 6%
/// — the level where a proofreader's pass is a light one (measured 4.4% on three pages; raw OCR 6.3%).
/// </summary>
public class RoundTripTests
{
    private static readonly Lazy<Edition.Model.Document> First = new(() =>
        EditionBuild.Edit(BookFolder.Open(Path.Combine(Scans.RepositoryRoot, "scans", "webb-dictatorship")), BuildCommand.LoadWords()).Document);

    private static RoundTripReport Run(Degradation? degrade)
    {
        Scans.RequireTesseract();
        return RoundTripRunner.Run(First.Value, BuildCommand.LoadWords(),
            new RoundTripOptions { Pages = 2, Degrade = degrade, Jobs = 2, Cache = Scans.Cache });
    }

    [Fact]
    public void A_clean_render_reads_back_almost_word_for_word()
    {
        var r = Run(null);
        Assert.Equal(2, r.Pages);
        Assert.True(r.Body.ReferenceWords > 400, r.Body.ToString());
        Assert.True(r.Body.Rate <= 0.01, r.Body.ToString());
        // The stages did real work: the raw OCR has the running heads, page numbers and broken words.
        Assert.True(r.RawOcr.Errors > r.Body.Errors, $"raw {r.RawOcr}, edition {r.Body}");
    }

    [Fact]
    public void A_degraded_render_reads_back_better_than_its_raw_ocr()
    {
        var r = Run(Degradation.Typical);
        Assert.True(r.Body.ReferenceWords > 400, r.Body.ToString());
        Assert.True(r.Body.Rate < r.RawOcr.Rate, $"raw {r.RawOcr}, edition {r.Body}");
        Assert.True(r.Body.Rate <= 0.06, r.Body.ToString());
    }

    [Fact]
    public void Degrading_is_deterministic_for_a_seed_and_differs_between_seeds()
    {
        string dir = Path.Combine(Path.GetTempPath(), "edition-degrade-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string page = Scans.Page("003");
            SyntheticScans.Degrade(page, Path.Combine(dir, "a.png"), Degradation.Typical);
            SyntheticScans.Degrade(page, Path.Combine(dir, "b.png"), Degradation.Typical);
            SyntheticScans.Degrade(page, Path.Combine(dir, "c.png"), Degradation.Typical with { Seed = 2 });
            var a = File.ReadAllBytes(Path.Combine(dir, "a.png"));
            Assert.Equal(a, File.ReadAllBytes(Path.Combine(dir, "b.png")));
            Assert.NotEqual(a, File.ReadAllBytes(Path.Combine(dir, "c.png")));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}

public class WordErrorRateTests
{
    [Fact]
    public void Words_fold_apostrophes_and_drop_punctuation()
    {
        Assert.Equal(new[] { "Webb's", "well-known", "2d" }, WordErrorRate.Words("“Webb’s well-known—2d.”"));
    }

    [Fact]
    public void Global_counts_each_kind_of_edit()
    {
        var r = WordErrorRate.Global(new[] { "a", "b", "c", "d" }, new[] { "a", "x", "c", "d", "e" });
        Assert.Equal((1, 0, 1, 4), (r.Substitutions, r.Deletions, r.Insertions, r.ReferenceWords));
        Assert.Equal(0.5, r.Rate);
    }

    [Fact]
    public void Within_finds_the_stretch_of_the_reference_that_was_read()
    {
        var reference = "one two three four five six seven eight".Split(' ');
        var r = WordErrorRate.Within(reference, "four fiv six".Split(' '));
        Assert.Equal((1, 0, 0, 3), (r.Substitutions, r.Deletions, r.Insertions, r.ReferenceWords));
    }
}
