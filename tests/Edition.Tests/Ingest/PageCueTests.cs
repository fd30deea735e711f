using Edition.Ingest;
using Edition.Model;
using Edition.Tests.Support;

namespace Edition.Tests.Ingest;

/// <summary>Where pages begin: the cues TextIngest reads from the raw text.</summary>
public class PageCueTests
{
    private static List<int> Starts(string text) => TextIngest.FindPageStarts(new SourceText("t.txt", text));

    private const string Body = "The first line of a page of text runs on\nand the second line follows on from it\n";

    [Fact]
    public void AFormFeedStartsAPage()
    {
        var starts = Starts(Body + "\fThe next page begins here with its text\nand goes on.\n");
        Assert.Equal(new[] { 1, 3 }, starts);
    }

    [Fact]
    public void AFormFeedOnABlankLineStartsThePageAtTheNextLineOfText()
    {
        var starts = Starts(Body + "\f\n\nThe next page begins here with its text\n");
        Assert.Equal(new[] { 1, 5 }, starts);
    }

    [Fact]
    public void WhereThereAreFormFeedsBlankRunsAndIndentsAreNotCues()
    {
        // Form feeds are authoritative: the three blank lines and the indented line stay inside page 1.
        var starts = Starts(Body + "\n\n\n\nStill the first page after the blank lines\n and an indented line\n\fPage two.\n");
        Assert.Equal(new[] { 1, 9 }, starts);
    }

    [Fact]
    public void AFirstLineStartingWithASpaceStartsAPage()
    {
        // As in the pamphlet: " votes cast at the innumerable electoral meetings" opens page 4.
        string text = "nor private profit-making exists, and no class has legal privileges, con\n"
                      + "stitutional rigidity loses many of its supporters.\n"
                      + " votes cast at the innumerable electoral meetings, and the perpetual \n"
                      + "multiplication of councils of one or other kind, and of councillors \n"
                      + "to man them, involves the personal participation in government by \n";
        Assert.Equal(new[] { 1, 3 }, Starts(text));
    }

    [Fact]
    public void ALineStartingWithATabStartsAPage()
    {
        Assert.Equal(new[] { 1, 3 }, Starts(Body + "\tthe next page opens here\nand goes on\nand on\n"));
    }

    [Fact]
    public void WhereMostLinesAreIndentedAnIndentIsParagraphLayoutNotAPageCue()
    {
        string text = "  The first paragraph opens with an indent\nand runs on.\n  The second one does too\nand runs on.\n  And a third\n";
        Assert.Equal(new[] { 1 }, Starts(text));
    }

    [Fact]
    public void ThreeBlankLinesStartAPage()
    {
        Assert.Equal(new[] { 1, 6 }, Starts(Body + "\n\n\nDICTATORSHIP OR DEMOCRACY?\n\nO ne difficulty\n"));
    }

    [Fact]
    public void LinesOfSpacesCountAsBlank()
    {
        Assert.Equal(new[] { 1, 6 }, Starts(Body + "   \n \t\n  \nThe next page\n"));
    }

    [Fact]
    public void TwoBlankLinesBeforeALineEndingInANumberStartAPage()
    {
        Assert.Equal(new[] { 1, 5 }, Starts(Body + "\n\nS T A L IN  IRREM O VABLE  ? 21\n\nto act as a dictator\n"));
    }

    [Fact]
    public void TwoBlankLinesBeforeABareNumberStartAPage()
    {
        Assert.Equal(new[] { 1, 5 }, Starts(Body + "\n\n14\n\nthe text of the page\n"));
    }

    [Fact]
    public void TwoBlankLinesBeforeOrdinaryTextDoNotStartAPage()
    {
        Assert.Equal(new[] { 1 }, Starts(Body + "\n\nA new paragraph after a wide gap\nthat goes on.\n"));
    }

    [Fact]
    public void OneBlankLineIsAParagraphBreakNotAPage()
    {
        Assert.Equal(new[] { 1 }, Starts(Body + "\nChapter 7\n"));
    }

    [Fact]
    public void BlankLinesAtTheVeryStartDoNotMakeAnEmptyPage()
    {
        Assert.Equal(new[] { 1 }, Starts("\n\n\n\nThe text begins late\nand goes on\n"));
    }

    [Fact]
    public void CrlfLineEndsGiveTheSamePages()
    {
        string lf = Body + "\n\n\nDICTATORSHIP OR DEMOCRACY?\n\nO ne difficulty of it\nand more of it\n more again\n";
        Assert.Equal(Starts(lf), Starts(lf.Replace("\n", "\r\n")));
        Assert.Equal(new[] { 1, 6, 10 }, Starts(lf.Replace("\n", "\r\n")));
    }

    [Fact]
    public void CrlfLinesHaveNoCarriageReturnInTheirReading()
    {
        var doc = Books.Read("First line of it\r\nsecond line\r\n\r\n\r\n\r\nNext page\r\n");
        Assert.Equal(2, doc.Pages.Count);
        var lines = doc.Pages.SelectMany(p => p.Lines).Where(l => !l.IsBlank).ToList();
        Assert.Equal(new[] { "First line of it", "second line", "Next page" }, lines.Select(l => l.Reading));
        Assert.All(lines, l => Assert.DoesNotContain('\r', doc.Source.Slice(l.Start, l.End)));
    }

    [Fact]
    public void TrailingSpacesAndTabsAreNotPartOfALinesReading()
    {
        var doc = Books.Read("A line with trailing spaces   \nand\ta tab inside it\t\n");
        var lines = doc.Pages[0].Lines;
        Assert.Equal("A line with trailing spaces", lines[0].Reading);
        Assert.Equal("and\ta tab inside it", lines[1].Reading);
        Assert.StartsWith("   \n", lines[0].Break!.Reading);
    }

    [Fact]
    public void AByteOrderMarkIsRememberedAndNotRead()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes(" P U B L I S H E R ' S  N O T E\n\nS ince  Mr. and Mrs. Webb\n")).ToArray();
        var source = TextDecoder.Decode("bom.txt", bytes);
        Assert.True(source.HasByteOrderMark);
        Assert.Equal(' ', source.Text[0]);
        var doc = TextIngest.Read(source, new Book { Id = "bom" });
        Assert.Single(doc.Pages);
        Assert.Equal("P", doc.Pages[0].Lines[0].Pieces[0].Reading);
    }

    [Fact]
    public void EveryLineOfTheSourceIsOnExactlyOnePageInOrder()
    {
        var doc = Books.Read(File.ReadAllText(Books.PamphletText));
        var numbers = doc.Pages.SelectMany(p => p.Lines).Select(l => l.Number).ToList();
        Assert.Equal(Enumerable.Range(1, doc.Source.LineCount), numbers);
        Assert.Equal(Enumerable.Range(1, doc.Pages.Count), doc.Pages.Select(p => p.Index));
    }

    [Fact]
    public void ThePamphletHasThirtyOnePagesStartingWhereItsCuesAre()
    {
        var starts = Starts(File.ReadAllText(Books.PamphletText));
        Assert.Equal(31, starts.Count);
        // Three blank lines before "DICTATORSHIP OR DEMOCRACY?", an indented line (" votes cast"),
        // three blank lines before the running head "THE P O SIT IO N  OF THE P A R T Y 7".
        Assert.Equal(new[] { 1, 56, 100, 145, 189, 237, 287 }, starts.Take(7));
        Assert.Contains(419, starts); // " The Meaning of Dictatorship"
        Assert.Contains(882, starts); // "S T A L IN  IRREM O VABLE  ? 21"
    }
}
