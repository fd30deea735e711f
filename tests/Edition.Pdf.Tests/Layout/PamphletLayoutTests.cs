using Edition.Pdf.Layout;
using Edition.Pdf.Tests.Support;

namespace Edition.Pdf.Tests.Layout;

/// <summary>The pamphlet's pages as laid out: notes, widows and orphans, hyphens, the grid.</summary>
public class PamphletLayoutTests
{
    private static TypesetBook Book => Pamphlet.Pdf.Book;
    private static IEnumerable<BodyPage> BodyPages => Book.Pages.Where(p => p.Role == PageRole.Body).Select(p => p.Body!);

    [Fact]
    public void EveryNoteBeginsAtTheFootOfThePageOfItsReference()
    {
        int checkedNotes = 0;
        foreach (var page in BodyPages)
            foreach (var (item, _) in page.Items)
                foreach (var note in item.Notes)
                {
                    Assert.Contains(page.NoteLines, l => l.Note == note && l.Line == 0);
                    checkedNotes++;
                }
        Assert.Equal(Pamphlet.Document.Notes.Count, checkedNotes);
    }

    [Fact]
    public void EveryLineOfEveryNoteIsPrintedOnceInOrder()
    {
        var printed = BodyPages.SelectMany(p => p.NoteLines).GroupBy(l => l.Note).ToList();
        Assert.Equal(Pamphlet.Document.Notes.Count, printed.Count);
        foreach (var g in printed) Assert.Equal(Enumerable.Range(0, g.Key.Lines.Count), g.Select(l => l.Line));
    }

    [Fact]
    public void SomeNoteRunsOverAndTheNotesStayInsideTheTextBlock()
    {
        Assert.True(Book.Report.NotesRunOver > 0);
        var d = Pamphlet.Pdf.Design;
        foreach (var page in BodyPages)
        {
            Assert.True(page.BodyHeight <= d.TextHeight + 0.01f);
            if (page.NoteLines.Count > 0)
            {
                Assert.True(page.NotesTop >= page.BodyHeight - 0.01f, "notes overlap the text");
                Assert.True(page.NoteLines[^1].Top + d.NoteLeading <= d.TextHeight + 0.01f, "notes below the text block");
            }
        }
    }

    [Fact]
    public void NoWidowsNoOrphansNoOverfullLinesAndAtMostTwoHyphensInARow()
    {
        var r = Book.Report;
        Assert.Equal(0, r.Widows);
        Assert.Equal(0, r.Orphans);
        Assert.Equal(0, r.OverfullLines);
        Assert.True(r.MostConsecutiveHyphens <= 2);
        Assert.True(r.LooseShare < 0.05, r.ToString());
        Assert.True(r.HyphenatedLines < r.Lines / 5, r.ToString());
    }

    [Fact]
    public void TheFrontMatterIsTitleImprintContentsAndTheBodyStartsOnARecto()
    {
        Assert.Equal(PageRole.Front, Book.Pages[0].Role);
        Assert.Equal(0, Book.FrontPages % 2);
        var first = Book.Pages.First(p => p.Role == PageRole.Body);
        Assert.Equal("1", first.Label);
        Assert.Equal(Book.FrontPages, first.Index);
        Assert.Contains(Book.Pages, p => p.Role == PageRole.Back);
    }

    [Fact]
    public void EveryRecordedEmendationIsLocatedInTheEdition()
    {
        var recorded = Pamphlet.Document.Apparatus.Where(Principles.IsRecorded).ToList();
        Assert.NotEmpty(recorded);
        var missing = recorded.Where(e => !Book.Locations.ContainsKey(e)).ToList();
        Assert.True(missing.Count == 0, "not located: " + string.Join("; ", missing.Take(5)));
        Assert.All(Book.Locations.Values, l => Assert.Matches(@"^\d+(\.\d+| n\. \d+)$", l));
    }
}
