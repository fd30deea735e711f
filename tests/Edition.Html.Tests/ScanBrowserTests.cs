using System.Text.Json;
using Edition.Html.Tests.Support;
using Edition.Model;
using PuppeteerSharp;
using Xunit.Abstractions;

namespace Edition.Html.Tests;

/// <summary>
/// diff.html and index.html of a book with page images, in Debian's Chromium: the images load from
/// their relative URLs (hostile file names and all), pointing at a word outlines its box on the image
/// where the word stands, pointing at a box highlights the word in both texts, and with scripts off
/// the images and texts are still there. Files and screenshots go beside the test binaries.
/// </summary>
public sealed class ScanBrowserTests : IClassFixture<Chromium>
{
    private readonly Chromium _browser;
    private readonly ITestOutputHelper _output;

    public ScanBrowserTests(Chromium browser, ITestOutputHelper output)
    {
        _browser = browser;
        _output = output;
    }

    /// <summary>The two-page snippet with page images whose names hold a quote, spaces, &lt; and #, written as an edition folder beside a scans folder.</summary>
    private static (Document Doc, string Folder) Build(string name)
    {
        string root = Path.Combine(Chromium.OutputFolder, name);
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        var doc = Books.Run(ScanStructureTests.TwoPages, new Book { Id = "webb", Title = "Dictatorship" });
        FakeScan.Attach(doc, Path.Combine(root, "scans", "webb", "pages"), p => $"page \"{p.Index}\" <it's> #1.png", ScanStructureTests.Confidence);
        string folder = Path.Combine(root, "editions", "webb");
        Directory.CreateDirectory(folder);
        foreach (var (file, html) in HtmlOutputs.Render(doc, new HtmlOptions { OutputFolder = folder }))
            File.WriteAllText(Path.Combine(folder, file), html);
        return (doc, folder);
    }

    private async Task Screenshot(WatchedPage page, string name)
    {
        string path = Path.Combine(Chromium.OutputFolder, name);
        await page.Page.ScreenshotAsync(path);
        _output.WriteLine("screenshot: " + path);
    }

    /// <summary>No console error (a refused image would be one), and no request but the page and its scans.</summary>
    private static void NothingWentWrong(WatchedPage page, string file)
    {
        Assert.True(page.Problems.Count == 0, string.Join("\n", page.Problems));
        var others = page.Requests.Where(u => !u.EndsWith("/" + file, StringComparison.Ordinal) && !u.Contains("/scans/webb/pages/page%20", StringComparison.Ordinal)).ToList();
        Assert.True(others.Count == 0, "requests beyond the page and its scans: " + string.Join(", ", others));
    }

    private static Task WaitForImage(WatchedPage page, int scan) => page.Page.WaitForFunctionAsync(
        $"() => {{ const i = document.querySelector(\"section[data-scan='{scan}'] figure.scan img\"); return i && i.complete && i.naturalWidth > 0; }}",
        new WaitForFunctionOptions { Timeout = 15000 });

    private static string Id(Document doc, string word)
    {
        var page = doc.Scan!.Pages[0];
        int i = page.Words.FindIndex(w => doc.Source.Text[w.Start..w.End] == word);
        Assert.True(i >= 0, word + " is not a word of scan 1");
        return $"w1-{i + 1}";
    }

    [Fact]
    public async Task PointingAtAWordOutlinesItsBoxOnTheImage()
    {
        var (doc, folder) = Build("scan-hover-word");
        var page = await _browser.OpenAsync(Path.Combine(folder, "diff.html"));
        await WaitForImage(page, 1);
        Assert.Equal(doc.Scan!.Pages[0].Width, await page.Eval<int>("document.querySelector('figure.scan img').naturalWidth"));

        foreach (var (word, column) in new[] { ("difficulty", "raw"), ("constitutional", "ed"), ("perplexing.*", "raw") })
        {
            string id = Id(doc, word);
            await page.Page.HoverAsync($"td.{column} [data-w~='{id}']");
            // Only this word's box is outlined, and it stands where the word is on the image.
            var lit = await page.Eval<string[]>("[...document.querySelectorAll('.box.lit')].map(b => b.dataset.w)");
            Assert.Equal(new[] { id }, lit);
            Assert.Equal("solid", await page.Eval<string>($"getComputedStyle(document.querySelector(\".box[data-w='{id}']\")).outlineStyle"));
            var box = await page.Eval<double[]>($"(() => {{ const r = document.querySelector(\".box[data-w='{id}']\").getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; }})()");
            var img = await page.Eval<double[]>("(() => { const r = document.querySelector(\"section[data-scan='1'] figure.scan img\").getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; })()");
            var scanPage = doc.Scan.Pages[0];
            var w = scanPage.Words[int.Parse(id.Split('-')[1]) - 1];
            double scale = img[2] / scanPage.Width;
            Assert.InRange(box[0], img[0] + w.Box.Left * scale - 1.5, img[0] + w.Box.Left * scale + 1.5);
            Assert.InRange(box[1], img[1] + w.Box.Top * scale - 1.5, img[1] + w.Box.Top * scale + 1.5);
            Assert.InRange(box[2], w.Box.Width * scale - 1.5, w.Box.Width * scale + 1.5);
            Assert.InRange(box[3], w.Box.Height * scale - 1.5, w.Box.Height * scale + 1.5);
        }
        await Screenshot(page, "scan-diff-hover-word.png");
        // Away from every word, nothing stays outlined.
        await page.Page.HoverAsync("section[data-scan='1'] h2");
        Assert.Equal(0, await page.Eval<int>("document.querySelectorAll('.lit').length"));
        NothingWentWrong(page, "diff.html");
    }

    [Fact]
    public async Task PointingAtABoxHighlightsTheWordInBothTexts()
    {
        var (doc, folder) = Build("scan-hover-box");
        var page = await _browser.OpenAsync(Path.Combine(folder, "diff.html"));
        await WaitForImage(page, 1);
        string id = Id(doc, "assessing");
        await page.Page.HoverAsync($".box[data-w='{id}']");
        var lit = await page.Eval<string[]>("[...document.querySelectorAll('td .lit')].map(e => e.closest('td').className + ':' + e.textContent)");
        Assert.Equal(new[] { "raw:assessing", "ed:assessing" }, lit);
        Assert.NotEqual("rgba(0, 0, 0, 0)", await page.Eval<string>($"getComputedStyle(document.querySelector(\"td.ed [data-w~='{id}']\")).backgroundColor"));

        // The box of a word the edition changed lights the change in both texts: "ne" of "O ne".
        await page.Page.HoverAsync($".box[data-w='{Id(doc, "ne")}']");
        lit = await page.Eval<string[]>("[...document.querySelectorAll('td .lit')].map(e => e.closest('td').className + ':' + e.localName + ':' + e.textContent)");
        Assert.Equal(new[] { "raw:del:O ne", "ed:ins:One" }, lit);
        await Screenshot(page, "scan-diff-hover-box.png");
        NothingWentWrong(page, "diff.html");
    }

    [Fact]
    public async Task WithoutScriptsTheImagesAndTextsStillShow()
    {
        var (doc, folder) = Build("scan-no-script");
        var page = await _browser.OpenAsync(Path.Combine(folder, "diff.html"), javaScript: false);
        foreach (var scan in doc.Scan!.Pages) await WaitForImage(page, scan.Index);
        Assert.True(await page.Eval<double>("document.querySelector('figure.scan img').getBoundingClientRect().width") > 200);
        Assert.Contains("difficulty", await page.Eval<string>("document.querySelector('td.ed').innerText"));
        NothingWentWrong(page, "diff.html");
    }

    [Fact]
    public async Task APageMarkerInTheReadingEditionLinksToItsImage()
    {
        var (doc, folder) = Build("scan-index");
        var page = await _browser.OpenAsync(Path.Combine(folder, "index.html"));
        var hrefs = await page.Eval<string[]>("[...document.querySelectorAll('a.pb-scan')].map(a => a.href)");
        Assert.Equal(doc.Scan!.Pages.Count, hrefs.Length);
        for (int i = 0; i < hrefs.Length; i++)
            Assert.Equal(Path.GetFullPath(doc.Scan.Pages[i].ImagePath!), new Uri(hrefs[i]).LocalPath);
        // It stands in the margin, under the page number, left of the text.
        double linkRight = await page.Eval<double>("document.querySelector('a.pb-scan').getBoundingClientRect().right");
        double textLeft = await page.Eval<double>("document.querySelector('main p').getBoundingClientRect().left");
        Assert.True(linkRight < textLeft, $"the scan link ends at {linkRight}px, the text starts at {textLeft}px");
        await Screenshot(page, "scan-index.png");
        NothingWentWrong(page, "index.html");
    }
}
