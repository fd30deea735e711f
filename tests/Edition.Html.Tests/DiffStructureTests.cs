using AngleSharp.Html.Dom;
using Edition.Html.Tests.Support;
using Edition.Model;
using Edition.Outputs.Diff;

namespace Edition.Html.Tests;

/// <summary>The pamphlet's diff.html parsed back: pages in order, every change shown, the raw text whole.</summary>
public sealed class DiffStructureTests
{
    private static readonly Lazy<IHtmlDocument> Diff = new(() => Books.Parse(Books.PamphletDiff));
    private static IHtmlDocument Html => Diff.Value;

    [Fact]
    public void PagesAreInOrderWithUniqueIdsAndANavigation()
    {
        var pages = Books.Pamphlet.Pages.Where(p => p.Lines.Count > 0).ToList();
        var sections = Html.QuerySelectorAll("main section.page").ToList();
        Assert.Equal(pages.Select(p => "p" + p.Number), sections.Select(s => s.Id));
        Assert.Equal(pages.Select(p => "#p" + p.Number), Html.QuerySelectorAll("nav.page-nav a").Select(a => a.GetAttribute("href")));
        var ids = Html.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var idSet = ids.ToHashSet();
        Assert.All(Html.QuerySelectorAll("a[href^='#']"), a => Assert.Contains(a.GetAttribute("href")![1..], idSet));
        // "In the edition" goes to the same page's marker in index.html.
        var index = Books.Parse(Books.PamphletIndex);
        foreach (var a in Html.QuerySelectorAll("a.to-edition"))
        {
            string href = a.GetAttribute("href")!;
            Assert.StartsWith("index.html#p", href);
            Assert.NotNull(index.GetElementById(href["index.html#".Length..]));
        }
        Assert.Equal("en-GB", Html.DocumentElement.GetAttribute("lang"));
        Assert.Empty(Html.QuerySelectorAll("link, script, img"));
    }

    [Fact]
    public void TheRawColumnIsTheOcrLineByLine()
    {
        var source = Books.Pamphlet.Source;
        int rows = 0;
        foreach (var tr in Html.QuerySelectorAll("table.diff tbody tr"))
        {
            int line = int.Parse(tr.QuerySelector("th.ln")!.TextContent);
            string raw = tr.QuerySelector("td.raw")!.TextContent;
            string expected = source.LineText(line).ToString();
            Assert.StartsWith(expected, raw);
            // Anything more is a change in the line break itself, shown with visible marks.
            Assert.All(raw[expected.Length..], c => Assert.Contains(c, "␣⏎␌⇥"));
            rows++;
        }
        Assert.True(rows > source.LineCount / 2, $"only {rows} rows for {source.LineCount} lines");
    }

    [Fact]
    public void EveryChangeOfTheRecordIsShownColouredByKind()
    {
        var changes = EditionDiff.Changes(Books.Pamphlet);
        var marked = Html.QuerySelectorAll("td [data-id]").GroupBy(e => e.GetAttribute("data-id")!).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var c in changes)
        {
            var e = c.Emendation;
            Assert.True(marked.TryGetValue(e.Id.ToString(), out var elements), $"change {e} is not shown");
            Assert.All(elements!, el => Assert.Equal(Kinds.Of(e), el.GetAttribute("data-kind")));
            if (!e.ChangesReading) { Assert.All(elements!, el => Assert.Equal("MARK", el.TagName)); continue; }
            if (c.Raw.Trim().Length > 0)
                Assert.Contains(elements!, el => el.TagName == "DEL" && el.Closest("td")!.ClassList.Contains("raw"));
            // A note marker's reading is its restored punctuation, then the note's number.
            var note = Books.Pamphlet.Notes.FirstOrDefault(n => n.Reference?.Emendation == e);
            string reading = note != null ? note.Reference!.Reading + note.Number : e.Reading;
            if (c.First && reading.Length > 0)
                Assert.Contains(elements!, el => el.TagName == "INS" && el.TextContent == reading && el.Closest("td")!.ClassList.Contains("ed"));
        }
        // Running heads and page numbers show as removed, and nothing of them is on the edition's side.
        var furniture = Html.QuerySelectorAll("del[data-kind='furniture']").ToList();
        Assert.Contains(furniture, d => d.TextContent.Contains("S T A L IN  IRREM O VABLE"));
        Assert.Empty(Html.QuerySelectorAll("td.ed [data-kind='furniture']"));
        // Note references show their number on the edition's side.
        Assert.Equal(Books.Pamphlet.Notes.Count(n => n.Reference != null), Html.QuerySelectorAll("td.ed ins[data-kind='note-marker'] sup.noteref").Length);
        // The legend lists the kinds present.
        var legend = Html.QuerySelectorAll(".legend li").Select(li => li.GetAttribute("data-kind")).ToList();
        Assert.Equal(Kinds.Order.Where(k => changes.Any(c => Kinds.Of(c.Emendation) == k)), legend);
    }
}
