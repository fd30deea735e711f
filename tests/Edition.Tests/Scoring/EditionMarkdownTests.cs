using Edition.Outputs.Scoring;

namespace Edition.Tests.Scoring;

public class EditionMarkdownTests
{
    [Fact]
    public void PageBreakSpansBeginPagesAndTheTitleBlockIsSkipped()
    {
        var doc = EditionMarkdown.Parse("""
            % The Provincial Letters
            % Pascal

            []{.pb n="63"}

            # LETTER I.

            The question of fact consisted in ascertaining whether M. Arnauld was guilty, for the book of []{.pb n="64"} Jansenius, and that he had not discovered.

            []{.pb n="65"} Of them, M. Arnauld included.
            """);
        Assert.Equal(new[] { "63", "64", "65" }, doc.Pages.Select(p => p.Key));
        Assert.Equal(3, doc.PageBreaks);
        Assert.Equal("LETTER I. The question of fact consisted in ascertaining whether M. Arnauld was guilty, for the book of", doc.Pages[0].Body);
        Assert.Equal("Jansenius, and that he had not discovered.", doc.Pages[1].Body);
        Assert.Equal("Of them, M. Arnauld included.", doc.Pages[2].Body);
        Assert.Equal(new[] { (0, true, 1), (0, false, 0), (2, false, 0) }, doc.Blocks.Select(b => (b.Page, b.IsHeading, b.Level)));
    }

    [Fact]
    public void FootnotesAreTakenOutWithTheirReferencePageAndWord()
    {
        var doc = EditionMarkdown.Parse("""
            []{.pb n="11"} The undoubted historical derivation.[^7] It is clear.[^8] And so []{.pb n="12"} on.

            [^7]: The New English Dictionary gives the following meanings.

                “A dictatorship is the most natural government.”

            [^8]: It may be added.
            """);
        Assert.Equal("The undoubted historical derivation. It is clear. And so", doc.Pages[0].Body);
        Assert.Equal("on.", doc.Pages[1].Body);
        Assert.Single(doc.Blocks);
        Assert.Equal(2, doc.Notes.Count);
        Assert.Equal("The New English Dictionary gives the following meanings. \"A dictatorship is the most natural government.\"", doc.Notes[0].Text);
        Assert.Equal("derivation", doc.Notes[0].WordBefore);
        Assert.Equal(0, doc.Notes[0].AnchorPage);
        Assert.Equal("clear", doc.Notes[1].WordBefore);
        Assert.Equal(doc.Notes[0].Text + " " + doc.Notes[1].Text, doc.Pages[0].Notes);
    }

    [Fact]
    public void EscapesAreUndoneAndQuotesAndDashesFolded()
    {
        var doc = EditionMarkdown.Parse("""
            1933\. The \*starred\* word \[sic\], \@ home \& ‘quoted’ — “said” M. N⸺.
            """);
        Assert.Equal("1933. The *starred* word [sic], @ home & 'quoted' — \"said\" M. N——.", doc.Pages[0].Body);
    }

    [Fact]
    public void ABreakInsideAWordTakesEffectAfterTheWord()
    {
        var doc = EditionMarkdown.Parse("""
            []{.pb n="66"} invincibly de[]{.pb n="67"}termines our will.
            """);
        Assert.Equal("invincibly determines", doc.Pages[0].Body);
        Assert.Equal("our will.", doc.Pages[1].Body);
    }

    [Fact]
    public void TextBeforeTheFirstBreakIsAnUnnumberedPage()
    {
        var doc = EditionMarkdown.Parse("Before.\n\n[]{.pb n=\"2\"} After.\n");
        Assert.Equal(new string?[] { null, "2" }, doc.Pages.Select(p => p.Key));
        Assert.Equal("Before.", doc.Pages[0].Body);
    }
}
