using Edition.Ingest;
using Edition.Ingest.Scans;
using Edition.Model;
using Edition.Tests.Support;

namespace Edition.Tests.Ingest.Scans;

public class HocrReaderTests
{
    // A hand-written page: a running head (ocr_header), a paragraph of two lines in one ocr_par, a
    // second ocr_par in the same block, and a footnote in a block of its own.
    private const string OnePage = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
        <html xmlns="http://www.w3.org/1999/xhtml"><head><title></title></head><body>
         <div class='ocr_page' id='page_1' title='image "p1.png"; bbox 0 0 1000 1600; ppageno 0'>
          <div class='ocr_carea' id='block_1_1' title="bbox 100 40 900 80">
           <p class='ocr_par' title="bbox 100 40 900 80">
            <span class='ocr_header' title="bbox 100 40 900 80; x_size 30">
             <span class='ocrx_word' title='bbox 100 40 140 80; x_wconf 91'>12</span>
             <span class='ocrx_word' title='bbox 400 40 900 80; x_wconf 47'>HISTORY</span>
            </span>
           </p>
          </div>
          <div class='ocr_carea' id='block_1_2' title="bbox 100 200 900 400">
           <p class='ocr_par' title="bbox 100 200 900 300">
            <span class='ocr_line' title="bbox 100 200 900 240; baseline 0 -5; x_size 42.5; x_descenders 10">
             <span class='ocrx_word' title='bbox 100 200 180 240; x_wconf 96'>The</span>
             <span class='ocrx_word' title='bbox 200 200 400 240; x_wconf 100'>island</span>
             <span class='ocrx_word' title='bbox 420 200 900 240; x_wconf 0'>was</span>
            </span>
            <span class='ocr_line' title="bbox 100 250 600 290; x_size 41">
             <span class='ocrx_word' title='bbox 100 250 600 290; x_wconf 88'>deserted.</span>
            </span>
           </p>
           <p class='ocr_par' title="bbox 100 320 900 360">
            <span class='ocr_line' title="bbox 140 320 900 360; x_size 42">
             <span class='ocrx_word' title='bbox 140 320 300 360; x_wconf 95'>Chief</span>
             <span class='ocrx_word' title='bbox 320 320 900 360; x_wconf 93'>among</span>
            </span>
           </p>
          </div>
          <div class='ocr_carea' id='block_1_3' title="bbox 100 1500 900 1530">
           <p class='ocr_par' title="bbox 100 1500 900 1530">
            <span class='ocr_line' title="bbox 100 1500 900 1530; x_size 24">
             <span class='ocrx_word' title='bbox 100 1500 150 1530; x_wconf 80'>1Pitman,</span>
             <span class='ocrx_word' title='bbox 160 1500 240 1530; x_wconf 82'>p.</span>
             <span class='ocrx_word' title='bbox 250 1500 330 1530; x_wconf 85'>383.</span>
            </span>
           </p>
          </div>
         </div>
        </body></html>
        """;

    [Fact]
    public void A_page_is_laid_out_as_Tesseract_lays_out_its_text()
    {
        var scan = HocrReader.Parse(OnePage, "book/p1.hocr");
        Assert.Equal("12 HISTORY\n\nThe island was\ndeserted.\n\nChief among\n\n1Pitman, p. 383.\n", scan.Text);
    }

    [Fact]
    public void Every_word_and_line_is_found_by_its_offset_with_its_box_confidence_and_size()
    {
        var scan = HocrReader.Parse(OnePage, "book/p1.hocr");
        var page = Assert.Single(scan.Geometry.Pages);
        Assert.Equal((1, 1000, 1600), (page.Index, page.Width, page.Height));
        Assert.Equal(new[] { "12", "HISTORY", "The", "island", "was", "deserted.", "Chief", "among", "1Pitman,", "p.", "383." },
            page.Words.Select(w => scan.Text[w.Start..w.End]));

        int island = scan.Text.IndexOf("island", StringComparison.Ordinal);
        var word = scan.Geometry.WordAt(island + 3)!;
        Assert.Equal(new Box(200, 200, 400, 240), word.Box);
        Assert.Equal(1.0, word.Confidence);
        Assert.Equal(0.0, scan.Geometry.WordAt(scan.Text.IndexOf("was", StringComparison.Ordinal))!.Confidence);
        Assert.Equal(0.47, scan.Geometry.WordAt(3)!.Confidence!.Value, 6);
        Assert.Null(scan.Geometry.WordAt(2)); // the space between "12" and "HISTORY"

        Assert.Equal(new[] { "12 HISTORY", "The island was", "deserted.", "Chief among", "1Pitman, p. 383." },
            page.Lines.Select(l => scan.Text[l.Start..l.End]));
        Assert.Equal(new double?[] { 30, 42.5, 41, 42, 24 }, page.Lines.Select(l => l.Size));
        Assert.Equal(new[] { 1, 2, 2, 3, 4 }, page.Lines.Select(l => l.Block));
        Assert.Equal(new Box(100, 250, 600, 290), scan.Geometry.LineAt(island + 12)!.Box);
        Assert.Equal(0.47, scan.Geometry.ConfidenceOf(0, 10));
    }

    [Fact]
    public void Entities_and_markup_inside_words_are_decoded()
    {
        const string html = """
            <div class='ocr_page' title='bbox 0 0 500 500'>
             <span class='ocr_line' title='bbox 0 0 500 40'>
              <span class='ocrx_word' title='bbox 0 0 90 40; x_wconf 90'>Smith&amp;Co&#x2014;&eacute;t&eacute;</span>
              <span class='ocrx_word' title='bbox 100 0 200 40; x_wconf 90'><strong>&lt;b&gt;</strong></span>
              <span class='ocrx_word' title='bbox 210 0 300 40; x_wconf 90'><em>&#8220;quoted&#8221;</em></span>
             </span>
            </div>
            """;
        var scan = HocrReader.Parse(html, "entities.hocr");
        Assert.Equal("Smith&Co—été <b> “quoted”\n", scan.Text);
        Assert.Equal(3, scan.Geometry.Pages[0].Words.Count);
        Assert.Equal("<b>", scan.Text[scan.Geometry.Pages[0].Words[1].Start..scan.Geometry.Pages[0].Words[1].End]);
    }

    [Fact]
    public void Several_pages_in_one_file_are_joined_by_form_feeds_and_name_their_images()
    {
        using var folder = new TempFolder("book");
        folder.Write("images/a.png", [1]);
        folder.Write("c.png", [3]);
        const string html = """
            <body>
             <div class='ocr_page' title='image "images/a.png"; bbox 0 0 800 1200; ppageno 0'>
              <p class='ocr_par'><span class='ocr_line' title='bbox 10 10 200 40; x_size 20'>
               <span class='ocrx_word' title='bbox 10 10 100 40; x_wconf 95'>First</span>
               <span class='ocrx_word' title='bbox 110 10 200 40; x_wconf 95'>page.</span></span></p>
             </div>
             <div class='ocr_page' title='image "images/missing.png"; bbox 0 0 900 1300; ppageno 1'></div>
             <div class='ocr_page' title='image "/nowhere/c.png"; bbox 0 0 700 1100; ppageno 2'>
              <p class='ocr_par'><span class='ocr_line' title='bbox 10 10 200 40'>
               <span class='ocrx_word' title='bbox 10 10 100 40; x_wconf 95'>Third</span></span></p>
             </div>
            </body>
            """;
        string path = folder.Write("all.hocr", html);
        var scan = HocrReader.Read(path);
        Assert.Equal("First page.\n\f\fThird\n", scan.Text);
        var pages = scan.Geometry.Pages;
        Assert.Equal(new[] { 1, 2, 3 }, pages.Select(p => p.Index));
        Assert.Equal(new[] { (800, 1200), (900, 1300), (700, 1100) }, pages.Select(p => (p.Width, p.Height)));
        Assert.Equal(Path.Combine(folder.Path, "images", "a.png"), pages[0].ImagePath);
        Assert.Null(pages[1].ImagePath);
        Assert.Equal(Path.Combine(folder.Path, "c.png"), pages[2].ImagePath); // another machine's path: found by its name beside the file
        Assert.Empty(pages[1].Words);
        int third = scan.Text.IndexOf("Third", StringComparison.Ordinal);
        Assert.Same(pages[2], scan.Geometry.PageOf(scan.Geometry.WordAt(third)!));
    }

    [Fact]
    public void A_line_without_word_elements_gives_its_words_the_line_box()
    {
        const string html = """
            <div class='ocr_page' title='bbox 0 0 500 500'>
             <div class='ocr_carea'><span class='ocr_line' title='bbox 5 6 400 30; x_size 18'>  plain   words
             here </span></div>
            </div>
            """;
        var scan = HocrReader.Parse(html, "plain.hocr");
        Assert.Equal("plain words here\n", scan.Text);
        Assert.All(scan.Geometry.Pages[0].Words, w => Assert.Equal(new Box(5, 6, 400, 30), w.Box));
        Assert.All(scan.Geometry.Pages[0].Words, w => Assert.Null(w.Confidence));
    }

    [Fact]
    public void Words_that_stand_in_no_line_make_a_line_of_their_parent()
    {
        const string html = """
            <div class='ocr_page'>
             <p class='ocr_par'><span class='ocrx_word' title='bbox 10 10 50 30'>loose</span> <span class='ocrx_word' title='bbox 60 10 90 30'>words</span></p>
             <p class='ocr_par'><span class='ocr_line' title='bbox 10 50 90 70'><span class='ocrx_word' title='bbox 10 50 90 70'>lined</span></span></p>
            </div>
            """;
        var scan = HocrReader.Parse(html, "loose.hocr");
        Assert.Equal("loose words\n\nlined\n", scan.Text);
        var page = scan.Geometry.Pages[0];
        Assert.Equal((90, 70), (page.Width, page.Height)); // no page bbox: the extent of what is on it
        Assert.Equal(new Box(10, 10, 90, 30), page.Lines[0].Box);
    }

    [Theory]
    [InlineData("<html><body><p>Just a web page.</p></body></html>", "is not hOCR")]
    [InlineData("<div class='ocr_page' title='bbox 0 0 10'><span class='ocr_line'>a</span></div>", "bad bbox")]
    [InlineData("<div class='ocr_page' title='bbox 0 0 10 10'><span class='ocr_line'><span class='ocrx_word' title='bbox 0 0 5 5; x_wconf high'>a</span></span></div>", "bad x_wconf")]
    [InlineData("<div class='ocr_page' title='bbox 50 50 10 10'></div>", "ends before it starts")]
    public void Malformed_hOCR_is_an_input_error_naming_the_file(string html, string problem)
    {
        using var folder = new TempFolder("book");
        string path = folder.Write("bad.hocr", html);
        var e = Assert.Throws<InputException>(() => HocrReader.Read(path));
        Assert.Equal(path, e.FilePath);
        Assert.Contains(problem, e.Message);
    }
}
