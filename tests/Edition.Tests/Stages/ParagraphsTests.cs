using Edition.Model;
using Edition.Outputs.Markdown;
using Edition.Tests.Support;
using static Edition.Tests.Support.Snippet;

namespace Edition.Tests.Stages;

public class ParagraphsTests
{
    /// <summary>Every stage, the scan's first page cited as <paramref name="firstPage"/>; the Markdown without a title block.</summary>
    private static string Markdown(string text, int firstPage)
    {
        var doc = Books.Run(Books.Read(text, new Book { Id = "t", FirstPage = firstPage }));
        return MarkdownWriter.Write(doc).TrimEnd('\n');
    }

    private static Document Run(string text) => Books.Run(text, "page-furniture", "footnotes", "paragraphs");

    /// <summary>Pamphlet lines 79–103, shortened: page 3 breaks off mid-sentence above its note; page 4 goes on with an indented line.</summary>
    private static readonly string PagesThreeAndFour = Lines(
        "inhabitants in health or economic prosperity ; or that it has incurred ",
        "popular disapproval.*",
        "",
        "in form and in substance. It grew, indeed, in volume. The ",
        "continually increasing electorate, the constantly rising total of",
        "",
        "* It is interesting to notice that many of the advantages claimed for ",
        "rigidity in constitutions have to do either (a) with the private ownership of ",
        "land or other forms of personal wealth.",
        " votes cast at the innumerable electoral meetings, and the perpetual ",
        "multiplication of councils of one or other kind, and of councillors ",
        "to man them, involves the personal participation in government by ",
        "an ever-increasing number of the citizens, women as well as men. ");

    [Fact]
    public void AParagraphGoesOnAcrossAPageBreakWithTheSpanBetweenTwoWords()
    {
        string md = Markdown(PagesThreeAndFour, 3);
        Assert.Contains("the constantly rising total of []{.pb n=\"4\"} votes cast at the innumerable electoral meetings", md);
        // One paragraph of body text, then the note; the note's text is not in the paragraph.
        var blocks = md.Split("\n\n");
        Assert.Equal(3, blocks.Length);
        Assert.Equal("[]{.pb n=\"3\"} inhabitants in health or economic prosperity; or that it has incurred popular disapproval.[^1]", blocks[0]);
        Assert.StartsWith("[^1]: It is interesting to notice", blocks[1]);
        Assert.StartsWith("in form and in substance.", blocks[2]);
        Assert.EndsWith("women as well as men.", blocks[2]);
    }

    [Fact]
    public void ThePageBreakIsAPieceOfTheParagraph()
    {
        var doc = Run(PagesThreeAndFour);
        Assert.Equal(2, doc.Body.Count);
        var paragraph = doc.Body[1];
        var breaks = paragraph.Pieces.Where(p => p.Kind == PieceKind.PageBreak).ToList();
        Assert.Equal(new[] { 2 }, breaks.Select(b => b.BreakPage!.Index));
        int at = paragraph.Pieces.IndexOf(breaks[0]);
        Assert.Equal("of", paragraph.Pieces.Take(at).Last(p => p.IsWord).Reading);
        Assert.Equal("votes", paragraph.Pieces.Skip(at).First(p => p.IsWord).Reading);
    }

    [Fact]
    public void AParagraphGoesOnAcrossARunningHead()
    {
        // Pamphlet lines 507–516: page 12 ends inside a quotation; page 13 opens under its running head.
        string md = Markdown(Lines(
            "exaggerate, by the Communist Party, with its two or three millions ",
            "of members. On this point there is complete frankness. “ In the ",
            "Soviet Union,” Stalin has said and written, “ in the land where",
            "",
            "",
            "",
            "I S  THE P A R T Y  A  D IC TATOR? 13",
            "",
            "the dictatorship of the proletariat is in force, no important political ",
            "or organisational problem is ever decided by our soviets and other "), 12);
        Assert.Contains("“in the land where []{.pb n=\"13\"} the dictatorship of the proletariat is in force", md);
        Assert.DoesNotContain("TATOR", md);
        Assert.Single(md.Split("\n\n"));
    }

    [Fact]
    public void APageThatBeginsWithANewParagraphHasItsSpanAtTheStartOfTheLine()
    {
        // Pamphlet lines 257–263, 287–288: page 7 ends with a sentence on a short line; page 8 opens a paragraph.
        string md = Markdown(Lines(
            "government of the USSR and the ideological companionship or ",
            "order which to-day dominates the situation, may be left as a ",
            "fascinating problem for the sociologist of the future.",
            " We have to add, as a further elaboration of the constitution of ",
            "the USSR, some reference to the circumambient atmosphere of "), 7);
        var blocks = md.Split("\n\n");
        Assert.Equal(2, blocks.Length);
        Assert.EndsWith("for the sociologist of the future.", blocks[0]);
        Assert.StartsWith("[]{.pb n=\"8\"} We have to add, as a further elaboration", blocks[1]);
    }

    [Fact]
    public void APageThatBeginsWithAHeadingHasItsSpanOnALineOfItsOwn()
    {
        // Pamphlet lines 415–423: page 10 ends a paragraph; page 11 opens with a section heading.
        string md = Markdown(Lines(
            "that justifies the designation of it ",
            "as a multiform democracy.",
            " The Meaning of Dictatorship",
            "",
            "Can the constitution of the USSR, as analysed in the Soviet ",
            "Communism, be correctly described as a dictatorship ? Here we must ",
            "deal one by one with the various meanings given to this word. "), 10);
        var blocks = md.Split("\n\n");
        Assert.Equal(new[]
        {
            "[]{.pb n=\"10\"} that justifies the designation of it as a multiform democracy.",
            "[]{.pb n=\"11\"}",
            "## The Meaning of Dictatorship",
            "Can the constitution of the USSR, as analysed in the Soviet Communism, be correctly described as a dictatorship? Here we must deal one by one with the various meanings given to this word.",
        }, blocks);
    }

    [Fact]
    public void AHeadingInCapitalsIsLevelOneAndInMixedCaseLevelTwo()
    {
        var doc = Run(Lines(
            "DICTATORSHIP OR DEMOCRACY?",
            "",
            "O ne difficulty of accurately assessing and defining the essential ",
            "characteristics of the constitutional structure of the USSR is the ",
            "rapidity with which it changes.",
            "",
            "Is Stalin a Dictator?",
            "",
            "Sometimes it is asserted that, whereas the form may be otherwise, ",
            "the fact is that, whilst the Communist Party controls the whole ",
            "administration, the Party itself is governed by a single person."));
        var headings = doc.Body.OfType<Heading>().ToList();
        Assert.Equal(new[] { "DICTATORSHIP OR DEMOCRACY?", "Is Stalin a Dictator?" }, headings.Select(h => h.Reading));
        Assert.Equal(new[] { 1, 2 }, headings.Select(h => h.Level));
        Assert.Equal(4, doc.Body.Count);
        Assert.IsType<Paragraph>(doc.Body[1]);
        Assert.IsType<Paragraph>(doc.Body[3]);
    }

    [Fact]
    public void HeadingsAreWrittenWithHashes()
    {
        string md = Books.Markdown(Lines(
            " P U B L I S H E R ' S  N O T E",
            "",
            "S ince  Mr. and Mrs. Webb published Soviet Communism, from ",
            "which the subject-matter of this pamphlet is taken, a new draft ",
            "Constitution of the USSR has been produced.",
            "",
            "In whose Interest does the Government act ?",
            "",
            "There is, however, yet another view of the much-debated phrase, ",
            "the Dictatorship of the Proletariat, which must not be overlooked."));
        var blocks = md.Split("\n\n");
        Assert.Equal("[]{.pb n=\"1\"}", blocks[0]);
        Assert.Equal("# PUBLISHER'S NOTE", blocks[1]);
        Assert.StartsWith("Since Mr. and Mrs. Webb published", blocks[2]);
        Assert.Equal("## In whose Interest does the Government act?", blocks[3]);
    }

    [Fact]
    public void AShortLineEndingASentenceIsNotAHeading()
    {
        var doc = Run(Lines(
            "The new Constitution has been variously depicted. Some have ",
            "preferred to see in it nothing but a paper concession.",
            "",
            "The same is true.",
            "",
            "and so it goes on in lower case.",
            "",
            "There are others who welcomed it at first."));
        Assert.Empty(doc.Body.OfType<Heading>());
        Assert.Equal(4, doc.Body.Count);
    }

    [Fact]
    public void ABlankLineSeparatesParagraphsOnAPage()
    {
        var doc = Run(Lines(
            "The new Constitution has been variously depicted. Some have ",
            "preferred to see in it nothing but a paper concession that will prove ",
            "worthless in actual practice.",
            "",
            "There are others who welcomed it at first, but profess to have ",
            "seen in the recent trial of Zinoviev and fifteen others something ",
            "incompatible with the spirit of the Constitution."));
        Assert.Equal(2, doc.Body.Count);
        Assert.StartsWith("There are others", doc.Body[1].Reading);
    }

    [Fact]
    public void APageThatStartsInLowerCaseContinuesTheParagraphEvenAfterAFullStop()
    {
        string md = Markdown(Lines(
            "The short last line of the page ends a sentence.",
            "The next one is short.",
            " and the page after it goes on in lower case, so the paragraph ",
            "had not ended at all."), 4);
        Assert.Equal("[]{.pb n=\"4\"} The short last line of the page ends a sentence. The next one is short. []{.pb n=\"5\"} and the page after it goes on in lower case, so the paragraph had not ended at all.", md);
    }

    [Fact]
    public void EveryPageBreakIsInTheBodyExactlyOnceInOrder()
    {
        var doc = Books.Run(File.ReadAllText(Books.PamphletText), "page-furniture", "footnotes", "paragraphs");
        var breaks = doc.Body.SelectMany(b => b.Pieces).Where(p => p.Kind == PieceKind.PageBreak).Select(p => p.BreakPage!.Index).ToList();
        Assert.Equal(Enumerable.Range(1, doc.Pages.Count), breaks);
    }
}
