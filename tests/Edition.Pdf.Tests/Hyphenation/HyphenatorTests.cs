using Edition.Pdf.Hyphenation;

namespace Edition.Pdf.Tests.Hyphenation;

public class HyphenatorTests
{
    private static Hyphenator EnGb => Hyphenator.Default;

    [Fact]
    public void ThePatternFileIsReadWithItsSettings()
    {
        Assert.True(EnGb.PatternCount > 10000, $"only {EnGb.PatternCount} patterns");
        Assert.Equal(2, EnGb.LeftMin);
        Assert.Equal(3, EnGb.RightMin);
    }

    // Checked by eye against the en-GB patterns (British practice breaks by morphology: hy-phen-a-tion).
    [Theory]
    [InlineData("hyphenation", "hy-phen-a-tion")]
    [InlineData("dictatorship", "dic-tat-or-ship")]
    [InlineData("constitution", "con-sti-tu-tion")]
    [InlineData("democracy", "demo-cracy")]
    [InlineData("the", "the")]
    [InlineData("table", "table")]
    public void KnownWordsBreakWhereThePatternsSay(string word, string expected)
    {
        Assert.Equal(expected, EnGb.Show(word));
    }

    [Fact]
    public void CapitalsAreMatchedAsLowerCaseAndKeptInTheWord()
    {
        Assert.Equal(EnGb.Points("constitution"), EnGb.Points("Constitution"));
    }

    [Fact]
    public void NoBreakLeavesFewerThanTwoLettersBeforeOrThreeAfter()
    {
        foreach (var word in new[] { "aberration", "reaction", "unanimously", "electorate", "organisation" })
            foreach (int p in EnGb.Points(word))
            {
                Assert.True(p >= 2, $"{word}: break after {p} letters");
                Assert.True(word.Length - p >= 3, $"{word}: break leaves {word.Length - p} letters");
            }
    }

    /// <summary>Liang's own example from his thesis, with his five patterns: the odd maximum wins.</summary>
    [Fact]
    public void TheMatcherAppliesTheHighestValueOfEveryMatchingPattern()
    {
        var h = Hyphenator.Parse("hy3ph\nhe2n\nhena4\nhen5at\n1na\nn2at\n1tio\n2io\no2n\n", 2, 2);
        Assert.Equal("hy-phen-ation", h.Show("hyphenation"));
    }
}
