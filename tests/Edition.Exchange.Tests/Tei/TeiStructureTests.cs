using System.Xml.Linq;
using Edition.Exchange.Tests.Support;
using Edition.Model;
using Edition.Outputs.Apparatus;
using static Edition.Exchange.Tests.Support.TeiDoc;

namespace Edition.Exchange.Tests.Tei;

/// <summary>The TEI edition read back: every change in place with its provenance, the pages, furniture and notes, the reading.</summary>
public class TeiStructureTests
{
    public static IEnumerable<object[]> BundledBooks() => new[] { new object[] { "webb-dictatorship" }, new object[] { "pascal" } };

    private static Document Book(string id) => id == "pascal" ? Books.Pascal : Books.Pamphlet;

    [Theory]
    [MemberData(nameof(BundledBooks))]
    public void EveryEmendationStandsInTheTextOnceWithItsKindAndProvenance(string id)
    {
        var document = Book(id);
        var tei = new TeiDoc(Books.Tei(document));
        var ids = tei.Ids();
        Assert.NotEmpty(document.Apparatus);
        foreach (var e in document.Apparatus)
        {
            Assert.True(ids.TryGetValue("e" + e.Id, out var el), $"#{e.Id} ({e.Kind}/{e.Rule}) has no element in the text");
            Assert.Contains(el.Name.LocalName, new[] { "choice", "unclear", "fw", "anchor" });
            Assert.Equal("#k." + ApparatusWriter.Name(e.Kind), (string?)el.Attribute("ana"));
            Assert.True(el.Ancestors(TeiNs + "body").Any(), $"#{e.Id} is not in the body");
            // The apparatus at the back gives the evidence, keyed to the place.
            Assert.Single(tei.All("item"), i => (string?)i.Attribute("corresp") == "#e" + e.Id && i.Value.Contains(e.Why.Length > 30 ? e.Why[..30] : e.Why, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(BundledBooks))]
    public void ChangesAreChoicesOfTheRightPairWithRespAndCert(string id)
    {
        var document = Book(id);
        var ids = new TeiDoc(Books.Tei(document)).Ids();
        int checkedChoices = 0;
        foreach (var e in document.Apparatus)
        {
            var el = ids["e" + e.Id];
            if (el.Name.LocalName != "choice") continue;
            checkedChoices++;
            bool layout = e.Kind is EmendationKind.Hyphenation or EmendationKind.SplitWord or EmendationKind.Spacing or EmendationKind.NoteMarker;
            var raw = el.Element(TeiNs + (layout ? "orig" : "sic"));
            var ours = el.Element(TeiNs + (layout ? "reg" : "corr"));
            Assert.True(raw != null && ours != null, $"#{e.Id} {e.Kind}: {el}");
            Assert.Equal(2, el.Elements().Count());
            string resp = e.Kind == EmendationKind.Editorial || e.Status == EmendationStatus.Editorial ? "#editor" : "#stage." + e.Stage;
            Assert.Equal(resp, (string?)ours!.Attribute("resp"));
            Assert.Equal(e.Rule, (string?)ours.Attribute("type"));
            string cert = (string)ours.Attribute("cert")!;
            Assert.Equal(e.Status == EmendationStatus.Doubtful || e.Confidence < 0.6 ? "low" : e.Confidence < 0.9 ? "medium" : "high", cert);
            // The raw branch holds the OCR's characters, with the changes made inside them; a speck taken out
            // between two halves of a joined word stands there too, as it does in the OCR, but is no part of this change.
            Assert.Equal(Collapse(e.Raw), Collapse(RawOf(raw!, x => Inside(document.Apparatus[x - 1], e))));
        }
        Assert.True(checkedChoices > 20, $"only {checkedChoices} choices");
        // Every stage and the editor named in resp is declared in the header.
        foreach (var r in new TeiDoc(Books.Tei(document)).All("corr").Concat(new TeiDoc(Books.Tei(document)).All("reg")).Select(c => ((string)c.Attribute("resp")!)[1..]).Distinct())
            Assert.True(ids.ContainsKey(r) && ids[r].Name.LocalName == "respStmt", r);
    }

    [Fact]
    public void TheEditorsCorrectionsAreTheirs()
    {
        var document = Books.Pamphlet;
        var ids = new TeiDoc(Books.Tei(document)).Ids();
        var editorial = document.Apparatus.Where(e => e.Kind == EmendationKind.Editorial).ToList();
        Assert.Equal(10, editorial.Count);
        foreach (var e in editorial)
        {
            var corr = ids["e" + e.Id].Element(TeiNs + "corr")!;
            Assert.Equal("#editor", (string?)corr.Attribute("resp"));
            Assert.Equal(e.Reading, corr.Value);
        }
    }

    [Theory]
    [MemberData(nameof(BundledBooks))]
    public void DoubtfulReadingsAreUnclearOrLowInCertainty(string id)
    {
        var document = Book(id);
        var ids = new TeiDoc(Books.Tei(document)).Ids();
        var doubtful = document.Apparatus.Where(e => e.Status == EmendationStatus.Doubtful).ToList();
        Assert.NotEmpty(doubtful);
        foreach (var e in doubtful)
        {
            var el = ids["e" + e.Id];
            switch (el.Name.LocalName)
            {
                case "unclear":
                    Assert.Equal("low", (string?)el.Attribute("cert"));
                    Assert.Equal(e.Rule, (string?)el.Attribute("reason"));
                    Assert.Equal(Collapse(e.Raw), Collapse(RawOf(el)));
                    break;
                case "choice":
                    Assert.Equal("low", (string?)el.Elements().Last().Attribute("cert"));
                    break;
                case "anchor":
                    // A note placed where no marker was found: the note says how sure the place is.
                    var note = el.ElementsAfterSelf().First();
                    Assert.Equal("note", note.Name.LocalName);
                    Assert.Equal("low", (string?)note.Attribute("cert"));
                    break;
                default:
                    Assert.Fail($"#{e.Id}: {el.Name.LocalName}");
                    break;
            }
        }
    }

    [Theory]
    [MemberData(nameof(BundledBooks))]
    public void PagesBeginWherePrintedAndTheirFurnitureIsKept(string id)
    {
        var document = Book(id);
        var tei = new TeiDoc(Books.Tei(document));
        var breaks = tei.Body.Descendants(TeiNs + "pb").ToList();
        Assert.Equal(document.Pages.Select(p => p.Number.ToString()), breaks.Select(b => (string)b.Attribute("n")!));
        var fw = tei.Body.Descendants(TeiNs + "fw").ToDictionary(f => (string)f.Attribute(XNamespace.Xml + "id")!);
        var furniture = document.Apparatus.Where(e => e.Kind == EmendationKind.Furniture && e.Rule != "speck").ToList();
        Assert.NotEmpty(furniture);
        foreach (var e in furniture)
        {
            var f = fw["e" + e.Id];
            Assert.Equal(e.Rule == "page-number" ? "pageNum" : e.Rule == "signature-mark" ? "sig" : "header", (string?)f.Attribute("type"));
            Assert.Contains((string?)f.Attribute("place"), new[] { "top", "bottom" });
            Assert.Equal(Collapse(e.Raw), Collapse(RawOf(f)));
        }
    }

    [Theory]
    [MemberData(nameof(BundledBooks))]
    public void NotesStandAtTheirReferences(string id)
    {
        var document = Book(id);
        var tei = new TeiDoc(Books.Tei(document));
        var notes = tei.Body.Descendants(TeiNs + "note").ToList();
        Assert.Equal(document.Notes.Count, notes.Count);
        Assert.All(notes, n => Assert.Equal("foot", (string?)n.Attribute("place")));
        foreach (var note in document.Notes)
        {
            var el = notes.Single(n => (string?)n.Attribute("n") == note.Number.ToString());
            if (note.Reference == null) continue;
            // Inside the paragraph or heading that refers to it.
            Assert.Contains(el.Parent!.Name.LocalName, new[] { "p", "head" });
            var reading = Reading(new XElement(TeiNs + "p", el.Nodes()));
            Assert.Equal(string.Join(" ", note.Paragraphs.Select(Expected)).Trim(), reading);
        }
    }

    [Theory]
    [MemberData(nameof(BundledBooks))]
    public void TheReadingOfEachBlockIsTheEditions(string id)
    {
        var document = Book(id);
        var tei = new TeiDoc(Books.Tei(document));
        var blocks = tei.Body.Descendants().Where(e => e.Name == TeiNs + "p" && !e.Ancestors(TeiNs + "note").Any() || e.Name == TeiNs + "head").ToList();
        var expected = document.Body.Where(b => b.Pieces.Any(p => p.Kind != PieceKind.PageBreak)).ToList();
        Assert.Equal(expected.Count, blocks.Count);
        for (int i = 0; i < blocks.Count; i++)
        {
            Assert.Equal(expected[i] is Heading ? "head" : "p", blocks[i].Name.LocalName);
            Assert.Equal(Expected(expected[i].Pieces), Reading(blocks[i]));
        }
    }

    /// <summary>A flow's reading as the model holds it: each piece's reading, an unchanged space as one space.</summary>
    private static string Expected(List<Piece> pieces) =>
        Collapse(string.Concat(pieces.Select(p => p.Kind == PieceKind.Space && p.Emendation == null ? " " : p.Kind == PieceKind.PageBreak ? "" : p.Reading)));

    [Fact]
    public void TheFacsimileHasEveryPageLineAndWordAndEveryPointerResolves()
    {
        var document = Books.Pascal;
        string outFolder = Path.Combine(Books.RepositoryRoot, "editions", "pascal");
        var tei = new TeiDoc(Books.Tei(document, outFolder));
        var surfaces = tei.All("surface").ToList();
        Assert.Equal(document.Scan!.Pages.Count, surfaces.Count);
        foreach (var (surface, page) in surfaces.Zip(document.Scan.Pages))
        {
            var graphic = surface.Element(TeiNs + "graphic")!;
            Assert.True(File.Exists(Path.Combine(outFolder, Uri.UnescapeDataString((string)graphic.Attribute("url")!))), (string)graphic.Attribute("url")!);
            Assert.Equal(page.Width + "px", (string?)graphic.Attribute("width"));
            Assert.Equal(page.Lines.Count, surface.Elements(TeiNs + "zone").Count(z => (string?)z.Attribute("type") == "line"));
            Assert.Equal(page.Words.Count, surface.Elements(TeiNs + "zone").Count(z => (string?)z.Attribute("type") == "word"));
        }
        var ids = tei.Ids();
        int pointers = 0;
        foreach (var el in tei.Body.Descendants().Where(e => e.Attribute("facs") != null))
            foreach (var target in ((string)el.Attribute("facs")!).Split(' '))
            {
                pointers++;
                Assert.True(ids.TryGetValue(target.TrimStart('#'), out var z) && z.Name.LocalName is "zone" or "surface", target);
            }
        // Every line of the text points at its zone.
        Assert.All(tei.Body.Descendants(TeiNs + "lb"), lb => Assert.NotNull(lb.Attribute("facs")));
        Assert.True(pointers > 1000, pointers.ToString());
    }

    [Fact]
    public void TheSameEditionGivesTheSameBytes()
    {
        Assert.Equal(Books.Tei(Books.Pascal), Books.Tei(Books.Pascal));
    }

    [Fact]
    public void TheHeaderNamesTheBookTheToolTheDateAndTheSource()
    {
        var tei = new TeiDoc(Books.Tei(Books.Pamphlet));
        var file = tei.Document.Root!.Element(TeiNs + "teiHeader")!.Element(TeiNs + "fileDesc")!;
        Assert.Equal("Soviet Communism: Dictatorship or Democracy?", file.Element(TeiNs + "titleStmt")!.Element(TeiNs + "title")!.Value);
        Assert.Equal(new[] { "Sidney Webb", "Beatrice Webb" }, file.Element(TeiNs + "titleStmt")!.Elements(TeiNs + "author").Select(a => a.Value));
        var edition = file.Element(TeiNs + "editionStmt")!.Element(TeiNs + "edition")!;
        Assert.Equal("9.9.9", (string?)edition.Attribute("n"));
        Assert.Equal("2024-05-06", (string?)edition.Element(TeiNs + "date")!.Attribute("when"));
        var print = file.Element(TeiNs + "sourceDesc")!.Elements(TeiNs + "bibl").Single(b => (string?)b.Attribute("type") == "print");
        Assert.Equal("1936", (string?)print.Element(TeiNs + "date")!.Attribute("when"));
        // One category per kind of change, and the principles in editorialDecl.
        Assert.Equal(Enum.GetValues<EmendationKind>().Length, tei.All("category").Count());
        Assert.Contains("Line-end hyphens", tei.Document.Root.Element(TeiNs + "teiHeader")!.Descendants(TeiNs + "editorialDecl").Single().Value);
    }

    /// <summary>Are the raw characters of <paramref name="inner"/> among those of <paramref name="outer"/>?</summary>
    private static bool Inside(Emendation inner, Emendation outer) =>
        inner.RawSegments.All(i => outer.RawSegments.Any(o => o.Start <= i.Start && i.End <= o.End));

    /// <summary>The raw characters under a raw branch: its text, the raw branches of the changes nested in it (those <paramref name="keep"/> takes, by record id), no readings.</summary>
    private static string RawOf(XElement e, Func<int, bool>? keep = null)
    {
        var sb = new System.Text.StringBuilder();
        void Walk(XElement el)
        {
            foreach (var node in el.Nodes())
            {
                if (node is XText t) sb.Append(t.Value);
                else if (node is XElement c && c.Name.LocalName is not ("corr" or "reg"))
                {
                    if (keep != null && (string?)c.Attribute(XNamespace.Xml + "id") is string id && id.StartsWith('e') && !keep(int.Parse(id[1..]))) continue;
                    Walk(c);
                }
            }
        }
        Walk(e);
        return sb.ToString();
    }

}
