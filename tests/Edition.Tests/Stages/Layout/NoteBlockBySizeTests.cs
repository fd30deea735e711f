using Edition.Model;
using Edition.Tests.Support;

namespace Edition.Tests.Stages.Layout;

/// <summary>The note block found by its smaller type at the foot of the page when its marker is garbled.</summary>
public class NoteBlockBySizeTests
{
    private static readonly string[] Body =
    {
        "and so the matter rested for a while, until the",
        "friends of the old order came again to the door",
        "with their petition, which was read at length.",
    };

    private static Document Page(int gap, int noteHeight) => new ScanBuilder().Page()
        .Lines(Body)
        .Blank()
        .Line("\"It is interesting to notice how little of this was new.", gap: gap, wordHeight: noteHeight)
        .Line("The same plan had been tried twice before the war.", wordHeight: noteHeight)
        .Read();

    [Fact]
    public void Smaller_type_set_apart_at_the_foot_is_a_note_though_its_marker_is_garbled()
    {
        var doc = Page(gap: 60, noteHeight: 22);
        Books.Run(doc, "page-furniture", "footnotes");
        var note = Assert.Single(doc.Notes);
        Assert.Contains(note.Paragraphs[0], p => p.Reading == "interesting");
        Assert.All(doc.Pages[0].Lines.Skip(4), l => Assert.Equal(LineRole.Note, l.Role));
    }

    [Fact]
    public void The_same_lines_in_body_type_stay_in_the_body()
    {
        var doc = Page(gap: 60, noteHeight: 30);
        Books.Run(doc, "page-furniture", "footnotes");
        Assert.Empty(doc.Notes);
    }

    [Fact]
    public void Smaller_type_at_the_body_s_spacing_stays_in_the_body()
    {
        var doc = Page(gap: 10, noteHeight: 22);
        Books.Run(doc, "page-furniture", "footnotes");
        Assert.Empty(doc.Notes);
    }
}
