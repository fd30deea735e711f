using Edition.Outputs.Diff;
using Edition.Tests.Support;
using static Edition.Tests.Support.Snippet;

namespace Edition.Tests.Outputs;

public class EditionDiffTests
{
    private static readonly string TwoPages = Lines(
        "O ne difficulty of accurately assessing and defining the essential ",
        "characteristics of the constitutional structure of the USSR is the ",
        "rapidity with which it changes ; and the constitution of Soviet Com",
        "munism is, however, perplexing.* The Soviet Communism of the text. ",
        "",
        "* It is interesting to notice that many of the advantages claimed for ",
        "rigidity in constitutions have to do with private ownership.",
        "",
        "",
        "",
        "THE P O SIT IO N  OF THE P A R T Y 7",
        "",
        "Indeed, as we explained in Soviet Communism, the Communist ",
        "Party is perpetually issuing “ directives ” to its members. Of October 1917* ",
        "enjoyed wide popular support.");

    private static string Diff(string text) => EditionDiff.WriteText(Books.Run(text));

    [Fact]
    public void FurnitureIsShownAsTakenOut()
    {
        string diff = Diff(TwoPages);
        Assert.Contains("\n[-THE P O SIT IO N  OF THE P A R T Y 7-]\n", diff);
        Assert.Contains("\n[-*-] It is interesting to notice", diff);
    }

    [Fact]
    public void ChangesAreShownWithTheirReading()
    {
        string diff = Diff(TwoPages);
        Assert.StartsWith("# Edition diff: test against the raw OCR of test.txt\n", diff);
        Assert.Contains("\n[-O ne-]{+One+} difficulty of accurately", diff);
        Assert.Contains("it changes[- -]; and", diff);
        Assert.Contains("of Soviet [-Com⏎munism-]{+Communism+} is, however, perplexing.[-*-]{+[^1]+} The Soviet", diff);
        Assert.Contains("issuing “[- -]directives[- -]” to its members", diff);
    }

    [Fact]
    public void ADoubtfulReadingLeftAsPrintedIsMarked()
    {
        Assert.Contains("Of October 1917{?*?} ", Diff(TwoPages));
    }

    [Fact]
    public void EachPageHasAHeaderWithItsCitedNumberScanAndLines()
    {
        string diff = Diff(TwoPages);
        Assert.Contains("\n=== page 6 (scan 1, lines 1–10) ===\n", diff);
        Assert.Contains("\n=== page 7 (scan 2, lines 11–15) ===\n", diff);
        Assert.True(diff.IndexOf("=== page 6", StringComparison.Ordinal) < diff.IndexOf("=== page 7", StringComparison.Ordinal));
    }

    [Fact]
    public void TheRawTextIsAllThereOutsideTheMarks()
    {
        string diff = Diff(TwoPages);
        string body = string.Join("\n", diff.Split('\n').Where(l => !l.StartsWith('#') && !l.StartsWith("=== ")));
        // Take the edition's side out of every mark and the raw side back in: the raw text is left.
        string raw = System.Text.RegularExpressions.Regex.Replace(body, @"\{\+.*?\+\}", "");
        raw = System.Text.RegularExpressions.Regex.Replace(raw, @"\[-(.*?)-\]", "$1");
        raw = System.Text.RegularExpressions.Regex.Replace(raw, @"\{\?(.*?)\?\}", "$1").Replace("⏎", "\n");
        Assert.Equal(Squash(TwoPages), Squash(raw));
    }

    private static string Squash(string s) => System.Text.RegularExpressions.Regex.Replace(s, @"\s+", " ").Trim();

    [Fact]
    public void NestedChangesShowTheOutermost()
    {
        // "In te r" is closed up first, then joined with "national": the diff shows the join alone.
        var changes = EditionDiff.Changes(Books.Run(Lines(
            "following question : “ Placed around the table at which we are ",
            "now seated there are sixteen chairs. Abroad it is known, on the ",
            "one hand, that the USSR is a country in which everything is ",
            "supposed to be decided by collegiums ; but, on the other hand, it ",
            "is known that everything is decided by individual persons. Who ",
            "really decides ? ” He is a member of the Executive Committee of the Third In te r",
            "national (Comintern), which is, like the Communist Party of the USSR, ",
            "formally outside the state constitution.")));
        var join = changes.Single(c => c.Raw.Contains("In te r"));
        Assert.Equal("In te r\nnational", join.Raw);
        Assert.Equal("International", join.Emendation.Reading);
        for (int i = 1; i < changes.Count; i++) Assert.True(changes[i - 1].End <= changes[i].Start);
    }
}
