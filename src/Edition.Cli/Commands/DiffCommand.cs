using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Edition.Cli.Parsing;
using Edition.Cli.Reports;
using Edition.Ingest;
using Edition.Ocr;

namespace Edition.Cli.Commands;

/// <summary>
/// <c>edition diff &lt;scans/BOOK | BOOK&gt; [--against REV|DIR]</c>: what a fresh build of a book changes in its
/// edition, for a terminal: the Markdown word by word (changed paragraphs, with a few words of context) and
/// the apparatus in counts by kind. The old side is the edition committed at HEAD (read with <c>git show</c>),
/// or at another git rev, or in an editions folder. Exit 0 when nothing changed, 1 when something did, 2 on error.
/// </summary>
public sealed partial class DiffCommand : EditionCommand
{
    private const int ContextWords = 6;
    private const int ListedEmendations = 20;

    private readonly Argument<string> _book = Declare.Place("BOOK", "the book: its folder (scans/BOOK), or its name under scans/",
        "a book, e.g. edition diff scans/my-book");
    private readonly Option<string?> _against = Declare.Text("--against", "REV|DIR",
        "the old edition: the one committed at a git revision (default: HEAD), or in an editions folder", "a git rev (e.g. HEAD~1) or an editions folder");

    public DiffCommand() : base("diff",
        "What a fresh build changes in a book's edition, against the one committed at HEAD (or a git rev, or an editions folder). "
        + "Exit 0 no change; 1 changes; 2 usage or input error.") => Add(_book, _against);

    public override int Run(ParseResult parsed, TextWriter log)
    {
        string book = parsed.GetValue(_book)!;
        string? against = parsed.GetValue(_against);
        string folder = BookPath(book);
        string id = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        string editionFolder = Path.Combine(CheckCommand.DefaultEditionsRoot(folder), id);
        string md = id + ".md";

        // The old side first: a wrong rev or folder is reported before any building.
        string oldName;
        string? oldMd, oldApparatus;
        if (against != null && Directory.Exists(against))
        {
            string dir = File.Exists(Path.Combine(against, md)) || !Directory.Exists(Path.Combine(against, id)) ? against : Path.Combine(against, id);
            if (!File.Exists(Path.Combine(dir, md))) throw new InputException(Path.Combine(dir, md), "no such file: the folder holds no edition of " + id);
            oldName = CheckCommand.Display(dir);
            oldMd = File.ReadAllText(Path.Combine(dir, md));
            oldApparatus = File.Exists(Path.Combine(dir, "apparatus.json")) ? File.ReadAllText(Path.Combine(dir, "apparatus.json")) : null;
        }
        else
        {
            string rev = against ?? "HEAD";
            string top = Git(Path.GetFullPath(folder), folder, "rev-parse", "--show-toplevel").Trim();
            Git(top, rev, "rev-parse", "--verify", "--quiet", rev + "^{commit}");
            string rel = Path.GetRelativePath(top, Path.GetFullPath(editionFolder)).Replace(Path.DirectorySeparatorChar, '/');
            oldMd = GitShow(top, rev, rel + "/" + md)
                ?? throw new InputException(rel + "/" + md, $"is not committed at {rev}");
            oldApparatus = GitShow(top, rev, rel + "/apparatus.json");
            oldName = $"{CheckCommand.Display(editionFolder)} at {rev}";
        }

        var words = BuildCommand.LoadWords();
        var result = EditionBuild.Edit(BookFolder.Open(folder), words, new PageOcr(new OcrOptions { CacheFolder = OcrCache.DefaultFolder() }));
        var files = EditionBuild.Render(result.Document, new[] { "md", "apparatus" }, editionFolder);
        string newMd = Encoding.UTF8.GetString(files[md]);
        string newApparatus = Encoding.UTF8.GetString(files["apparatus.json"]);

        bool colour = ReferenceEquals(log, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null or "";
        var sb = new StringBuilder();
        sb.Append($"{id}: {oldName} → a fresh build of {CheckCommand.Display(folder)}\n");
        int changed = WriteText(sb, oldMd, newMd, colour);
        int apparatus = WriteApparatus(sb, oldApparatus, newApparatus, colour);
        if (changed == 0 && apparatus == 0) sb.Append("no change\n");
        log.Write(sb.ToString());
        return changed == 0 && apparatus == 0 ? 0 : 1;
    }

    /// <summary>scans/BOOK as given, or BOOK looked up under scans/.</summary>
    private static string BookPath(string book)
    {
        if (Directory.Exists(book) && BookFolder.IsBookFolder(book)) return book;
        if (!book.Contains('/') && Directory.Exists(Path.Combine("scans", book))) return Path.Combine("scans", book);
        throw new InputException(book, Directory.Exists(book) ? "is not a book folder (no book.toml, OCR text or page images)" : "no such book folder (nor scans/" + book + ")");
    }

    /// <summary>The Markdown word by word: each changed paragraph with its page, changes marked in place. Returns how many paragraphs changed.</summary>
    public static int WriteText(StringBuilder sb, string oldText, string newText, bool colour)
    {
        // Paragraphs: the Markdown's non-blank lines (one paragraph, heading or note a line).
        var a = oldText.Split('\n').Where(l => l.Trim().Length > 0).ToArray();
        var b = newText.Split('\n').Where(l => l.Trim().Length > 0).ToArray();
        var pageOf = new string[b.Length];
        string page = "";
        for (int i = 0; i < b.Length; i++)
        {
            pageOf[i] = page;
            foreach (Match m in PageBreak().Matches(b[i])) page = m.Groups[1].Value;
        }
        int changed = 0;
        foreach (var h in Sequences.Diff(a, b, StringComparer.Ordinal))
        {
            if (h.Equal) continue;
            int pairs = Math.Min(h.AEnd - h.AStart, h.BEnd - h.BStart);
            for (int k = 0; k < Math.Max(h.AEnd - h.AStart, h.BEnd - h.BStart); k++)
            {
                changed++;
                int bi = Math.Min(h.BStart + k, b.Length - 1);
                string where = pageOf.Length > 0 && pageOf[Math.Max(0, bi)] is { Length: > 0 } p ? $"page {p}, " : "";
                if (k < pairs)
                {
                    sb.Append($"@@ {where}paragraph {h.BStart + k + 1} @@\n");
                    sb.Append(WordDiff(a[h.AStart + k], b[h.BStart + k], colour)).Append('\n');
                }
                else if (h.AStart + k < h.AEnd)
                {
                    sb.Append($"@@ {where}paragraph {h.AStart + k + 1} of the old edition, removed @@\n");
                    sb.Append(Mark(Shorten(a[h.AStart + k]), false, colour)).Append('\n');
                }
                else
                {
                    sb.Append($"@@ {where}paragraph {h.BStart + k + 1}, added @@\n");
                    sb.Append(Mark(Shorten(b[h.BStart + k]), true, colour)).Append('\n');
                }
            }
        }
        return changed;
    }

    /// <summary>One paragraph against another, word by word: changes marked <c>[-old-]{+new+}</c> (or coloured), far context elided.</summary>
    public static string WordDiff(string oldPara, string newPara, bool colour)
    {
        var a = Words(oldPara);
        var b = Words(newPara);
        var hunks = Sequences.Diff(a, b, StringComparer.Ordinal);
        var parts = new List<string>();
        for (int i = 0; i < hunks.Count; i++)
        {
            var h = hunks[i];
            if (!h.Equal)
            {
                if (h.AEnd > h.AStart) parts.Add(Mark(string.Join(' ', a[h.AStart..h.AEnd]), false, colour));
                if (h.BEnd > h.BStart) parts.Add(Mark(string.Join(' ', b[h.BStart..h.BEnd]), true, colour));
                continue;
            }
            var run = b[h.BStart..h.BEnd];
            bool first = i == 0, last = i == hunks.Count - 1;
            if (run.Length <= (first || last ? ContextWords : 2 * ContextWords)) parts.Add(string.Join(' ', run));
            else if (first) parts.Add("… " + string.Join(' ', run[^ContextWords..]));
            else if (last) parts.Add(string.Join(' ', run[..ContextWords]) + " …");
            else parts.Add(string.Join(' ', run[..ContextWords]) + " … " + string.Join(' ', run[^ContextWords..]));
        }
        return "  " + string.Join(' ', parts.Where(p => p.Length > 0));
    }

    private static string[] Words(string s) => s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static string Shorten(string s)
    {
        var w = Words(s);
        return w.Length <= 3 * ContextWords ? string.Join(' ', w) : string.Join(' ', w[..(3 * ContextWords)]) + " …";
    }

    private static string Mark(string text, bool added, bool colour) =>
        colour ? (added ? "\u001b[32m" : "\u001b[31;9m") + text + "\u001b[0m" : added ? "{+" + text + "+}" : "[-" + text + "-]";

    /// <summary>The apparatus: emendations added and removed, by kind, and the first few of them. Returns how many changed.</summary>
    public static int WriteApparatus(StringBuilder sb, string? oldJson, string newJson, bool colour)
    {
        var a = Emendations(oldJson);
        var b = Emendations(newJson);
        var removed = Subtract(a, b);
        var added = Subtract(b, a);
        if (removed.Count == 0 && added.Count == 0)
        {
            sb.Append(oldJson == null ? "apparatus: none in the old edition to compare\n" : $"apparatus: the same {b.Count} emendations\n");
            return 0;
        }
        sb.Append($"apparatus: {a.Count} → {b.Count} emendations ({added.Count} added, {removed.Count} removed)\n");
        foreach (var kind in added.Concat(removed).Select(e => e.Kind).Distinct().OrderBy(k => k, StringComparer.Ordinal))
        {
            int plus = added.Count(e => e.Kind == kind), minus = removed.Count(e => e.Kind == kind);
            sb.Append($"  {kind,-12}").Append(plus > 0 ? $" +{plus}" : "").Append(minus > 0 ? $" −{minus}" : "").Append('\n');
        }
        foreach (var (e, isAdded) in removed.Select(e => (e, false)).Concat(added.Select(e => (e, true))).OrderBy(x => x.e.Page).ThenBy(x => x.e.Line).Take(ListedEmendations))
            sb.Append("  ").Append(Mark($"{(isAdded ? "+" : "-")} p{e.Page} {e.Kind} «{e.Raw}» → «{e.Reading}»", isAdded, colour)).Append('\n');
        int total = removed.Count + added.Count;
        if (total > ListedEmendations) sb.Append($"  … and {total - ListedEmendations} more\n");
        return total;
    }

    private sealed record Entry(string Kind, string Page, string Raw, string Reading, int Line);

    private static List<Entry> Emendations(string? json)
    {
        if (json == null) return new List<Entry>();
        try
        {
            using var doc = JsonDocument.Parse(json);
            var list = new List<Entry>();
            foreach (var e in doc.RootElement.GetProperty("emendations").EnumerateArray())
            {
                string status = e.GetProperty("status").GetString() ?? "";
                string kind = status == "doubtful" ? "doubtful" : e.GetProperty("kind").GetString() ?? "";
                list.Add(new Entry(kind, e.GetProperty("page").ToString(), e.GetProperty("raw").GetString() ?? "",
                    e.GetProperty("reading").GetString() ?? "", e.TryGetProperty("line", out var l) && l.TryGetInt32(out int n) ? n : 0));
            }
            return list;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InputException("apparatus.json", "is not an apparatus this version can read: " + ex.Message);
        }
    }

    /// <summary>The entries of <paramref name="from"/> not matched in <paramref name="other"/> (by kind, page and readings, as a multiset).</summary>
    private static List<Entry> Subtract(List<Entry> from, List<Entry> other)
    {
        var counts = new Dictionary<(string, string, string, string), int>();
        foreach (var e in other) counts[(e.Kind, e.Page, e.Raw, e.Reading)] = counts.GetValueOrDefault((e.Kind, e.Page, e.Raw, e.Reading)) + 1;
        var left = new List<Entry>();
        foreach (var e in from)
        {
            var key = (e.Kind, e.Page, e.Raw, e.Reading);
            if (counts.GetValueOrDefault(key) > 0) counts[key]--;
            else left.Add(e);
        }
        return left;
    }

    /// <summary>git's output; a one-line error when git is missing, the folder is not in a repository, or the rev is unknown.</summary>
    private static string Git(string workingFolder, string subject, params string[] args)
    {
        var (code, output, error) = RunGit(workingFolder, args);
        if (code == 0) return output;
        if (args[0] == "rev-parse" && args[1] == "--show-toplevel")
            throw new InputException(subject, "is not in a git repository: compare with an editions folder instead (--against DIR)");
        throw new InputException(subject, args.Contains("--verify") ? "no such git revision (and no such folder)" : FirstLine(error));
    }

    private static string? GitShow(string top, string rev, string path)
    {
        var (code, output, _) = RunGit(top, "show", $"{rev}:{path}");
        return code == 0 ? output : null;
    }

    private static (int Code, string Output, string Error) RunGit(string workingFolder, params string[] args)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = Directory.Exists(workingFolder) ? workingFolder : Path.GetDirectoryName(workingFolder) ?? ".",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["GIT_PAGER"] = "cat";
        try
        {
            using var p = Process.Start(info) ?? throw new InputException("git", "could not be started");
            var stderr = p.StandardError.ReadToEndAsync();
            string stdout = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, stdout, stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InputException("git", "is not installed: compare with an editions folder instead (--against DIR)");
        }
    }

    private static string FirstLine(string s) => s.Split('\n', 2)[0].Trim();

    [GeneratedRegex("""\{\.pb n="([^"]*)"\}""")]
    private static partial Regex PageBreak();
}
