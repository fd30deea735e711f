using Edition.Model;
using Edition.Tests.Support;

namespace Edition.Tests.Stages.Layout;

/// <summary>Drop caps found by the height of the capital's box against the words of its line.</summary>
public class DropCapTests
{
    private static readonly string[] Stages = { "page-furniture", "footnotes", "paragraphs", "split-words" };
    private const string Next = "that evening, and no one spoke against them.";

    [Fact]
    public void A_capital_twice_the_height_of_its_line_is_joined_to_the_word_after_it()
    {
        var doc = new ScanBuilder().Page()
            .Line("T he letters were read aloud to the company", shapes: new WordShape(0, Width: 50, Height: 70))
            .Line(Next)
            .Read();
        Books.Run(doc, Stages);
        var e = Assert.Single(doc.Apparatus, x => x.Rule == "drop-cap");
        Assert.Equal("T he", e.Raw);
        Assert.Equal("The", e.Reading);
        Assert.Equal(EmendationStatus.Automatic, e.Status);
        Assert.Contains("stands 2.3 times as high", e.Why);
        Assert.Contains("} The letters were", Books.Render(doc.Body[0].Pieces));
    }

    [Fact]
    public void A_capital_the_OCR_set_on_a_line_of_its_own_beside_the_text_is_joined_across_the_line_end()
    {
        // The cap's box reaches 40 px below its own line's baseline, down beside the next line, which starts right of it.
        var doc = new ScanBuilder().Page()
            .Line("T", shapes: new WordShape(0, Width: 50, Height: 70, Raise: -40))
            .Line("he letters were read aloud to the company", left: 160)
            .Line(Next)
            .Read();
        Books.Run(doc, Stages);
        var e = Assert.Single(doc.Apparatus, x => x.Rule == "drop-cap");
        Assert.Equal("The", e.Reading);
        Assert.Contains("on a line of its own", e.Why);
        Assert.Contains("} The letters were", Books.Render(doc.Body[0].Pieces));
    }

    [Fact]
    public void A_capital_on_a_line_of_its_own_above_the_text_is_not_joined()
    {
        // The same tall letter, but the next line starts under it, not beside it: a label or a heading letter.
        var doc = new ScanBuilder().Page()
            .Line("T", shapes: new WordShape(0, Width: 50, Height: 70))
            .Line("he letters were read aloud to the company")
            .Line(Next)
            .Read();
        Books.Run(doc, Stages);
        Assert.DoesNotContain(doc.Apparatus, x => x.Rule == "drop-cap");
    }

    [Fact]
    public void A_one_letter_word_of_the_line_s_own_height_is_left_alone()
    {
        var doc = new ScanBuilder().Page()
            .Line("A part of the letters was read aloud to them")
            .Line("I saw that evening that no one spoke against them.")
            .Read();
        Books.Run(doc, Stages);
        Assert.DoesNotContain(doc.Apparatus, x => x.Kind == EmendationKind.SplitWord);
        var text = Books.Render(doc.Body[0].Pieces);
        Assert.Contains("} A part of", text);
        Assert.Contains("I saw that", text);
    }

    [Fact]
    public void A_tall_capital_whose_rest_is_a_word_too_is_joined_but_flagged()
    {
        var doc = new ScanBuilder().Page()
            .Line("A part of the letters was read aloud to them", shapes: new WordShape(0, Width: 50, Height: 70))
            .Line(Next)
            .Read();
        Books.Run(doc, Stages);
        var e = Assert.Single(doc.Apparatus, x => x.Rule == "drop-cap");
        Assert.Equal("Apart", e.Reading);
        Assert.Equal(EmendationStatus.Doubtful, e.Status);
        Assert.Contains("'part' is a word too", e.Why);
    }

    [Fact]
    public void A_capital_of_ordinary_height_a_full_space_from_an_unknown_word_is_not_joined()
    {
        // "I apologized" read "T apologized": the text alone would take "T" for a capital split from a name.
        var doc = new ScanBuilder().Page()
            .Line("the matter rested there until the evening.")
            .Line("T apologized for having misread his sentiment")
            .Read();
        Books.Run(doc, Stages);
        Assert.DoesNotContain(doc.Apparatus, x => x.Kind == EmendationKind.SplitWord);
        Assert.Contains("T apologized", Books.Render(doc.Body[0].Pieces));
    }

    [Fact]
    public void The_same_capital_closed_up_to_the_rest_of_the_word_is_joined_on_the_text_s_evidence()
    {
        var doc = new ScanBuilder().Page()
            .Line("the matter rested there until the evening.")
            .Line("T apologized for having misread his sentiment", shapes: new WordShape(1, SpaceBefore: 3))
            .Read();
        Books.Run(doc, Stages);
        var e = Assert.Single(doc.Apparatus, x => x.Kind == EmendationKind.SplitWord);
        Assert.Equal("Tapologized", e.Reading);
        Assert.Equal(EmendationStatus.Doubtful, e.Status);
    }
}
