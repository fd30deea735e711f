using System.Globalization;
using Edition.Exchange.Principles;
using Edition.Exchange.Xml;
using Edition.Model;

namespace Edition.Exchange.Tei;

/// <summary>
/// The <c>teiHeader</c>: the book and this edition of it (<c>fileDesc</c>: title, authors, who made each
/// kind of change, the edition statement with tool, version and date, the printed source and its OCR),
/// how it is encoded (<c>encodingDesc</c>: the editorial principles, one <c>category</c> per kind of
/// change, the characters XML cannot hold), and its language.
/// </summary>
internal static class TeiHeader
{
    /// <summary>What each stage does, for its <c>respStmt</c> (a stage not listed is named only).</summary>
    private static string StageWork(string stage) => stage switch
    {
        "page-furniture" => "takes running heads, page numbers and signatures out of the text and calibrates the page numbers",
        "footnotes" => "finds the notes at the foot of each page and links them to their markers",
        "paragraphs" => "joins the lines into paragraphs and headings across page turns",
        "split-words" => "closes up drop capitals, letter-spaced words and words split by the scan",
        "hyphenation" => "joins words broken at line ends, keeping or dropping the hyphen",
        "punctuation-spacing" => "closes up spaces before punctuation and inside quotation marks and brackets",
        "misreadings" => "corrects clear misreadings of the OCR and flags doubtful ones",
        "editorial" => "applies the editor's corrections from the book's configuration",
        _ => "the " + stage + " stage",
    };

    public static void Write(XmlOut x, Document document, TeiOptions options, IReadOnlyCollection<int> forbidden)
    {
        var book = document.Book;
        x.Line(1).Open("teiHeader");
        x.Line(2).Open("fileDesc");

        x.Line(3).Open("titleStmt");
        x.Line(4).Element("title", Title(book));
        foreach (var a in book.Authors) x.Line(4).Element("author", a);
        foreach (var stage in document.Apparatus.Where(e => TeiEncoding.RespId(e) != TeiEncoding.EditorId).Select(e => e.Stage).Distinct())
        {
            x.Line(4).Open("respStmt", ("xml:id", TeiEncoding.StageId(stage)));
            x.Element("resp", $"the {stage} stage: {StageWork(stage)}");
            x.Element("name", Tool(options));
            x.Close("respStmt");
        }
        if (document.Apparatus.Any(e => TeiEncoding.RespId(e) == TeiEncoding.EditorId))
        {
            x.Line(4).Open("respStmt", ("xml:id", TeiEncoding.EditorId));
            x.Element("resp", "corrections of their own, listed in the book's configuration (book.toml)");
            x.Element("name", "the editor of this edition");
            x.Close("respStmt");
        }
        x.Line(3).Close("titleStmt");

        x.Line(3).Open("editionStmt");
        x.Line(4).Open("edition", ("n", options.ToolVersion));
        x.Text("A critical edition established from the OCR of the printed book by ");
        x.Element("name", "Edition", ("type", "software"));
        x.Text(" " + options.ToolVersion + ", ");
        string date = options.Date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        x.Element("date", date, ("when", date));
        x.Text(options.DateFromEnvironment ? " (SOURCE_DATE_EPOCH)." : " (the date of every build of this book: 1 January of the year of its printing, as no SOURCE_DATE_EPOCH was given).");
        x.Close("edition");
        x.Line(3).Close("editionStmt");

        x.Line(3).Open("publicationStmt");
        x.Line(4).Element("p", "Made by Edition from the OCR of a printed book, with every change to the OCR recorded in this file and in apparatus.json beside it.");
        x.Line(3).Close("publicationStmt");

        x.Line(3).Open("sourceDesc");
        x.Line(4).Open("bibl", ("type", "print"));
        x.Element("title", Title(book));
        foreach (var a in book.Authors) x.Element("author", a);
        if (book.Year is int year) x.Element("date", XmlOut.Number(year), ("when", year.ToString("0000", CultureInfo.InvariantCulture)));
        var pages = document.Pages;
        if (pages.Count > 0)
            x.Element("extent", $"{EditionPrinciples.Count(pages.Count, "page")}, cited as pages {XmlOut.Number(pages[0].Number)}–{XmlOut.Number(pages[^1].Number)}");
        x.Close("bibl");
        x.Line(4).Open("bibl", ("type", "ocr"));
        x.Element("title", Path.GetFileName(document.Source.Path));
        x.Element("note", document.Scan != null
            ? $"The OCR of {EditionPrinciples.Count(document.Scan.Pages.Count, "page image")}, read with the box of every line and word and the OCR's confidence; the raw text is laid out as Tesseract lays out its own (a form feed between pages)."
            : "The OCR text of the printed book, as given.", ("type", "input"));
        x.Element("note", document.Source.Encoding, ("type", "encoding"));
        x.Element("note", document.Source.HasByteOrderMark ? "yes" : "no", ("type", "byte-order-mark"));
        x.Element("extent", EditionPrinciples.Count(document.Source.Length, "character") + ", " + EditionPrinciples.Count(document.Source.LineCount, "line"));
        x.Close("bibl");
        x.Line(3).Close("sourceDesc");
        x.Line(2).Close("fileDesc");

        x.Line(2).Open("encodingDesc");
        x.Line(3).Open("appInfo");
        x.Line(4).Open("application", ("ident", "edition"), ("version", options.ToolVersion));
        x.Element("label", "Edition");
        x.Close("application");
        x.Line(3).Close("appInfo");
        EditorialDecl(x, document);
        Taxonomy(x, document);
        if (forbidden.Count > 0)
        {
            x.Line(3).Open("charDecl");
            foreach (int c in forbidden.OrderBy(c => c))
            {
                x.Line(4).Open("char", ("xml:id", TeiText.CharId(c)));
                x.Element("charName", TeiText.CharName(c));
                x.Element("desc", "A character of the OCR text that XML cannot hold, written as a g that points here. " + TeiText.CharUse(c));
                x.Element("mapping", TeiText.CodePoint(c), ("type", "codepoint"));
                x.Close("char");
            }
            x.Line(3).Close("charDecl");
        }
        x.Line(2).Close("encodingDesc");

        x.Line(2).Open("profileDesc");
        x.Line(3).Open("langUsage");
        x.Line(4).Element("language", book.Language, ("ident", book.Language));
        x.Line(3).Close("langUsage");
        x.Line(2).Close("profileDesc");
        x.Line(1).Close("teiHeader");
    }

    private static void EditorialDecl(XmlOut x, Document document)
    {
        var kinds = EditionPrinciples.Kinds(document);
        x.Line(3).Open("editorialDecl");
        x.Line(4).Open("p");
        Marked(x, EditionPrinciples.Statement(document));
        x.Close("p");

        x.Line(4).Open("correction", ("method", "markup"));
        x.Line(5).Element("p", "Errors of the OCR put right, and the editor's own corrections, are choice elements holding the OCR's reading in sic and ours in corr; "
            + "corr carries resp (the stage that made the change, or the editor), cert (high, medium or low, from the rule's confidence; low for a doubtful change) and type (the rule). "
            + "A reading the rules could not settle and left as printed is an unclear element with the same attributes and the rule as its reason. "
            + "Each change has the id of its record in apparatus.json (e12 for record 12), points with ana at the category of its kind, and, for a book from page images, with facs at the zones of the words it changed; "
            + "the apparatus at the back gives the evidence for each.");
        foreach (var k in kinds.Where(k => TeiEncoding.PairOf(k.Kind) == TeiEncoding.Correction && k.Kind != EmendationKind.Furniture))
            KindParagraph(x, k);
        x.Line(5).Element("p", EditionPrinciples.Doubtful(document));
        x.Line(4).Close("correction");

        x.Line(4).Open("normalization", ("method", "markup"));
        x.Line(5).Element("p", "Changes to the OCR's layout rather than its text are choice elements holding the OCR's reading in orig and ours in reg, with the same attributes as corr.");
        foreach (var k in kinds.Where(k => TeiEncoding.PairOf(k.Kind) == TeiEncoding.Regularisation))
            KindParagraph(x, k);
        x.Line(4).Close("normalization");

        x.Line(4).Open("hyphenation", ("eol", "all"));
        x.Line(5).Element("p", "Every hyphen the OCR read at a line end is kept in orig, with the lb of the next line after it (break=\"no\" is not used: "
            + "whether the hyphen is the printer's or the word's is what reg decides). reg gives the word joined, with its hyphen only where the word has one in its own right.");
        x.Line(4).Close("hyphenation");

        x.Line(4).Open("segmentation");
        x.Line(5).Element("p", "Every line of the OCR text opens with lb, whose n is its line number in the OCR text (the line of apparatus.json) and whose facs, for a book from page images, points at the zone of the line. "
            + "pb marks where each page of the print begins, n giving its cited number (as printed, or counted from its neighbours). "
            + "Running heads, page numbers and signatures are kept as fw (type header, pageNum or sig; place top or bottom) after the pb of their page or before the next, with the id of their record; "
            + "each note stands at its reference as note place=\"foot\", n being its number through the book, the printed marker kept as a regularised choice at its reference and at the note's start.");
        foreach (var k in EditionPrinciples.Kinds(document).Where(k => k.Kind == EmendationKind.Furniture)) KindParagraph(x, k);
        x.Line(5).Element("p", "Whitespace: the OCR's own spaces and line breaks are kept as they are in the text of the body, so that the body holds every character of the OCR text; "
            + "a reader of the TEI collapses them to one space, as the edition's reading does. Only a change of spacing that the reading makes (a space taken out before a mark of punctuation) is a choice. "
            + "Encoding every space and line break as orig and reg would multiply the size of the file for no gain: the layout is recoverable from the text, and lb marks each line. "
            + "A carriage return is written as a character reference; the few characters XML cannot hold (the form feed between the OCR's pages) are g elements declared in charDecl.");
        x.Line(5).Element("p", "The OCR text is rebuilt from this file alone by reading the body in document order, taking sic and orig (never corr or reg), fw, the text of g from its charDecl mapping, "
            + "and putting each stretch of text on the source line of the lb before it within its note or fw: notes and forme work carry their own lines, and a stable sort by line restores the OCR's order.");
        x.Line(4).Close("segmentation");
        x.Line(3).Close("editorialDecl");
    }

    private static void KindParagraph(XmlOut x, EditionPrinciples.KindSummary k)
    {
        if (k.Count == 0) return;
        x.Line(5).Open("p", ("corresp", "#" + TeiEncoding.CategoryId(k.Kind)));
        x.Element("term", k.Label);
        x.Text($" ({k.Count.ToString(CultureInfo.InvariantCulture)}). {k.Description} {EditionPrinciples.RulesLine(k)}");
        x.Close("p");
    }

    private static void Taxonomy(XmlOut x, Document document)
    {
        x.Line(3).Open("classDecl");
        x.Line(4).Open("taxonomy", ("xml:id", "kinds"));
        foreach (var k in EditionPrinciples.Kinds(document))
        {
            x.Line(5).Open("category", ("xml:id", TeiEncoding.CategoryId(k.Kind)), ("n", k.Name));
            x.Element("catDesc", $"{k.Label}: {k.Description}");
            x.Close("category");
        }
        x.Line(4).Close("taxonomy");
        x.Line(3).Close("classDecl");
    }

    /// <summary>Text with its <c>*…*</c> marks as <c>title</c>.</summary>
    private static void Marked(XmlOut x, string marked)
    {
        foreach (var (text, italic) in EditionPrinciples.Runs(marked))
            if (italic) x.Element("title", text); else x.Text(text);
    }

    public static string Title(Book book) => book.Title.Length > 0 ? book.Title : book.Id;

    private static string Tool(TeiOptions options) => "Edition " + options.ToolVersion;
}
