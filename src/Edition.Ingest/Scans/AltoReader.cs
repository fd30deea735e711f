using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Edition.Model;

namespace Edition.Ingest.Scans;

/// <summary>
/// Reads ALTO XML (v2, v3 and v4, or no namespace): <c>Page</c> (WIDTH, HEIGHT), the image in
/// <c>sourceImageInformation/fileName</c>, <c>TextBlock</c> (a blank line between blocks), <c>TextLine</c>
/// (HEIGHT → type size), <c>String</c> (CONTENT, HPOS, VPOS, WIDTH, HEIGHT, WC), <c>SP</c> (one space) and
/// <c>HYP</c> (its hyphen kept at the end of the line, so the hyphenation stage sees it). Positions in
/// <c>mm10</c> or <c>inch1200</c> are turned into pixels with the scan's resolution (<c>dpi</c> in
/// book.toml); without it they are an error.
/// </summary>
public static class AltoReader
{
    public static ScanText Read(string path, int? dpi = null) => Read(new[] { path }, dpi);

    public static ScanText Read(IReadOnlyList<string> paths, int? dpi = null)
    {
        var builder = new ScanTextBuilder();
        foreach (var path in paths) Parse(builder, HocrReader.ReadFile(path), path, dpi);
        return builder.Build();
    }

    public static ScanText Parse(string xml, string path, int? dpi = null)
    {
        var builder = new ScanTextBuilder();
        Parse(builder, xml, path, dpi);
        return builder.Build();
    }

    /// <summary>True when the file is XML whose root element is <c>alto</c>.</summary>
    public static bool LooksLikeAlto(string path)
    {
        try
        {
            using var reader = XmlReader.Create(path, Settings());
            return reader.MoveToContent() == XmlNodeType.Element && reader.LocalName == "alto";
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static void Parse(ScanTextBuilder builder, string xml, string path, int? dpi)
    {
        XDocument doc;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings());
            doc = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException e)
        {
            throw new InputException(path, $"is not well-formed XML (line {e.LineNumber}, column {e.LinePosition}): {FirstSentence(e.Message)}");
        }
        var root = doc.Root;
        if (root == null || root.Name.LocalName != "alto")
            throw new InputException(path, $"is not ALTO: its root element is <{root?.Name.LocalName}>, not <alto>");

        string unit = (Child(Child(root, "Description"), "MeasurementUnit")?.Value ?? "pixel").Trim();
        double scale = unit switch
        {
            "pixel" => 1.0,
            "mm10" when dpi is int d => d / 254.0,
            "inch1200" when dpi is int d => d / 1200.0,
            "mm10" or "inch1200" => throw new InputException(path,
                $"measures in {unit} (MeasurementUnit), not pixels: give the scan's resolution with dpi = ... in book.toml"),
            _ => throw new InputException(path, $"has an unknown MeasurementUnit \"{unit}\" (pixel, mm10 or inch1200)"),
        };
        string? fileName = Child(Child(Child(root, "Description"), "sourceImageInformation"), "fileName")?.Value.Trim();

        var pages = Descendants(root, "Page").ToList();
        if (pages.Count == 0) throw new InputException(path, "is not valid ALTO: it has no <Page>");
        // The file names one image: it is the page's only when the file holds one page.
        string? image = pages.Count == 1 ? HocrReader.ResolveImage(path, fileName) : null;
        foreach (var page in pages)
        {
            int width = Pixels(page, "WIDTH", path, scale) ?? 0, height = Pixels(page, "HEIGHT", path, scale) ?? 0;
            builder.BeginPage(image, width, height);
            foreach (var block in Blocks(page))
            {
                builder.BeginBlock();
                foreach (var line in block.Elements().Where(e => e.Name.LocalName == "TextLine"))
                    ReadLine(builder, line, path, scale);
            }
        }
    }

    private static void ReadLine(ScanTextBuilder builder, XElement line, string path, double scale)
    {
        var words = new List<MarkupWord>();
        string? hyphen = null;
        Box? hyphenBox = null;
        foreach (var e in line.Elements())
        {
            switch (e.Name.LocalName)
            {
                case "String":
                    string content = (string?)e.Attribute("CONTENT") ?? "";
                    words.Add(new MarkupWord(content, BoxOf(e, path, scale), Confidence(e, path)));
                    break;
                case "HYP":
                    string h = (string?)e.Attribute("CONTENT") ?? "";
                    hyphen = h.Trim().Length > 0 ? h.Trim() : "-";
                    hyphenBox = BoxOf(e, path, scale);
                    break;
            }
        }
        double? size = Number(line, "HEIGHT", path) is double s ? s * scale : null;
        builder.AddLine(words, BoxOf(line, path, scale), size);
        if (hyphen != null && !builder.AppendToLastWord(hyphen, hyphenBox))
            builder.AddLine(new[] { new MarkupWord(hyphen, hyphenBox, null) }, BoxOf(line, path, scale), size);
    }

    /// <summary>The text blocks of a page in reading order: top margin, print space, side margins, bottom margin.</summary>
    private static IEnumerable<XElement> Blocks(XElement page)
    {
        string[] order = { "TopMargin", "PrintSpace", "LeftMargin", "RightMargin", "BottomMargin" };
        var areas = page.Elements().Where(e => order.Contains(e.Name.LocalName))
            .OrderBy(e => Array.IndexOf(order, e.Name.LocalName)).ToList();
        foreach (var area in areas)
            foreach (var block in Descendants(area, "TextBlock"))
                yield return block;
    }

    private static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
    };

    private static XElement? Child(XElement? e, string localName) =>
        e?.Elements().FirstOrDefault(c => c.Name.LocalName == localName);

    private static IEnumerable<XElement> Descendants(XElement e, string localName) =>
        e.Descendants().Where(d => d.Name.LocalName == localName);

    private static double? Number(XElement e, string attribute, string path)
    {
        var a = e.Attribute(attribute);
        if (a == null) return null;
        if (!double.TryParse(a.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || double.IsNaN(d) || double.IsInfinity(d) || Math.Abs(d) > 1e9)
            throw new InputException(path, $"is not valid ALTO: {attribute}=\"{a.Value}\" on <{e.Name.LocalName}>{Where(e)} is not a number");
        return d;
    }

    private static int? Pixels(XElement e, string attribute, string path, double scale) =>
        Number(e, attribute, path) is double d ? (int)Math.Round(d * scale, MidpointRounding.AwayFromZero) : null;

    private static Box? BoxOf(XElement e, string path, double scale)
    {
        var x = Number(e, "HPOS", path);
        var y = Number(e, "VPOS", path);
        var w = Number(e, "WIDTH", path);
        var h = Number(e, "HEIGHT", path);
        if (x is not double left || y is not double top || w is not double width || h is not double height) return null;
        if (width < 0 || height < 0)
            throw new InputException(path, $"is not valid ALTO: a negative WIDTH or HEIGHT on <{e.Name.LocalName}>{Where(e)}");
        int Px(double v) => (int)Math.Round(v * scale, MidpointRounding.AwayFromZero);
        return new Box(Px(left), Px(top), Px(left + width), Px(top + height));
    }

    /// <summary>ALTO's WC is already 0..1.</summary>
    private static double? Confidence(XElement e, string path) =>
        Number(e, "WC", path) is double c ? Math.Clamp(c, 0.0, 1.0) : null;

    private static string Where(XElement e) => (string?)e.Attribute("ID") is { Length: > 0 } id ? $" (ID {id})" : "";

    private static string FirstSentence(string message)
    {
        int i = message.IndexOf(". ", StringComparison.Ordinal);
        return (i < 0 ? message : message[..i]).Trim().TrimEnd('.');
    }
}
