using System.Text;
using System.Xml.Linq;

namespace Edition.Exchange.Tests.Support;

/// <summary>A TEI edition parsed back, with the reading a TEI reader takes from it.</summary>
public sealed class TeiDoc
{
    public static readonly XNamespace TeiNs = "http://www.tei-c.org/ns/1.0";

    public TeiDoc(string xml)
    {
        Xml = xml;
        Document = XDocument.Parse(xml, LoadOptions.PreserveWhitespace);
        Body = Document.Root!.Element(TeiNs + "text")!.Element(TeiNs + "body")!;
    }

    public string Xml { get; }
    public XDocument Document { get; }
    public XElement Body { get; }

    public IEnumerable<XElement> All(string name) => Document.Descendants(TeiNs + name);

    public Dictionary<string, XElement> Ids() => Document.Descendants()
        .Where(e => e.Attribute(XNamespace.Xml + "id") != null)
        .ToDictionary(e => (string)e.Attribute(XNamespace.Xml + "id")!, StringComparer.Ordinal);

    /// <summary>
    /// The reading of an element as a TEI reader shows it: <c>corr</c> and <c>reg</c> over <c>sic</c> and
    /// <c>orig</c>, without forme work and notes (which stand apart), whitespace collapsed.
    /// </summary>
    public static string Reading(XElement element)
    {
        var sb = new StringBuilder();
        void Walk(XElement e)
        {
            foreach (var node in e.Nodes())
            {
                if (node is XText t) { sb.Append(t.Value); continue; }
                if (node is not XElement el) continue;
                switch (el.Name.LocalName)
                {
                    case "sic" or "orig" or "fw" or "note": break;
                    case "g": sb.Append(' '); break;
                    default: Walk(el); break;
                }
            }
        }
        Walk(element);
        return Collapse(sb.ToString());
    }

    public static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
