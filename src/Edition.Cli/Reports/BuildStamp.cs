using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Edition.Ingest;
using Edition.Pdf.Hyphenation;
using Edition.Stages;

namespace Edition.Cli.Reports;

/// <summary>
/// <c>build.json</c>, committed with an edition: what it was built from (the SHA-256 of every file of the
/// book's folder, the tool's version and the data it reads) and what came out (the SHA-256 of every
/// committed output, and the measures the quality gates need). No dates, no absolute paths: the same
/// inputs give the same stamp on any machine. <c>edition check</c> rebuilds a book only when its
/// inputs or tool differ from the stamp.
/// </summary>
public sealed class BuildStamp
{
    public const string FileName = "build.json";
    public const int Schema = 1;

    /// <summary>The outputs committed under editions/ (the PDF is built by CI as an artefact).</summary>
    public static bool IsCommitted(string file) =>
        file != FileName && Path.GetExtension(file) is ".md" or ".json" or ".txt" or ".html" or ".xml" or ".epub";

    public required string Book { get; init; }
    /// <summary>The tool: name → version or content hash (sorted by name).</summary>
    public required SortedDictionary<string, string> Tool { get; init; }
    /// <summary>Every file of the book's folder, by path relative to it with '/', → its SHA-256.</summary>
    public required SortedDictionary<string, string> Inputs { get; init; }
    /// <summary>Every committed output, by name → its SHA-256.</summary>
    public SortedDictionary<string, string> Outputs { get; init; } = new(StringComparer.Ordinal);
    public BookMeasures? Measures { get; init; }

    /// <summary>What the book would be built from now: its files and the tool.</summary>
    public static BuildStamp Sources(BookFolder folder)
    {
        var tool = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["edition"] = EditionBuild.ToolVersion,
            ["word_list"] = HashFile(WordList.DefaultPath),
            ["hyphenation"] = HashFile(Hyphenator.DefaultPath),
        };
        if (folder.IsImageBook) tool["tesseract"] = Ocr.TesseractEngine.Version;
        return new BuildStamp { Book = folder.Book.Id, Tool = tool, Inputs = HashFolder(folder.Path) };
    }

    /// <summary>This stamp with the outputs and measures of a build.</summary>
    public BuildStamp WithOutputs(IReadOnlyDictionary<string, byte[]> files, BookMeasures measures)
    {
        var outputs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, bytes) in files)
            if (IsCommitted(name)) outputs[name] = Hash(bytes);
        return new BuildStamp { Book = Book, Tool = Tool, Inputs = Inputs, Outputs = outputs, Measures = measures };
    }

    /// <summary>Do the stamps come from the same inputs and tool?</summary>
    public bool SameSources(BuildStamp other) =>
        Book == other.Book && Tool.SequenceEqual(other.Tool) && Inputs.SequenceEqual(other.Inputs);

    /// <summary>Why a rebuild is needed: the inputs and tool parts that differ from <paramref name="last"/>.</summary>
    public IReadOnlyList<string> ChangesSince(BuildStamp last)
    {
        var changes = new List<string>();
        foreach (var (k, v) in Tool)
            if (!last.Tool.TryGetValue(k, out var old) || old != v) changes.Add(k == "edition" ? "tool version" : k.Replace('_', ' '));
        foreach (var k in last.Tool.Keys.Where(k => !Tool.ContainsKey(k))) changes.Add(k.Replace('_', ' '));
        foreach (var (k, v) in Inputs)
            if (!last.Inputs.TryGetValue(k, out var old)) changes.Add(k + " added");
            else if (old != v) changes.Add(k + " changed");
        foreach (var k in last.Inputs.Keys.Where(k => !Inputs.ContainsKey(k))) changes.Add(k + " removed");
        return changes;
    }

    public byte[] ToBytes()
    {
        var root = new JsonObject
        {
            ["schema"] = Schema,
            ["book"] = Book,
            ["tool"] = Map(Tool),
            ["inputs"] = Map(Inputs),
            ["outputs"] = Map(Outputs),
        };
        if (Measures != null) root["measures"] = MeasuresJson(Measures);
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return new UTF8Encoding(false).GetBytes(root.ToJsonString(options).Replace("\r\n", "\n") + "\n");
    }

    /// <summary>Reads a committed stamp; null when it is missing, unreadable or of another schema (the book is then rebuilt).</summary>
    public static BuildStamp? TryRead(string path)
    {
        try
        {
            if (!File.Exists(path)) return null;
            var root = JsonNode.Parse(File.ReadAllBytes(path)) as JsonObject;
            if (root == null || (int?)root["schema"] != Schema) return null;
            var m = root["measures"] as JsonObject;
            return new BuildStamp
            {
                Book = (string?)root["book"] ?? "",
                Tool = ReadMap(root["tool"]),
                Inputs = ReadMap(root["inputs"]),
                Outputs = ReadMap(root["outputs"]),
                Measures = m == null ? null : ReadMeasures(m),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    public static JsonObject MeasuresJson(BookMeasures m)
    {
        var kinds = new JsonObject();
        foreach (var (k, v) in m.ByKind) kinds[k] = v;
        return new JsonObject
        {
            ["pages"] = m.Pages,
            ["notes"] = m.Notes,
            ["words"] = m.Words,
            ["emendations"] = m.Emendations,
            ["by_kind"] = kinds,
            ["doubtful"] = m.Doubtful,
            ["unresolved_notes"] = m.UnresolvedNotes,
            ["unnumbered_pages"] = m.UnnumberedPages,
            ["running_heads_in_body"] = m.RunningHeadsInBody,
            ["faults"] = new JsonArray(m.Faults.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray()),
        };
    }

    private static BookMeasures ReadMeasures(JsonObject m) => new()
    {
        Pages = (int)m["pages"]!,
        Notes = (int)m["notes"]!,
        Words = (int)m["words"]!,
        Emendations = (int)m["emendations"]!,
        ByKind = ((JsonObject)m["by_kind"]!).Select(kv => new KeyValuePair<string, int>(kv.Key, (int)kv.Value!)).ToList(),
        Doubtful = (int)m["doubtful"]!,
        UnresolvedNotes = (int)m["unresolved_notes"]!,
        UnnumberedPages = (int)m["unnumbered_pages"]!,
        RunningHeadsInBody = (int)m["running_heads_in_body"]!,
        Faults = ((JsonArray)m["faults"]!).Select(f => (string)f!).ToList(),
    };

    private static JsonObject Map(SortedDictionary<string, string> map)
    {
        var o = new JsonObject();
        foreach (var (k, v) in map) o[k] = v;
        return o;
    }

    private static SortedDictionary<string, string> ReadMap(JsonNode? node)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (node is JsonObject o)
            foreach (var (k, v) in o) map[k] = (string?)v ?? "";
        return map;
    }

    /// <summary>Every file under the folder (not hidden ones), by relative path with '/'.</summary>
    public static SortedDictionary<string, string> HashFolder(string folder)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var root = Path.GetFullPath(folder);
        // In order, so that of two unreadable files the same one is named every time.
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string rel = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (rel.Split('/').Any(part => part.StartsWith('.'))) continue;
            map[rel] = HashFile(file);
        }
        return map;
    }

    public static string HashFile(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (FileNotFoundException)
        {
            return "missing";
        }
        catch (DirectoryNotFoundException)
        {
            return "missing";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A link that loops, a folder's entry that vanished, a read error: the user's file, named.
            throw new InputException(path, $"cannot be read ({e.Message.TrimEnd('.')})");
        }
    }

    public static string Hash(byte[] bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
}
