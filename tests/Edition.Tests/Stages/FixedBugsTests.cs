using Edition.Ingest;
using Edition.Model;
using Edition.Tests.Support;

namespace Edition.Tests.Stages;

/// <summary>Cases the stage tests found wrong, kept as tests now that they are mended.</summary>
public class FixedBugsTests
{
    [Fact]
    public void AFormFeedAtTheEndOfALineStartsTheNextPage()
    {
        var starts = TextIngest.FindPageStarts(new SourceText("t.txt", "First page.\nLast line of page one.\f\nSecond page.\n"));
        Assert.Equal(new[] { 1, 3 }, starts);
    }

    [Fact]
    public void ALoneLetterBesideAWordIsNotClosedUp()
    {
        var md = Books.Markdown("Vitamin B and C were scarce; see p. 4 and in n. 3 of the text.\n");
        Assert.Contains("Vitamin B and C were scarce; see p. 4 and in n. 3 of the text.", md);
    }

    [Fact]
    public void ADropCapOpeningAParagraphIsStillClosedUp()
    {
        Assert.Contains("The first words", Books.Markdown("T he first words of the book.\n"));
    }

    [Fact]
    public void NumbersWithSeparatorsAreNotEmended()
    {
        var document = Books.Run("more than 6,000 meetings; pp. 269-270; 80,000 to 100,000.\n");
        Assert.DoesNotContain(document.Apparatus, e => e.Rule == "letter-in-number");
    }

    [Fact]
    public void ACorrectionStartingAtThePagesFirstWordWorks()
    {
        var book = new Book { Id = "b", Corrections = new[] { new EditorialCorrection(1, "The Party", "The party", "x") } };
        var document = Books.Run(Books.Read("The Party and the Party said so.\n", book));
        var md = Edition.Outputs.Markdown.MarkdownWriter.Write(document);
        Assert.Contains("[]{.pb n=\"1\"} The party and the Party said so.", md);
        Assert.Single(document.Apparatus, e => e.Status == EmendationStatus.Editorial);
    }

    [Fact]
    public void ANumberedTitleOutOfStepWithThePaginationStaysText()
    {
        string body = string.Concat(Enumerable.Repeat("A line of ordinary body text that runs to about sixty characters.\n", 4));
        string text = "SOVIET COMMUNISM 10\n\n" + body + "\n\n\n\nCHAPTER 3\n\n" + body + "\n\n\n\nSOVIET COMMUNISM 12\n\n" + body;
        var document = Books.Run(text);
        Assert.Equal(new[] { 10, 11, 12 }, document.Pages.Select(p => p.Number));
        Assert.Contains("CHAPTER 3", Edition.Outputs.Markdown.MarkdownWriter.Write(document));
    }
}

public class RecurringHeadTests
{
    [Fact]
    public void RunningHeadsAreFoundWhereNoOtherCueSeparatesThePages()
    {
        string body = string.Concat(Enumerable.Repeat("A line of ordinary body text that runs to about sixty characters.\n", 6));
        string text = body + "\n12 THE HISTORY OF ENGLAND\n\n" + body + "\nTHE REIGN OF HENRY VIII 13\n\n" + body +
                      "\n14 THE HISTORY OF ENGLAND\n\n" + body + "\nTHE REIGN OF HENRY VIII 15\n\n" + body +
                      "\n16 THE HISTORY OF ENGLAND\n\n" + body;
        var document = Edition.Tests.Support.Books.Run(text);
        Assert.Equal(6, document.Pages.Count);
        Assert.Equal(new[] { 11, 12, 13, 14, 15, 16 }, document.Pages.Select(p => p.Number));
        var md = Edition.Outputs.Markdown.MarkdownWriter.Write(document);
        Assert.DoesNotContain("HISTORY OF ENGLAND", md);
        Assert.DoesNotContain("HENRY VIII", md);
    }
}
