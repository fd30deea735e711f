using Edition.Model;
using Edition.Stages;
using Edition.Tests.Support;

namespace Edition.Tests.Stages.Layout;

/// <summary>Folios the OCR misread or garbled: the scan's confidence and the folio's place decide what they are worth.</summary>
public class FolioTests
{
    private static readonly string[] Body =
    {
        "and so the matter rested for a while, until the",
        "friends of the old order came again to the door",
        "with their petition, which was read at length.",
    };

    /// <summary>A page headed by <paramref name="head"/>; <paramref name="folio"/>: the head's last word stands far right, read with that confidence.</summary>
    private static ScanBuilder Page(ScanBuilder b, string head, double? folio = null, int below = 40)
    {
        var shape = new WordShape(head.Split(' ').Length - 1, SpaceBefore: folio != null ? 500 : null, Confidence: folio);
        return b.Page().Line(head, shapes: shape).Line(Body[0], gap: below).Lines(Body[1..]);
    }

    private static (Document Doc, List<string> Warnings) Run(ScanBuilder b)
    {
        var doc = b.Read();
        var context = new StageContext(Books.Words);
        Books.StageByName("page-furniture").Run(doc, context);
        return (doc, context.Warnings);
    }

    private static Emendation Head(Document doc, int page) =>
        Assert.Single(doc.Apparatus, e => e.Rule == "running-head" && e.Page.Index == page);

    [Fact]
    public void A_folio_read_with_low_confidence_marks_the_head_but_does_not_vote_on_the_page_number()
    {
        var b = new ScanBuilder();
        Page(b, "THE PROVINCIAL LETTERS 10", 0.95);
        Page(b, "THE PROVINCIAL LETTERS 48", 0.26);
        Page(b, "THE PROVINCIAL LETTERS 12", 0.95);
        var (doc, warnings) = Run(b);
        Assert.Equal(11, doc.Pages[1].Number);
        Assert.Equal(PageNumberSource.Neighbours, doc.Pages[1].NumberSource);
        Assert.Contains("its number read with confidence 0.26, too unsure to count", Head(doc, 2).Why);
        Assert.DoesNotContain(warnings, w => w.Contains("out of step"));
    }

    [Fact]
    public void The_same_folio_read_with_confidence_is_outvoted_with_a_warning()
    {
        var b = new ScanBuilder();
        Page(b, "THE PROVINCIAL LETTERS 10", 0.95);
        Page(b, "THE PROVINCIAL LETTERS 48", 0.9);
        Page(b, "THE PROVINCIAL LETTERS 12", 0.95);
        var (doc, warnings) = Run(b);
        Assert.Equal(11, doc.Pages[1].Number);
        Assert.Contains(warnings, w => w.Contains("printed number 48 is out of step"));
        Assert.Contains("its number 48 is out of step with the pagination (page 11): misread", Head(doc, 2).Why);
    }

    [Fact]
    public void A_head_whose_misread_folio_stands_apart_at_the_end_of_the_line_is_taken_out_though_its_text_recurs_nowhere()
    {
        var b = new ScanBuilder();
        Page(b, "OF SUFFICIENT GRACE 10", 0.95);
        Page(b, "PROXIMATE POWHET 5", 0.74);
        Page(b, "DISPUTES IN THE SORBONNE 12", 0.95);
        var (doc, _) = Run(b);
        var head = Head(doc, 2);
        Assert.Equal("PROXIMATE POWHET 5", head.Raw);
        Assert.Contains("its number set apart from the words by", head.Why);
        Assert.Contains("out of step", head.Why);
        Assert.Equal(LineRole.RunningHead, doc.Pages[1].Lines[0].Role);
    }

    [Fact]
    public void A_title_whose_number_follows_a_word_space_and_is_out_of_step_stays_text()
    {
        var b = new ScanBuilder();
        Page(b, "OF SUFFICIENT GRACE 10", 0.95);
        Page(b, "CHAPTER THE FIFTH 5"); // the number one word space after the title
        Page(b, "DISPUTES IN THE SORBONNE 12", 0.95);
        var (doc, warnings) = Run(b);
        Assert.DoesNotContain(doc.Apparatus, e => e.Page.Index == 2 && e.Kind == EmendationKind.Furniture);
        Assert.Equal(LineRole.Body, doc.Pages[1].Lines[0].Role);
        Assert.Contains(warnings, w => w.Contains("\"CHAPTER THE FIFTH 5\" is kept as text"));
    }

    [Fact]
    public void A_head_set_apart_by_space_whose_folio_cannot_be_read_is_still_a_running_head()
    {
        var b = new ScanBuilder();
        Page(b, "OF SUFFICIENT GRACE 10", 0.95);
        Page(b, "PROXIMATE POWHET, \"S", 0.3);
        Page(b, "DISPUTES IN THE SORBONNE 12", 0.95);
        var (doc, _) = Run(b);
        var head = Head(doc, 2);
        Assert.Contains("a mark 'S' where the folio stands", head.Why);
        Assert.Contains("unreadable as a number", head.Why);
        Assert.Contains("set apart by 1.6 line spacings", head.Why);
        Assert.Equal(11, doc.Pages[1].Number);
    }

    [Fact]
    public void The_same_line_at_the_body_spacing_stays_text()
    {
        var b = new ScanBuilder();
        Page(b, "OF SUFFICIENT GRACE 10", 0.95);
        Page(b, "PROXIMATE POWHET, \"S", 0.3, below: 10);
        Page(b, "DISPUTES IN THE SORBONNE 12", 0.95);
        var (doc, _) = Run(b);
        Assert.DoesNotContain(doc.Apparatus, e => e.Page.Index == 2 && e.Kind == EmendationKind.Furniture);
        Assert.Equal(LineRole.Body, doc.Pages[1].Lines[0].Role);
    }

    /// <summary>Three pages with bare numbers at the top; the middle one, "7", set as <paramref name="below"/> and <paramref name="left"/> say.</summary>
    private static (Document Doc, List<string> Warnings) BareNumbers(int below, int left)
    {
        var b = new ScanBuilder();
        b.Page().Line("10", left: 600).Line(Body[0], gap: 40).Lines(Body[1..]);
        b.Page().Line("7", left: left).Line(Body[0], gap: below).Lines(Body[1..]);
        b.Page().Line("12", left: 600).Line(Body[0], gap: 40).Lines(Body[1..]);
        return Run(b);
    }

    [Fact]
    public void A_bare_number_in_the_text_s_column_at_the_text_s_spacing_does_not_vote()
    {
        var (doc, warnings) = BareNumbers(below: 10, left: 100);
        var e = Assert.Single(doc.Apparatus, x => x.Rule == "page-number" && x.Page.Index == 2);
        Assert.Contains("neither set apart by space nor standing off the text's left edge: not counted", e.Why);
        Assert.Equal(11, doc.Pages[1].Number);
        Assert.DoesNotContain(warnings, w => w.Contains("out of step"));
    }

    [Theory]
    [InlineData(40, 100, "set apart by 1.6 line spacings")]
    [InlineData(10, 600, "standing off the text's left edge")]
    public void A_bare_number_set_apart_or_centred_votes_and_is_outvoted(int below, int left, string place)
    {
        var (doc, warnings) = BareNumbers(below, left);
        var e = Assert.Single(doc.Apparatus, x => x.Rule == "page-number" && x.Page.Index == 2);
        Assert.Contains(place, e.Why);
        Assert.Equal(11, doc.Pages[1].Number);
        Assert.Contains(warnings, w => w.Contains("printed number 7 is out of step"));
    }
}
