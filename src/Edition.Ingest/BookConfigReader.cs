using Edition.Model;
using Tomlyn;
using Tomlyn.Model;

namespace Edition.Ingest;

/// <summary>
/// Reads <c>book.toml</c>: the book's metadata and its editor's corrections. Strict: an unknown key,
/// a wrong type or a path that leaves the book's folder is an error naming the file.
/// </summary>
public static class BookConfigReader
{
    public const string FileName = "book.toml";

    private static readonly string[] TopKeys =
        { "title", "authors", "year", "language", "first_page", "source", "encoding", "dpi", "stages", "correction", "gates" };
    private static readonly string[] CorrectionKeys = { "page", "find", "replace", "why" };

    private static readonly string[] GateKeys =
        { "max_unresolved_notes", "max_unnumbered_pages", "max_doubtful", "max_doubtful_share", "max_running_heads_in_body" };

    public sealed record Config(Book Book, string? Source, string Encoding)
    {
        /// <summary>The book's quality gates for <c>edition check</c> (<c>[gates]</c>); the defaults when it has none.</summary>
        public QualityGates Gates { get; init; } = QualityGates.Default;
        /// <summary>The scan's resolution, for ALTO that measures in mm10 or inch1200 (<c>dpi = 300</c>).</summary>
        public int? Dpi { get; init; }
    }

    public static Config Read(string bookFolder)
    {
        string id = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(bookFolder)));
        string path = Path.Combine(bookFolder, FileName);
        if (!File.Exists(path)) return new Config(new Book { Id = id, Title = id }, null, "utf-8");
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, $"cannot be read ({e.Message.TrimEnd('.')})");
        }
        return Parse(path, id, bookFolder, text);
    }

    public static Config Parse(string path, string id, string bookFolder, string text)
    {
        TomlTable table;
        try
        {
            table = TomlSerializer.Deserialize<TomlTable>(text)!;
        }
        catch (TomlException e)
        {
            string where = e.Line is int l ? $" at line {l + 1}" : "";
            throw new InputException(path, $"is not valid TOML{where}: {FirstLine(e.Message)}");
        }

        foreach (var key in table.Keys)
            if (!TopKeys.Contains(key))
                throw new InputException(path, $"unknown key '{key}' (known keys: {string.Join(", ", TopKeys)})");

        string? source = GetString(table, "source", path);
        if (source != null) source = InsideFolder(path, bookFolder, source);
        string encoding = GetString(table, "encoding", path) ?? "utf-8";
        if (encoding is not ("utf-8" or "latin-1"))
            throw new InputException(path, $"encoding must be \"utf-8\" or \"latin-1\", not \"{encoding}\"");

        var corrections = new List<EditorialCorrection>();
        if (table.TryGetValue("correction", out var c))
        {
            if (c is not TomlTableArray array) throw new InputException(path, "'correction' must be an array of tables ([[correction]])");
            foreach (TomlTable t in array)
            {
                foreach (var key in t.Keys)
                    if (!CorrectionKeys.Contains(key))
                        throw new InputException(path, $"unknown key '{key}' in [[correction]] (known keys: {string.Join(", ", CorrectionKeys)})");
                int page = GetInt(t, "page", path) ?? throw new InputException(path, "a [[correction]] needs 'page'");
                string find = GetString(t, "find", path) ?? throw new InputException(path, "a [[correction]] needs 'find'");
                string replace = GetString(t, "replace", path) ?? throw new InputException(path, "a [[correction]] needs 'replace'");
                if (find.Length == 0) throw new InputException(path, "a [[correction]] has an empty 'find'");
                corrections.Add(new EditorialCorrection(page, find, replace, GetString(t, "why", path) ?? ""));
            }
        }

        var book = new Book
        {
            Id = id,
            Title = GetString(table, "title", path) ?? id,
            Authors = GetStrings(table, "authors", path),
            Year = GetInt(table, "year", path),
            Language = GetString(table, "language", path) ?? "en",
            FirstPage = GetInt(table, "first_page", path),
            Stages = GetStrings(table, "stages", path),
            Corrections = corrections,
        };
        // The year is printed in the title block and dates the PDF (whose dates have four digits).
        if (book.Year is <= 0 or >= 10000)
            throw new InputException(path, $"'year' must be the year the book was printed, from 1 to 9999, not {book.Year}");
        int? dpi = GetInt(table, "dpi", path);
        if (dpi is <= 0 or > 10000) throw new InputException(path, $"'dpi' must be a resolution between 1 and 10000, not {dpi}");
        return new Config(book, source, encoding) { Gates = ReadGates(table, path), Dpi = dpi };
    }

    private static QualityGates ReadGates(TomlTable table, string path)
    {
        if (!table.TryGetValue("gates", out var g)) return QualityGates.Default;
        if (g is not TomlTable t) throw new InputException(path, "'gates' must be a table ([gates])");
        foreach (var key in t.Keys)
            if (!GateKeys.Contains(key))
                throw new InputException(path, $"unknown key '{key}' in [gates] (known keys: {string.Join(", ", GateKeys)})");
        int? Limit(string key)
        {
            int? v = GetInt(t, key, path);
            if (v < 0) throw new InputException(path, $"'{key}' in [gates] must be 0 or more");
            return v;
        }
        double? share = null;
        if (t.TryGetValue("max_doubtful_share", out var s))
        {
            share = s switch { double d => d, long l => l, _ => throw new InputException(path, "'max_doubtful_share' in [gates] must be a number from 0 to 1") };
            if (share is < 0 or > 1 || double.IsNaN(share.Value))
                throw new InputException(path, "'max_doubtful_share' in [gates] must be a number from 0 to 1");
        }
        var d0 = QualityGates.Default;
        return new QualityGates
        {
            MaxUnresolvedNotes = Limit("max_unresolved_notes") ?? d0.MaxUnresolvedNotes,
            MaxUnnumberedPages = Limit("max_unnumbered_pages") ?? d0.MaxUnnumberedPages,
            MaxDoubtful = Limit("max_doubtful") ?? d0.MaxDoubtful,
            MaxDoubtfulShare = share ?? d0.MaxDoubtfulShare,
            MaxRunningHeadsInBody = Limit("max_running_heads_in_body") ?? d0.MaxRunningHeadsInBody,
        };
    }

    private static string InsideFolder(string configPath, string folder, string relative)
    {
        string root = Path.GetFullPath(folder);
        string full = Path.GetFullPath(Path.Combine(root, relative));
        string rel = Path.GetRelativePath(root, full);
        if (Path.IsPathRooted(relative) || rel.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(rel))
            throw new InputException(configPath, $"'source' must name a file inside the book's folder, not \"{relative}\"");
        return full;
    }

    private static string? GetString(TomlTable t, string key, string path)
    {
        if (!t.TryGetValue(key, out var v)) return null;
        return v as string ?? throw new InputException(path, $"'{key}' must be a string");
    }

    private static int? GetInt(TomlTable t, string key, string path)
    {
        if (!t.TryGetValue(key, out var v)) return null;
        if (v is long l && l is >= int.MinValue and <= int.MaxValue) return (int)l;
        if (v is int i) return i;
        throw new InputException(path, $"'{key}' must be a whole number");
    }

    private static IReadOnlyList<string> GetStrings(TomlTable t, string key, string path)
    {
        if (!t.TryGetValue(key, out var v)) return Array.Empty<string>();
        if (v is string s) return new[] { s };
        if (v is TomlArray a && a.All(x => x is string)) return a.Cast<string>().ToArray();
        throw new InputException(path, $"'{key}' must be a string or an array of strings");
    }

    private static string FirstLine(string s)
    {
        int i = s.IndexOf('\n');
        return (i < 0 ? s : s[..i]).Trim();
    }
}
