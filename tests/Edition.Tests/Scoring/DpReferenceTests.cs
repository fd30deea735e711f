using Edition.Outputs.Scoring;

namespace Edition.Tests.Scoring;

public class DpReferenceTests
{
    private const string Sep = "---------------------------------------------------------";

    private static string Page(int n) => $"-----File: {n:000}.png{Sep}";

    private static string Resolved(string s) => s.Replace(CommonText.OpenHyphen.ToString(), "");

    [Fact]
    public void PageSeparatorsBeginNumberedPages()
    {
        var doc = DpReference.Parse($"{Page(7)}\nFirst page text.\n{Page(8)}\nSecond page\ntext.\n");
        Assert.Equal(new[] { "7", "8" }, doc.Pages.Select(p => p.Key));
        Assert.Equal(new int?[] { 7, 8 }, doc.Pages.Select(p => p.Number));
        Assert.Equal("First page text.", doc.Pages[0].Body);
        Assert.Equal("Second page text.", doc.Pages[1].Body);
        Assert.Equal(2, doc.PageBreaks);
    }

    [Fact]
    public void FootnotesLeaveTheBodyAndKeepTheirMarkerWord()
    {
        var doc = DpReference.Parse($"""
            {Page(1)}
            The second letter,[A] and the book[B] of
            Jansenius.

            [Footnote A: Anthony Arnauld, or Arnaud, priest
            and doctor [of the Sorbonne].]

            [Footnote B: The <i>Augustinus</i>.]
            """);
        Assert.Equal("The second letter, and the book of Jansenius.", doc.Pages[0].Body);
        Assert.Equal(2, doc.Notes.Count);
        Assert.Equal("Anthony Arnauld, or Arnaud, priest and doctor [of the Sorbonne].", doc.Notes[0].Text);
        Assert.Equal("letter", doc.Notes[0].WordBefore);
        Assert.Equal(0, doc.Notes[0].AnchorPage);
        Assert.Equal("The Augustinus.", doc.Notes[1].Text);
        Assert.Equal("book", doc.Notes[1].WordBefore);
        Assert.Equal("Anthony Arnauld, or Arnaud, priest and doctor [of the Sorbonne]. The Augustinus.", doc.Pages[0].Notes);
    }

    [Fact]
    public void ANoteContinuedOnTheNextPageIsOneNoteOfItsFirstPage()
    {
        var doc = DpReference.Parse($"""
            {Page(63)}
            his second letter[A] that he had

            [Footnote A: advocating Port-Royal, and op-*]*
            {Page(64)}
            Jansenius, and that.

            *[Footnote: *posing those of the Jesuits.]

            [Footnote A: The book.]
            """);
        Assert.Equal(2, doc.Notes.Count);
        Assert.Equal("advocating Port-Royal, and opposing those of the Jesuits.", Resolved(doc.Notes[0].Text));
        Assert.Equal(0, doc.Notes[0].Page);
        Assert.Equal("The book.", doc.Notes[1].Text);
        Assert.Equal(1, doc.Notes[1].Page);
        Assert.Equal(-1, doc.Notes[1].AnchorPage); // no [A] in page 64's text
        // As printed, the continuation stands on the second page.
        Assert.Equal("advocating Port-Royal, and op-", doc.Pages[0].PrintedNotes);
        Assert.Equal("posing those of the Jesuits. The book.", doc.Pages[1].PrintedNotes);
        Assert.Equal("The book.", doc.Pages[1].Notes);
    }

    [Fact]
    public void AWordSplitAcrossPagesIsJoinedOnTheFirstPage()
    {
        var doc = DpReference.Parse($"{Page(66)}\nefficacious of itself, and invincibly de-*\n{Page(67)}\n*termines our will.\n");
        Assert.Equal("efficacious of itself, and invincibly determines", Resolved(doc.Pages[0].Body));
        Assert.Equal("our will.", doc.Pages[1].Body);
        Assert.Single(doc.Blocks); // one paragraph across the page break
    }

    [Fact]
    public void AnOpenHyphenBecomesWhatTheScoredTextHas()
    {
        var doc = DpReference.Parse($"{Page(4)}\nhis grand-*father and aunts\n");
        string body = doc.Pages[0].Body;
        Assert.Equal("his grand" + CommonText.OpenHyphen + "father and aunts", body);
        Assert.Equal("his grandfather and aunts", CommonText.ResolveOpenHyphens(body, "his grandfather and aunts"));
        Assert.Equal("his grand-father and aunts", CommonText.ResolveOpenHyphens(body, "his grand-father and aunts"));
        Assert.Equal("his grandfather and aunts", CommonText.ResolveOpenHyphens(body, "his grand father"));
    }

    [Fact]
    public void MarkupAndProofreadersNotesGo()
    {
        var doc = DpReference.Parse($$"""
            {{Page(1)}}
            <sc>Sir</sc>,--We were <i>entirely</i> mistaken. M. N----,
            Lettson[**Lettsom] and Mons.^r Gen^l ag^{st} a Scottish,[**P2: hard [to] see] monk
            [Insert the note by M^r. [** space inserted]M.] [Tortola] [1786]
            """);
        Assert.Equal("Sir,—We were entirely mistaken. M. N——, Lettson and Mons.r Genl agst a Scottish, monk [Insert the note by Mr. M.] [Tortola] [1786]",
            doc.Pages[0].Body);
    }

    [Fact]
    public void BlankLinesSeparateParagraphsAndAPageThatBeginsWithOneBeginsAParagraph()
    {
        var doc = DpReference.Parse($"""
            {Page(1)}
            One paragraph
            goes on.

            Another
            {Page(2)}
            still going.
            {Page(3)}

            A new one.
            """);
        Assert.Equal(new[] { "One paragraph goes on.", "Another still going.", "A new one." }, doc.Blocks.Select(b => b.Text));
        Assert.Equal(new[] { 0, 0, 2 }, doc.Blocks.Select(b => b.Page));
    }

    [Fact]
    public void BlockMarkupReopenedAtAPageHeadDoesNotEndAParagraph()
    {
        var doc = DpReference.Parse($"""
            {Page(13)}
            /#
            A quoted letter that
            #/
            {Page(14)}
            /#
            goes on here.

            And a new paragraph.
            #/
            {Page(15)}
            /#

            A paragraph at the page head.
            #/

            /*
            <sc>Paris</sc>, <i>January 23, 1656</i>.
            */
            """);
        Assert.Equal(new[] { "A quoted letter that goes on here.", "And a new paragraph.", "A paragraph at the page head.", "Paris, January 23, 1656." },
            doc.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void HeadingsFollowFourOrTwoBlankLines()
    {
        var doc = DpReference.Parse($"""
            {Page(63)}




            THE PROVINCIAL LETTERS.




            LETTER I.

            /#
            DISPUTES IN THE SORBONNE.
            #/


            Sir,--We were mistaken.

            More text.


            A SECTION

            Its text.
            """);
        var headings = doc.Blocks.Where(b => b.IsHeading).Select(b => (b.Text, b.Level)).ToList();
        Assert.Equal(new[] { ("THE PROVINCIAL LETTERS.", 1), ("LETTER I.", 1), ("A SECTION", 2) }, headings);
        Assert.Equal(7, doc.Blocks.Count);
    }

    [Fact]
    public void TextBeforeTheFirstSeparatorIsAnUnnumberedPage()
    {
        var doc = DpReference.Parse($"Front matter.\n{Page(1)}\nText.\n");
        Assert.Equal(new string?[] { null, "1" }, doc.Pages.Select(p => p.Key));
        Assert.False(DpReference.HasPageSeparators("no separators here\n"));
        Assert.True(DpReference.HasPageSeparators($"{Page(1)}\nText.\n"));
    }

    [Fact]
    public void ANoteOrIllustrationBetweenParagraphsIsNeitherTextNorAHeadingGap()
    {
        var doc = DpReference.Parse($"""
            {Page(9)}
            The first paragraph.[1]

            [Footnote 1: A note set after its paragraph.]

            The second paragraph.

            [Illustration: A caption
            on two lines.]

            The third.
            """);
        Assert.Equal(new[] { "The first paragraph.", "The second paragraph.", "The third." }, doc.Blocks.Select(b => b.Text));
        Assert.DoesNotContain(doc.Blocks, b => b.IsHeading);
        Assert.Equal("A note set after its paragraph.", doc.Pages[0].Notes);
        Assert.Equal("paragraph", doc.Notes[0].WordBefore);
    }
}
