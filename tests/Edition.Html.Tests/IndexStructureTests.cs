using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Edition.Html.Tests.Support;
using Edition.Model;
using Document = Edition.Model.Document;

namespace Edition.Html.Tests;

/// <summary>The pamphlet's index.html parsed back with AngleSharp: its structure, links and ids.</summary>
public sealed class IndexStructureTests
{
    private static readonly Lazy<IHtmlDocument> Index = new(() => Books.Parse(Books.PamphletIndex));
    private static IHtmlDocument Html => Index.Value;
    private static Document Pamphlet => Books.Pamphlet;

    [Fact]
    public void TheDocumentHasItsLanguageTitleAndTitleBlock()
    {
        Assert.Equal("en-GB", Html.DocumentElement.GetAttribute("lang"));
        Assert.Equal("utf-8", Html.QuerySelector("meta[charset]")!.GetAttribute("charset"));
        Assert.Equal("Soviet Communism: Dictatorship or Democracy? — Sidney Webb and Beatrice Webb (1936)", Html.Title);
        var block = Html.QuerySelector("header.title-block")!;
        Assert.Equal("Soviet Communism: Dictatorship or Democracy?", block.QuerySelector("h1")!.TextContent);
        Assert.Equal("Sidney Webb and Beatrice Webb", block.QuerySelector(".authors")!.TextContent);
        Assert.Equal("1936", block.QuerySelector(".year")!.TextContent);
        Assert.Single(Html.QuerySelectorAll("h1"));
    }

    [Fact]
    public void NoIdIsUsedTwice()
    {
        var ids = Html.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        var twice = ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, "ids used twice: " + string.Join(", ", twice));
        Assert.True(ids.Count > 1000, "the edition should carry ids for pages, notes, changes and apparatus entries");
    }

    [Fact]
    public void EveryLinkInsideThePageGoesSomewhere()
    {
        var ids = Html.QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet();
        var broken = Html.QuerySelectorAll("a[href^='#']").Select(a => a.GetAttribute("href")!)
            .Where(h => !ids.Contains(h[1..])).Distinct().ToList();
        Assert.True(broken.Count == 0, "links to nowhere: " + string.Join(", ", broken));
        // The other links go to the diff, beside it; nothing points off the file's folder.
        var outside = Html.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
            .Where(h => !h.StartsWith('#') && h != "diff.html").ToList();
        Assert.Empty(outside);
    }

    [Fact]
    public void EveryNoteReferenceGoesToItsNoteAndBack()
    {
        var refs = Html.QuerySelectorAll("a[role='doc-noteref']").ToList();
        Assert.Equal(Pamphlet.Notes.Count(n => n.Reference != null), refs.Count);
        var numbers = new List<int>();
        foreach (var a in refs)
        {
            var note = Html.GetElementById(a.GetAttribute("href")![1..]);
            Assert.NotNull(note);
            Assert.Equal("doc-endnote", note!.GetAttribute("role"));
            Assert.Equal(a.TextContent, note.GetAttribute("value"));
            var back = note.QuerySelectorAll("a[role='doc-backlink']").ToList();
            Assert.Single(back);
            Assert.Equal("#" + a.Id, back[0].GetAttribute("href"));
            // The note closes the section that refers to it.
            Assert.Same(Section(a), Section(note));
            Assert.NotNull(note.Closest("section[role='doc-endnotes']"));
            numbers.Add(int.Parse(a.TextContent));
        }
        Assert.Equal(numbers.OrderBy(n => n), numbers);
        // Each note's text is the note's reading.
        foreach (var n in Pamphlet.Notes.Where(n => n.Reference != null))
        {
            var li = Html.GetElementById("n" + n.Number)!;
            string expected = Squeeze(string.Concat(n.Paragraphs.SelectMany(p => p).Where(p => p.Kind != PieceKind.PageBreak).Select(p => p.Reading)));
            string actual = Squeeze(string.Concat(li.QuerySelectorAll("p").Select(p => TextWithout(p, ".note-number, .backlink, .pb"))));
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void PageMarkersAreUniqueInOrderAndCiteEveryPage()
    {
        var markers = Html.QuerySelectorAll("main .pb-n").ToList();
        var numbers = new List<int>();
        foreach (var m in markers)
        {
            var match = Regex.Match(m.Id ?? "", @"^p(\d+)$");
            Assert.True(match.Success, "page marker id " + m.Id);
            int n = int.Parse(match.Groups[1].Value);
            Assert.Equal("[" + n + "]", m.TextContent);
            Assert.Equal("#p" + n, m.GetAttribute("href"));
            numbers.Add(n);
        }
        Assert.Equal(Pamphlet.Pages.Select(p => p.Number), numbers);
        Assert.True(numbers.Zip(numbers.Skip(1)).All(p => p.First < p.Second), "page numbers out of order: " + string.Join(" ", numbers));
    }

    [Fact]
    public void NoPageMarkerStandsInsideAWord()
    {
        foreach (var marker in Html.QuerySelectorAll("main .pb"))
        {
            var block = marker.Closest("p, h2, h3, li")!;
            string text = TextWithMarker(block, marker);
            int at = text.IndexOf('\u0001');
            char before = at > 0 ? text[at - 1] : ' ';
            char after = at + 1 < text.Length ? text[at + 1] : ' ';
            Assert.False(char.IsLetterOrDigit(before) && char.IsLetterOrDigit(after),
                $"page marker {marker.TextContent} inside a word: …{text[Math.Max(0, at - 20)..Math.Min(text.Length, at + 20)]}…");
        }
    }

    [Fact]
    public void TheTextIsTheEditionsReadingEveryCharacterInOrder()
    {
        var paragraphs = Html.QuerySelectorAll("main section.chapter > p, main section.chapter > h2, main section.chapter > h3").ToList();
        var blocks = Pamphlet.Body.Where(b => Squeeze(b.Reading).Length > 0 || b is Heading).ToList();
        Assert.Equal(blocks.Count, paragraphs.Count);
        for (int i = 0; i < blocks.Count; i++)
        {
            Assert.Equal(blocks[i] is Heading h ? (h.Level <= 1 ? "H2" : "H3") : "P", paragraphs[i].TagName);
            string expected = Squeeze(string.Concat(blocks[i].Pieces.Where(p => p.Kind != PieceKind.PageBreak).Select(p => p.Reading)));
            Assert.Equal(expected, Squeeze(TextWithout(paragraphs[i], ".pb, sup.noteref")));
        }
    }

    [Fact]
    public void ContentsListEveryHeadingAtItsLevel()
    {
        var headings = Pamphlet.Body.OfType<Heading>().ToList();
        var top = Html.QuerySelectorAll("nav.toc > ol > li:not(.toc-back)").ToList();
        var nested = Html.QuerySelectorAll("nav.toc > ol > li > ol > li").ToList();
        Assert.Equal(headings.Count(h => h.Level <= 1), top.Count);
        Assert.Equal(headings.Count(h => h.Level > 1), nested.Count);
        var links = Html.QuerySelectorAll("nav.toc li:not(.toc-back) > a").ToList();
        Assert.Equal(headings.Count, links.Count);
        for (int i = 0; i < headings.Count; i++)
        {
            var target = Html.GetElementById(links[i].GetAttribute("href")![1..])!;
            Assert.Equal(headings[i].Level <= 1 ? "H2" : "H3", target.TagName);
            Assert.Equal(Squeeze(TextWithout(target, ".pb")), Squeeze(links[i].TextContent));
            Assert.Equal(headings[i].Page.Number.ToString(), links[i].ParentElement!.QuerySelector(".toc-page")!.TextContent);
        }
        Assert.Contains(Html.QuerySelectorAll("nav.toc a"), a => a.GetAttribute("href") == "#apparatus");
        Assert.Contains(Html.QuerySelectorAll("nav.toc a"), a => a.GetAttribute("href") == "#principles");
    }

    [Fact]
    public void EveryChangeIsMarkedUpWithItsKindAndRawReadingAndHiddenUntilShown()
    {
        var spans = Html.QuerySelectorAll("main .em").ToList();
        foreach (var span in spans)
        {
            Assert.Contains(span.GetAttribute("data-kind"), Kinds.Order);
            Assert.True(span.HasAttribute("data-raw"));
        }
        // Every kind in the apparatus is marked in the text.
        Assert.Equal(Pamphlet.Apparatus.Select(Kinds.Of).Distinct().OrderBy(k => k), spans.Select(s => s.GetAttribute("data-kind")!).Distinct().OrderBy(k => k));
        // A change's span holds the edition's reading and the OCR's.
        var sample = Html.GetElementById("e56")!;
        Assert.Equal("Since", sample.TextContent);
        Assert.Equal("S ince", sample.GetAttribute("data-raw"));
        Assert.Equal("split-word", sample.GetAttribute("data-kind"));
        // The switch: a labelled checkbox, which needs no script, and a legend of the kinds present.
        var toggle = Html.GetElementById("show-changes")!;
        Assert.Equal("checkbox", toggle.GetAttribute("type"));
        Assert.Equal("Show changes", Html.QuerySelector("label[for='show-changes']")!.TextContent);
        var legend = Html.QuerySelectorAll("#legend li[data-kind]").Select(li => li.GetAttribute("data-kind")).ToList();
        Assert.Equal(Kinds.Order.Where(k => Pamphlet.Apparatus.Any(e => Kinds.Of(e) == k)), legend);
        // The stylesheet colours each kind, and shows the changes only under the switch.
        string css = Html.QuerySelector("style")!.TextContent;
        foreach (var kind in Kinds.Order) Assert.Contains($"[data-kind=\"{kind}\"] {{ --k:", css);
        Assert.Contains("body:has(#show-changes:checked) .em", css);
    }

    [Fact]
    public void EveryEmendationIsInTheApparatusUnderItsPageAndLinksToItsPlaceInTheText()
    {
        var entries = Html.QuerySelectorAll("#apparatus li[id]").ToList();
        Assert.Equal(Pamphlet.Apparatus.Count, entries.Count);
        var order = Pamphlet.Apparatus.OrderBy(e => e.Start).ThenBy(e => e.Id).Select(e => "a" + e.Id);
        Assert.Equal(order, entries.Select(e => e.Id));
        foreach (var e in Pamphlet.Apparatus)
        {
            var li = Html.GetElementById("a" + e.Id)!;
            Assert.Equal(Kinds.Of(e), li.GetAttribute("data-kind"));
            // Grouped under its page's heading.
            var heading = li.ParentElement!.PreviousElementSibling!;
            Assert.Equal("Page " + e.Page.Number, heading.TextContent);
            // Linked to a change marked in the text (its own, or the one that took it in).
            var place = Html.GetElementById(li.QuerySelector("a.loc")!.GetAttribute("href")![1..])!;
            Assert.Contains("em", place.ClassList);
            Assert.NotNull(place.Closest("main"));
            Assert.Equal(e.Line.ToString(), li.QuerySelector(".loc")!.TextContent[3..]);
            Assert.Contains(e.Why, li.TextContent);
            // The lemma is the edition's reading as the text shows it: a note reference as its number.
            var note = Pamphlet.Notes.FirstOrDefault(n => n.Reference?.Emendation == e);
            string lemma = note != null ? note.Reference!.Reading + note.Number : e.Reading.Length > 0 ? e.Reading : "om.";
            Assert.Equal(lemma, li.QuerySelector(".lemma")!.TextContent);
        }
    }

    [Fact]
    public void TheEditorialPrinciplesCountEachKindOfSilentCorrection()
    {
        var section = Html.GetElementById("principles")!;
        var silent = Pamphlet.Apparatus.Where(e => e.Status == EmendationStatus.Automatic && e.Kind != EmendationKind.Editorial)
            .GroupBy(Kinds.Of).ToDictionary(g => g.Key, g => g.Count());
        var terms = section.QuerySelectorAll("dl.kinds > dt").ToList();
        Assert.Equal(silent.Count, terms.Count);
        foreach (var dt in terms)
        {
            string kind = dt.GetAttribute("data-kind")!;
            Assert.Equal(silent[kind].ToString(), dt.QuerySelector(".count")!.TextContent);
            var examples = dt.NextElementSibling!.QuerySelectorAll(".examples li").ToList();
            Assert.InRange(examples.Count, 1, 2);
            if (silent[kind] >= 5) Assert.Equal(2, examples.Count);
            foreach (var ex in examples)
                Assert.NotEqual(ex.QuerySelector(".ocr")!.TextContent, ex.QuerySelector(".ed, .om")!.TextContent);
        }
        // The pamphlet's own corrections from its book.toml are listed, each with its raw and edited reading.
        int editorial = Pamphlet.Apparatus.Count(e => e.Status == EmendationStatus.Editorial);
        Assert.True(editorial > 0);
        Assert.Equal(editorial, section.QuerySelectorAll("ul.records li[data-kind='editorial']").Length);
        int doubtful = Pamphlet.Apparatus.Count(e => e.Status == EmendationStatus.Doubtful);
        Assert.Equal(doubtful, section.QuerySelectorAll("ul.records li[data-kind='doubtful']").Length);
    }

    [Fact]
    public void ThePageIsSelfContained()
    {
        Assert.Empty(Html.QuerySelectorAll("link, script[src], img, iframe, object, embed, [style*='url(']"));
        Assert.Single(Html.QuerySelectorAll("style"));
        Assert.Single(Html.QuerySelectorAll("script"));
        Assert.DoesNotContain("url(", Html.QuerySelector("style")!.TextContent);
        Assert.DoesNotContain("@import", Html.QuerySelector("style")!.TextContent);
        var csp = Html.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;
        Assert.StartsWith("default-src 'none'", csp);
        Assert.Contains("@media print", Html.QuerySelector("style")!.TextContent);
    }

    internal static IElement? Section(IElement e) => e.Closest("section.chapter");

    internal static string Squeeze(string s) => new(s.Where(c => !char.IsWhiteSpace(c)).ToArray());

    /// <summary>The text of <paramref name="e"/> without the elements matching <paramref name="exclude"/>.</summary>
    internal static string TextWithout(IElement e, string exclude)
    {
        var copy = (IElement)e.Clone(true);
        foreach (var x in copy.QuerySelectorAll(exclude).ToList()) x.Remove();
        return copy.TextContent;
    }

    /// <summary>The block's text with U+0001 where <paramref name="marker"/> stands, other markers and note numbers left out.</summary>
    private static string TextWithMarker(IElement block, IElement marker)
    {
        var sb = new System.Text.StringBuilder();
        void Walk(INode n)
        {
            if (n == marker) { sb.Append('\u0001'); return; }
            if (n is IElement el && (el.ClassList.Contains("pb") || el.ClassList.Contains("noteref"))) return;
            if (n is IText t) { sb.Append(t.Data); return; }
            foreach (var c in n.ChildNodes) Walk(c);
        }
        Walk(block);
        return sb.ToString();
    }
}
