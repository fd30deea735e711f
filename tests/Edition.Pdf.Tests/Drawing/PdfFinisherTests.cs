using System.Text;
using Edition.Pdf.Drawing;
using SkiaSharp;

namespace Edition.Pdf.Tests.Drawing;

public class PdfFinisherTests
{
    private static byte[] TwoPages()
    {
        using var stream = new MemoryStream();
        using (var w = new SKManagedWStream(stream))
        using (var doc = SKDocument.CreatePdf(w, new SKDocumentPdfMetadata { Title = "T", PdfA = true, Creation = new DateTime(1936, 1, 1), Modified = new DateTime(1936, 1, 1) }))
        {
            var c = doc.BeginPage(100, 100);
            c.DrawNamedDestinationAnnotation(new SKPoint(0, 0), "first");
            doc.EndPage();
            c = doc.BeginPage(100, 100);
            c.DrawNamedDestinationAnnotation(new SKPoint(0, 0), "second");
            doc.EndPage();
            doc.Close();
        }
        return stream.ToArray();
    }

    [Fact]
    public void SkiasClockMadeIdIsReplacedByOneFromTheContent()
    {
        var a = PdfFinisher.StableId(TwoPages());
        Thread.Sleep(5);
        var b = PdfFinisher.StableId(TwoPages());
        Assert.Equal(a, b);
        string text = Encoding.Latin1.GetString(a);
        Assert.DoesNotContain("00000000-0000-0000-0000-000000000000", text);
        Assert.Matches(@"/ID \[<([0-9A-F]{32})> <\1>\]", text);
    }

    [Fact]
    public void TheUpdateAddsOutlineLanguageAndPageLabelsToTheCatalog()
    {
        var pdf = PdfFinisher.Finish(TwoPages(), [new OutlineEntry("Première", "first", 1), new OutlineEntry("Second", "second", 2)], "en-GB", 1);
        string text = Encoding.Latin1.GetString(pdf);
        Assert.Contains("/Lang (en-GB)", text);
        Assert.Contains("/PageMode /UseOutlines", text);
        Assert.Contains("/PageLabels <</Nums [0 <</S /r>> 1 <</S /D>>]>>", text);
        Assert.Contains("/Dest /second", text);
        Assert.Contains("<FEFF005000720065006D006900E800720065>", text); // "Première" as UTF-16BE
        // The xref entries of the update point at the objects they name.
        int xref = int.Parse(text[(text.LastIndexOf("startxref\n", StringComparison.Ordinal) + 10)..].Split('\n')[0]);
        Assert.StartsWith("xref", text[xref..]);
        var lines = text[xref..].Split('\n');
        int first = int.Parse(lines[1].Split(' ')[0]);
        int offset = int.Parse(lines[2][..10]);
        Assert.StartsWith($"{first} 0 obj", text[offset..]);
    }
}
