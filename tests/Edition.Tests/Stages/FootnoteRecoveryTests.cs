using Edition.Model;
using Edition.Tests.Support;

namespace Edition.Tests.Stages;

/// <summary>Notes as real OCR leaves them: numbers glued to words, lost markers, garbled superscripts, stray blank lines.</summary>
public class FootnoteRecoveryTests
{
    // Body lines of about 50 characters, note lines of about 80 (smaller type), pages split by form feeds.
    private const string Body =
        "The island was small and its people were poor; the\n" +
        "planters lived on the labour of their many slaves.'\n" +
        "He went to England in the year of his majority and\n" +
        "there he studied medicine with some of the masters.\n";

    [Fact]
    public void ANoteNumberGluedToItsFirstWordOpensANoteAndAGarbledSuperscriptIsItsReference()
    {
        string text = "4\n\n" + Body + "\n" +
            "1The Development of the West Indies, by Frank Wesley Pitman, Yale Historical\nPublications, 1917, p. 383.\n";
        var document = Books.Run(text);
        var note = Assert.Single(document.Notes);
        Assert.Equal("1", note.PrintedMarker);
        Assert.StartsWith("The Development of the West Indies", Books.Render(note.Paragraphs[0]));
        // The reference stands where the garbled superscript stood, after "slaves.".
        var md = Edition.Outputs.Markdown.MarkdownWriter.Write(document);
        Assert.Contains("many slaves.[^1]", md);
        Assert.DoesNotContain("slaves.'", md);
        Assert.Contains(document.Apparatus, e => e.Rule == "garbled-superscript" && e.Raw == "'");
    }

    [Fact]
    public void AGarbledSuperscriptIsNotTakenWhenThereIsNoNumberedNote()
    {
        var document = Books.Run(Body + "\nAnother paragraph of the body follows here, short.\n");
        Assert.Empty(document.Notes);
        Assert.Contains("slaves.'", Edition.Outputs.Markdown.MarkdownWriter.Write(document));
    }

    [Fact]
    public void ANoteWhoseMarkerWasLostIsFoundFromTheBodyMarkerLeftOver()
    {
        string text =
            "and they said that he had condemned the book, if the\n" +
            "propositions were really contained in that work.*\n" +
            "\n" +
            "The question here was whether he could doubt it at\n" +
            "all, after the bishops had declared that they were.\n" +
            "\n" +
            "The book which occasioned these disputes was entitled Augustinus, and was\n" +
            "written by Cornelius Jansen, bishop of Ypres, and published after his death.\n";
        var document = Books.Run(text);
        var note = Assert.Single(document.Notes);
        Assert.Equal("", note.PrintedMarker);
        Assert.NotNull(note.Reference);
        var md = Edition.Outputs.Markdown.MarkdownWriter.Write(document);
        Assert.Contains("in that work.[^1]", md);
        Assert.Contains("[^1]: The book which occasioned", md);
        Assert.DoesNotContain("The book which occasioned these disputes was entitled Augustinus, and was written by Cornelius Jansen, bishop of Ypres, and published after his death.\n\n[^1]", md.Replace("[^1]: The book", ""));
    }

    [Fact]
    public void SmallerTypeAtThePageFootWithoutAnyMarkerStaysInTheBody()
    {
        string text = Body + "\n" +
            "A letter of the period follows here in smaller type, as the printer set quoted\n" +
            "documents, and it is body text because nothing in the body refers to it at all.\n";
        var document = Books.Run(text);
        Assert.Empty(document.Notes);
        Assert.Contains("nothing in the body refers to it", Edition.Outputs.Markdown.MarkdownWriter.Write(document));
    }

    [Fact]
    public void AStrayAsteriskBeforeAWordIsNeverLinkedButFlagged()
    {
        string text =
            "He said it was so, and went on to the Jacobins,* and\n" +
            "*¥ understand you,” said I; “they have all that they\n" +
            "need for praying to God, and that is the end of it.\n" +
            "\n" +
            "* Jacobins, another name for the Dominicans in France, where they were so\n" +
            "called from the street in Paris where their first convent was erected.\n";
        var document = Books.Run(text);
        var note = Assert.Single(document.Notes);
        Assert.Contains("Jacobins,[^1]", Edition.Outputs.Markdown.MarkdownWriter.Write(document));
        Assert.Contains(document.Apparatus, e => e.Rule == "marker-without-note" && e.Raw == "*" && e.Status == EmendationStatus.Doubtful);
    }

    [Fact]
    public void AStrayBlankLineInsideAParagraphDoesNotSplitIt()
    {
        string text =
            "The first part of a sentence that the OCR broke off\n" +
            "\n" +
            "and went on after a blank line that the print never had.\n";
        var md = Books.Markdown(text);
        Assert.Contains("broke off and went on after a blank line", md);
    }
}

public class NumberedNoteTests
{
    [Fact]
    public void ANoteNumberPrintedAgainstItsWordIsCutOffAndLinked()
    {
        string text =
            "The island was small and its people were poor; the\n" +
            "planters lived on the labour of their many slaves12 and\n" +
            "grew sugar and cotton on the hills above the harbour.\n" +
            "\n" +
            "12 The Development of the West Indies, by Frank Wesley Pitman, Yale Historical\n" +
            "Publications, 1917, p. 383.\n";
        var document = Books.Run(text);
        var note = Assert.Single(document.Notes);
        Assert.Equal("12", note.PrintedMarker);
        var md = Edition.Outputs.Markdown.MarkdownWriter.Write(document);
        Assert.Contains("many slaves[^1] and grew", md);
        Assert.Contains(document.Apparatus, e => e.Rule == "marker-in-word" && e.Raw == "12");
    }
}
