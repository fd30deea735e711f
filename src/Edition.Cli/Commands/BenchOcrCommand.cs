using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Edition.Cli.Parsing;
using Edition.Ingest;
using Edition.Ocr;
using Edition.Stages;

namespace Edition.Cli.Commands;

/// <summary>
/// <c>edition bench-ocr [BOOK] [--pages N]</c>: OCR speed on an image book's pages (default scans/thornton):
/// a plain loop of the <c>tesseract</c> command line with OMP_THREAD_LIMIT=1, our in-process OCR with
/// 1 job and with 2, and a rebuild with every page cached. Also checks the three give the same text.
/// </summary>
public sealed class BenchOcrCommand : EditionCommand
{
    private readonly Argument<string> _book = Declare.Place("BOOK", "a book of page images", "a book folder", defaultValue: "scans/thornton");
    private readonly Option<int?> _pages = Declare.OptionalCount("--pages", "only the first N pages (default: all)", 1);

    public BenchOcrCommand() : base("bench-ocr", "OCR speed on an image book against the tesseract command line, and whether they read the same.") =>
        Add(_book, _pages);

    public override int Run(ParseResult parsed, TextWriter log)
    {
        string book = parsed.GetValue(_book)!;
        int pages = parsed.GetValue(_pages) ?? int.MaxValue;
        var folder = BookFolder.Open(book);
        if (folder.Kind != InputKind.Images) throw new InputException(book, "holds no page images to benchmark");
        var images = folder.PageImages.Take(pages).ToArray();
        string lang = PageOcr.TesseractLanguage(folder.Book.Language);
        var ci = CultureInfo.InvariantCulture;
        log.WriteLine($"bench-ocr: {images.Length} pages of {book}, Tesseract {TesseractEngine.Version}, {Environment.ProcessorCount} cores");

        // 1. The command line, one process per page, as a user would loop it.
        var cliTexts = new string[images.Length];
        long t0 = Stopwatch.GetTimestamp();
        for (int i = 0; i < images.Length; i++) cliTexts[i] = Cli(images[i], lang);
        double cli = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        log.WriteLine(string.Format(ci, "  tesseract CLI loop:        {0,7:0.00} s/page  ({1:0.0} s)", cli / images.Length, cli));

        // 2. In process, no cache, 1 job then 2.
        var one = new PageOcr(new OcrOptions { Jobs = 1, CacheFolder = null });
        var oneTexts = one.Recognize(images, folder.Book.Language);
        double s1 = one.LastTime.TotalSeconds;
        log.WriteLine(string.Format(ci, "  in-process, 1 job:         {0,7:0.00} s/page  ({1:0.0} s; {2:+0.0;-0.0}% against the CLI loop)", s1 / images.Length, s1, (s1 / cli - 1) * 100));
        // Into an empty cache (every page a miss), which the cached rebuild below reads.
        string cache = Path.Combine(Path.GetTempPath(), "edition-bench-cache-" + Guid.NewGuid().ToString("N")[..8]);
        var two = new PageOcr(new OcrOptions { Jobs = 2, CacheFolder = cache });
        var twoTexts = two.Recognize(images, folder.Book.Language);
        double s2 = two.LastTime.TotalSeconds;
        log.WriteLine(string.Format(ci, "  in-process, 2 jobs:        {0,7:0.00} s/page  ({1:0.0} s; {2:0.00}x the throughput of 1 job)", s2 / images.Length, s2, s1 / s2));

        // 3. Every page cached: OCR only, then a whole build (read, stages, render) without writing.
        try
        {
            var cached = new PageOcr(new OcrOptions { Jobs = 2, CacheFolder = cache });
            cached.Recognize(images, folder.Book.Language);
            var words = BuildCommand.LoadWords();
            t0 = Stopwatch.GetTimestamp();
            var doc = EditionBuild.Edit(folder, words, cached).Document;
            EditionBuild.Render(doc);
            double build = Stopwatch.GetElapsedTime(t0).TotalSeconds;
            log.WriteLine(string.Format(ci, "  all pages cached: OCR {0:0.000} s; whole book (OCR from cache, stages, outputs) {1:0.000} s", cached.LastTime.TotalSeconds, build));
            if (cached.EngineCalls != 0) log.WriteLine($"  warning: {cached.EngineCalls} pages were recognised again");
        }
        finally
        {
            try { Directory.Delete(cache, true); } catch (IOException) { }
        }

        int same1 = Enumerable.Range(0, images.Length).Count(i => Trim(oneTexts[i]) == Trim(cliTexts[i]));
        int same2 = Enumerable.Range(0, images.Length).Count(i => oneTexts[i] == twoTexts[i]);
        log.WriteLine($"  same text: in-process = CLI on {same1}/{images.Length} pages; 1 job = 2 jobs on {same2}/{images.Length}");
        return same1 == images.Length && same2 == images.Length ? 0 : 1;
    }

    private static string Trim(string s) => s.TrimEnd('\n', '\f');

    private static string Cli(string image, string lang)
    {
        var r = ExternalTool.Run("tesseract", [image, "stdout", "--psm", "3", "-l", lang], new Dictionary<string, string> { ["OMP_THREAD_LIMIT"] = "1" })
            ?? throw new InputException("tesseract", "cannot be started (tesseract-ocr; bash build/setup.sh installs it)");
        if (r.ExitCode != 0) throw new InputException(image, $"tesseract exited with {r.ExitCode}");
        return r.Output;
    }
}
