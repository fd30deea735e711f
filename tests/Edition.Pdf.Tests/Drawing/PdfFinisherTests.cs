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
    public void AnIdWrittenAsALiteralStringIsReplacedToo()
    {
        // Skia writes the ID bytes as a literal string when that is shorter than hex.
        string pdf = "%PDF-1.4\ntrailer\n<</Size 3 /ID [(\\223X4\\351K\\361>K\\276,*\\015%ky%) (\\223X4\\351K\\361>K\\276,*\\015%ky%)]>>\nstartxref\n9\n%%EOF\n";
        string other = pdf.Replace("ky%", "kz%");
        var a = PdfFinisher.StableId(Encoding.Latin1.GetBytes(pdf));
        var b = PdfFinisher.StableId(Encoding.Latin1.GetBytes(other));
        Assert.Equal(Encoding.Latin1.GetString(a), Encoding.Latin1.GetString(b));
        Assert.Matches(@"/ID \[<([0-9A-F]{32})> <\1>\]", Encoding.Latin1.GetString(a));
    }

    [Fact]
    public void SkiasClockMadeIdIsReplacedByOneFromTheContentEveryTime()
    {
        // The ID is random, and so is its form: a dozen documents must all come out the same.
        var first = PdfFinisher.StableId(TwoPages());
        for (int i = 0; i < 12; i++)
        {
            Thread.Sleep(2);
            Assert.Equal(first, PdfFinisher.StableId(TwoPages()));
        }
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
