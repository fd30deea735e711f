using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Edition.Model;
using Edition.Outputs.Markdown;
using Edition.Pdf.Layout;
using Edition.Pdf.Tests.Support;

namespace Edition.Pdf.Tests.Drawing;

/// <summary>The pamphlet's PDF, checked as a reader would with poppler's tools.</summary>
public partial class PamphletPdfTests
{
    [Fact]
    public void EveryFontIsEmbeddedAndNoneIsType3()
    {
        var lines = Pamphlet.Tool("pdffonts", Pamphlet.PdfPath).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Column widths come from the dashes under the header.
        var widths = lines[1].Split(' ').Select(d => d.Length).ToArray();
        var fonts = lines.Skip(2).ToList();
        Assert.True(fonts.Count >= 4, "too few fonts:\n" + string.Join('\n', lines));
        foreach (var line in fonts)
        {
            int at = widths[0] + 1;
            string type = line.Substring(at, widths[1]).Trim();
            at += widths[1] + 1 + widths[2] + 1;
            string embedded = line.Substring(at, widths[3]).Trim();
            Assert.Equal("yes", embedded);
            Assert.DoesNotContain("Type 3", type);
            Assert.Equal("CID TrueType", type);
            Assert.Contains("EBGaramond", line);
        }
    }

    [Fact]
    public void TheFontsAreSubset()
    {
        // Whole, the six EB Garamond files are some 1.9 MB; subset, the book is a fraction of that.
        Assert.True(Pamphlet.Pdf.Pdf.Length < 700_000, $"{Pamphlet.Pdf.Pdf.Length} bytes");
    }

    [Fact]
    public void InfoShowsTitleAuthorDateAndPageCount()
    {
        var info = Pamphlet.Tool("pdfinfo", Pamphlet.PdfPath);
        Assert.Matches(@"(?m)^Title:\s+Soviet Communism: Dictatorship or Democracy\?$", info);
        Assert.Matches(@"(?m)^Author:\s+Sidney Webb and Beatrice Webb$", info);
        Assert.Matches(@"(?m)^Subject:\s+A critical edition", info);
        Assert.Matches($@"(?m)^Pages:\s+{Pamphlet.Pdf.Book.Pages.Count}$", info);
        int year = PdfEdition.DateFor(Pamphlet.Document.Book, new PdfOptions()).Year;
        Assert.Matches($@"(?m)^CreationDate:.* {year} UTC$", info);
        Assert.Contains("Metadata Stream: yes", info);
    }

    [Fact]
    public void TheBodyReadsBackAsTheEditionsWordsInOrder()
    {
        var expected = EditionWords(Pamphlet.Document);
        var actual = BodyWords();
        int i = 0, j = 0;
        while (i < expected.Count && j < actual.Count)
        {
            string e = expected[i], a = actual[j];
            if (e == a) { i++; j++; continue; }
            string next = j + 1 < actual.Count ? actual[j + 1] : "";
            // A word this edition broke at a line end: "con-" "stitution", or "self-" "government".
            if (a.EndsWith('-') && (a[..^1] + next == e || a + next == e)) { i++; j += 2; continue; }
            // A line ending after a dash of the text: "instructions—" "to".
            if (a.EndsWith('\u2014') && a + next == e) { i++; j += 2; continue; }
            Assert.Fail($"word {i}: expected '{e}', read '{a}'\n  expected: {string.Join(' ', expected.Skip(Math.Max(0, i - 8)).Take(16))}\n  read:     {string.Join(' ', actual.Skip(Math.Max(0, j - 8)).Take(16))}");
        }
        Assert.Equal(expected.Count, i);
        Assert.Equal(actual.Count, j);
    }

    [Fact]
    public void CopiedTextHasNoLigatureCharacters()
    {
        var text = Pamphlet.Tool("pdftotext", "-enc", "UTF-8", Pamphlet.PdfPath, "-");
        Assert.DoesNotContain(text, c => c >= '\uFB00' && c <= '\uFB06');
        // Words the font sets with its 'ffi', 'fi' and 'fl' forms read as their letters.
        Assert.Contains("office", text);
        Assert.Contains("fifteen", text);
        Assert.Contains("difficulty", text);
    }

    [Fact]
    public void TheSourcePaginationStandsInTheMargin()
    {
        var text = Pamphlet.Tool("pdftotext", "-enc", "UTF-8", Pamphlet.PdfPath, "-");
        var breaks = Pamphlet.Document.Body.SelectMany(b => b.Pieces).Where(p => p.Kind == PieceKind.PageBreak).Select(p => p.BreakPage!.Number).ToList();
        Assert.NotEmpty(breaks);
        foreach (int n in breaks) Assert.Contains($"[{n}]", text);
    }

    [Fact]
    public void TheOutlineListsEveryHeadingAtItsPage()
    {
        var xml = Pamphlet.Tool("pdftohtml", "-xml", "-i", "-stdout", "-q", "-f", "1", "-l", "1", Pamphlet.PdfPath);
        var items = OutlineItem().Matches(xml).Select(m => (Page: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Title: System.Net.WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        var headings = Pamphlet.Document.Body.OfType<Heading>().Select(h => Plain(MarkdownWriter.Render(h.Pieces, 0, null)).Trim()).ToList();
        foreach (var h in headings) Assert.Contains(items, it => it.Title == h);
        Assert.Contains(items, it => it.Title == "Contents");
        Assert.Contains(items, it => it.Title == "Apparatus");
        Assert.Contains(items, it => it.Title == "Editorial Principles");
        // Each heading's bookmark opens the page that prints it.
        var book = Pamphlet.Pdf.Book;
        foreach (var entry in book.Outline.Where(e => e.Level >= 1 && e.PageIndex >= 0))
            Assert.True(items.Any(it => it.Title == entry.Text && it.Page == entry.PageIndex + 1),
                $"no bookmark '{entry.Text}' at page {entry.PageIndex + 1}: {string.Join("; ", items.Select(it => it.Title + " " + it.Page))}");
    }

    [Fact]
    public void NoteReferencesAndContentsLinkToTheirTargets()
    {
        string raw = Encoding.Latin1.GetString(Pamphlet.Pdf.Pdf);
        int links = Regex.Matches(raw, @"/Subtype /Link").Count;
        int notes = Pamphlet.Document.Notes.Count;
        int headings = Pamphlet.Document.Body.OfType<Heading>().Count();
        // Each note: reference to note and back; each contents entry: its text and its page number.
        Assert.True(links >= 2 * notes + 2 * headings, $"{links} links for {notes} notes and {headings} headings");
        Assert.Contains("/note-1 [", raw);
        Assert.Contains("/ref-1 [", raw);
    }

    [Fact]
    public void TheSameDocumentMakesTheSameBytes()
    {
        var again = PdfEdition.Write(Pamphlet.Document);
        Assert.Equal(Pamphlet.Pdf.Pdf.Length, again.Length);
        Assert.True(Pamphlet.Pdf.Pdf.AsSpan().SequenceEqual(again), "two builds of the pamphlet differ");
    }

    [Fact]
    public void APageWithTwoNotesIsRenderedAsAnArtefact()
    {
        var page = Pamphlet.Pdf.Book.Pages.First(p => p.Body != null && p.Body.NoteLines.Select(n => n.Note).Distinct().Count() >= 2);
        string prefix = Path.Combine(Pamphlet.ArtefactFolder, "page");
        string number = (page.Index + 1).ToString(CultureInfo.InvariantCulture);
        Pamphlet.Tool("pdftoppm", "-png", "-r", "80", "-f", number, "-l", number, "-singlefile", Pamphlet.PdfPath, prefix);
        var png = File.ReadAllBytes(prefix + ".png");
        Assert.True(png.Length > 20_000, $"{png.Length} bytes: a blank page?");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Take(4).ToArray());
    }

    // ---- Reading back ----

    /// <summary>The edition's running text (headings and paragraphs, notes aside) as the Markdown edition reads it, word by word.</summary>
    public static List<string> EditionWords(Document document)
    {
        var words = new List<string>();
        foreach (var block in document.Body)
        {
            var text = Plain(MarkdownWriter.Render(block.Pieces, 0, new List<Note>()));
            words.AddRange(text.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
        }
        return words;
    }

    /// <summary>Markdown to plain text: page-break spans out, note references as their numbers, escapes undone.</summary>
    private static string Plain(string markdown)
    {
        string s = PageBreakSpan().Replace(markdown, "");
        s = NoteReference().Replace(s, "$1");
        s = Escape().Replace(s, "$1");
        return s;
    }

    /// <summary>Words poppler reads inside the running text's area of each page of the body.</summary>
    private static List<string> BodyWords()
    {
        string html = Pamphlet.Tool("pdftotext", "-bbox", "-enc", "UTF-8", Pamphlet.PdfPath, "-");
        var pages = html.Split("<page ").Skip(1).ToList();
        var words = new List<string>();
        foreach (var content in Pamphlet.Pdf.Book.Pages.Where(p => p.Role == PageRole.Body))
        {
            var (left, top, right, bottom) = content.BodyArea;
            foreach (Match m in Word().Matches(pages[content.Index]))
            {
                float x0 = float.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), y0 = float.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                float x1 = float.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), y1 = float.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture);
                if (x0 < left || x1 > right || y0 < top || y1 > bottom) continue;
                words.Add(System.Net.WebUtility.HtmlDecode(m.Groups[5].Value));
            }
        }
        return words;
    }

    [GeneratedRegex(@"<word xMin=""([\d.]+)"" yMin=""([\d.]+)"" xMax=""([\d.]+)"" yMax=""([\d.]+)"">(.*?)</word>")]
    private static partial Regex Word();

    [GeneratedRegex(@"\[\]\{\.pb n=""\d+""\}")]
    private static partial Regex PageBreakSpan();

    [GeneratedRegex(@"\[\^(\d+)\]")]
    private static partial Regex NoteReference();

    [GeneratedRegex(@"\\(.)")]
    private static partial Regex Escape();

    [GeneratedRegex(@"<item page=""(\d+)"">(.*?)</item>")]
    private static partial Regex OutlineItem();
}
