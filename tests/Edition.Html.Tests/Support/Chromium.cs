using PuppeteerSharp;

namespace Edition.Html.Tests.Support;

/// <summary>
/// Debian's Chromium, headless, driven by PuppeteerSharp over the DevTools protocol. Never a browser
/// download: the executable is the one build/setup.sh installs, and its absence fails the tests.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private string _profile = "";

    public IBrowser Instance { get; private set; } = null!;

    /// <summary>Where the pages and screenshots of the browser tests are written, for a person to look at.</summary>
    public static string OutputFolder
    {
        get
        {
            string dir = Path.Combine(AppContext.BaseDirectory, "browser");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Chromium is not installed at {ChromiumPath}: the browser tests need Debian's 'chromium' package. Run build/setup.sh, which installs it.");
        _profile = Path.Combine(Path.GetTempPath(), "edition-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_profile);
        Instance = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            UserDataDir = _profile,
            Timeout = 30_000,
            Args = new[]
            {
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--allow-file-access-from-files",
            },
            DefaultViewport = new PuppeteerSharp.ViewPortOptions { Width = 1280, Height = 900 },
        });
    }

    public async Task DisposeAsync()
    {
        if (Instance != null) await Instance.CloseAsync();
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>A page that records console errors, uncaught exceptions and every request it makes.</summary>
    public async Task<WatchedPage> OpenAsync(string path, bool javaScript = true)
    {
        var page = await Instance.NewPageAsync();
        var watched = new WatchedPage(page);
        if (!javaScript) await page.SetJavaScriptEnabledAsync(false);
        await page.GoToAsync(new Uri(path).AbsoluteUri, new NavigationOptions { WaitUntil = new[] { WaitUntilNavigation.Load }, Timeout = 30_000 });
        return watched;
    }
}

public sealed class WatchedPage
{
    public WatchedPage(IPage page)
    {
        Page = page;
        page.Console += (_, e) =>
        {
            if (e.Message.Type is ConsoleType.Error or ConsoleType.Warning) Problems.Add($"console {e.Message.Type}: {e.Message.Text}");
        };
        page.PageError += (_, e) => Problems.Add("uncaught: " + e.Message);
        page.Request += (_, e) => Requests.Add(e.Request.Url);
        page.RequestFailed += (_, e) => Problems.Add("request failed: " + e.Request.Url + " " + e.Request.FailureText);
    }

    public IPage Page { get; }
    public List<string> Problems { get; } = new();
    public List<string> Requests { get; } = new();

    public Task<T> Eval<T>(string script) => Page.EvaluateExpressionAsync<T>(script);
}
