using System.Diagnostics;
using System.Reflection;
using System.Text;
using Edition.Ingest;
using Edition.Ingest.Scans;
using Edition.Model;
using Edition.Outputs.Apparatus;
using Edition.Outputs.Diff;
using Edition.Outputs.Markdown;
using Edition.Pdf;
using Edition.Stages;

namespace Edition.Cli;

/// <summary>One book from its scans folder to its edition folder: read, run the stages, write every output.</summary>
public static class EditionBuild
{
    public static string ToolVersion =>
        typeof(EditionBuild).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    public sealed record Result(Document Document, IReadOnlyList<string> Warnings, IReadOnlyList<(string Stage, TimeSpan Time)> StageTimes);

    /// <summary>Reads the book and runs its pipeline, without writing anything.</summary>
    public static Result Edit(BookFolder folder, WordList words, IPageRecognizer? ocr = null)
    {
        var document = folder.Read(ocr);
        Pipeline pipeline;
        try
        {
            pipeline = Pipeline.For(document.Book);
        }
        catch (ArgumentException e)
        {
            throw new InputException(Path.Combine(folder.Path, BookConfigReader.FileName), e.Message);
        }
        var context = new StageContext(words);
        var times = pipeline.Run(document, context);
        return new Result(document, context.Warnings, times);
    }

    /// <summary>The outputs that carry a date (SOURCE_DATE_EPOCH, else the book's year).</summary>
    public static readonly IReadOnlyList<string> DatedFormats = ["pdf", "tei", "epub"];

    /// <summary>SOURCE_DATE_EPOCH, which dates the PDF, TEI and EPUB, is unset or a date a PDF can hold; else an input error naming it.</summary>
    public static void CheckSourceDate()
    {
        try
        {
            PdfEdition.SourceDateEpoch(Environment.GetEnvironmentVariable(PdfEdition.SourceDateEpochVariable));
        }
        catch (FormatException e)
        {
            throw new InputException(PdfEdition.SourceDateEpochVariable, e.Message);
        }
    }

    /// <summary>The outputs an edition can have; <c>--formats</c> chooses among them.</summary>
    public static readonly IReadOnlyList<string> Formats = new[] { "md", "apparatus", "diff", "html", "pdf", "tei", "epub" };

    /// <summary>The files of the edition, by name, as they will be written (all formats unless some are chosen).</summary>
    /// <param name="outFolder">Where they will be written: page images are linked by their path from there (none when null).</param>
    public static SortedDictionary<string, byte[]> Render(Document document, IReadOnlyCollection<string>? formats = null, string? outFolder = null)
    {
        bool Wanted(string f) => formats == null || formats.Count == 0 || formats.Contains(f);
        if (DatedFormats.Any(Wanted)) CheckSourceDate();
        var utf8 = new UTF8Encoding(false);
        // Each output only reads the model, so they are made side by side; the file set is the same in any order.
        var jobs = new List<(string Name, Func<byte[]> Make)>();
        if (Wanted("md")) jobs.Add((document.Book.Id + ".md", () => utf8.GetBytes(MarkdownWriter.Write(document))));
        if (Wanted("apparatus")) jobs.Add(("apparatus.json", () => utf8.GetBytes(ApparatusWriter.Write(document, ToolVersion, outFolder))));
        if (Wanted("diff")) jobs.Add(("diff.txt", () => utf8.GetBytes(EditionDiff.WriteText(document))));
        if (Wanted("pdf"))
            jobs.Add((document.Book.Id + ".pdf", () => PdfEdition.Write(document, new Edition.Pdf.Layout.PdfOptions { Creator = "Edition " + ToolVersion })));
        if (Wanted("tei"))
            jobs.Add((Exchange.Tei.TeiEdition.FileName(document), () => utf8.GetBytes(Exchange.Tei.TeiEdition.Write(document, new Exchange.Tei.TeiOptions
            {
                OutputFolder = outFolder, ToolVersion = ToolVersion,
                Date = Exchange.EditionDate.For(document.Book), DateFromEnvironment = Exchange.EditionDate.FromEnvironment,
            }))));
        if (Wanted("epub"))
            jobs.Add((Exchange.Epub.EpubEdition.FileName(document), () => Exchange.Epub.EpubEdition.Write(document, new Exchange.Epub.EpubOptions
            {
                ToolVersion = ToolVersion, Date = Exchange.EditionDate.For(document.Book), DateFromEnvironment = Exchange.EditionDate.FromEnvironment,
            })));
        if (Wanted("html"))
        {
            var options = new Html.HtmlOptions { OutputFolder = outFolder };
            jobs.Add((Html.HtmlOutputs.IndexFileName, () => utf8.GetBytes(Html.HtmlEdition.Write(document, options))));
            jobs.Add((Html.HtmlOutputs.DiffFileName, () => utf8.GetBytes(Html.HtmlDiff.Write(document, options))));
        }
        // The slowest first, so the others fill the second core around it.
        jobs.Sort((x, y) => Weight(y.Name).CompareTo(Weight(x.Name)));
        var made = new byte[jobs.Count][];
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k => made[k] = jobs[k].Make());
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        for (int k = 0; k < jobs.Count; k++) files[jobs[k].Name] = made[k];
        return files;
    }

    private static bool IsInside(string path, string folder)
    {
        string p = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)), f = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        return p.StartsWith(f + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private static int Weight(string file) => Path.GetExtension(file) switch { ".pdf" => 3, ".html" or ".epub" => 2, ".json" or ".xml" => 1, _ => 0 };

    /// <summary>Builds one book into <paramref name="outFolder"/>, replacing it whole only when every file is written.</summary>
    public static Result Build(string bookFolder, string outFolder, WordList words, TextWriter log, Ocr.PageOcr? ocr = null,
        IReadOnlyCollection<string>? formats = null)
    {
        long t0 = Stopwatch.GetTimestamp();
        var folder = BookFolder.Open(bookFolder);
        // Before the work, not after it: an --out that is not ours to replace is said at once.
        if (IsInside(outFolder, folder.Path))
            throw new InputException(outFolder, $"is inside the book's folder {folder.Path}: the edition would become part of the book's input (nothing was written)");
        Writing.OutputFolder.CheckReplaceable(outFolder, folder.Book.Id);
        var sources = Reports.BuildStamp.Sources(folder);
        ocr ??= new Ocr.PageOcr(new Ocr.OcrOptions { CacheFolder = Ocr.OcrCache.DefaultFolder() });
        int calls = ocr.EngineCalls, hits = ocr.CacheHits, problems = ocr.Problems.Count;
        var quiet = ocr.Progress;
        ocr.Progress = Progress.OcrProgress.For(folder.Book.Id, log);
        Result result;
        try
        {
            result = Edit(folder, words, ocr);
        }
        finally
        {
            ocr.Progress = quiet;
        }
        var warnings = result.Warnings.ToList();
        if (folder.IsImageBook)
        {
            if (folder.PdfExtraction is { } x)
                log.WriteLine($"{folder.Book.Id}: {x.Images.Count} page images from {folder.TextPath}: {(x.FromCache ? "from the cache" : $"{x.Extracted} extracted as stored, {x.Rendered} rendered at {PdfPages.RenderDpi} dpi")}");
            log.WriteLine($"{folder.Book.Id}: OCR of {folder.PageImages.Count} page images: {ocr.EngineCalls - calls} recognised, {ocr.CacheHits - hits} from the cache, {ocr.LastTime.TotalSeconds:0.0} s ({ocr.Options.Jobs} jobs)");
            // A page image that could not be read (under --keep-going) is an empty page in the edition.
            warnings.AddRange(ocr.Problems.Skip(problems).Select(p => $"page image left as an empty page: {p}"));
        }
        var files = Render(result.Document, formats, outFolder);
        // The stamp goes with a whole edition only: after a partial build the old one stays, and check sees what changed.
        if (Formats.Where(f => f != "pdf").All(f => formats == null || formats.Count == 0 || formats.Contains(f)))
            files[Reports.BuildStamp.FileName] = sources.WithOutputs(files, Reports.BookMeasures.Of(result.Document)).ToBytes();
        Writing.OutputFolder.WriteAtomically(outFolder, folder.Book.Id, files, log);
        log.Write(Outputs.Summary.BuildSummary.Write(result.Document, Stopwatch.GetElapsedTime(t0), warnings, outFolder));
        return result with { Warnings = warnings };
    }
}
