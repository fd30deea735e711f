using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace Edition.Cli.Reports;

/// <summary>One gate of one book: what was measured, the limit, and whether it held.</summary>
public sealed record GateResult(string Name, bool Pass, string Value, string Limit, string Message);

/// <summary>A committed output that does not match the fresh build: "differs", "missing", or "not made by the build".</summary>
public sealed record StaleFile(string File, string Problem);

/// <summary>What <c>edition check</c> found for one book.</summary>
public sealed class BookCheck
{
    public required string Book { get; init; }
    /// <summary>The book's folder and edition folder as given on the command line (relative when they were).</summary>
    public required string Folder { get; init; }
    public required string Edition { get; init; }
    /// <summary>Was the book built in this run (false: unchanged since its stamp, so its stamp was trusted)?</summary>
    public bool Built { get; set; }
    /// <summary>Why it was built or not.</summary>
    public string Reason { get; set; } = "";
    /// <summary>The build's error, when it failed.</summary>
    public string? Error { get; set; }
    public List<StaleFile> Stale { get; } = new();
    public BookMeasures? Measures { get; set; }
    public List<GateResult> Gates { get; } = new();

    public bool Builds => Error == null;
    public bool UpToDate => Builds && Stale.Count == 0;
    public bool Ok => UpToDate && Gates.All(g => g.Pass);

    /// <summary>Every check as a test case: "builds", "up to date", then each quality gate.</summary>
    public IEnumerable<GateResult> Cases()
    {
        yield return new GateResult("builds", Builds, Builds ? "yes" : "no", "", Error ?? "");
        if (!Builds) yield break;
        yield return new GateResult("up to date", UpToDate, Stale.Count == 0 ? "yes" : $"{Stale.Count} stale", "",
            Stale.Count == 0 ? "" : "stale: " + string.Join(", ", Stale.Select(s => $"{Path.Combine(Edition, s.File)} ({s.Problem})")));
        foreach (var g in Gates) yield return g;
    }
}

/// <summary>The three views of a check: a table for the terminal, JSON for machines, JUnit XML for CI.</summary>
public static class CheckReport
{
    public const string JsonSchema = "edition-check/1";

    public static string Table(IReadOnlyList<BookCheck> books)
    {
        var sb = new StringBuilder();
        foreach (var b in books)
        {
            sb.Append(b.Book).Append("  ").Append(b.Folder).Append(" → ").Append(b.Edition).Append('\n');
            sb.Append("  ").Append(b.Built ? "built: " : "not rebuilt: ").Append(b.Reason).Append('\n');
            if (b.Measures is { } m)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  pages {m.Pages}   notes {m.Notes}   words {m.Words}   doubtful readings {m.Doubtful} ({Percent(m.DoubtfulShare)})\n");
                sb.Append(CultureInfo.InvariantCulture, $"  emendations {m.Emendations}: ")
                  .Append(string.Join(", ", m.ByKind.Where(k => k.Value > 0).Select(k => $"{k.Key} {k.Value}"))).Append('\n');
            }
            var cases = b.Cases().ToList();
            int w = Math.Max(4, cases.Max(c => c.Name.Length));
            int wv = Math.Max(5, cases.Max(c => c.Value.Length));
            int wl = Math.Max(5, cases.Max(c => c.Limit.Length));
            sb.Append("  ").Append("check".PadRight(w)).Append("  ").Append("value".PadRight(wv)).Append("  ").Append("limit".PadRight(wl)).Append("  result\n");
            foreach (var c in cases)
            {
                sb.Append("  ").Append(c.Name.PadRight(w)).Append("  ").Append(c.Value.PadRight(wv)).Append("  ").Append(c.Limit.PadRight(wl))
                  .Append("  ").Append(c.Pass ? "pass" : "FAIL");
                if (!c.Pass && c.Message.Length > 0) sb.Append("  ").Append(c.Message);
                sb.Append('\n');
            }
            foreach (var s in b.Stale) sb.Append("  stale: ").Append(Path.Combine(b.Edition, s.File)).Append(" (").Append(s.Problem).Append(")\n");
            sb.Append('\n');
        }
        int failed = books.Count(b => !b.Ok);
        sb.Append(failed == 0
            ? $"check: {books.Count} book{(books.Count == 1 ? "" : "s")}, all up to date and within their gates\n"
            : $"check: {failed} of {books.Count} book{(books.Count == 1 ? "" : "s")} failed ({books.Count(b => !b.Builds)} failed to build, "
              + $"{books.Count(b => b.Builds && !b.UpToDate)} stale, {books.Count(b => b.Gates.Any(g => !g.Pass))} failed a gate)\n");
        return sb.ToString();
    }

    private static string Percent(double share) => (share * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    /// <summary>The JSON report; its schema is <see cref="JsonSchema"/>, described in the README.</summary>
    public static string Json(IReadOnlyList<BookCheck> books)
    {
        var list = new JsonArray();
        foreach (var b in books)
        {
            var o = new JsonObject
            {
                ["book"] = b.Book,
                ["folder"] = b.Folder,
                ["edition"] = b.Edition,
                ["ok"] = b.Ok,
                ["built"] = b.Built,
                ["reason"] = b.Reason,
                ["builds"] = b.Builds,
                ["error"] = b.Error,
                ["up_to_date"] = b.UpToDate,
                ["stale"] = new JsonArray(b.Stale.Select(s => (JsonNode?)new JsonObject { ["file"] = s.File, ["problem"] = s.Problem }).ToArray()),
                ["measures"] = b.Measures == null ? null : BuildStamp.MeasuresJson(b.Measures),
                ["gates"] = new JsonArray(b.Gates.Select(g => (JsonNode?)new JsonObject
                {
                    ["name"] = g.Name, ["pass"] = g.Pass, ["value"] = g.Value, ["limit"] = g.Limit, ["message"] = g.Message,
                }).ToArray()),
            };
            list.Add(o);
        }
        var root = new JsonObject { ["schema"] = JsonSchema, ["ok"] = books.All(b => b.Ok), ["books"] = list };
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return root.ToJsonString(options).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>JUnit XML: a testsuite per book, a testcase per check, a failure with its message.</summary>
    public static byte[] JUnit(IReadOnlyList<BookCheck> books)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var stream = new MemoryStream();
        using (var x = XmlWriter.Create(stream, settings))
        {
            x.WriteStartDocument();
            x.WriteStartElement("testsuites");
            x.WriteAttributeString("name", "edition check");
            x.WriteAttributeString("tests", books.Sum(b => b.Cases().Count()).ToString(CultureInfo.InvariantCulture));
            x.WriteAttributeString("failures", books.Sum(b => b.Cases().Count(c => !c.Pass)).ToString(CultureInfo.InvariantCulture));
            foreach (var b in books)
            {
                var cases = b.Cases().ToList();
                x.WriteStartElement("testsuite");
                x.WriteAttributeString("name", b.Book);
                x.WriteAttributeString("tests", cases.Count.ToString(CultureInfo.InvariantCulture));
                x.WriteAttributeString("failures", cases.Count(c => !c.Pass).ToString(CultureInfo.InvariantCulture));
                x.WriteAttributeString("errors", "0");
                x.WriteAttributeString("skipped", "0");
                foreach (var c in cases)
                {
                    x.WriteStartElement("testcase");
                    x.WriteAttributeString("classname", "edition." + b.Book);
                    x.WriteAttributeString("name", c.Name);
                    if (!c.Pass)
                    {
                        x.WriteStartElement("failure");
                        x.WriteAttributeString("message", XmlSafe(c.Message.Length > 0 ? c.Message : $"{c.Name}: {c.Value} (limit {c.Limit})"));
                        x.WriteString(XmlSafe($"{c.Name}: {c.Value}" + (c.Limit.Length > 0 ? $", limit {c.Limit}" : "")
                            + (b.Measures is { Faults.Count: > 0 } m ? "\n" + string.Join("\n", m.Faults) : "")));
                        x.WriteEndElement();
                    }
                    x.WriteEndElement();
                }
                x.WriteEndElement();
            }
            x.WriteEndElement();
            x.WriteEndDocument();
        }
        return stream.ToArray();
    }

    /// <summary>Characters XML 1.0 cannot hold (a control character in an OCR'd file name or message) become U+FFFD.</summary>
    private static string XmlSafe(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb.Append(c).Append(s[++i]); continue; }
            bool ok = c is '\t' or '\n' or '\r' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c <= 0xFFFD);
            sb.Append(ok ? c : '\uFFFD');
        }
        return sb.ToString();
    }
}
