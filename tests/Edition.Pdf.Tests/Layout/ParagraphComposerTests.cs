using Edition.Pdf.Hyphenation;
using Edition.Pdf.Layout;
using Edition.Pdf.Shaping;

namespace Edition.Pdf.Tests.Layout;

/// <summary>The composer with the real font: which breaks it offers the breaker, and how it sets the lines.</summary>
public class ParagraphComposerTests
{
    private static readonly Design Design = new(new PdfOptions(), FontSet.Shared);
    private static readonly ParagraphComposer Composer = new(Hyphenator.Default);
    private static TextStyle Body => Design.Body;

    private static InlineText Text(string s)
    {
        var t = new InlineText();
        foreach (var w in s.Split(' ')) t.Space().Add(w, Body);
        return t;
    }

    private static List<LaidLine> Set(string s, float measure) =>
        Composer.Compose(Text(s), new ParagraphStyle { Text = Body, Measure = measure, Breaking = Design.Breaking(Body) });

    [Fact]
    public void AWordIsHyphenatedWhenTheLineNeedsIt()
    {
        // The measure is exactly "we saw a hyphen-": unbroken, "hyphenation" either overruns the
        // line (by "ation") or leaves it short by "hyphen", far more than three spaces can give.
        float measure = Body.Measure("we saw a hyphen-");
        var lines = Set("we saw a hyphenation here", measure);
        Assert.Equal(["we saw a hyphen-", "ation here"], lines.Select(l => l.Text));
        Assert.True(lines[0].Hyphenated);
    }

    [Fact]
    public void AParagraphThatFitsIsNotHyphenated()
    {
        float measure = Body.Measure("we saw a hyphenation");
        var lines = Set("we saw a hyphenation here and there", measure);
        Assert.Equal("we saw a hyphenation", lines[0].Text);
        Assert.DoesNotContain(lines, l => l.Hyphenated);
        Assert.Equal(1, lines[0].Pass);
    }

    [Fact]
    public void TheLastWordOfAParagraphIsNeverHyphenated()
    {
        // Hyphenating "hyphenation" would fill the line; as the paragraph's last word it goes whole to a line of its own.
        float measure = Body.Measure("we saw a hyphen-");
        var lines = Set("we saw a hyphenation", measure);
        Assert.DoesNotContain(lines, l => l.Hyphenated);
        Assert.EndsWith(" hyphenation", " " + lines[^1].Text);
    }

    [Fact]
    public void AWordWithAHyphenBreaksOnlyThere()
    {
        // "govern-ment" would fill the first line; a word with a hyphen of its own breaks only
        // at that hyphen, however loose the line.
        float measure = Body.Measure("an act of self-gov");
        var lines = Set("an act of self-government now", measure);
        Assert.Equal("an act of self-", lines[0].Text);
        Assert.True(lines[0].EndsAtHyphen);
        Assert.DoesNotContain(lines, l => l.Hyphenated);
    }

    [Fact]
    public void AWordAloneOnALineIsNotLetterSpacedToTheMeasure()
    {
        float measure = Body.Measure("an act of self-gov");
        var lines = Set("an act of self-government now", measure);
        var alone = lines.Single(l => l.Text == "government");
        Assert.True(alone.ContentWidth < Body.Measure("government") * 1.05f, $"'government' set {alone.ContentWidth} wide");
    }

    [Fact]
    public void AOneWordParagraphIsOneUnbrokenLine()
    {
        var lines = Set("Dictatorship", Design.Measure);
        var line = Assert.Single(lines);
        Assert.Equal("Dictatorship", line.Text);
        Assert.True(line.IsLast);
        Assert.False(line.Hyphenated);
    }

    [Fact]
    public void ALongWordInANarrowMeasureIsBrokenAtItsPointsAndNothingRunsOver()
    {
        float measure = Body.Size * 4.5f;
        var lines = Set("the incomprehensibilities of it all", measure);
        Assert.True(lines.Count(l => l.Hyphenated) >= 2, string.Join(" / ", lines.Select(l => l.Text)));
        Assert.All(lines, l => Assert.True(l.ContentWidth <= measure + 0.5f, $"'{l.Text}' is {l.ContentWidth} wide in {measure}"));
        string joined = string.Concat(lines.Select(l => l.Hyphenated ? l.Text[..^1] : l.Text + " ")).Trim();
        Assert.Equal("the incomprehensibilities of it all", joined);
        // Every break inside the word falls at one of Liang's points.
        var points = Hyphenator.Default.Points("incomprehensibilities");
        int offset = 0;
        foreach (var l in lines)
        {
            var words = l.Text.Split(' ');
            if (!l.Hyphenated) { offset = 0; continue; }
            string fragment = words[^1][..^1];
            offset = words.Length == 1 && offset > 0 ? offset + fragment.Length : fragment.Length;
            Assert.Contains(offset, points);
        }
    }

    [Fact]
    public void JustifiedLinesFillTheMeasureAndTheLastIsNatural()
    {
        var lines = Set("It is certainly not clear that the mobility of the working constitution in the USSR during the past decade has been, in itself, detrimental to the progress of its inhabitants in health or economic prosperity.", Design.Measure);
        Assert.True(lines.Count >= 2);
        foreach (var l in lines.Take(lines.Count - 1))
            Assert.InRange(l.ContentWidth, Design.Measure - 0.05f, Design.Measure + 0.05f);
        Assert.True(lines[^1].ContentWidth < Design.Measure);
        Assert.Equal(1f, lines[^1].SpaceFactor, 3);
    }
}
