using Edition.Model;
using Edition.Tests.Support;
using static Edition.Tests.Support.Snippet;

namespace Edition.Tests.Stages;

public class PunctuationSpacingTests
{
    private static Document Run(string text) =>
        Books.Run(text, "page-furniture", "footnotes", "paragraphs", "split-words", "hyphenation", "punctuation-spacing");

    private static List<Emendation> Spacing(Document doc) => doc.Apparatus.Where(e => e.Stage == "punctuation-spacing").ToList();

    [Fact]
    public void TheSpaceBeforeAQuestionMarkGoes()
    {
        string text = "Can the constitution be correctly described as a dictatorship ? Here we must deal with it.\n";
        Assert.Equal("[]{.pb n=\"1\"} Can the constitution be correctly described as a dictatorship? Here we must deal with it.", Books.Markdown(text));
        var e = Assert.Single(Spacing(Run(text)));
        Assert.Equal(("space-before-punctuation", EmendationKind.Spacing, EmendationStatus.Automatic), (e.Rule, e.Kind, e.Status));
        Assert.Equal((" ", ""), (e.Raw, e.Reading));
        Assert.Equal((1, 62), (e.Line, e.Column));
    }

    [Fact]
    public void TheSpacesBeforeSemicolonsColonsAndCommasGo()
    {
        string md = Books.Markdown("government by the will of a single person ; and this : in Part II , as it happens !\n");
        Assert.Equal("[]{.pb n=\"1\"} government by the will of a single person; and this: in Part II, as it happens!", md);
    }

    [Fact]
    public void TheSpacesInsideQuotationMarksGo()
    {
        string text = Lines(
            "administration there is no arbitrary mayor or burgomaster or “ city ",
            "manager ”—not even a high salaried official.");
        Assert.Contains("burgomaster or “city manager”—not even", Books.Markdown(text));
        var rules = Spacing(Run(text)).Select(e => e.Rule).ToList();
        Assert.Equal(new[] { "space-inside-quotes", "space-inside-quotes" }, rules);
    }

    [Fact]
    public void TheSpaceInsideQuotationMarksAcrossALineEndGoes()
    {
        // The line break between the mark and its word is the space the print did not have.
        string md = Books.Markdown(Lines(
            "the latest “",
            "directives ” from the Politbureau."));
        Assert.Contains("the latest “directives” from the Politbureau.", md);
    }

    [Fact]
    public void SingleQuotesAreClosedUpButAnApostropheIsNot()
    {
        string md = Books.Markdown(Lines(
            "turned to the others : ‘ Well ? ’ A word from one, and the consumers’ ",
            "co-operative movement in the people’s interest."));
        Assert.Contains("turned to the others: ‘Well?’ A word from one, and the consumers’ co-operative movement in the people’s interest.", md);
    }

    [Fact]
    public void APossessiveApostropheIsUntouched()
    {
        string text = "the trade unions, the consumers’ co-operative movement and the rest.\n";
        var doc = Run(text);
        Assert.Empty(Spacing(doc));
        Assert.Contains("the consumers’ co-operative movement", Books.Markdown(text));
    }

    [Fact]
    public void TheSpacesInsideBracketsGo()
    {
        // Pamphlet note 8: "(T SIK )", with TSIK printed whole elsewhere.
        string text = Lines(
            "The Central Executive Committee (TSIK) meets. Clemency could always be ",
            "exercised by a decision of the Central Executive Committee (T SIK ) of the ",
            "All-Union Congress of Soviets ( the supreme body ).");
        string md = Books.Markdown(text);
        Assert.Contains("Committee (TSIK) of the All-Union", md);
        Assert.Contains("Soviets (the supreme body).", md);
        var rules = Spacing(Run(text)).Select(e => e.Rule).ToList();
        Assert.Equal(new[] { "space-before-punctuation", "space-inside-brackets", "space-before-punctuation" }, rules);
    }

    [Fact]
    public void AnEllipsisKeepsItsSpaces()
    {
        string text = "an absolute ruler of a state . . . a person exercising absolute authority.\n";
        Assert.Contains("an absolute ruler of a state . . . a person exercising", Books.Markdown(text));
        Assert.Empty(Spacing(Run(text)));
    }

    [Fact]
    public void ALoneFullStopIsClosedUp()
    {
        string md = Books.Markdown("by N . Lenin (1920) and the rest of it .\n");
        Assert.Contains("by N. Lenin (1920) and the rest of it.", md);
    }

    [Fact]
    public void DashesAreClosedUpWhereTheDocumentSetsThemClosed()
    {
        // Pamphlet line 526: "give instructions— to its own"; the document's other dashes are closed.
        string md = Books.Markdown(Lines(
            "countryside has been developed—through the collective and State ",
            "farms—and now that individual farming is largely a thing of the ",
            "past—and the rest—with “ issue directives ”—that is, give instructions— to its own ",
            "members."));
        Assert.Contains("give instructions—to its own members.", md);
    }

    [Fact]
    public void DashesAreLeftSpacedWhereTheDocumentSetsThemSpaced()
    {
        string md = Books.Markdown("He came — and went — and said — nothing at all — that day.\n");
        Assert.Contains("He came — and went — and said — nothing at all — that day.", md);
    }

    [Fact]
    public void SpacesAroundANoteReferenceAreClosed()
    {
        string md = Books.Markdown(Lines(
            "The Party is perpetually issuing “ directives,”* great or small, to its members.",
            "",
            "* See Chapter IX."));
        Assert.Contains("issuing “directives,”[^1] great or small", md);
    }

    [Fact]
    public void RunsOfSpacesBecomeOneWithoutAnEmendation()
    {
        string text = "S ince  Mr. and Mrs. Webb published   Soviet Communism, from which it comes.\n";
        Assert.Equal("[]{.pb n=\"1\"} Since Mr. and Mrs. Webb published Soviet Communism, from which it comes.", Books.Markdown(text));
        Assert.Empty(Spacing(Run(text)));
    }
}
