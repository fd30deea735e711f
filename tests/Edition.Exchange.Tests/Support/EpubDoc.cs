using System.IO.Compression;
using System.Xml.Linq;

namespace Edition.Exchange.Tests.Support;

/// <summary>An EPUB opened back: its entries as stored, its package, navigation and content documents.</summary>
public sealed class EpubDoc
{
    public static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    public static readonly XNamespace Ops = "http://www.idpf.org/2007/ops";
    public static readonly XNamespace Opf = "http://www.idpf.org/2007/opf";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    public EpubDoc(byte[] bytes)
    {
        Bytes = bytes;
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        foreach (var e in zip.Entries)
        {
            using var s = e.Open();
            var ms = new MemoryStream();
            s.CopyTo(ms);
            Entries.Add((e.FullName, e.LastWriteTime, ms.ToArray()));
        }
    }

    public byte[] Bytes { get; }
    public List<(string Name, DateTimeOffset Time, byte[] Bytes)> Entries { get; } = new();

    public byte[] File(string name) => Entries.Single(e => e.Name == name).Bytes;
    public XDocument Xml(string name) => XDocument.Parse(System.Text.Encoding.UTF8.GetString(File(name)));

    public XDocument Package => Xml("EPUB/package.opf");
    public XDocument Nav => Xml("EPUB/nav.xhtml");

    /// <summary>The content documents in spine order, by file name under EPUB/.</summary>
    public List<(string File, XDocument Doc)> Spine()
    {
        var package = Package.Root!;
        var items = package.Element(Opf + "manifest")!.Elements(Opf + "item").ToDictionary(i => (string)i.Attribute("id")!, i => (string)i.Attribute("href")!);
        return package.Element(Opf + "spine")!.Elements(Opf + "itemref")
            .Select(r => items[(string)r.Attribute("idref")!])
            .Select(f => (f, Xml("EPUB/" + f))).ToList();
    }

    /// <summary>The element a link points at (<c>file.xhtml#id</c>, from <paramref name="from"/>), or null.</summary>
    public XElement? Target(string from, string href)
    {
        var parts = href.Split('#');
        string file = parts[0].Length > 0 ? parts[0] : from;
        if (!Entries.Any(e => e.Name == "EPUB/" + file)) return null;
        var doc = Xml("EPUB/" + file);
        return parts.Length == 1 ? doc.Root : doc.Descendants().FirstOrDefault(e => (string?)e.Attribute("id") == parts[1]);
    }
}
