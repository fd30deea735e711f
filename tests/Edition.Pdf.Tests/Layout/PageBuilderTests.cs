using Edition.Model;
using Edition.Pdf.Layout;

namespace Edition.Pdf.Tests.Layout;

/// <summary>
/// Pages cut from a galley of 10-point lines into a 100-point text block (ten lines a page);
/// notes are 8-point lines under 10 points of separation.
/// </summary>
public class PageBuilderTests
{
    private static readonly PageBuilder Builder = new(textHeight: 100, leading: 10, noteLeading: 8, noteGap: 0, noteSeparation: 10);
    private int _paragraph;

    private List<GalleyItem> Paragraph(int lines, Dictionary<int, NoteInstance>? notes = null)
    {
        int p = _paragraph++;
        var items = new List<GalleyItem>();
        for (int k = 0; k < lines; k++)
        {
            var item = new GalleyItem { Kind = GalleyKind.Line, Line = new LaidLine(), Height = 10, Leading = 10, Paragraph = p, IndexInParagraph = k, ParagraphLines = lines };
            if (notes != null && notes.TryGetValue(k, out var n)) item.Notes.Add(n);
            items.Add(item);
        }
        return items;
    }

    private static GalleyItem Heading() => new() { Kind = GalleyKind.Line, Line = new LaidLine(), Height = 10, Leading = 10, KeepWithNext = true, Heading = new HeadingEntry("H", 2, "h") };

    private static NoteInstance Note(int number, int lines)
    {
        var n = new NoteInstance(new Note(new Page(1)) { Number = number }, number) { Serial = number };
        for (int k = 0; k < lines; k++) n.Lines.Add(new LaidLine());
        return n;
    }

    private static int[] BodyLines(List<BodyPage> pages) => pages.Select(p => p.Items.Count(i => i.Item.Kind == GalleyKind.Line)).ToArray();

    [Fact]
    public void APageHoldsTenLines()
    {
        var pages = Builder.Build(Paragraph(25));
        Assert.Equal([10, 10, 5], BodyLines(pages));
    }

    [Fact]
    public void NoLastLineIsLeftAloneAtTheHeadOfAPage()
    {
        // 21 lines: a second page of ten would leave the last line alone on the third.
        var pages = Builder.Build(Paragraph(21));
        Assert.Equal([10, 9, 2], BodyLines(pages));
    }

    [Fact]
    public void NoFirstLineIsLeftAloneAtTheFootOfAPage()
    {
        var galley = Paragraph(9).Concat(Paragraph(5)).ToList();
        Assert.Equal([9, 5], BodyLines(Builder.Build(galley)));
    }

    [Fact]
    public void AHeadingGoesOverWithItsText()
    {
        var galley = Paragraph(8).Append(Heading()).Concat(Paragraph(4)).ToList();
        var pages = Builder.Build(galley);
        // After the heading the page has room for one line, which would be an orphan: the heading goes over.
        Assert.Equal([8, 5], BodyLines(pages));
        Assert.NotNull(pages[1].Items[0].Item.Heading);
    }

    [Fact]
    public void ANoteStandsAtTheFootOfThePageOfItsReference()
    {
        // Line 7 refers to a 3-line note: with it, eight lines and two of the note's need 106 points.
        var note = Note(1, 3);
        var pages = Builder.Build(Paragraph(20, new() { [7] = note }));
        Assert.Equal(7, BodyLines(pages)[0]);
        Assert.Empty(pages[0].NoteLines);
        Assert.Equal(note, pages[1].NoteLines[0].Note);
        Assert.Equal([0, 1, 2], pages[1].NoteLines.Select(n => n.Line));
        Assert.Equal(6, BodyLines(pages)[1]); // 60 of text, 10 of separation, 24 of note
        // The notes sit at the foot of the block.
        Assert.Equal(100 - 3 * 8, pages[1].NoteLines[0].Top);
    }

    [Fact]
    public void ANoteTooLongForItsPageRunsOverAheadOfTheText()
    {
        var note = Note(1, 15);
        var pages = Builder.Build(Paragraph(30, new() { [2] = note }));
        // Page 1: the reference, with at least two lines of the note; the text takes what is left.
        Assert.Equal(7, BodyLines(pages)[0]);
        Assert.Equal([0, 1], pages[0].NoteLines.Select(n => n.Line));
        // Every line of the note is printed once, in order, beginning on the reference's page.
        var all = pages.SelectMany(p => p.NoteLines).Select(n => n.Line).ToList();
        Assert.Equal(Enumerable.Range(0, 15), all);
        // And every line of text once.
        Assert.Equal(30, BodyLines(pages).Sum());
        Assert.True(pages[1].NoteLines.Count >= 6, $"page 2 carries only {pages[1].NoteLines.Count} lines of the note");
    }

    [Fact]
    public void TwoNotesOnOnePageAreBothBegunThere()
    {
        var a = Note(1, 2);
        var b = Note(2, 2);
        var pages = Builder.Build(Paragraph(12, new() { [1] = a, [3] = b }));
        Assert.Equal([a, a, b, b], pages[0].NoteLines.Select(n => n.Note));
        // 100 - 10 of separation - 32 of notes leaves five lines of text.
        Assert.Equal(5, BodyLines(pages)[0]);
    }

    [Fact]
    public void AChapterStartsANewPage()
    {
        var galley = Paragraph(3).Append(GalleyItem.NewPage(opening: true)).Concat(Paragraph(3)).ToList();
        var pages = Builder.Build(galley);
        Assert.Equal([3, 3], BodyLines(pages));
        Assert.True(pages[1].Opening);
        Assert.False(pages[0].Opening);
    }
}
