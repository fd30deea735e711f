using System.CommandLine;
using System.Globalization;
using Edition.Cli.Parsing;
using Edition.Cli.Reports;
using Edition.Cli.Writing;
using Edition.Ingest;
using Edition.Ocr;
using Edition.Stages;

namespace Edition.Cli.Commands;

/// <summary>
/// <c>edition check [scans/ | scans/BOOK] [--all] [--json] [--junit FILE] [--editions DIR]</c>: rebuilds every
/// book whose inputs or tool changed since its stamp (every book with <c>--all</c>), in memory, compares the
/// text outputs with the committed edition byte for byte, and holds each book to its quality gates.
/// Exit codes: 0 every book is up to date and within its gates; 1 a book is stale, fails to build or fails
/// a gate; 2 the command line or the folder given is wrong.
/// </summary>
public sealed class CheckCommand : EditionCommand
{
    public const int Failed = 1;

    private readonly Argument<string> _input = Declare.Place("BOOKS",
        "a folder of books (scans/, the default) or one book's folder (scans/BOOK)", "a folder of books or a book folder", defaultValue: "scans");
    private readonly Option<bool> _all = Declare.Flag("--all", "rebuild every book, not only those whose inputs or tool changed");
    private readonly Option<bool> _json = Declare.Flag("--json", "print the results as JSON rather than a table");
    private readonly Option<string?> _junit = Declare.File("--junit", "FILE", "also write the results as a JUnit XML report to FILE", "a file, e.g. --junit report.xml");
    private readonly Option<string?> _editions = Declare.Folder("--editions", "the editions to compare with (default: editions/ beside scans/)");
    private readonly Option<string?> _cache = Declare.Folder("--cache", "page images: the OCR cache (default: $EDITION_CACHE, else $XDG_CACHE_HOME/edition, else ~/.cache/edition)");

    public CheckCommand() : base("check",
        "Rebuild books whose inputs or tool changed (every book with --all), compare with the committed editions, apply each book's [gates]. "
        + "Exit 0 all good; 1 a book is stale, fails to build or fails a gate; 2 usage or input error.") =>
        Add(_input, _all, _json, _junit, _editions, _cache);

    public override int Run(ParseResult parsed, TextWriter log)
    {
        string input = parsed.GetValue(_input)!;
        string? editions = parsed.GetValue(_editions), junit = parsed.GetValue(_junit), cache = parsed.GetValue(_cache);
        bool all = parsed.GetValue(_all), json = parsed.GetValue(_json);
        if (!Directory.Exists(input)) throw new InputException(input, "no such folder");
        if (editions != null && !Directory.Exists(editions)) throw new InputException(editions, "no such folder (--editions)");
        if (junit != null) ReportFile.Check(junit, "--junit"); // before the work: a wrong report path is said at once

        bool single = BookFolder.IsBookFolder(input);
        var books = single
            ? new[] { input }
            : Directory.GetDirectories(input).Where(BookFolder.IsBookFolder).OrderBy(d => d, StringComparer.Ordinal).ToArray();
        if (books.Length == 0) throw new InputException(input, "holds no book: no book.toml or OCR text here or in its sub-folders");

        var words = BuildCommand.LoadWords();
        var ocr = new PageOcr(new OcrOptions { CacheFolder = cache ?? OcrCache.DefaultFolder() });
        var results = new List<BookCheck>();
        foreach (var book in books)
        {
            string id = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(book)));
            string root = editions ?? DefaultEditionsRoot(book);
            results.Add(Check(book, Path.Combine(root, id), all, words, ocr));
        }

        if (junit != null) ReportFile.Write(junit, "--junit", CheckReport.JUnit(results));
        log.Write(json ? CheckReport.Json(results) : CheckReport.Table(results));
        return results.All(r => r.Ok) ? 0 : Failed;
    }

    /// <summary>Checks one book against its edition folder.</summary>
    public static BookCheck Check(string book, string editionFolder, bool all, WordList words, PageOcr ocr)
    {
        string id = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(book)));
        var check = new BookCheck { Book = id, Folder = Display(book), Edition = Display(editionFolder) };
        BookFolder folder;
        BuildStamp sources;
        try
        {
            folder = BookFolder.Open(book);
            sources = BuildStamp.Sources(folder);
        }
        catch (Exception e) when (e is InputException or DllNotFoundException)
        {
            check.Error = e.Message;
            check.Reason = "its input could not be read";
            return check;
        }

        string stampPath = Path.Combine(editionFolder, BuildStamp.FileName);
        var last = BuildStamp.TryRead(stampPath);
        var verified = Verification.For(ocr.CacheFolder, id, stampPath);
        SortedDictionary<string, string> expected;
        if (!all && last?.Measures != null && sources.SameSources(last) && verified.Exists)
        {
            // Nothing it is built from has changed, and this very program has built it before and found the
            // edition the same: the stamp says what the build would make.
            check.Reason = "inputs, tool and program unchanged since this program last verified it (--all rebuilds it)";
            check.Measures = last.Measures;
            expected = new SortedDictionary<string, string>(last.Outputs, StringComparer.Ordinal);
        }
        else
        {
            check.Built = true;
            check.Reason = all ? "--all" : last == null ? $"no {BuildStamp.FileName} in {check.Edition}"
                : string.Join(", ", sources.ChangesSince(last).DefaultIfEmpty(last.Measures == null ? "its stamp lacks measures" : "this program has not verified it before (a new or changed build of edition)"));
            try
            {
                var result = EditionBuild.Edit(folder, words, ocr);
                var files = EditionBuild.Render(result.Document, EditionBuild.Formats.Where(f => f != "pdf").ToArray(), editionFolder);
                check.Measures = BookMeasures.Of(result.Document);
                var stamp = sources.WithOutputs(files, check.Measures);
                files[BuildStamp.FileName] = stamp.ToBytes();
                expected = new SortedDictionary<string, string>(StringComparer.Ordinal);
                foreach (var (name, bytes) in files)
                    if (name == BuildStamp.FileName || BuildStamp.IsCommitted(name)) expected[name] = BuildStamp.Hash(bytes);
            }
            catch (InputException e)
            {
                check.Error = e.Message;
                return check;
            }
            catch (Exception e) when (Environment.GetEnvironmentVariable("EDITION_DEBUG") is null or "")
            {
                check.Error = $"internal error: {e.GetType().Name}: {e.Message}";
                return check;
            }
        }

        Compare(editionFolder, expected, check);
        check.Gates.AddRange(Gates(check.Measures!, folder.Config.Gates));
        if (check.Built && check.Stale.Count == 0) verified.Record();
        return check;
    }

    private static void Compare(string editionFolder, SortedDictionary<string, string> expected, BookCheck check)
    {
        foreach (var (name, hash) in expected)
        {
            string path = Path.Combine(editionFolder, name);
            if (!File.Exists(path)) check.Stale.Add(new StaleFile(name, "missing"));
            else if (BuildStamp.HashFile(path) != hash) check.Stale.Add(new StaleFile(name, "differs"));
        }
        if (Directory.Exists(editionFolder))
            foreach (var file in Directory.GetFiles(editionFolder).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal))
                if (file != null && BuildStamp.IsCommitted(file) && !expected.ContainsKey(file))
                    check.Stale.Add(new StaleFile(file, "not made by the build"));
    }

    /// <summary>The quality gates, measured against the book's limits.</summary>
    public static IEnumerable<GateResult> Gates(BookMeasures m, QualityGates limits)
    {
        string Faults(string prefix) => string.Join("; ", m.Faults.Where(f => f.StartsWith(prefix + ": ", StringComparison.Ordinal)).Select(f => f[(prefix.Length + 2)..]));
        static string Le(int n) => "≤ " + n.ToString(CultureInfo.InvariantCulture);
        static string Pct(double s) => (s * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";

        yield return new GateResult("unresolved notes", m.UnresolvedNotes <= limits.MaxUnresolvedNotes, m.UnresolvedNotes.ToString(CultureInfo.InvariantCulture),
            Le(limits.MaxUnresolvedNotes), $"{m.UnresolvedNotes} note markers or notes without their other half (max_unresolved_notes = {limits.MaxUnresolvedNotes}): {Faults("unresolved notes")}");
        yield return new GateResult("unnumbered pages", m.UnnumberedPages <= limits.MaxUnnumberedPages, m.UnnumberedPages.ToString(CultureInfo.InvariantCulture),
            Le(limits.MaxUnnumberedPages), $"{m.UnnumberedPages} pages numbered only by their place in the scan (max_unnumbered_pages = {limits.MaxUnnumberedPages}): {Faults("unnumbered pages")}");
        bool countOk = limits.MaxDoubtful == null || m.Doubtful <= limits.MaxDoubtful;
        bool shareOk = m.DoubtfulShare <= limits.MaxDoubtfulShare;
        string limit = (limits.MaxDoubtful is int max ? Le(max) + ", " : "") + "≤ " + Pct(limits.MaxDoubtfulShare);
        yield return new GateResult("doubtful readings", countOk && shareOk, $"{m.Doubtful} ({Pct(m.DoubtfulShare)})", limit,
            $"{m.Doubtful} doubtful readings, {Pct(m.DoubtfulShare)} of {m.Words} words"
            + (countOk ? "" : $"; more than max_doubtful = {limits.MaxDoubtful}")
            + (shareOk ? "" : $"; more than max_doubtful_share = {limits.MaxDoubtfulShare.ToString(CultureInfo.InvariantCulture)}"));
        yield return new GateResult("running heads in body", m.RunningHeadsInBody <= limits.MaxRunningHeadsInBody, m.RunningHeadsInBody.ToString(CultureInfo.InvariantCulture),
            Le(limits.MaxRunningHeadsInBody), $"{m.RunningHeadsInBody} lines of the text repeat a running head (max_running_heads_in_body = {limits.MaxRunningHeadsInBody}): {Faults("running head in body")}");
    }

    /// <summary>editions/ beside the scans/ folder that holds the book (so scans/X checks against editions/X).</summary>
    public static string DefaultEditionsRoot(string book)
    {
        string full = Path.GetFullPath(book);
        string scans = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(full)) ?? ".";
        return Path.Combine(Path.GetDirectoryName(scans) ?? ".", "editions");
    }

    /// <summary>A path as the user would write it: relative to the working folder when it lies under it.</summary>
    public static string Display(string path)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        string rel = Path.GetRelativePath(Environment.CurrentDirectory, full);
        return rel.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(rel) ? full : rel;
    }
}
