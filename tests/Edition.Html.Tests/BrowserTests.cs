using System.Text.Json;
using Edition.Html.Tests.Support;
using PuppeteerSharp;
using PuppeteerSharp.Input;
using Xunit.Abstractions;

namespace Edition.Html.Tests;

/// <summary>
/// The pamphlet's index.html and diff.html in a real browser (Debian's Chromium, headless), checked as
/// a reader would use them: no console errors and no request leaving the file, note references that go
/// to their notes and show them on hover and focus, a "Show changes" switch that works from the keyboard
/// and reveals every kind of change. Screenshots are saved beside the test binaries for a person to look at.
/// </summary>
public sealed class BrowserTests : IClassFixture<Chromium>
{
    private readonly Chromium _browser;
    private readonly ITestOutputHelper _output;

    public BrowserTests(Chromium browser, ITestOutputHelper output)
    {
        _browser = browser;
        _output = output;
    }

    private static string Write(string name, string html)
    {
        string path = Path.Combine(Chromium.OutputFolder, name);
        File.WriteAllText(path, html);
        return path;
    }

    private async Task<WatchedPage> OpenIndex()
    {
        Write("diff.html", Books.PamphletDiff);
        return await _browser.OpenAsync(Write("index.html", Books.PamphletIndex));
    }

    private async Task Screenshot(WatchedPage page, string name, bool fullPage = false)
    {
        string path = Path.Combine(Chromium.OutputFolder, name);
        await page.Page.ScreenshotAsync(path, new ScreenshotOptions { FullPage = fullPage });
        Assert.True(new FileInfo(path).Length > 10_000, "the screenshot is (nearly) empty: " + path);
        _output.WriteLine("screenshot: " + path);
    }

    private static void NothingWentWrong(WatchedPage page, string file)
    {
        Assert.True(page.Problems.Count == 0, string.Join("\n", page.Problems));
        // The page itself is the only thing it loads: no stylesheet, script, font or image from anywhere.
        var others = page.Requests.Where(u => !u.EndsWith("/" + file, StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal)).ToList();
        Assert.True(others.Count == 0, "requests beyond the page: " + string.Join(", ", others));
    }

    [Fact]
    public async Task TheReadingEditionLoadsCleanlyAndLooksLikeABook()
    {
        var page = await OpenIndex();
        await Screenshot(page, "index-first-page.png");
        // Body text is set in a serif, in a measure a reader can follow.
        string font = await page.Eval<string>("getComputedStyle(document.querySelector('main p')).fontFamily");
        Assert.Contains("serif", font);
        double width = await page.Eval<double>("document.querySelector('main p').getBoundingClientRect().width");
        double fontSize = await page.Eval<double>("parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)");
        double measure = width / fontSize;
        Assert.InRange(measure, 25, 40);
        // Page numbers stand in the margin, left of the text column.
        double markerRight = await page.Eval<double>("document.getElementById('p4').getBoundingClientRect().right");
        double textLeft = await page.Eval<double>("document.querySelector('main p').getBoundingClientRect().left");
        Assert.True(markerRight < textLeft, $"page marker ends at {markerRight}px, the text starts at {textLeft}px");
        // The back matter, for a person to look at.
        await page.Eval<JsonElement?>("document.getElementById('principles').scrollIntoView()");
        await Screenshot(page, "index-principles.png");
        await page.Eval<JsonElement?>("document.getElementById('apparatus').scrollIntoView()");
        await Screenshot(page, "index-apparatus.png");
        NothingWentWrong(page, "index.html");
    }

    [Fact]
    public async Task ClickingANoteReferenceScrollsToTheNoteAndHoverShowsIt()
    {
        var page = await OpenIndex();
        const string inView = "(function(el){var r=el.getBoundingClientRect();return r.top>=0&&r.bottom<=innerHeight;})";
        await page.Eval<JsonElement?>("document.getElementById('r1').scrollIntoView({block:'center'})");
        Assert.False(await page.Eval<bool>(inView + "(document.getElementById('n1'))"), "note 1 is already in view before the click");

        // Pointing at the reference shows the note beside it.
        await page.Page.HoverAsync("#r1");
        await page.Page.WaitForSelectorAsync(".note-pop:not([hidden])", new WaitForSelectorOptions { Timeout = 15000 });
        string shown = await page.Eval<string>("document.querySelector('.note-pop').textContent");
        string note = await page.Eval<string>("document.getElementById('n1').textContent");
        Assert.Contains(shown.Trim()[..40], note);
        Assert.Equal("note-pop", await page.Eval<string>("document.getElementById('r1').getAttribute('aria-describedby')"));
        await Screenshot(page, "index-note-on-hover.png");

        await page.Page.ClickAsync("#r1");
        await page.Page.WaitForFunctionAsync("() => location.hash === '#n1'", new WaitForFunctionOptions { Timeout = 15000 });
        Assert.True(await page.Eval<bool>(inView + "(document.getElementById('n1'))"), "note 1 is not in view after clicking its reference");
        await Screenshot(page, "index-note-target.png");

        // And back again.
        await page.Page.ClickAsync("#n1 [role=doc-backlink]");
        await page.Page.WaitForFunctionAsync("() => location.hash === '#r1'", new WaitForFunctionOptions { Timeout = 15000 });
        Assert.True(await page.Eval<bool>(inView + "(document.getElementById('r1'))"), "the reference is not in view after the back-link");

        // Focusing a reference with the keyboard shows its note too.
        await page.Eval<JsonElement?>("document.getElementById('r2').focus()");
        await page.Page.WaitForFunctionAsync("() => !document.querySelector('.note-pop').hidden && document.getElementById('r2').getAttribute('aria-describedby') === 'note-pop'", new WaitForFunctionOptions { Timeout = 15000 });
        await page.Page.Keyboard.PressAsync(Key.Escape);
        Assert.True(await page.Eval<bool>("document.querySelector('.note-pop').hidden"));
        NothingWentWrong(page, "index.html");
    }

    [Fact]
    public async Task ShowChangesRevealsEveryKindOfChangeFromTheKeyboard()
    {
        var page = await OpenIndex();
        var kinds = (await page.Eval<string[]>("[...new Set([...document.querySelectorAll('main .em')].map(e => e.dataset.kind))]")).OrderBy(k => k).ToArray();
        var expected = Books.Pamphlet.Apparatus.Select(Kinds.Of).Distinct().OrderBy(k => k).ToArray();
        Assert.Equal(expected, kinds);

        // Visible: a tinted background, and some width even where the edition reads nothing.
        const string revealed = @"(function(kind){
            return [...document.querySelectorAll('main .em[data-kind=""' + kind + '""]')].some(function(e){
                var s = getComputedStyle(e);
                return s.backgroundColor !== 'rgba(0, 0, 0, 0)' && e.getBoundingClientRect().width > 0;
            });})";
        foreach (var kind in kinds)
            Assert.False(await page.Eval<bool>(revealed + "('" + kind + "')"), kind + " changes show before the switch is on");
        Assert.False(await page.Eval<bool>("getComputedStyle(document.getElementById('legend')).display !== 'none'"));

        // The switch is a real control: reach it with Tab, turn it on with the space bar.
        await page.Eval<JsonElement?>("document.getElementById('show-changes').focus()");
        Assert.Equal("show-changes", await page.Eval<string>("document.activeElement.id"));
        await page.Page.Keyboard.PressAsync("Space");
        Assert.True(await page.Eval<bool>("document.getElementById('show-changes').checked"));
        foreach (var kind in kinds)
            Assert.True(await page.Eval<bool>(revealed + "('" + kind + "')"), kind + " changes do not show with the switch on");
        Assert.True(await page.Eval<bool>("getComputedStyle(document.getElementById('legend')).display !== 'none'"));

        // Pointing at a change gives the OCR's reading.
        await page.Eval<JsonElement?>("document.getElementById('e56').scrollIntoView({block:'center'})");
        await page.Page.HoverAsync("#e56");
        string tip = await page.Eval<string>("getComputedStyle(document.getElementById('e56'), '::after').content");
        Assert.Contains("S ince", tip);
        await Screenshot(page, "index-show-changes.png");
        await page.Eval<JsonElement?>("document.getElementById('r1').scrollIntoView({block:'center'})");
        await page.Page.Mouse.MoveAsync(0, 0);
        await Screenshot(page, "index-show-changes-text.png");

        await page.Page.Keyboard.PressAsync("Space");
        foreach (var kind in kinds)
            Assert.False(await page.Eval<bool>(revealed + "('" + kind + "')"), kind + " changes still show with the switch off");
        NothingWentWrong(page, "index.html");
    }

    [Fact]
    public async Task WithoutScriptsTheSwitchStillWorksAndNotesAreStillLinked()
    {
        Write("diff.html", Books.PamphletDiff);
        string path = Write("index.html", Books.PamphletIndex);
        var page = await _browser.OpenAsync(path, javaScript: false);
        Assert.Equal(0, await page.Eval<int>("document.querySelectorAll('.note-pop').length"));
        await page.Page.ClickAsync("label[for='show-changes']");
        Assert.True(await page.Eval<bool>("document.getElementById('show-changes').checked"));
        Assert.True(await page.Eval<bool>("getComputedStyle(document.getElementById('e56')).backgroundColor !== 'rgba(0, 0, 0, 0)'"));
        await page.Page.ClickAsync("#r1");
        await page.Page.WaitForFunctionAsync("() => location.hash === '#n1'", new WaitForFunctionOptions { Timeout = 15000 });
        Assert.True(await page.Eval<int>("document.querySelectorAll('#apparatus li[id]').length") == Books.Pamphlet.Apparatus.Count);
        NothingWentWrong(page, "index.html");
    }

    [Fact]
    public async Task TheDiffLoadsCleanlyAndShowsFurnitureAsRemoved()
    {
        Write("index.html", Books.PamphletIndex);
        var page = await _browser.OpenAsync(Write("diff.html", Books.PamphletDiff));
        await Screenshot(page, "diff-first-page.png");
        int pages = await page.Eval<int>("document.querySelectorAll('section.page').length");
        Assert.Equal(Books.Pamphlet.Pages.Count(p => p.Lines.Count > 0), pages);
        // Furniture is struck through; every kind has its own colour.
        Assert.Equal("line-through", await page.Eval<string>("getComputedStyle(document.querySelector('del[data-kind=furniture]')).textDecorationLine"));
        var colours = await page.Eval<string[]>("[...new Set([...document.querySelectorAll('del[data-kind], ins[data-kind], mark[data-kind]')].map(e => e.dataset.kind))].map(k => getComputedStyle(document.querySelector('[data-kind=\"' + k + '\"]:is(del,ins,mark)')).backgroundColor + getComputedStyle(document.querySelector('[data-kind=\"' + k + '\"]:is(del,ins,mark)')).boxShadow)");
        Assert.Equal(colours.Length, colours.Distinct().Count());
        // Navigable by page.
        await page.Page.ClickAsync(".page-nav a[href='#p21']");
        await page.Page.WaitForFunctionAsync("() => location.hash === '#p21'", new WaitForFunctionOptions { Timeout = 15000 });
        double top = await page.Eval<double>("document.getElementById('p21').getBoundingClientRect().top");
        Assert.InRange(top, -2, 60);
        await Screenshot(page, "diff-page-21.png");
        NothingWentWrong(page, "diff.html");
    }
}
