using Edition.Cli;
using Edition.Cli.Commands;
using Edition.Ocr;

namespace Edition.Ocr.Tests;

/// <summary>
/// The bundled image book and one build of it shared by every test (OCR of its 21 pages is the slow
/// part: it runs once, into a temporary cache that the other tests read).
/// </summary>
public static class Scans
{
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Edition.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Edition.sln not found above the test binaries");
        }
    }

    public static string Thornton => Path.Combine(RepositoryRoot, "scans", "thornton");
    public static string Page(string n) => Path.Combine(Thornton, "pages", n + ".png");

    /// <summary>A cache folder for this test run, deleted at exit.</summary>
    public static readonly string Cache = TempFolder("edition-ocr-cache-");

    public sealed record Built(string OutFolder, EditionBuild.Result Result, PageOcr Ocr, string Log);

    private static readonly Lazy<Built> ThorntonBuild = new(() =>
    {
        RequireTesseract();
        string outFolder = Path.Combine(TempFolder("edition-ocr-out-"), "thornton");
        var ocr = new PageOcr(new OcrOptions { Jobs = 2, CacheFolder = Cache });
        var log = new StringWriter();
        var result = EditionBuild.Build(Thornton, outFolder, BuildCommand.LoadWords(), log, ocr);
        return new Built(outFolder, result, ocr, log.ToString());
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Built BuildThornton() => ThorntonBuild.Value;

    /// <summary>Setup installs Tesseract; without it these tests fail with this message rather than skip.</summary>
    public static void RequireTesseract()
    {
        foreach (var lib in new[] { "/usr/lib/x86_64-linux-gnu/libtesseract.so.5", "/usr/lib/x86_64-linux-gnu/liblept.so.5" })
        {
            if (!File.Exists(lib) && !File.Exists(lib.Replace("x86_64-linux-gnu", "aarch64-linux-gnu")))
                Assert.Fail($"{Path.GetFileName(lib)} is missing: install tesseract-ocr tesseract-ocr-eng libtesseract5 liblept5 (bash build/setup.sh)");
        }
        if (!File.Exists(Path.Combine(TesseractEngine.DefaultDataPath, "eng.traineddata")))
            Assert.Fail($"{TesseractEngine.DefaultDataPath}/eng.traineddata is missing: install tesseract-ocr-eng (bash build/setup.sh)");
    }

    public static string TempFolder(string prefix)
    {
        string path = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(path, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return path;
    }
}
