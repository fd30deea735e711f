using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Edition.Pdf.Drawing;

/// <summary>A bookmark: its title, the named destination it opens, and its level (1 at the top).</summary>
public sealed record OutlineEntry(string Title, string Destination, int Level);

/// <summary>
/// What SkiaSharp's PDF backend does not offer, added after it: the outline (bookmarks), the
/// document's language and its page labels (roman for the front matter), as an incremental update
/// that rewrites the catalog; and a document ID from the content instead of the clock, so that the
/// same book makes the same bytes.
/// </summary>
public static partial class PdfFinisher
{
    public static byte[] Finish(byte[] pdf, IReadOnlyList<OutlineEntry> outline, string language, int frontPages)
    {
        pdf = StableId(pdf);
        string text = Encoding.Latin1.GetString(pdf);
        int trailerAt = text.LastIndexOf("trailer", StringComparison.Ordinal);
        if (trailerAt < 0) throw new InvalidDataException("no trailer in the PDF");
        string trailer = text[trailerAt..];
        int root = int.Parse(Match(RootRef(), trailer), CultureInfo.InvariantCulture);
        int size = int.Parse(Match(SizeEntry(), trailer), CultureInfo.InvariantCulture);
        string info = RefOf(InfoRef(), trailer);
        string id = IdEntry().Match(trailer) is { Success: true } m ? m.Value : "";
        int startxref = int.Parse(Match(StartXref(), text[trailerAt..]), CultureInfo.InvariantCulture);

        string catalog = ObjectBody(text, root);
        if (!catalog.EndsWith(">>", StringComparison.Ordinal)) throw new InvalidDataException("the catalog is not a dictionary");

        var objects = new List<(int Number, string Body)>();
        int next = size;
        var extra = new StringBuilder();
        if (outline.Count > 0)
        {
            int outlinesNumber = next++;
            var numbers = outline.Select(_ => next++).ToArray();
            objects.AddRange(OutlineObjects(outline, outlinesNumber, numbers));
            extra.Append("\n/Outlines ").Append(outlinesNumber).Append(" 0 R\n/PageMode /UseOutlines");
        }
        if (language.Length > 0) extra.Append("\n/Lang ").Append(PdfString(language));
        if (frontPages > 0)
            extra.Append("\n/PageLabels <</Nums [0 <</S /r>> ").Append(frontPages.ToString(CultureInfo.InvariantCulture)).Append(" <</S /D>>]>>");
        objects.Insert(0, (root, catalog[..^2] + extra + ">>"));

        var sb = new StringBuilder();
        var offsets = new Dictionary<int, int>();
        int baseOffset = pdf.Length + 1;
        sb.Append('\n');
        foreach (var (number, body) in objects.OrderBy(o => o.Number))
        {
            offsets[number] = baseOffset + Encoding.Latin1.GetByteCount(sb.ToString(1, sb.Length - 1));
            sb.Append(number.ToString(CultureInfo.InvariantCulture)).Append(" 0 obj\n").Append(body).Append("\nendobj\n");
        }
        int xref = baseOffset + Encoding.Latin1.GetByteCount(sb.ToString(1, sb.Length - 1));
        sb.Append("xref\n");
        var sorted = offsets.Keys.OrderBy(k => k).ToList();
        // Subsections of consecutive object numbers.
        for (int s = 0; s < sorted.Count;)
        {
            int e = s;
            while (e + 1 < sorted.Count && sorted[e + 1] == sorted[e] + 1) e++;
            sb.Append(sorted[s].ToString(CultureInfo.InvariantCulture)).Append(' ').Append((e - s + 1).ToString(CultureInfo.InvariantCulture)).Append('\n');
            for (int k = s; k <= e; k++) sb.Append(offsets[sorted[k]].ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
            s = e + 1;
        }
        int newSize = Math.Max(size, next);
        sb.Append("trailer\n<</Size ").Append(newSize.ToString(CultureInfo.InvariantCulture))
          .Append("\n/Root ").Append(root.ToString(CultureInfo.InvariantCulture)).Append(" 0 R");
        if (info.Length > 0) sb.Append("\n/Info ").Append(info);
        if (id.Length > 0) sb.Append('\n').Append(id);
        sb.Append("\n/Prev ").Append(startxref.ToString(CultureInfo.InvariantCulture)).Append(">>\nstartxref\n")
          .Append(xref.ToString(CultureInfo.InvariantCulture)).Append("\n%%EOF\n");
        var tail = Encoding.Latin1.GetBytes(sb.ToString());
        var result = new byte[pdf.Length + tail.Length];
        pdf.CopyTo(result, 0);
        tail.CopyTo(result, pdf.Length);
        return result;
    }

    private static IEnumerable<(int, string)> OutlineObjects(IReadOnlyList<OutlineEntry> outline, int rootNumber, int[] numbers)
    {
        int n = outline.Count;
        var parent = new int[n];
        var children = new List<int>[n];
        var top = new List<int>();
        var stack = new List<int>();
        for (int i = 0; i < n; i++)
        {
            children[i] = new List<int>();
            while (stack.Count > 0 && outline[stack[^1]].Level >= outline[i].Level) stack.RemoveAt(stack.Count - 1);
            parent[i] = stack.Count > 0 ? stack[^1] : -1;
            if (parent[i] < 0) top.Add(i); else children[parent[i]].Add(i);
            stack.Add(i);
        }
        string Ref(int i) => numbers[i].ToString(CultureInfo.InvariantCulture) + " 0 R";
        yield return (rootNumber, $"<</Type /Outlines\n/First {Ref(top[0])}\n/Last {Ref(top[^1])}\n/Count {n}>>");
        for (int i = 0; i < n; i++)
        {
            var siblings = parent[i] < 0 ? top : children[parent[i]];
            int at = siblings.IndexOf(i);
            var sb = new StringBuilder("<</Title ").Append(PdfString(outline[i].Title));
            sb.Append("\n/Parent ").Append(parent[i] < 0 ? rootNumber.ToString(CultureInfo.InvariantCulture) + " 0 R" : Ref(parent[i]));
            if (at > 0) sb.Append("\n/Prev ").Append(Ref(siblings[at - 1]));
            if (at < siblings.Count - 1) sb.Append("\n/Next ").Append(Ref(siblings[at + 1]));
            if (children[i].Count > 0)
                sb.Append("\n/First ").Append(Ref(children[i][0])).Append("\n/Last ").Append(Ref(children[i][^1]))
                  .Append("\n/Count ").Append(children[i].Count.ToString(CultureInfo.InvariantCulture));
            sb.Append("\n/Dest /").Append(outline[i].Destination).Append(">>");
            yield return (numbers[i], sb.ToString());
        }
    }

    /// <summary>A text string: plain when it is printable ASCII, else UTF-16BE with its byte order mark.</summary>
    public static string PdfString(string s)
    {
        if (s.All(c => c >= 0x20 && c < 0x7F))
            return "(" + s.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)") + ")";
        var sb = new StringBuilder("<FEFF");
        foreach (byte b in Encoding.BigEndianUnicode.GetBytes(s)) sb.Append(b.ToString("X2", CultureInfo.InvariantCulture));
        return sb.Append('>').ToString();
    }

    /// <summary>
    /// Skia's PDF/A mode names the document with a UUID made from the clock. Put in its place one
    /// hashed from the document itself (the same length, so no offset moves).
    /// </summary>
    public static byte[] StableId(byte[] pdf)
    {
        string text = Encoding.Latin1.GetString(pdf);
        // Skia writes the UUID as hex in the trailer and dashed in the XMP (not always zero-padded
        // there): blank out every form, hash, then write the hash into each at its own length.
        // Skia writes the 16 ID bytes as hex or, when shorter, as an escaped literal string: make both 32 hex digits.
        // The trailer follows the cross-reference table, so its length moves no object.
        string neutral = LiteralIdPair().Replace(text, _ => $"/ID [<{new string('0', 32)}> <{new string('0', 32)}>]");
        neutral = IdPair().Replace(neutral, m => $"/ID [<{new string('0', m.Groups[1].Length)}> <{new string('0', m.Groups[2].Length)}>]");
        neutral = XmpUuid().Replace(neutral, m => "uuid:" + Regex.Replace(m.Groups[1].Value, "[0-9a-f]", "0"));
        if (neutral == text) return pdf;
        string hash = Convert.ToHexString(SHA256.HashData(Encoding.Latin1.GetBytes(neutral)));
        string result = IdPair().Replace(neutral, m => $"/ID [<{hash[..Math.Min(64, m.Groups[1].Length)]}> <{hash[..Math.Min(64, m.Groups[2].Length)]}>]");
        result = XmpUuid().Replace(result, m =>
        {
            var sb = new StringBuilder("uuid:");
            int k = 0;
            foreach (char c in m.Groups[1].Value) sb.Append(c == '-' ? '-' : char.ToLowerInvariant(hash[k++ % hash.Length]));
            return sb.ToString();
        });
        return Encoding.Latin1.GetBytes(result);
    }

    private static string ObjectBody(string text, int number)
    {
        string head = "\n" + number.ToString(CultureInfo.InvariantCulture) + " 0 obj\n";
        int at = text.LastIndexOf(head, StringComparison.Ordinal);
        if (at < 0) throw new InvalidDataException($"object {number} not found");
        int start = at + head.Length;
        int end = text.IndexOf("\nendobj", start, StringComparison.Ordinal);
        return text[start..end];
    }

    private static string Match(Regex r, string s)
    {
        var m = r.Match(s);
        if (!m.Success) throw new InvalidDataException("unexpected PDF trailer: " + r);
        return m.Groups[1].Value;
    }

    private static string RefOf(Regex r, string s) => r.Match(s) is { Success: true } m ? m.Groups[1].Value + " 0 R" : "";

    [GeneratedRegex(@"/Root (\d+) 0 R")] private static partial Regex RootRef();
    [GeneratedRegex(@"/Info (\d+) 0 R")] private static partial Regex InfoRef();
    [GeneratedRegex(@"/Size (\d+)")] private static partial Regex SizeEntry();
    [GeneratedRegex(@"/ID \[<[0-9A-F]+> <[0-9A-F]+>\]")] private static partial Regex IdEntry();
    [GeneratedRegex(@"startxref\s+(\d+)")] private static partial Regex StartXref();
    [GeneratedRegex(@"/ID \[<([0-9A-F]{1,64})> <([0-9A-F]{1,64})>\]")] private static partial Regex IdPair();
    [GeneratedRegex(@"uuid:([0-9a-f-]+)")] private static partial Regex XmpUuid();
    [GeneratedRegex(@"/ID \[\((?:\\[0-7]{1,3}|\\.|[^\\()])*\) \((?:\\[0-7]{1,3}|\\.|[^\\()])*\)\]")] private static partial Regex LiteralIdPair();
}
