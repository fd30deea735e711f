using System.Text.Json;
using Edition.Model;
using Edition.Outputs.Apparatus;
using Edition.Tests.Support;
using static Edition.Tests.Support.Snippet;

namespace Edition.Tests.Outputs;

/// <summary>
/// apparatus.json of a book with page images: each page its image and size, each emendation the
/// lowest OCR confidence of the words it changed and their box on each page image. The geometry is
/// laid out by hand here (line n of the text on row n, a word at its column), no OCR involved.
/// </summary>
public class ApparatusScanTests
{
    private static readonly string Text = Lines(
        "O ne difficulty of accurately assessing and defining the essential ",
        "characteristics of the constitutional structure of the USSR is the ",
        "rapidity with which it changes ; and the constitution of Soviet Com",
        "munism is, however, perplexing. The Soviet Communism of the text. ");

    private const int Margin = 50, Pitch = 10, Row = 40, Height = 30;

    /// <summary>Every word of the text in a grid; lines from <paramref name="secondPageFrom"/> on go on a second image.</summary>
    internal static ScanGeometry Geometry(Document doc, int secondPageFrom = int.MaxValue, Func<string, double?>? confidence = null)
    {
        var scan = new ScanGeometry();
        scan.Pages.Add(new ScanPage(1, "scans/webb/pages/p001.png", 900, 1200));
        scan.Pages.Add(new ScanPage(2, "scans/webb/pages/p002.png", 900, 1200));
        string text = doc.Source.Text;
        int line = 0, column = 0;
        for (int i = 0; i < text.Length;)
        {
            if (text[i] == '\n') { line++; column = 0; i++; continue; }
            if (char.IsWhiteSpace(text[i])) { column++; i++; continue; }
            int j = i;
            while (j < text.Length && !char.IsWhiteSpace(text[j])) j++;
            int row = line + 1 >= secondPageFrom ? line + 1 - secondPageFrom : line;
            var box = new Box(Margin + column * Pitch, Margin + row * Row, Margin + (column + j - i) * Pitch, Margin + row * Row + Height);
            scan.Pages[line + 1 >= secondPageFrom ? 1 : 0].Words.Add(new ScanWord(i, j, box, confidence == null ? 0.9 : confidence(text[i..j])));
            column += j - i;
            i = j;
        }
        doc.Scan = scan;
        return scan;
    }

    internal static Document Edited() => Books.Run(Books.Read(Text, new Book { Id = "webb", Title = "Dictatorship" }));

    private static JsonElement Record(JsonElement root, string raw) =>
        root.GetProperty("emendations").EnumerateArray().Single(e => e.GetProperty("raw").GetString() == raw);

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static int[] BoxOf(JsonElement b) =>
        new[] { b.GetProperty("left").GetInt32(), b.GetProperty("top").GetInt32(), b.GetProperty("right").GetInt32(), b.GetProperty("bottom").GetInt32() };

    [Fact]
    public void ABookOfPlainTextHasNoScanFields()
    {
        var doc = Edited();
        string json = ApparatusWriter.Write(doc, "1");
        Assert.Equal(json, ApparatusWriter.Write(doc, "1", "editions/webb"));
        foreach (var field in new[] { "ocr_confidence", "boxes", "\"image", "image_width" })
            Assert.DoesNotContain(field, json);
    }

    [Fact]
    public void PagesGiveTheirImageFromTheOutputFolderAndItsSize()
    {
        var doc = Edited();
        Geometry(doc);
        var root = Parse(ApparatusWriter.Write(doc, "1", "editions/webb"));
        var page = root.GetProperty("pages")[0];
        Assert.Equal("../../scans/webb/pages/p001.png", page.GetProperty("image").GetString());
        Assert.Equal(900, page.GetProperty("image_width").GetInt32());
        Assert.Equal(1200, page.GetProperty("image_height").GetInt32());
        // Without the output folder the image's path cannot be given; its size still can.
        var bare = Parse(ApparatusWriter.Write(doc, "1")).GetProperty("pages")[0];
        Assert.False(bare.TryGetProperty("image", out _));
        Assert.Equal(900, bare.GetProperty("image_width").GetInt32());
    }

    [Fact]
    public void AnEmendationGivesTheLowestConfidenceOfItsWordsAndTheirBox()
    {
        var doc = Edited();
        Geometry(doc, confidence: w => w switch { "O" => 0.5, "ne" => 0.375, "Com" => 0.62, "munism" => 0.81, _ => 0.9 });
        var root = Parse(ApparatusWriter.Write(doc, "1", "editions/webb"));

        // "O ne": two words on row 0, columns 0 and 2; the lower confidence is ne's.
        var split = Record(root, "O ne");
        Assert.Equal(0.375, split.GetProperty("ocr_confidence").GetDouble());
        var box = Assert.Single(split.GetProperty("boxes").EnumerateArray());
        Assert.Equal(1, box.GetProperty("scan").GetInt32());
        Assert.Equal(new[] { Margin, Margin, Margin + 4 * Pitch, Margin + Height }, BoxOf(box));

        // "Com⏎munism": the end of row 2 and the start of row 3, one box around both.
        var joined = Record(root, "Com\nmunism");
        Assert.Equal(0.62, joined.GetProperty("ocr_confidence").GetDouble());
        int comColumn = Text.Split('\n')[2].IndexOf("Com", StringComparison.Ordinal);
        Assert.Equal(new[] { Margin, Margin + 2 * Row, Margin + (comColumn + 3) * Pitch, Margin + 3 * Row + Height },
            BoxOf(Assert.Single(joined.GetProperty("boxes").EnumerateArray())));

        // A space closed up before a semicolon touched no word.
        var spacing = Record(root, " ");
        Assert.False(spacing.TryGetProperty("ocr_confidence", out _));
        Assert.False(spacing.TryGetProperty("boxes", out _));
    }

    [Fact]
    public void AWordJoinedAcrossTwoImagesHasABoxOnEach()
    {
        var doc = Edited();
        Geometry(doc, secondPageFrom: 4);
        var joined = Record(Parse(ApparatusWriter.Write(doc, "1")), "Com\nmunism");
        var boxes = joined.GetProperty("boxes").EnumerateArray().ToList();
        Assert.Equal(new[] { 1, 2 }, boxes.Select(b => b.GetProperty("scan").GetInt32()));
        int comColumn = Text.Split('\n')[2].IndexOf("Com", StringComparison.Ordinal);
        Assert.Equal(new[] { Margin + comColumn * Pitch, Margin + 2 * Row, Margin + (comColumn + 3) * Pitch, Margin + 2 * Row + Height }, BoxOf(boxes[0]));
        Assert.Equal(new[] { Margin, Margin, Margin + 6 * Pitch, Margin + Height }, BoxOf(boxes[1]));
    }

    [Fact]
    public void AWordWithoutAConfidenceStillHasItsBox()
    {
        var doc = Edited();
        Geometry(doc, confidence: w => w is "O" or "ne" ? null : 0.9);
        var split = Record(Parse(ApparatusWriter.Write(doc, "1")), "O ne");
        Assert.False(split.TryGetProperty("ocr_confidence", out _));
        Assert.Single(split.GetProperty("boxes").EnumerateArray());
    }

    [Fact]
    public void ImagePathsAreRelativeToTheOutputFolderAndEncodedForUrls()
    {
        var page = new ScanPage(1, "scans/my book/pages/it's \"1\" <b> #?.png", 10, 10);
        Assert.Equal("../../scans/my book/pages/it's \"1\" <b> #?.png", ScanEvidence.RelativeImagePath(page, "editions/book"));
        Assert.Equal("../../scans/my%20book/pages/it%27s%20%221%22%20%3Cb%3E%20%23%3F.png", ScanEvidence.RelativeImageUrl(page, "editions/book"));
        Assert.Equal("pages/p.png", ScanEvidence.RelativeImagePath(new ScanPage(1, "out/pages/p.png", 1, 1), "out"));
        Assert.Null(ScanEvidence.RelativeImagePath(new ScanPage(1, null, 1, 1), "out"));
    }
}
