using System.Globalization;
using System.Text.RegularExpressions;
using Edition.Exchange.Principles;
using Edition.Exchange.Xml;
using Edition.Model;
using Edition.Pdf.Layout;
using PdfPrinciples = Edition.Pdf.Layout.Principles;

namespace Edition.Exchange.Epub;

/// <summary>The EPUB's front and back matter: title page, editorial principles, apparatus, the fonts' licence.</summary>
internal static partial class EpubMatter
{
    public const string TitleFile = "title.xhtml";
    public const string PrinciplesFile = "principles.xhtml";
    public const string ApparatusFile = "apparatus.xhtml";
    public const string LicenceFile = "licence.xhtml";

    public static string Title(Book book) => book.Title.Length > 0 ? book.Title : book.Id;

    public static string TitlePage(Document document, EpubOptions options)
    {
        var book = document.Book;
        var x = new XmlOut();
        x.Line(1).Open("section", ("epub:type", "titlepage"), ("class", "titlepage"));
        string title = Title(book), main = title, sub = "";
        int colon = title.IndexOf(':');
        if (colon > 0) { main = title[..colon].Trim(); sub = title[(colon + 1)..].Trim(); }
        x.Line(2).Open("h1", ("class", "title"));
        x.Text(main);
        if (sub.Length > 0)
        {
            x.Open("span", ("class", "subtitle"));
            x.Text(sub);
            x.Close("span");
        }
        x.Close("h1");
        if (book.Authors.Count > 0) x.Line(2).Element("p", EditionPrinciples.Authors(book), ("class", "authors"));
        if (book.Year is int year) x.Line(2).Element("p", "Printed " + XmlOut.Number(year), ("class", "printed"));
        x.Line(2).Open("p", ("class", "about"));
        // The date only when the build was given one: the fallback (the book's year) is no date of this edition.
        x.Text("A critical edition established from the OCR of the printed book by Edition " + options.ToolVersion
               + (options.DateFromEnvironment ? ", " + options.Date.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : "") + ". ");
        var pages = document.Pages;
        if (pages.Count > 0)
            x.Text($"The numbers in square brackets, such as [{XmlOut.Number(pages[0].Number)}], mark where the pages of the print begin ({XmlOut.Number(pages[0].Number)}–{XmlOut.Number(pages[^1].Number)}). ");
        x.Text("Every change to the OCR is recorded: see the ");
        x.Element("a", "editorial principles", ("href", PrinciplesFile));
        x.Text(" and the ");
        x.Element("a", "apparatus", ("href", ApparatusFile));
        x.Text(".");
        x.Close("p");
        x.Line(1).Close("section");
        return XhtmlPage.Write(book.Language, Title(book), "frontmatter", x.ToString());
    }

    public static string PrinciplesPage(Document document)
    {
        var book = document.Book;
        var x = new XmlOut();
        x.Line(1).Open("section", ("epub:type", "appendix"), ("class", "principles"));
        x.Line(2).Element("h1", "Editorial principles");
        x.Line(2).Open("p");
        Marked(x, EditionPrinciples.Statement(document));
        x.Close("p");
        var pages = document.Pages;
        if (pages.Count > 0)
        {
            int printed = pages.Count(p => p.NumberSource == PageNumberSource.Printed);
            x.Line(2).Element("p", $"The numbers in square brackets mark where each of the {EditionPrinciples.Count(pages.Count, "page")} of the print begins "
                + $"({XmlOut.Number(pages[0].Number)}–{XmlOut.Number(pages[^1].Number)}); readers that show the pages of a printed book use them too, so that a citation of the print can be found. "
                + $"Page numbers the OCR could read ({XmlOut.Number(printed)}) are used as printed; the others are counted from their neighbours or from the book’s first page.");
        }
        x.Line(2).Element("p", $"The notes, marked in the print by asterisks, daggers, figures and other signs, are numbered through the book ({EditionPrinciples.Count(document.Notes.Count, "note")}); "
            + "each number in the text opens its note, and the note’s number leads back.");
        var kinds = EditionPrinciples.Kinds(document).Where(k => k.Count > 0).ToList();
        if (kinds.Count > 0)
        {
            x.Line(2).Element("h2", "Changes to the OCR");
            x.Line(2).Element("p", "Each kind of change is listed with the number made, what it does and the rules that made it.");
            x.Line(2).Open("dl", ("class", "kinds"));
            foreach (var k in kinds)
            {
                x.Line(3).Element("dt", $"{k.Label} ({XmlOut.Number(k.Count)})");
                x.Line(3).Element("dd", $"{k.Description} {EditionPrinciples.RulesLine(k)}");
            }
            x.Line(2).Close("dl");
        }
        x.Line(2).Element("p", EditionPrinciples.Doubtful(document));
        x.Line(2).Open("p");
        x.Text("The ");
        x.Element("a", "apparatus", ("href", ApparatusFile));
        x.Text(" lists every change to the words of the text and every doubtful reading, keyed to its place. Running heads and page numbers taken out, "
               + "note markers numbered and spaces closed up are made silently here; they are listed with every other change and its evidence in apparatus.json and in the TEI edition that accompany this book.");
        x.Close("p");
        x.Line(1).Close("section");
        return XhtmlPage.Write(book.Language, "Editorial principles", "backmatter", x.ToString());
    }

    public static string ApparatusPage(Document document, EpubText text)
    {
        var x = new XmlOut();
        x.Line(1).Open("section", ("epub:type", "appendix"), ("class", "apparatus"));
        x.Line(2).Element("h1", "Apparatus");
        x.Line(2).Element("p", "Each entry gives the page of the print, the reading of this edition, a square bracket, then what the OCR read (a vertical bar marks the end of a line of the OCR; om. marks nothing). "
            + "The page number leads to the place in the text. Doubtful readings give the reason for the doubt.");
        var groups = document.Apparatus.Where(PdfPrinciples.IsRecorded).GroupBy(PdfPrinciples.GroupOf).OrderBy(g => g.Key).ToList();
        if (groups.Count == 0) x.Line(2).Element("p", "No change to the words of the text was made.");
        foreach (var g in groups)
        {
            x.Line(2).Element("h2", PdfPrinciples.Title(g.Key));
            x.Line(2).Open("ul", ("class", "entries"));
            foreach (var e in g.OrderBy(e => e.Page.Index).ThenBy(e => e.Start).ThenBy(e => e.Id))
            {
                x.Line(3).Open("li");
                string loc = XmlOut.Number(e.Page.Number);
                if (text.Place(e) is string href) x.Element("a", loc, ("href", href), ("class", "loc"));
                else x.Element("span", loc, ("class", "loc"));
                x.Text("\u2002");
                string lemma = ApparatusPages.Show(Lemma(e));
                if (lemma.Length == 0) x.Element("i", "om."); else x.Text(lemma);
                x.Text("] ");
                string raw = ApparatusPages.Show(e.Raw);
                if (raw.Length == 0) x.Element("i", "om."); else x.Text(raw);
                if (e.Status == EmendationStatus.Doubtful && e.Why.Length > 0)
                {
                    x.Text(" ");
                    x.Element("i", "\u2014 " + e.Why);
                }
                x.Close("li");
            }
            x.Line(2).Close("ul");
        }
        x.Line(1).Close("section");
        return XhtmlPage.Write(document.Book.Language, "Apparatus", "backmatter", x.ToString());
    }

    /// <summary>The edition's reading of a change: a note marker's record adds the Markdown's <c>[^N]</c>, which is not text.</summary>
    private static string Lemma(Emendation e) =>
        e.Kind == EmendationKind.NoteMarker ? NoteMark().Replace(e.Reading, "") : e.Reading;

    [GeneratedRegex(@"\[\^\d+\]$")]
    private static partial Regex NoteMark();

    public static string LicencePage(Book book, EpubFonts.Licence licence)
    {
        var x = new XmlOut();
        x.Line(1).Open("section", ("epub:type", "colophon"), ("class", "licence"));
        x.Line(2).Element("h1", "The type");
        x.Line(2).Element("p", $"The text is set in EB Garamond by Georg Duffner, copyright {licence.Copyright}, cut down to the characters this book uses. "
            + "The fonts are distributed under the SIL Open Font License, version 1.1, whose text follows.");
        x.Line(2).Element("pre", licence.Text, ("class", "licence-text"));
        x.Line(1).Close("section");
        return XhtmlPage.Write(book.Language, "The type", "backmatter", x.ToString());
    }

    private static void Marked(XmlOut x, string marked)
    {
        foreach (var (t, italic) in EditionPrinciples.Runs(marked))
            if (italic) x.Element("cite", t); else x.Text(t);
    }
}
