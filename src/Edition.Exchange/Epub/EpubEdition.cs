using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Edition.Exchange.Xml;
using Edition.Model;

namespace Edition.Exchange.Epub;

/// <summary>
/// The edition as EPUB 3 (<c>BOOK.epub</c>): the reading text in chapters, the notes as footnotes the
/// reader pops up, the print's pages in the page list, the editorial principles and the apparatus as
/// back matter, EB Garamond cut down to the characters used, with its licence. The same edition gives
/// the same bytes.
/// </summary>
public static class EpubEdition
{
    private const string Root = "EPUB/";

    public static string FileName(Document document) => document.Book.Id + ".epub";

    public static byte[] Write(Document document, EpubOptions options)
    {
        var book = document.Book;
        var text = new EpubText(document);
        text.Build();

        var docs = new List<(string Name, string Xhtml, string Title)>();
        docs.Add((EpubMatter.TitleFile, EpubMatter.TitlePage(document, options), "Title page"));
        foreach (var f in text.Files)
            docs.Add((f.Name, XhtmlPage.Write(book.Language, f.Title, "bodymatter", f.Body), f.Title));
        docs.Add((EpubMatter.PrinciplesFile, EpubMatter.PrinciplesPage(document), "Editorial principles"));
        docs.Add((EpubMatter.ApparatusFile, EpubMatter.ApparatusPage(document, text), "Apparatus"));
        var licence = EpubFonts.Read(options.FontCopyright);
        docs.Add((EpubMatter.LicenceFile, EpubMatter.LicencePage(book, licence), "The type"));
        string nav = Nav(document, text);

        // The fonts hold only what the documents show: every character in the regular face, the italic runs in the italic.
        var regular = new HashSet<int>();
        var italic = new HashSet<int>();
        foreach (var (_, xhtml, _) in docs.Append(("nav", nav, "")))
            Characters(xhtml, regular, italic);
        var faces = EpubFonts.Subset(options.FontFolder, regular, italic);

        var files = new List<(string Name, byte[] Bytes)>
        {
            ("META-INF/container.xml", Utf8(Container())),
            (Root + "package.opf", Utf8(Package(document, options, docs, faces, text))),
            (Root + "nav.xhtml", Utf8(nav)),
        };
        foreach (var (name, xhtml, _) in docs) files.Add((Root + name, Utf8(xhtml)));
        files.Add((Root + "style.css", Utf8(EpubStyle.Css(faces))));
        foreach (var f in faces) files.Add((Root + "fonts/" + f.File, f.Bytes));
        return EpubZip.Write(files, options.Date);
    }

    private static byte[] Utf8(string s) => new UTF8Encoding(false).GetBytes(s);

    private static string Container() => """
        <?xml version="1.0" encoding="UTF-8"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
          <rootfiles>
            <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
          </rootfiles>
        </container>

        """;

    private static string Package(Document document, EpubOptions options, List<(string Name, string Xhtml, string Title)> docs,
        IReadOnlyList<EpubFonts.Face> faces, EpubText text)
    {
        var book = document.Book;
        var x = new XmlOut().Declaration();
        x.Open("package", ("xmlns", "http://www.idpf.org/2007/opf"), ("version", "3.0"), ("unique-identifier", "uid"), ("xml:lang", book.Language));
        x.Line(1).Open("metadata", ("xmlns:dc", "http://purl.org/dc/elements/1.1/"));
        x.Line(2).Element("dc:identifier", Identifier(document), ("id", "uid"));
        x.Line(2).Element("dc:title", EpubMatter.Title(book));
        foreach (var a in book.Authors) x.Line(2).Element("dc:creator", a);
        x.Line(2).Element("dc:language", book.Language);
        x.Line(2).Element("dc:date", options.Date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        x.Line(2).Element("dc:contributor", "Edition " + options.ToolVersion);
        x.Line(2).Element("dc:source", Source(document));
        x.Line(2).Element("dc:description", "A critical edition established from the OCR of the printed book, with the print's pagination, its notes, the editorial principles and an apparatus of the changes made to the OCR.");
        x.Line(2).Element("meta", options.Date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), ("property", "dcterms:modified"));
        x.Line(1).Close("metadata");
        x.Line(1).Open("manifest");
        x.Line(2).Empty("item", ("id", "nav"), ("href", "nav.xhtml"), ("media-type", "application/xhtml+xml"), ("properties", "nav"));
        for (int i = 0; i < docs.Count; i++)
            x.Line(2).Empty("item", ("id", ItemId(docs[i].Name)), ("href", docs[i].Name), ("media-type", "application/xhtml+xml"));
        x.Line(2).Empty("item", ("id", "css"), ("href", "style.css"), ("media-type", "text/css"));
        foreach (var f in faces)
            x.Line(2).Empty("item", ("id", ItemId(f.File)), ("href", "fonts/" + f.File), ("media-type", "font/ttf"));
        x.Line(1).Close("manifest");
        x.Line(1).Open("spine");
        // The contents follow the title page, as in a printed book (and the landmarks may point at it).
        for (int i = 0; i < docs.Count; i++)
        {
            x.Line(2).Empty("itemref", ("idref", ItemId(docs[i].Name)));
            if (i == 0) x.Line(2).Empty("itemref", ("idref", "nav"));
        }
        x.Line(1).Close("spine");
        x.Line(0).Close("package");
        x.Raw("\n");
        return x.ToString();
    }

    private static string ItemId(string file) => "i-" + file.Replace('.', '-');

    /// <summary>The printed book the page list follows.</summary>
    private static string Source(Document document)
    {
        var book = document.Book;
        var sb = new StringBuilder();
        if (book.Authors.Count > 0) sb.Append(Principles.EditionPrinciples.Authors(book)).Append(", ");
        sb.Append(EpubMatter.Title(book));
        if (book.Year is int y) sb.Append(" (").Append(XmlOut.Number(y)).Append(')');
        var pages = document.Pages;
        if (pages.Count > 0) sb.Append(", the printed book, pages ").Append(XmlOut.Number(pages[0].Number)).Append('–').Append(XmlOut.Number(pages[^1].Number));
        return sb.ToString();
    }

    /// <summary>A name-based UUID from the book and its OCR: the same edition keeps its identifier.</summary>
    private static string Identifier(Document document)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(document.Book.Id + "\n" + document.Source.Text));
        var b = hash.AsSpan(0, 16).ToArray();
        b[6] = (byte)((b[6] & 0x0F) | 0x50);
        b[8] = (byte)((b[8] & 0x3F) | 0x80);
        string h = Convert.ToHexStringLower(b);
        return $"urn:uuid:{h[..8]}-{h[8..12]}-{h[12..16]}-{h[16..20]}-{h[20..]}";
    }

    private static string Nav(Document document, EpubText text)
    {
        var x = new XmlOut();
        x.Line(1).Open("nav", ("epub:type", "toc"), ("role", "doc-toc"), ("id", "toc"));
        x.Line(2).Element("h1", "Contents");
        x.Line(2).Open("ol");
        x.Line(3).Open("li").Element("a", "Title page", ("href", EpubMatter.TitleFile)).Close("li");
        if (text.Toc.Count == 0 && text.Files.Count > 0)
            x.Line(3).Open("li").Element("a", "Text", ("href", text.Files[0].Name)).Close("li");
        // Headings nested by level: an entry holds the deeper ones that follow it.
        var roots = new List<TocNode>();
        var open = new Stack<TocNode>();
        foreach (var entry in text.Toc)
        {
            while (open.Count > 0 && open.Peek().Entry.Level >= entry.Level) open.Pop();
            var node = new TocNode(entry, new List<TocNode>());
            (open.Count > 0 ? open.Peek().Children : roots).Add(node);
            open.Push(node);
        }
        foreach (var node in roots) TocItem(x, node, 3);
        x.Line(3).Open("li").Element("a", "Editorial principles", ("href", EpubMatter.PrinciplesFile)).Close("li");
        x.Line(3).Open("li").Element("a", "Apparatus", ("href", EpubMatter.ApparatusFile)).Close("li");
        x.Line(3).Open("li").Element("a", "The type", ("href", EpubMatter.LicenceFile)).Close("li");
        x.Line(2).Close("ol");
        x.Line(1).Close("nav");

        if (text.PageList.Count > 0)
        {
            x.Line(1).Open("nav", ("epub:type", "page-list"), ("role", "doc-pagelist"), ("hidden", "hidden"));
            x.Line(2).Element("h2", "Pages of the print");
            x.Line(2).Open("ol");
            foreach (var p in text.PageList)
                x.Line(3).Open("li").Element("a", p.Label, ("href", p.File + "#" + p.Id)).Close("li");
            x.Line(2).Close("ol");
            x.Line(1).Close("nav");
        }

        x.Line(1).Open("nav", ("epub:type", "landmarks"), ("hidden", "hidden"));
        x.Line(2).Element("h2", "Landmarks");
        x.Line(2).Open("ol");
        x.Line(3).Open("li").Element("a", "Contents", ("epub:type", "toc"), ("href", "nav.xhtml#toc")).Close("li");
        x.Line(3).Open("li").Element("a", "Title page", ("epub:type", "titlepage"), ("href", EpubMatter.TitleFile)).Close("li");
        if (text.Files.Count > 0)
            x.Line(3).Open("li").Element("a", "Text", ("epub:type", "bodymatter"), ("href", text.Files[0].Name)).Close("li");
        x.Line(3).Open("li").Element("a", "Editorial principles", ("epub:type", "backmatter"), ("href", EpubMatter.PrinciplesFile)).Close("li");
        x.Line(2).Close("ol");
        x.Line(1).Close("nav");
        return XhtmlPage.Write(document.Book.Language, "Contents", "frontmatter", x.ToString());
    }

    private sealed record TocNode(EpubText.TocEntry Entry, List<TocNode> Children);

    private static void TocItem(XmlOut x, TocNode node, int indent)
    {
        x.Line(indent).Open("li").Element("a", node.Entry.Text.Length > 0 ? node.Entry.Text : "Untitled", ("href", node.Entry.File + "#" + node.Entry.Id));
        if (node.Children.Count > 0)
        {
            x.Line(indent + 1).Open("ol");
            foreach (var child in node.Children) TocItem(x, child, indent + 2);
            x.Line(indent + 1).Close("ol");
        }
        x.Close("li");
    }

    private static void Characters(string xhtml, HashSet<int> regular, HashSet<int> italic)
    {
        var doc = XDocument.Parse(xhtml);
        XNamespace h = "http://www.w3.org/1999/xhtml";
        var body = doc.Root?.Element(h + "body");
        if (body == null) return;
        foreach (var t in body.DescendantNodes().OfType<XText>())
        {
            bool inItalic = t.Ancestors().Any(a => a.Name.LocalName is "i" or "em" or "cite" || (a.Name.LocalName is "h3" or "h4" or "h5" or "h6" or "dt"));
            var set = inItalic ? italic : regular;
            string s = t.Value;
            for (int i = 0; i < s.Length; i++)
            {
                int c = char.IsSurrogatePair(s, i) ? char.ConvertToUtf32(s, i++) : s[i];
                if (c is not ('\n' or '\r' or '\t')) set.Add(c);
            }
        }
        regular.Add(' ');
        if (italic.Count > 0) italic.Add(' ');
    }
}
