using System.Globalization;
using AngleSharp.Dom;
using Edition.Html.Tests.Support;
using Edition.Model;
using Document = Edition.Model.Document;

namespace Edition.Html.Tests;

/// <summary>
/// diff.html and index.html of a book with page images (geometry attached by hand, see
/// <see cref="FakeScan"/>): each page's image beside its texts by a relative URL, a box per word in
/// percentages of the image, the same word id on the word in both texts and on its box, links from
/// the page markers to the images, the OCR's confidence in the apparatus; and nothing of this for a
/// book of plain text.
/// </summary>
public sealed class ScanStructureTests : IDisposable
{
    /// <summary>Two pages: a split word (O ne), spaces before marks, a running head, a note.</summary>
    internal static readonly string TwoPages = string.Join("\n",
        "O ne difficulty of accurately assessing and defining the essential ",
        "characteristics of the constitutional structure of the USSR is the ",
        "rapidity with which it changes ; and the constitution of Soviet Com",
        "munism is, however, perplexing.* The Soviet Communism of the text. ",
        "",
        "* It is interesting to notice that many of the advantages claimed for ",
        "rigidity in constitutions have to do with private ownership.",
        "",
        "",
        "",
        "THE P O SIT IO N  OF THE P A R T Y 7",
        "",
        "Indeed, as we explained in Soviet Communism, the Communist ",
        "Party is perpetually issuing “ directives ” to its members. ") + "\n";

    internal static double? Confidence(string word) => word switch { "O" => 0.55, "ne" => 0.41, "Com" => 0.734, _ => 0.9 };

    private readonly string _root = Path.Combine(Path.GetTempPath(), "edition-scan-html-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private string Output => Path.Combine(_root, "editions", "webb");
    private string Images => Path.Combine(_root, "scans", "webb", "pages");

    private (Document Doc, ScanGeometry Scan) Scanned(Func<Page, string>? name = null)
    {
        var doc = Books.Run(TwoPages, new Book { Id = "webb", Title = "Dictatorship" });
        var scan = FakeScan.Attach(doc, Images, name, Confidence);
        return (doc, scan);
    }

    private HtmlOptions Options => new() { OutputFolder = Output };

    [Fact]
    public void ABookOfPlainTextGetsTheSameFilesWhateverTheOutputFolder()
    {
        var options = new HtmlOptions { OutputFolder = _root };
        Assert.Equal(Books.PamphletDiff, HtmlDiff.Write(Books.Pamphlet, options));
        Assert.Equal(Books.PamphletIndex, HtmlEdition.Write(Books.Pamphlet, options));
        foreach (var html in new[] { Books.PamphletDiff, Books.PamphletIndex })
        {
            Assert.DoesNotContain("data-w", html);
            Assert.DoesNotContain("<figure", html);
            Assert.DoesNotContain("pb-scan", html);
            Assert.DoesNotContain("ocr-conf", html);
            Assert.DoesNotContain("img-src data: 'self'", html);
        }
    }

    [Fact]
    public void WithoutAnOutputFolderNoImageIsLinked()
    {
        var (doc, _) = Scanned();
        string diff = HtmlDiff.Write(doc);
        Assert.DoesNotContain("<figure", diff);
        Assert.DoesNotContain("data-w", diff);
        Assert.DoesNotContain("pb-scan", HtmlEdition.Write(doc));
    }

    [Fact]
    public void EachPageShowsItsImageBesideItsTextByARelativeUrl()
    {
        var (doc, scan) = Scanned();
        string diff = HtmlDiff.Write(doc, Options);
        var html = Books.Parse(diff);
        var sections = html.QuerySelectorAll("section.page").ToList();
        Assert.Equal(2, sections.Count);
        for (int i = 0; i < sections.Count; i++)
        {
            var s = sections[i];
            Assert.Contains("has-scan", s.ClassList);
            var img = s.QuerySelector(".page-body > figure.scan img")!;
            string expected = $"../../scans/webb/pages/p00{i + 1}.png";
            Assert.Equal(expected, img.GetAttribute("src"));
            Assert.Equal("lazy", img.GetAttribute("loading"));
            Assert.Equal(scan.Pages[i].Width.ToString(CultureInfo.InvariantCulture), img.GetAttribute("width"));
            Assert.Equal(scan.Pages[i].Height.ToString(CultureInfo.InvariantCulture), img.GetAttribute("height"));
            Assert.StartsWith("Scan of page ", img.GetAttribute("alt"));
            Assert.Equal(expected, s.QuerySelector("figcaption a")!.GetAttribute("href"));
            // The image comes before the table, so it stands beside the texts.
            Assert.Equal("table", s.QuerySelector(".page-body")!.Children[1].LocalName);
        }
        // No absolute path of this machine in the file, and the page may load images from its own place.
        Assert.DoesNotContain(_root, diff);
        Assert.Contains("img-src data: 'self' file:", html.QuerySelector("meta[http-equiv=Content-Security-Policy]")!.GetAttribute("content"));
        Assert.NotNull(html.QuerySelector("body > script"));
    }

    [Fact]
    public void EveryWordHasABoxInPercentOfItsImage()
    {
        var (doc, scan) = Scanned();
        var html = Books.Parse(HtmlDiff.Write(doc, Options));
        foreach (var page in scan.Pages)
        {
            var section = html.QuerySelector($"section.page[data-scan='{page.Index}']")!;
            var boxes = section.QuerySelectorAll(".boxes .box").ToList();
            Assert.Equal(page.Words.Count, boxes.Count);
            Assert.Equal("true", section.QuerySelector(".boxes")!.GetAttribute("aria-hidden"));
            for (int i = 0; i < page.Words.Count; i++)
            {
                var w = page.Words[i];
                Assert.Equal($"w{page.Index}-{i + 1}", boxes[i].GetAttribute("data-w"));
                var style = Style(boxes[i]);
                var (left, top, width, height) = FakeScan.Percent(page, w.Box);
                Assert.Equal(left, style["left"], 3);
                Assert.Equal(top, style["top"], 3);
                Assert.Equal(width, style["width"], 3);
                Assert.Equal(height, style["height"], 3);
                string word = doc.Source.Text[w.Start..w.End];
                Assert.Equal(word + " · OCR " + Math.Round(100 * w.Confidence!.Value).ToString(CultureInfo.InvariantCulture) + "%", boxes[i].GetAttribute("title"));
            }
        }
    }

    private static Dictionary<string, double> Style(IElement box) =>
        box.GetAttribute("style")!.Split(';').Select(p => p.Split(':')).ToDictionary(
            p => p[0], p => double.Parse(p[1].TrimEnd('%'), CultureInfo.InvariantCulture));

    [Fact]
    public void EveryWordInTheTextsCarriesTheIdOfItsBox()
    {
        var (doc, scan) = Scanned();
        var html = Books.Parse(HtmlDiff.Write(doc, Options));
        var changed = doc.Apparatus.SelectMany(e => e.RawSegments).ToList();
        bool Untouched(ScanWord w) => !changed.Any(s => s.Start < w.End && s.End > w.Start);
        int untouched = 0;
        foreach (var page in scan.Pages)
        {
            var section = html.QuerySelector($"section.page[data-scan='{page.Index}']")!;
            for (int i = 0; i < page.Words.Count; i++)
            {
                var w = page.Words[i];
                string id = $"w{page.Index}-{i + 1}";
                string word = doc.Source.Text[w.Start..w.End];
                // In the raw column every word is there: as itself, or inside the change that touched it.
                var raw = section.QuerySelectorAll($"td.raw [data-w~='{id}']").ToList();
                Assert.True(raw.Count > 0, $"{word} ({id}) has no element in the raw text");
                if (!Untouched(w)) continue;
                untouched++;
                var ed = section.QuerySelectorAll($"td.ed [data-w~='{id}']").ToList();
                Assert.Equal(word, Assert.Single(raw).TextContent);
                Assert.Equal(word, Assert.Single(ed).TextContent);
                Assert.Equal("w", ed[0].ClassName);
            }
        }
        Assert.True(untouched > 50, $"only {untouched} untouched words: the snippet does not test much");
    }

    [Fact]
    public void AChangeNamesTheBoxesOfItsWordsAndTheirConfidence()
    {
        var (doc, _) = Scanned();
        var html = Books.Parse(HtmlDiff.Write(doc, Options));
        var split = doc.Apparatus.Single(e => e.Raw == "O ne");
        var del = html.QuerySelector($"td.raw del[data-id='{split.Id}']")!;
        var ins = html.QuerySelector($"td.ed ins[data-id='{split.Id}']")!;
        // "O" and "ne" are the first two words of scan 1; the lower confidence is ne's, 0.41.
        Assert.Equal("w1-1 w1-2", del.GetAttribute("data-w"));
        Assert.Equal("w1-1 w1-2", ins.GetAttribute("data-w"));
        Assert.EndsWith("(OCR 41%)", del.GetAttribute("title"));
        // A word joined across a line end: both halves' boxes, on two rows of the image.
        var joined = doc.Apparatus.Single(e => e.Raw == "Com\nmunism");
        var page = doc.Scan!.Pages[0];
        int com = page.Words.FindIndex(w => w.End == joined.Start + 3) + 1, munism = com + 1;
        Assert.Equal($"w1-{com} w1-{munism}", html.QuerySelector($"td.ed ins[data-id='{joined.Id}']")!.GetAttribute("data-w"));
        Assert.Equal("munism", doc.Source.Text[page.Words[munism - 1].Start..page.Words[munism - 1].End]);
        // A change of spaces alone touches no word: no box, no confidence.
        var spacing = doc.Apparatus.First(e => e.Raw == " " && e.Reading == "" && e.Kind == EmendationKind.Spacing);
        var el = html.QuerySelector($"td.raw [data-id='{spacing.Id}']")!;
        Assert.Null(el.GetAttribute("data-w"));
        Assert.DoesNotContain("OCR", el.GetAttribute("title"));
    }

    [Fact]
    public void PageMarkersLinkToTheirImagesAndTheApparatusGivesTheConfidence()
    {
        var (doc, _) = Scanned();
        string index = HtmlEdition.Write(doc, Options);
        var html = Books.Parse(index);
        var markers = html.QuerySelectorAll("span.pb").ToList();
        Assert.Equal(2, markers.Count);
        foreach (var marker in markers)
        {
            var number = marker.QuerySelector("a.pb-n")!;
            var link = marker.QuerySelector("a.pb-scan")!;
            int scanIndex = doc.Pages.Single(p => "p" + p.Number.ToString(CultureInfo.InvariantCulture) == number.Id).Index;
            Assert.Equal($"../../scans/webb/pages/p00{scanIndex}.png", link.GetAttribute("href"));
            Assert.Equal("Scan of page " + number.GetAttribute("data-page"), link.GetAttribute("aria-label"));
        }
        var split = doc.Apparatus.Single(e => e.Raw == "O ne");
        Assert.Equal("OCR 41%", html.GetElementById("a" + split.Id)!.QuerySelector(".ocr-conf")!.TextContent);
        var joined = doc.Apparatus.Single(e => e.Raw == "Com\nmunism");
        Assert.Equal("OCR 73%", html.GetElementById("a" + joined.Id)!.QuerySelector(".ocr-conf")!.TextContent);
        var spacing = doc.Apparatus.First(e => e.Raw == " " && e.Kind == EmendationKind.Spacing);
        Assert.Null(html.GetElementById("a" + spacing.Id)!.QuerySelector(".ocr-conf"));
        Assert.DoesNotContain(_root, index);
    }

    [Fact]
    public void HostileImageNamesAreUrlEncoded()
    {
        static string Name(Page p) => $"it's \"{p.Index}\" <b>&amp; #?.png";
        var (doc, _) = Scanned(Name);
        string diff = HtmlDiff.Write(doc, Options);
        string index = HtmlEdition.Write(doc, Options);
        const string expected = "../../scans/webb/pages/it%27s%20%221%22%20%3Cb%3E%26amp%3B%20%23%3F.png";
        Assert.Equal(expected, Books.Parse(diff).QuerySelector("figure.scan img")!.GetAttribute("src"));
        Assert.Equal(expected, Books.Parse(index).QuerySelector("a.pb-scan")!.GetAttribute("href"));
        foreach (var html in new[] { diff, index })
        {
            Assert.DoesNotContain("<b>", html);
            Assert.DoesNotContain("it's", html);
        }
    }

    [Fact]
    public void TheScanOutputsAreDeterministic()
    {
        var (a, _) = Scanned();
        string diff = HtmlDiff.Write(a, Options), index = HtmlEdition.Write(a, Options);
        var (b, _) = Scanned();
        Assert.Equal(diff, HtmlDiff.Write(b, Options));
        Assert.Equal(index, HtmlEdition.Write(b, Options));
    }
}
