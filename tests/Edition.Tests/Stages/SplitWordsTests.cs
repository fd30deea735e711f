using Edition.Model;
using Edition.Tests.Support;
using static Edition.Tests.Support.Snippet;

namespace Edition.Tests.Stages;

public class SplitWordsTests
{
    private static Document Run(string text) => Books.Run(text, "page-furniture", "footnotes", "paragraphs", "split-words");

    private static string Body(Document doc) => string.Join("\n", doc.Body.Select(b => b.Reading));

    private static Emendation Joined(Document doc, string raw) => doc.Apparatus.Single(e => e.Raw == raw);

    private static void AssertJoined(Emendation e, string reading, string? rule = null)
    {
        Assert.Equal("split-words", e.Stage);
        Assert.Equal(EmendationKind.SplitWord, e.Kind);
        Assert.Equal(reading, e.Reading);
        if (rule != null) Assert.Equal(rule, e.Rule);
    }

    [Fact]
    public void ADropCapIsClosedUp()
    {
        var doc = Run(Lines(
            "O ne difficulty of accurately assessing and defining the essential ",
            "characteristics of the constitutional structure of the USSR is the ",
            "rapidity with which it changes. T he new Constitution has been variously depicted."));
        Assert.StartsWith("One difficulty of accurately", Body(doc));
        Assert.Contains("changes. The new Constitution", Body(doc));
        AssertJoined(Joined(doc, "O ne"), "One", "drop-cap");
        AssertJoined(Joined(doc, "T he"), "The", "drop-cap");
        Assert.Equal(EmendationStatus.Automatic, Joined(doc, "T he").Status);
        Assert.Equal((1, 1, 1, 5), (Joined(doc, "O ne").Line, Joined(doc, "O ne").Column, Joined(doc, "O ne").EndLine, Joined(doc, "O ne").EndColumn));
    }

    [Fact]
    public void AnAcronymSplitAfterItsFirstLetterIsClosedUp()
    {
        var doc = Run(Lines(
            "would urge all readers to get a copy of the Draft Constitution of the ",
            "U SSR, with a foreword by Mr. Sidney Webb, and commentaries ",
            "and explanations by other experts, on the USSR as it is."));
        Assert.Contains("Constitution of the \nUSSR, with a foreword", Body(doc));
        AssertJoined(Joined(doc, "U SSR"), "USSR", "drop-cap");
    }

    [Fact]
    public void AnAcronymNoListKnowsIsClosedUpWhenTheDocumentUsesItElsewhere()
    {
        var doc = Run(Lines(
            "The Central Executive Committee (TSIK) of the All-Union Congress ",
            "of Soviets meets rarely. A decision of the Central Executive Committee (T SIK ) of the ",
            "All-Union Congress of Soviets is final."));
        AssertJoined(Joined(doc, "T SIK"), "TSIK");
        Assert.Contains("an acronym the document uses elsewhere", Joined(doc, "T SIK").Why);
        Assert.Contains("Committee (TSIK ) of the", Body(doc));
    }

    [Fact]
    public void AnAcronymNoListKnowsAndTheDocumentNeverPrintsWholeIsLeftAlone()
    {
        var doc = Run(Lines(
            "A decision of the Central Executive Committee (T SIK ) of the ",
            "All-Union Congress of Soviets is final."));
        Assert.Contains("(T SIK )", Body(doc));
        Assert.DoesNotContain(doc.Apparatus, e => e.Stage == "split-words");
    }

    [Fact]
    public void BrokenWordsAreClosedUp()
    {
        var doc = Run(Lines(
            "against spies in war-time—may be abhorrent to us, bu t is not relevant to ",
            "He has often acted neither promptly nor at the right m om ent; ",
            "determination and wisdom have been im portant assets in the struggles of ",
            "the last few years."));
        string body = Body(doc);
        Assert.Contains("abhorrent to us, but is not relevant", body);
        Assert.Contains("at the right moment;", body);
        Assert.Contains("have been important assets", body);
        AssertJoined(Joined(doc, "bu t"), "but", "broken-word");
        AssertJoined(Joined(doc, "m om ent"), "moment");
        AssertJoined(Joined(doc, "im portant"), "important", "broken-word");
        Assert.All(new[] { "bu t", "m om ent", "im portant" }, raw => Assert.Equal(EmendationStatus.Automatic, Joined(doc, raw).Status));
    }

    [Fact]
    public void SpacedRomanNumeralsAreClosedUp()
    {
        var doc = Run(Lines(
            "strict sense of government by a single person. We refer to this in Chapter ",
            "V II in  Part I I , “ T he Liquidation of the Landlord and the Capitalist.”",
            "",
            "In  Soviet Communism, C hapter I I I ,  Part I ."));
        string body = Body(doc);
        Assert.Contains("VII in  Part II , “ The Liquidation", body);
        Assert.Contains("Communism, Chapter III ,  Part I .", body);
        AssertJoined(Joined(doc, "V II"), "VII", "roman-numeral");
        AssertJoined(Joined(doc, "I I"), "II", "roman-numeral");
        AssertJoined(Joined(doc, "I I I"), "III", "roman-numeral");
        AssertJoined(Joined(doc, "C hapter"), "Chapter", "drop-cap");
    }

    [Fact]
    public void ALetterSpacedHeadingIsClosedUpWithItsApostrophe()
    {
        var doc = Run(Lines(
            " P U B L I S H E R ' S  N O T E",
            "",
            "S ince  Mr. and Mrs. Webb published Soviet Communism, from ",
            "which the subject-matter of this pamphlet is taken."));
        Assert.Equal("PUBLISHER'S  NOTE", doc.Body[0].Reading);
        AssertJoined(Joined(doc, "P U B L I S H E R ' S"), "PUBLISHER'S", "letter-spaced");
        AssertJoined(Joined(doc, "N O T E"), "NOTE", "letter-spaced");
        AssertJoined(Joined(doc, "S ince"), "Since", "drop-cap");
    }

    [Fact]
    public void ALetterSpacedWordAfterAWordThatStandsAloneKeepsThatWordApart()
    {
        // Pamphlet line 50: "a p a r t" is "a part" (the sentence reads "this pamphlet is a part"), not "apart".
        var doc = Run(Lines(
            "to turn his attention to the great book of which this pamphlet is ",
            "a p a r t: Soviet Communism, by Sidney and Beatrice Webb. It is a part ",
            "of a greater whole, and a part of it is reprinted here."));
        Assert.StartsWith("a part: Soviet Communism", doc.Body[0].Reading.Split('\n')[1]);
        AssertJoined(Joined(doc, "p a r t"), "part", "letter-spaced");
    }

    [Fact]
    public void PlausiblePhrasesAreNotJoined()
    {
        const string text = "Since then a new draft Constitution has come in to force, and in to the bargain a new era at once.\n";
        var doc = Run(text);
        Assert.Equal(text.TrimEnd('\n'), Body(doc));
        Assert.DoesNotContain(doc.Apparatus, e => e.Stage == "split-words");
    }

    [Fact]
    public void WordsAcrossALineBreakAreNotThisStagesBusiness()
    {
        var doc = Run(Lines(
            "the constitution of the USSR is far and away the most mobile of any T",
            "he said so himself."));
        Assert.DoesNotContain(doc.Apparatus, e => e.Stage == "split-words");
    }

    [Fact]
    public void ACapitalSplitFromANameNoListKnowsIsClosedUpButFlagged()
    {
        var doc = Run(Lines(
            "* See Woman in Soviet Russia, by F annina W. Halle, 1933."));
        var e = Joined(doc, "F annina");
        AssertJoined(e, "Fannina", "drop-cap");
        Assert.Equal(EmendationStatus.Doubtful, e.Status);
        Assert.Contains("by Fannina W. Halle, 1933", Body(doc));
    }

    [Fact]
    public void ThePamphletsSplitWordsAreAllClosedUp()
    {
        string md = Books.Markdown(File.ReadAllText(Books.PamphletText));
        foreach (var split in new[] { "T he ", "O ne ", "U SSR", "bu t ", "m om ent", "im portant", "C hapter", "V II", "I I I", "P U B", "T SIK", "I t " })
            Assert.DoesNotContain(split, md);
    }
}
