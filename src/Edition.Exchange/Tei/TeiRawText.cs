using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Edition.Exchange.Tei;

/// <summary>
/// Rebuilds the raw OCR text from a TEI edition alone (the "nothing lost" check of the TEI): the body in
/// document order, taking <c>sic</c> and <c>orig</c> (never <c>corr</c> or <c>reg</c>), <c>fw</c>, and each
/// <c>g</c> as the code point its <c>char</c> maps to; each stretch of text belongs to the source line of
/// the <c>lb</c> before it within its own <c>note</c> or <c>fw</c> (which stand away from their place in the
/// source), and a stable sort by line restores the OCR's order.
/// </summary>
public static class TeiRawText
{
    private static readonly XNamespace Tei = TeiEdition.Namespace;

    public sealed record Result(string Text, string Encoding, bool ByteOrderMark)
    {
        /// <summary>The text as the bytes of the OCR file it was read from.</summary>
        public byte[] Bytes()
        {
            var encoding = Encoding == "latin-1" ? System.Text.Encoding.Latin1 : new UTF8Encoding(false);
            var body = encoding.GetBytes(Text);
            return ByteOrderMark ? new byte[] { 0xEF, 0xBB, 0xBF }.Concat(body).ToArray() : body;
        }
    }

    public static Result Rebuild(string xml)
    {
        var doc = XDocument.Parse(xml, LoadOptions.PreserveWhitespace);
        var root = doc.Root ?? throw new FormatException("no root element");
        var chars = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in root.Descendants(Tei + "char"))
        {
            var id = (string?)c.Attribute(XNamespace.Xml + "id");
            var mapping = c.Elements(Tei + "mapping").FirstOrDefault(m => (string?)m.Attribute("type") == "codepoint");
            if (id != null && mapping != null && TeiText.ParseCodePoint(mapping.Value) is int cp) chars[id] = char.ConvertFromUtf32(cp);
        }
        var ocr = root.Descendants(Tei + "bibl").FirstOrDefault(b => (string?)b.Attribute("type") == "ocr");
        string encoding = Note(ocr, "encoding") ?? "utf-8";
        bool bom = Note(ocr, "byte-order-mark") == "yes";

        var body = root.Element(Tei + "text")?.Element(Tei + "body") ?? throw new FormatException("no text/body");
        var chunks = new List<(int Line, string Text)>();
        var context = new Stack<int>();
        context.Push(0);
        void Walk(XElement e)
        {
            foreach (var node in e.Nodes())
            {
                if (node is XText t) { chunks.Add((context.Peek(), t.Value)); continue; }
                if (node is not XElement el || el.Name.Namespace != Tei) continue;
                switch (el.Name.LocalName)
                {
                    case "lb":
                        int line = int.Parse((string?)el.Attribute("n") ?? throw new FormatException("lb without n"), System.Globalization.CultureInfo.InvariantCulture);
                        context.Pop();
                        context.Push(line);
                        break;
                    case "g":
                        string reference = ((string?)el.Attribute("ref") ?? "").TrimStart('#');
                        if (!chars.TryGetValue(reference, out var ch)) throw new FormatException($"g ref=\"#{reference}\" is not declared in charDecl");
                        chunks.Add((context.Peek(), ch));
                        break;
                    case "choice":
                        var raw = el.Elements().FirstOrDefault(c => c.Name == Tei + "sic" || c.Name == Tei + "orig");
                        if (raw != null) Walk(raw);
                        break;
                    case "corr" or "reg":
                        break;
                    case "note" or "fw":
                        context.Push(context.Peek());
                        Walk(el);
                        context.Pop();
                        break;
                    default:
                        Walk(el);
                        break;
                }
            }
        }
        Walk(body);
        var sb = new StringBuilder();
        foreach (var (_, text) in chunks.Select((c, i) => (c, i)).OrderBy(x => x.c.Line).ThenBy(x => x.i).Select(x => x.c))
            sb.Append(text);
        return new Result(sb.ToString(), encoding, bom);
    }

    private static string? Note(XElement? bibl, string type) =>
        bibl?.Elements(Tei + "note").FirstOrDefault(n => (string?)n.Attribute("type") == type)?.Value;
}
