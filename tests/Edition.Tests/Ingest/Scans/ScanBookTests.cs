using Edition.Cli;
using Edition.Ingest;
using Edition.Outputs.Rebuild;
using Edition.Tests.Support;

namespace Edition.Tests.Ingest.Scans;

/// <summary>Books whose input is hOCR or ALTO: found in the folder, read into the model with geometry, rebuilt.</summary>
[Collection("Console")]
public class ScanBookTests
{
    private static string HocrPage(string image, int folio, params string[][] paragraphs)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append($"<html><body><div class='ocr_page' title='image \"{image}\"; bbox 0 0 1000 1600; ppageno {folio - 1}'>\n");
        sb.Append($"<div class='ocr_carea'><p class='ocr_par'><span class='ocr_header' title='bbox 100 40 900 80; x_size 30'>"
                  + $"<span class='ocrx_word' title='bbox 100 40 160 80; x_wconf 90'>{folio}</span> "
                  + "<span class='ocrx_word' title='bbox 400 40 900 80; x_wconf 90'>THE&#160;BOOK</span></span></p></div>\n");
        int y = 200;
        foreach (var paragraph in paragraphs)
        {
            sb.Append("<div class='ocr_carea'><p class='ocr_par'>");
            foreach (var line in paragraph)
            {
                sb.Append($"<span class='ocr_line' title='bbox 100 {y} 900 {y + 40}; x_size 40'>");
                int x = 100;
                foreach (var word in line.Split(' '))
                {
                    sb.Append($"<span class='ocrx_word' title='bbox {x} {y} {x + 20 * word.Length} {y + 40}; x_wconf 93'>{System.Net.WebUtility.HtmlEncode(word)}</span> ");
                    x += 20 * word.Length + 15;
                }
                sb.Append("</span>\n");
                y += 50;
            }
            sb.Append("</p></div>\n");
        }
        sb.Append("</div></body></html>\n");
        return sb.ToString();
    }

    private static TempFolder HocrBook(string name = "hocr-book")
    {
        var folder = new TempFolder(name);
        folder.Write("pages/p1.png", [1]);
        folder.Write("pages/p2.png", [2]);
        folder.Write("hocr/p1.hocr", HocrPage("../pages/p1.png", 1,
            ["The island was once the favorite resort of the pirates of the Spanish", "Main, who found in its inlets a safe refuge from the conse-", "quences of their crimes & worse."],
            ["Chief among the planters was an English Quaker."]));
        folder.Write("hocr/p2.hocr", HocrPage("../pages/p2.png", 2,
            ["whose son, William Thornton, was born in 1759 \u2014 and went to Scotland."]));
        folder.Write("reference.txt", "not the input\n");
        folder.Write("book.toml", "title = \"The Book\"\nlanguage = \"en\"\nsource = \"hocr/\"\n");
        return folder;
    }

    [Fact]
    public void A_folder_of_hOCR_pages_is_read_in_name_order_with_its_geometry()
    {
        using var folder = HocrBook();
        var book = BookFolder.Open(folder.Path);
        Assert.Equal(InputKind.Hocr, book.Kind);
        Assert.False(book.IsImageBook);
        Assert.Equal(new[] { "p1.hocr", "p2.hocr" }, book.Files.Select(Path.GetFileName));

        var doc = book.Read();
        Assert.Equal(2, doc.Pages.Count);
        Assert.StartsWith("1 THE BOOK\n\nThe island was", doc.Source.Text);
        Assert.Contains("crimes & worse.\n\nChief among", doc.Source.Text);
        Assert.Contains("\n\f2 THE BOOK\n", doc.Source.Text);
        var scan = Assert.IsType<Edition.Model.ScanGeometry>(doc.Scan);
        Assert.Equal(new[] { 1, 2 }, scan.Pages.Select(p => p.Index));
        Assert.Equal(Path.Combine(folder.Path, "pages", "p2.png"), scan.Page(2)!.ImagePath);
        int thornton = doc.Source.Text.IndexOf("Thornton", StringComparison.Ordinal);
        var word = scan.WordAt(thornton)!;
        Assert.Equal("Thornton,", doc.Source.Slice(word.Start, word.End));
        Assert.Equal(2, scan.PageOf(word)!.Index);
        Assert.Equal(0.93, word.Confidence);
    }

    [Fact]
    public void Image_paths_stay_relative_when_the_book_is_named_relative()
    {
        using var folder = HocrBook();
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, folder.Path);
        Assert.False(Path.IsPathRooted(relative));
        var book = BookFolder.Open(relative);
        Assert.Equal(Path.Combine(relative, "hocr"), book.TextPath);
        Assert.All(book.Files, f => Assert.False(Path.IsPathRooted(f)));
        var doc = book.Read();
        Assert.Equal(Path.Combine(relative, "pages", "p1.png"), doc.Scan!.Page(1)!.ImagePath);
    }

    [Fact]
    public void An_hOCR_book_goes_through_every_stage_and_is_rebuilt_from_its_edition()
    {
        using var folder = HocrBook();
        var result = EditionBuild.Edit(BookFolder.Open(folder.Path), Books.Words);
        var doc = result.Document;
        var rebuilt = RawRebuilder.Rebuild(doc);
        Assert.True(rebuilt.Ok, string.Join("\n", rebuilt.Problems));
        Assert.Equal(doc.Source.Text, rebuilt.Text);
        // The stages ran: the running heads are furniture, the line-end hyphen is joined.
        string md = global::Edition.Outputs.Markdown.MarkdownWriter.Write(doc);
        Assert.Contains("consequences", md);
        Assert.DoesNotContain("THE BOOK", md);
    }

    [Fact]
    public void A_single_hOCR_or_ALTO_file_may_be_the_source()
    {
        using var folder = new TempFolder("book");
        folder.Write("scan.html", HocrPage("missing.png", 1, ["A single page of words."]));
        folder.Write("notes.txt", "the editor's notes\n");
        folder.Write("book.toml", "source = \"scan.html\"\n");
        var book = BookFolder.Open(folder.Path);
        Assert.Equal(InputKind.Hocr, book.Kind);
        var doc = book.Read();
        Assert.Contains("A single page of words.", doc.Source.Text);
        Assert.Null(doc.Scan!.Page(1)!.ImagePath);

        folder.Write("alto.xml", "<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v2#\"><Layout><Page WIDTH=\"10\" HEIGHT=\"10\"><PrintSpace><TextBlock><TextLine>"
            + "<String CONTENT=\"Altogether\" HPOS=\"1\" VPOS=\"1\" WIDTH=\"5\" HEIGHT=\"5\" WC=\"0.25\"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>");
        folder.Write("book.toml", "source = \"alto.xml\"\n");
        book = BookFolder.Open(folder.Path);
        Assert.Equal(InputKind.Alto, book.Kind);
        doc = book.Read();
        Assert.Equal("Altogether\n", doc.Source.Text);
        Assert.Equal(0.25, doc.Scan!.WordAt(0)!.Confidence);
    }

    [Fact]
    public void A_folder_of_ALTO_files_is_found_and_other_xml_is_not_taken_for_it()
    {
        using var folder = new TempFolder("book");
        folder.Write("b.xml", "<alto><Layout><Page><PrintSpace><TextBlock><TextLine><String CONTENT=\"second\"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>");
        folder.Write("a.xml", "<alto><Layout><Page><PrintSpace><TextBlock><TextLine><String CONTENT=\"first\"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>");
        folder.Write("meta.xml", "<mets><dmdSec/></mets>");
        Assert.True(BookFolder.IsBookFolder(folder.Path));
        var book = BookFolder.Open(folder.Path);
        Assert.Equal(InputKind.Alto, book.Kind);
        Assert.Equal(new[] { "a.xml", "b.xml" }, book.Files.Select(Path.GetFileName));
        Assert.Equal("first\n\fsecond\n", book.Read().Source.Text);
    }

    [Fact]
    public void An_html_file_is_hOCR_only_when_it_holds_an_ocr_page()
    {
        using var folder = new TempFolder("book");
        folder.Write("index.html", "<html><body><p>A web page about the book.</p></body></html>");
        folder.Write("page-2.htm", HocrPage("p2.png", 2, ["Second."]));
        folder.Write("page-1.html", HocrPage("p1.png", 1, ["First."]));
        var book = BookFolder.Open(folder.Path);
        Assert.Equal(InputKind.Hocr, book.Kind);
        Assert.Equal(new[] { "page-1.html", "page-2.htm" }, book.Files.Select(Path.GetFileName));
    }

    [Fact]
    public void ALTO_in_tenths_of_a_millimetre_takes_the_resolution_from_book_toml()
    {
        using var folder = new TempFolder("book");
        string alto = folder.Write("p1.xml", "<alto><Description><MeasurementUnit>mm10</MeasurementUnit></Description><Layout><Page WIDTH=\"2540\" HEIGHT=\"2540\">"
            + "<PrintSpace><TextBlock><TextLine><String CONTENT=\"Word\" HPOS=\"254\" VPOS=\"254\" WIDTH=\"254\" HEIGHT=\"127\"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>");
        var e = Assert.Throws<InputException>(() => BookFolder.Open(folder.Path).Read());
        Assert.Equal(alto, e.FilePath);
        folder.Write("book.toml", "dpi = 400\n");
        var doc = BookFolder.Open(folder.Path).Read();
        Assert.Equal(new Edition.Model.Box(400, 400, 800, 600), doc.Scan!.WordAt(0)!.Box);
        Assert.Equal(4000, doc.Scan.Page(1)!.Width);
        folder.Write("book.toml", "dpi = 0\n");
        Assert.Contains("'dpi'", Assert.Throws<InputException>(() => BookFolder.Open(folder.Path)).Message);
    }

    [Fact]
    public void Text_beside_hOCR_or_hOCR_beside_ALTO_needs_a_source()
    {
        using var folder = new TempFolder("book");
        folder.Write("p1.hocr", HocrPage("p1.png", 1, ["Words."]));
        folder.Write("scan.txt", "Words.\n");
        var e = Assert.Throws<InputException>(() => BookFolder.Open(folder.Path));
        Assert.Contains("hOCR", e.Message);
        Assert.Contains("source", e.Message);

        File.Delete(Path.Combine(folder.Path, "scan.txt"));
        folder.Write("p1.xml", "<alto><Layout><Page/></Layout></alto>");
        e = Assert.Throws<InputException>(() => BookFolder.Open(folder.Path));
        Assert.Contains("both hOCR and ALTO", e.Message);
    }

    [Fact]
    public void A_malformed_hOCR_book_fails_the_build_with_one_line_naming_the_file_and_exit_2()
    {
        using var folder = new TempFolder("bad-book");
        string bad = folder.Write("p2.hocr", "<div class='ocr_page' title='bbox 0 0 x 10'></div>");
        folder.Write("p1.hocr", HocrPage("p1.png", 1, ["Words."]));
        string outFolder = Path.Combine(folder.Root, "out");
        var (oldOut, oldError) = (Console.Out, Console.Error);
        var error = new StringWriter();
        int code;
        try
        {
            Console.SetOut(new StringWriter());
            Console.SetError(error);
            code = Program.Main(["build", folder.Path, "--out", outFolder]);
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
        Assert.Equal(2, code);
        Assert.Equal($"edition: {bad}: is not valid hOCR: bad bbox \"0 0 x 10\" on div.ocr_page", error.ToString().TrimEnd('\n'));
        Assert.False(Directory.Exists(outFolder));
    }
}
