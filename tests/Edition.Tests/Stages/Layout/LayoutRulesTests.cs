using Edition.Cli;
using Edition.Ingest;
using Edition.Model;
using Edition.Tests.Support;

namespace Edition.Tests.Stages.Layout;

/// <summary>The stages' use of the scan's geometry, on hand-built pages whose boxes are chosen for each case.</summary>
public class LayoutRulesTests
{
    private static readonly string[] Body =
    {
        "and so the matter rested for a while, until the",
        "friends of the old order came again to the door",
        "with their petition, which was read at length.",
    };

    private static Emendation? Rule(Document doc, string rule) => doc.Apparatus.FirstOrDefault(e => e.Rule == rule);

    [Fact]
    public void A_top_line_with_a_number_set_apart_by_space_is_a_running_head()
    {
        var doc = new ScanBuilder().Page().Line("72 Provincial letters").Line(Body[0], gap: 45).Lines(Body[1..]).Read();
        Books.Run(doc, "page-furniture");
        var head = Rule(doc, "running-head");
        Assert.NotNull(head);
        Assert.Equal("72 Provincial letters", head!.Raw);
        Assert.Contains("set apart by 1.7 line spacings", head.Why);
        Assert.Equal(72, doc.Pages[0].PrintedNumber);
    }

    [Fact]
    public void The_same_top_line_at_the_body_spacing_stays_text()
    {
        var doc = new ScanBuilder().Page().Line("72 Provincial letters").Lines(Body).Read();
        Books.Run(doc, "page-furniture");
        Assert.Null(Rule(doc, "running-head"));
        Assert.Equal(LineRole.Body, doc.Pages[0].Lines[0].Role);
    }

    [Fact]
    public void A_small_inset_mark_on_the_foot_line_is_a_signature()
    {
        var doc = new ScanBuilder().Page().Lines(Body).Line("4*", wordHeight: 18, left: 560).Read();
        Books.Run(doc, "page-furniture");
        var sig = Rule(doc, "signature-mark");
        Assert.NotNull(sig);
        Assert.Equal("4*", sig!.Raw);
        Assert.Contains("40% smaller than the body", sig.Why);
    }

    [Fact]
    public void A_short_foot_line_in_body_type_at_the_margin_is_not_a_signature()
    {
        var doc = new ScanBuilder().Page().Lines(Body).Line("A2").Read();
        Books.Run(doc, "page-furniture");
        Assert.Null(Rule(doc, "signature-mark"));
        Assert.Equal(LineRole.Body, doc.Pages[0].Lines[^1].Role);
    }

    [Fact]
    public void A_tiny_unsure_mark_opening_a_line_after_a_hyphen_is_a_speck_and_the_word_is_mended()
    {
        var doc = new ScanBuilder().Page()
            .Line("drawn from it, the con-")
            .Line("~ clusions here drawn by them remain as true", shapes: new WordShape(0, Width: 2, Height: 2, Confidence: 0.0))
            .Line("in their essentials as when they were written.")
            .Read();
        Books.Run(doc);
        var speck = Rule(doc, "speck");
        Assert.NotNull(speck);
        Assert.Equal("~", speck!.Raw);
        Assert.Equal("", speck.Reading);
        Assert.Contains("box 2×2 px", speck.Why);
        Assert.Contains("confidence 0%", speck.Why);
        Assert.Contains("conclusions here", Books.Render(doc.Body[0].Pieces));
    }

    [Fact]
    public void A_tiny_mark_before_a_lower_case_line_is_a_speck_even_when_the_OCR_was_sure()
    {
        var doc = new ScanBuilder().Page()
            .Line("the publishers would urge all .", shapes: new WordShape(5, Width: 2, Height: 2, Confidence: 0.9))
            .Line("readers to get a copy of the draft.")
            .Read();
        Books.Run(doc, "page-furniture");
        var speck = Rule(doc, "speck");
        Assert.NotNull(speck);
        Assert.Equal(EmendationStatus.Automatic, speck!.Status);
        Assert.Contains("goes on in lower case", speck.Why);
    }

    [Fact]
    public void A_tiny_sure_mark_where_punctuation_may_stand_is_only_flagged()
    {
        var doc = new ScanBuilder().Page()
            .Line("and that was the end of it .", shapes: new WordShape(7, Width: 2, Height: 2, Confidence: 0.9))
            .Line("Then they went home again.")
            .Read();
        Books.Run(doc, "page-furniture");
        var speck = Rule(doc, "speck");
        Assert.NotNull(speck);
        Assert.Equal(EmendationStatus.Doubtful, speck!.Status);
        Assert.Equal(".", speck.Reading);
    }

    [Fact]
    public void A_standing_mark_of_ordinary_size_is_not_a_speck()
    {
        var doc = new ScanBuilder().Page()
            .Line("the first point ; the second point", shapes: new WordShape(3, Width: 5, Height: 24, Confidence: 0.4))
            .Line("~ clusions follow here", shapes: new WordShape(0, Width: 16, Height: 10, Confidence: 0.3))
            .Read();
        Books.Run(doc, "page-furniture");
        Assert.Null(Rule(doc, "speck"));
    }

    [Fact]
    public void Text_without_geometry_keeps_its_marks()
    {
        var doc = Books.Read(Snippet.Lines("drawn from it, the con-", "~ clusions here drawn by them"));
        Books.Run(doc, "page-furniture");
        Assert.Null(Rule(doc, "speck"));
    }

    private static Document WithNote(WordShape star) => new ScanBuilder().Page()
        .Line("and the result will show that these last are")
        .Line("not the greatest dupes. * I acknowledged", shapes: star)
        .Line("that they were a shrewd class of people.")
        .Blank()
        .Line("* This clause is wanting in the other editions.", gap: 40, wordHeight: 22)
        .Read();

    [Fact]
    public void A_marker_set_apart_by_a_space_but_raised_is_linked_to_its_note()
    {
        var doc = WithNote(new WordShape(4, Width: 12, Height: 12, Raise: 14));
        Books.Run(doc, "page-furniture", "footnotes");
        var note = Assert.Single(doc.Notes);
        Assert.NotNull(note.Reference?.Emendation);
        Assert.Equal("marker", note.Reference!.Emendation!.Rule);
        Assert.Equal(" *", note.Reference.Emendation.Raw);
        Assert.Contains("raised above the line", note.Reference.Emendation.Why);
        Assert.Null(Rule(doc, "marker-without-note"));
    }

    [Fact]
    public void The_same_mark_on_the_baseline_is_not_taken_for_the_marker()
    {
        var doc = WithNote(new WordShape(4, Width: 12, Height: 12));
        Books.Run(doc, "page-furniture", "footnotes");
        Assert.NotNull(Rule(doc, "marker-without-note"));
        Assert.NotNull(Rule(doc, "note-without-marker"));
    }

    [Fact]
    public void A_letter_sized_unsure_star_opening_a_paragraph_is_a_garbled_mark_not_a_marker()
    {
        var doc = new ScanBuilder().Page()
            .Lines(Body)
            .Blank()
            .Line("*¥ understand you, said I; they have all that is", shapes: new WordShape(0, Width: 40, Height: 30, Confidence: 0.0))
            .Line("needed for praying to God.")
            .Read();
        Books.Run(doc, "page-furniture", "footnotes");
        var garbled = Rule(doc, "garbled-mark");
        Assert.NotNull(garbled);
        Assert.Equal(EmendationStatus.Doubtful, garbled!.Status);
        Assert.Null(Rule(doc, "marker-without-note"));
    }

    [Fact]
    public void The_hOCR_book_links_its_raised_markers_and_takes_out_its_signature()
    {
        // scans/pascal, scan 078 (page 78) read by eye: "dupes.” *" with a raised asterisk and its note "* Et la suite…";
        // scan 081 ends on the signature "4*" centred in small type under the text.
        var book = BookFolder.Open(Path.Combine(Books.RepositoryRoot, "scans", "pascal"));
        var document = EditionBuild.Edit(book, Books.Words).Document;
        var note = document.Notes.Single(n => n.Page.Index == 16 && n.Paragraphs[0].Any(p => p.Reading == "suite"));
        Assert.Contains("raised above the line", note.Reference!.Emendation!.Why);
        Assert.Contains(document.Apparatus, e => e.Rule == "signature-mark" && e.Raw == "4*" && e.Page.Index == 19);
        Assert.DoesNotContain(document.Apparatus, e => e.Rule is "marker-without-note" or "note-without-marker");
    }
}
