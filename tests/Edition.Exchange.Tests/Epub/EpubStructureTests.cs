using System.IO.Compression;
using System.Xml.Linq;
using Edition.Exchange.Tests.Support;
using Edition.Model;
using HarfBuzzSharp;
using static Edition.Exchange.Tests.Support.EpubDoc;

namespace Edition.Exchange.Tests.Epub;

/// <summary>The EPUB read back: its container, navigation, pages, notes, back matter and fonts.</summary>
public class EpubStructureTests
{
    public static IEnumerable<object[]> BundledBooks() => new[] { new object[] { "webb-dictatorship" }, new object[] { "pascal" } };

    private static Document Book(string id) => id == "pascal" ? Books.Pascal : Books.Pamphlet;

    [Fact]
    public void TheContainerStartsWithTheMimetypeStoredAndEveryEntryHasTheEditionsDate()
    {
        byte[] bytes = Books.Epub(Books.Pamphlet);
        // The OCF's first bytes: a local header for "mimetype", stored (method 0), no extra field, then the type.
        Assert.Equal("PK\u0003\u0004", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal(0, BitConverter.ToUInt16(bytes, 8));
        Assert.Equal(8, BitConverter.ToUInt16(bytes, 26));
        Assert.Equal(0, BitConverter.ToUInt16(bytes, 28));
        Assert.Equal("mimetypeapplication/epub+zip", System.Text.Encoding.ASCII.GetString(bytes, 30, 28));
        using var zip = new ZipArchive(new MemoryStream(bytes));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(2024, 5, 6, 7, 8, 8), e.LastWriteTime.DateTime)); // ZIP keeps even seconds
        Assert.Equal("2024-05-06T07:08:09Z", new EpubDoc(bytes).Package.Descendants(Opf + "meta").Single(m => (string?)m.Attribute("property") == "dcterms:modified").Value);
    }

    [Fact]
    public void ADateBeforeZipsEpochIsStampedAt1980AndTheSameEditionGivesTheSameBytes()
    {
        var date = new DateTimeOffset(1936, 1, 1, 0, 0, 0, TimeSpan.Zero);
        byte[] a = Books.Epub(Books.Pamphlet, date), b = Books.Epub(Books.Pamphlet, date);
        Assert.Equal(a, b);
        var doc = new EpubDoc(a);
        Assert.All(doc.Entries, e => Assert.Equal(1980, e.Time.Year));
        Assert.Equal("1936-01-01T00:00:00Z", doc.Package.Descendants(Opf + "meta").Single(m => (string?)m.Attribute("property") == "dcterms:modified").Value);
    }

    [Theory]
    [MemberData(nameof(BundledBooks))]
    public void ThePageListHasEveryPageOfThePrintInOrderAtItsPageBreak(string id)
    {
        var document = Book(id);
        var epub = new EpubDoc(Books.Epub(document));
        var nav = epub.Nav.Root!.Descendants(Xhtml + "nav").ToDictionary(n => (string)n.Attribute(Ops + "type")!);
        var pages = nav["page-list"].Descendants(Xhtml + "a").ToList();
        Assert.Equal(document.Pages.Select(p => p.Number.ToString()), pages.Select(a => a.Value));
        foreach (var a in pages)
        {
            var target = epub.Target("nav.xhtml", (string)a.Attribute("href")!);
            Assert.NotNull(target);
            Assert.Equal("pagebreak", (string?)target!.Attribute(Ops + "type"));
            Assert.Equal(a.Value, (string?)target.Attribute("title"));
        }
        // The printed book the page numbers come from.
        Assert.Contains(document.Book.Title, epub.Package.Descendants(Dc + "source").Single().Value);
        // Landmarks and contents, every link resolving.
        Assert.Contains(nav["landmarks"].Descendants(Xhtml + "a"), a => (string?)a.Attribute(Ops + "type") == "bodymatter");
        foreach (var a in nav["toc"].Descendants(Xhtml + "a").Concat(nav["landmarks"].Descendants(Xhtml + "a")))
            Assert.NotNull(epub.Target("nav.xhtml", (string)a.Attribute("href")!));
        Assert.Equal(document.Body.OfType<Heading>().Count(h => h.Pieces.Any(p => p.Kind != PieceKind.PageBreak)),
            nav["toc"].Descendants(Xhtml + "a").Count(a => ((string)a.Attribute("href")!).Contains("#h")));
    }

    [Theory]
    [MemberData(nameof(BundledBooks))]
    public void NotesAreFootnotesLinkedBothWays(string id)
    {
        var document = Book(id);
        var epub = new EpubDoc(Books.Epub(document));
        int linked = 0;
        foreach (var (file, doc) in epub.Spine())
            foreach (var a in doc.Descendants(Xhtml + "a").Where(a => (string?)a.Attribute(Ops + "type") == "noteref"))
            {
                var aside = epub.Target(file, (string)a.Attribute("href")!)!;
                Assert.Equal("aside", aside.Name.LocalName);
                Assert.Equal("footnote", (string?)aside.Attribute(Ops + "type"));
                var back = aside.Descendants(Xhtml + "a").First();
                Assert.Equal("#" + (string)a.Attribute("id")!, (string?)back.Attribute("href"));
                Assert.Equal(a.Value, back.Value);
                linked++;
            }
        Assert.Equal(document.Notes.Count(n => n.Reference != null), linked);
        Assert.True(linked > 10);
    }

    [Theory]
    [MemberData(nameof(BundledBooks))]
    public void ThePrinciplesAndTheApparatusAreBackMatterLinkedToTheText(string id)
    {
        var document = Book(id);
        var epub = new EpubDoc(Books.Epub(document));
        var spine = epub.Spine().Select(s => s.File).ToList();
        Assert.True(spine.IndexOf("principles.xhtml") > spine.FindLastIndex(f => f.StartsWith("text-", StringComparison.Ordinal)));
        Assert.True(spine.IndexOf("apparatus.xhtml") > spine.IndexOf("principles.xhtml"));
        var apparatus = epub.Xml("EPUB/apparatus.xhtml");
        var entries = apparatus.Descendants(Xhtml + "li").ToList();
        Assert.Equal(document.Apparatus.Count(Edition.Pdf.Layout.Principles.IsRecorded), entries.Count);
        foreach (var li in entries)
        {
            var a = li.Element(Xhtml + "a")!;
            Assert.NotNull(epub.Target("apparatus.xhtml", (string)a.Attribute("href")!));
        }
        string principles = epub.Xml("EPUB/principles.xhtml").Root!.Value;
        Assert.Contains("Line-end hyphens", principles);
        Assert.Contains(document.Apparatus.Count(e => e.Kind == EmendationKind.Hyphenation).ToString(), principles);
    }

    [Fact]
    public void TheFontsAreEbGaramondCutDownToTheCharactersUsedWithTheirLicence()
    {
        var epub = new EpubDoc(Books.Epub(Books.Pamphlet));
        string folder = Edition.Pdf.Shaping.FontSet.DefaultFolder;
        var used = new HashSet<int>();
        foreach (var (_, doc) in epub.Spine())
            foreach (var t in doc.Root!.Element(Xhtml + "body")!.DescendantNodes().OfType<XText>())
                foreach (var r in t.Value.EnumerateRunes()) used.Add(r.Value);
        foreach (string face in new[] { "EBGaramond12-Regular.ttf", "EBGaramond12-Italic.ttf" })
        {
            byte[] subset = epub.File("EPUB/fonts/" + face);
            byte[] full = File.ReadAllBytes(Path.Combine(folder, face));
            Assert.True(subset.Length < full.Length / 4, $"{face}: {subset.Length} of {full.Length} bytes");
            using var subsetFont = FontOf(subset);
            using var fullFont = FontOf(full);
            if (face.Contains("Regular"))
                foreach (int c in used.Where(c => c > ' ' && fullFont.TryGetGlyph((uint)c, out _)))
                    Assert.True(subsetFont.TryGetGlyph((uint)c, out _), $"U+{c:X4} is missing from {face}");
            // Nothing beyond the book's characters: a letter no document shows is gone.
            int kept = Enumerable.Range(0x20, 0x2FE0).Count(c => subsetFont.TryGetGlyph((uint)c, out _));
            Assert.True(kept <= used.Count + 1, $"{face}: {kept} characters kept for {used.Count} used");
        }
        string licence = epub.Xml("EPUB/licence.xhtml").Root!.Value;
        Assert.Contains("SIL OPEN FONT LICENSE Version 1.1", licence);
        Assert.Contains("Georg Duffner", licence);
        Assert.Contains("@font-face", System.Text.Encoding.UTF8.GetString(epub.File("EPUB/style.css")));
    }

    private static HarfBuzzSharp.Font FontOf(byte[] bytes)
    {
        var blob = Blob.FromStream(new MemoryStream(bytes));
        var face = new Face(blob, 0);
        return new HarfBuzzSharp.Font(face);
    }
}
