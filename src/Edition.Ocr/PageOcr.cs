using System.Collections.Concurrent;
using System.Diagnostics;
using Edition.Ingest;
using Edition.Ingest.Scans;

namespace Edition.Ocr;

public sealed record OcrOptions
{
    /// <summary>Pages recognised at once, one engine (and thread) each.</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;
    /// <summary>The cache folder; null for no cache.</summary>
    public string? CacheFolder { get; init; }
    /// <summary>An unreadable page image becomes an empty page recorded in <see cref="PageOcr.Problems"/> instead of an error.</summary>
    public bool KeepGoing { get; init; }
    public string DataPath { get; init; } = TesseractEngine.DefaultDataPath;
}

/// <summary>Hears how a batch of pages goes: told the number of pages, each page as it is done (from any thread), and the end.</summary>
public interface IOcrProgress
{
    void Begin(int pages);
    void PageDone(bool fromCache);
    void End();
}

/// <summary>
/// A book's page images to Tesseract's hOCR (text with word boxes, confidences and type sizes): cached
/// pages are read from the cache, the rest are recognised in parallel by <see cref="OcrOptions.Jobs"/>
/// threads, each with its own engine reused across its pages.
/// </summary>
public sealed class PageOcr(OcrOptions options) : IPageRecognizer
{
    /// <summary>Part of the cache key: everything that changes what Tesseract returns for the same image.</summary>
    public const string Parameters = "psm=3 oem=default output=hocr";

    private int _engineCalls, _cacheHits;
    private readonly ConcurrentQueue<string> _problems = new();

    public OcrOptions Options { get; } = options;
    public string? CacheFolder => Options.CacheFolder;
    /// <summary>Told of every page as it is done; null for silence.</summary>
    public IOcrProgress? Progress { get; set; }
    /// <summary>Pages recognised by an engine (not from the cache), over this object's life.</summary>
    public int EngineCalls => _engineCalls;
    public int CacheHits => _cacheHits;
    /// <summary>Pages left empty under <see cref="OcrOptions.KeepGoing"/>: "FILE: problem".</summary>
    public IReadOnlyList<string> Problems => _problems.ToArray();
    /// <summary>Wall time of the last <see cref="Recognize"/>.</summary>
    public TimeSpan LastTime { get; private set; }

    /// <summary>Tesseract's language code for a book.toml language: "en-GB" → "eng"; a code Tesseract knows is kept.</summary>
    public static string TesseractLanguage(string language)
    {
        string primary = language.Split('-', '_')[0].ToLowerInvariant();
        return primary switch
        {
            "en" or "" => "eng",
            "fr" => "fra",
            "de" => "deu",
            "it" => "ita",
            "es" => "spa",
            "la" => "lat",
            "nl" => "nld",
            "pt" => "por",
            _ => primary,
        };
    }

    /// <summary>
    /// The plain text of each page, laid out as Tesseract's text output, read from its hOCR
    /// (an unreadable page under <see cref="OcrOptions.KeepGoing"/> is empty).
    /// </summary>
    public IReadOnlyList<string> Recognize(IReadOnlyList<string> imagePaths, string language) =>
        RecognizeHocr(imagePaths, language)
            .Select((hocr, i) => hocr.Length == 0 ? "" : HocrReader.Parse(hocr, imagePaths[i]).Text)
            .ToArray();

    /// <summary>One hOCR page fragment per image (empty for an unreadable page under <see cref="OcrOptions.KeepGoing"/>).</summary>
    public IReadOnlyList<string> RecognizeHocr(IReadOnlyList<string> imagePaths, string language)
    {
        long t0 = Stopwatch.GetTimestamp();
        string lang = TesseractLanguage(language);
        var cache = Options.CacheFolder == null ? null : new OcrCache(Options.CacheFolder);
        string version = TesseractEngine.Version;
        var texts = new string?[imagePaths.Count];
        var errors = new InputException?[imagePaths.Count];
        Exception? fatal = null;
        int next = -1;
        var progress = Progress;

        void Work()
        {
            TesseractEngine? engine = null;
            try
            {
                int i;
                while (Volatile.Read(ref fatal) == null && (i = Interlocked.Increment(ref next)) < imagePaths.Count)
                {
                    string path = imagePaths[i];
                    try
                    {
                        byte[] bytes = ReadImage(path);
                        string? key = cache == null ? null : OcrCache.Key(bytes, version, lang, Parameters);
                        string? text = key == null ? null : cache!.Get(key);
                        bool fromCache = text != null;
                        if (text != null)
                        {
                            Interlocked.Increment(ref _cacheHits);
                        }
                        else
                        {
                            engine ??= new TesseractEngine(lang, Options.DataPath);
                            text = engine.RecognizeHocr(bytes, path);
                            Interlocked.Increment(ref _engineCalls);
                            if (key != null) cache!.Put(key, text);
                        }
                        texts[i] = text;
                        progress?.PageDone(fromCache);
                    }
                    catch (InputException e) when (e.FilePath == path)
                    {
                        progress?.PageDone(false);
                        errors[i] = e;
                        if (!Options.KeepGoing) Interlocked.CompareExchange(ref fatal, e, null);
                    }
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref fatal, e, null);
            }
            finally
            {
                engine?.Dispose();
            }
        }

        int jobs = Math.Clamp(Options.Jobs, 1, Math.Max(1, imagePaths.Count));
        // Tesseract recurses deeply on some pages: give each worker a main-thread-sized stack.
        var threads = Enumerable.Range(0, jobs).Select(_ => new Thread(Work, 16 * 1024 * 1024) { IsBackground = true }).ToArray();
        progress?.Begin(imagePaths.Count);
        try
        {
            foreach (var t in threads) t.Start();
            foreach (var t in threads) t.Join();
        }
        finally
        {
            progress?.End();
        }
        LastTime = Stopwatch.GetElapsedTime(t0);

        // An engine or language problem (not one page's image) stops the build whatever --keep-going says.
        if (fatal != null && (fatal is not InputException ie || Array.IndexOf(errors, ie) < 0))
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(fatal).Throw();
        // Report the first unreadable page in page order, whichever thread met it first.
        var first = errors.FirstOrDefault(e => e != null);
        if (first != null && !Options.KeepGoing) throw first;
        var result = new string[imagePaths.Count];
        for (int i = 0; i < result.Length; i++)
        {
            if (errors[i] is { } e)
            {
                _problems.Enqueue(e.Message);
                result[i] = "";
            }
            else result[i] = texts[i] ?? "";
        }
        return result;
    }

    private static byte[] ReadImage(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, $"cannot be read ({e.Message.TrimEnd('.')})");
        }
    }
}
