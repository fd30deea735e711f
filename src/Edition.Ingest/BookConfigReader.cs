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
        { "title", "authors", "year", "language", "first_page", "source", "encoding", "dpi", "stages", "correction" };
    private static readonly string[] CorrectionKeys = { "page", "find", "replace", "why" };

    public sealed record Config(Book Book, string? Source, string Encoding)
    {
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
        int? dpi = GetInt(table, "dpi", path);
        if (dpi is <= 0 or > 10000) throw new InputException(path, $"'dpi' must be a resolution between 1 and 10000, not {dpi}");
        return new Config(book, source, encoding) { Dpi = dpi };
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
