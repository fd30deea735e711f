using Edition.Exchange.Xml;
using Edition.Model;
using Edition.Outputs.Apparatus;

namespace Edition.Exchange.Tei;

/// <summary>
/// The edition as TEI P5 (<c>BOOK.xml</c>): header, facsimile (for a book from page images), the text
/// with every change in place, and the apparatus's evidence at the back. Holds every character of the
/// OCR text: <see cref="TeiRawText"/> rebuilds it from this file alone.
/// </summary>
public static class TeiEdition
{
    public const string Namespace = "http://www.tei-c.org/ns/1.0";

    public static string FileName(Document document) => document.Book.Id + ".xml";

    public static string Write(Document document, TeiOptions options)
    {
        var places = new SourcePlaces(document);
        var facsimile = document.Scan != null ? new TeiFacsimile(document.Scan) : null;

        // The body first: it finds the characters the header must declare.
        var forbidden = new SortedSet<int>();
        var body = new XmlOut(document.Source.Length * 2 + 4096)
        {
            Forbidden = (x, c) =>
            {
                forbidden.Add(c);
                x.Empty("g", ("ref", "#" + TeiText.CharId(c)));
            },
        };
        new TeiBody(document, places, facsimile, body).Write();

        var x = new XmlOut(document.Source.Length * 3 + 65536).Declaration();
        x.Open("TEI", ("xmlns", Namespace), ("xml:lang", "en"));
        TeiHeader.Write(x, document, options, forbidden);
        facsimile?.Write(x, options.OutputFolder);
        x.Line(1).Open("text", ("xml:lang", document.Book.Language));
        x.Raw(body.ToString());
        Back(x, document);
        x.Close("text");
        x.Line(0).Close("TEI");
        x.Raw("\n");
        return x.ToString();
    }

    /// <summary>The apparatus: the evidence for every change, keyed to its place in the text.</summary>
    private static void Back(XmlOut x, Document document)
    {
        x.Open("back");
        x.Line(2).Open("div", ("type", "apparatus"));
        x.Line(3).Element("head", "Apparatus");
        x.Line(3).Element("p", "The evidence for every change, in the order of apparatus.json: where it is (page of the print, line of the OCR text), its kind, its rule, and why it was made. Each entry points at its place in the text.");
        if (document.Apparatus.Count == 0) x.Line(3).Element("p", "The OCR was not changed.");
        else
        {
            x.Line(3).Open("list", ("type", "apparatus"));
            foreach (var e in document.Apparatus)
            {
                x.Line(4).Open("item", ("n", XmlOut.Number(e.Id)), ("corresp", "#" + TeiEncoding.Id(e)), ("ana", TeiEncoding.Category(e)));
                x.Text($"Page {XmlOut.Number(e.Page.Number)}, line {XmlOut.Number(e.Line)}: {ApparatusWriter.Name(e.Kind)}, {e.Rule.Replace('-', ' ')}, {ApparatusWriter.Name(e.Status)}. {XmlOut.Printable(e.Why)}");
                x.Close("item");
            }
            x.Line(3).Close("list");
        }
        x.Line(2).Close("div");
        x.Line(1).Close("back");
        x.Line(1);
    }
}
