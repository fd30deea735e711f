using Edition.Model;
using Edition.Tests.Support;

namespace Edition.Tests.Stages.Layout;

/// <summary>A non-word the OCR read with low confidence is flagged doubtful, when it has the shape of a misreading.</summary>
public class LowConfidenceTests
{
    private static readonly string[] Stages = { "page-furniture", "footnotes", "paragraphs", "misreadings" };
    private const string Opening = "The letters were read aloud to the company that evening";
    private const string Closing = "and no one in the room spoke against them at all.";

    /// <summary>A page whose middle line holds the word under test, read with <paramref name="confidence"/>.</summary>
    private static Document Page(string middle, int word, double confidence, params string[] more)
    {
        var b = new ScanBuilder().Page().Line(Opening)
            .Line(middle, shapes: new WordShape(word, Confidence: confidence));
        foreach (var line in more) b.Line(line);
        var doc = b.Line(Closing).Read();
        Books.Run(doc, Stages);
        return doc;
    }

    [Fact]
    public void A_lower_case_non_word_read_with_low_confidence_is_flagged_and_left_as_printed()
    {
        var doc = Page("as he said in his secdnd letter to the abbot", 5, 0.40);
        var e = Assert.Single(doc.Apparatus, x => x.Rule == "low-confidence");
        Assert.Equal(EmendationStatus.Doubtful, e.Status);
        Assert.Equal("secdnd", e.Raw);
        Assert.Equal("secdnd", e.Reading);
        Assert.Contains("confidence 0.40, below 0.5", e.Why);
        Assert.Contains("in small letters", e.Why);
        Assert.Contains("in his secdnd letter", Books.Render(doc.Body[0].Pieces));
    }

    [Theory]
    [InlineData("see the second volume fF 170 for the rest", 4, "fF", "capitals and small letters mixed")]
    [InlineData("by Frank Pitman Ph 1D of Yale and others", 4, "1D", "digits mixed with letters")]
    [InlineData("Where are we now J exclaimed and which side", 4, "J", "a lone letter")]
    public void Mixed_case_digits_among_letters_and_a_lone_letter_are_flagged(string line, int word, string raw, string shape)
    {
        var doc = Page(line, word, 0.09);
        var e = Assert.Single(doc.Apparatus, x => x.Rule == "low-confidence");
        Assert.Equal(raw, e.Raw);
        Assert.Contains(shape, e.Why);
    }

    [Fact]
    public void The_same_non_word_read_with_confidence_is_not_flagged()
    {
        var doc = Page("as he said in his secdnd letter to the abbot", 5, 0.9);
        Assert.DoesNotContain(doc.Apparatus, x => x.Rule == "low-confidence");
    }

    [Theory]
    [InlineData("a letter from Arnaald to the abbot of the house", 3)] // a name
    [InlineData("the book called ICADMUS was printed in London", 3)] // capitals: a title or a name
    [InlineData("the year 1856 saw the book printed in London", 2)] // a number
    [InlineData("the 2d edition was printed that year in London", 1)] // an ordinal
    [InlineData("in chapter xiv of the book printed in London", 2)] // a Roman numeral
    [InlineData("as he said in his second letter to the abbot", 5)] // a word of the language
    [InlineData("as he says on p. 170 of the book in London", 4)] // an abbreviation
    public void Names_numbers_numerals_words_and_abbreviations_are_not_flagged(string line, int word)
    {
        var doc = Page(line, word, 0.2);
        Assert.DoesNotContain(doc.Apparatus, x => x.Rule == "low-confidence");
    }

    [Fact]
    public void A_form_the_document_uses_elsewhere_is_not_flagged()
    {
        var doc = Page("the quaestor was chosen by the old men of the town", 1, 0.2,
            "they said the quaestor and the people agreed that day", "for the quaestor kept the purse of the town");
        Assert.DoesNotContain(doc.Apparatus, x => x.Rule == "low-confidence");
    }

    [Fact]
    public void A_misreading_the_confusion_rule_corrects_is_not_flagged_again()
    {
        var doc = Page("and there was rnore of it than the rest", 3, 0.2,
            "there was more bread and more wine than before", "for more guests came in than were asked");
        Assert.Contains(doc.Apparatus, x => x.Rule == "confusion" && x.Raw == "rnore" && x.Reading == "more");
        Assert.DoesNotContain(doc.Apparatus, x => x.Rule == "low-confidence");
    }

    [Fact]
    public void Plain_text_without_a_scan_has_no_confidence_to_go_by()
    {
        var doc = Books.Run($"{Opening}\nas he said in his secdnd letter to the abbot\n{Closing}\n", Stages);
        Assert.DoesNotContain(doc.Apparatus, x => x.Rule == "low-confidence");
    }
}
