using System.Globalization;
using Edition.Ingest;
using Edition.Model;
using Edition.Pdf;
using Edition.Pdf.Layout;
using SkiaSharp;

namespace Edition.Cli.RoundTrip;

/// <summary>How much to spoil a rendered page so that it looks like a scan: a slight skew, blur and specks.</summary>
public sealed record Degradation(double MaxSkewDegrees = 0.6, float BlurSigma = 0.8f, double SpeckDensity = 0.0005, int Seed = 1)
{
    public static readonly Degradation Typical = new();
}

/// <summary>
/// Page images of an edition, made by its own typesetter: the running text pages of the PDF (running
/// heads in letter-spaced small capitals, page numbers, notes under a rule, hyphenated line ends, in
/// EB Garamond), rasterised by poppler's <c>pdftoppm</c> at a scan's resolution, optionally degraded
/// with a skew, a blur and specks. The source pagination in the margins is left out, as a printed book
/// has none.
/// </summary>
public static class SyntheticScans
{
    /// <summary>Writes <c>p001.png</c>… for the first <paramref name="pages"/> running-text pages (all when null) into <paramref name="folder"/>; returns the paths.</summary>
    public static IReadOnlyList<string> Render(Document edition, string folder, int dpi = 300, int? pages = null, Degradation? degrade = null)
    {
        var typeset = PdfEdition.Typeset(edition, new PdfOptions { SourcePagination = false });
        var body = typeset.Book.Pages.Where(p => p.Role == PageRole.Body).Select(p => p.Index + 1).ToList();
        if (pages is int n) body = body.Take(n).ToList();
        Directory.CreateDirectory(folder);
        string pdf = Path.Combine(folder, "edition.pdf.tmp");
        File.WriteAllBytes(pdf, typeset.Pdf);
        var paths = new List<string>();
        try
        {
            for (int k = 0; k < body.Count; k++)
            {
                string stem = Path.Combine(folder, "render-" + k.ToString(CultureInfo.InvariantCulture));
                Run("pdftoppm", "-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-png", "-singlefile",
                    "-f", body[k].ToString(CultureInfo.InvariantCulture), "-l", body[k].ToString(CultureInfo.InvariantCulture), pdf, stem);
                string page = Path.Combine(folder, "p" + (k + 1).ToString("000", CultureInfo.InvariantCulture) + ".png");
                if (degrade != null) Degrade(stem + ".png", page, degrade with { Seed = degrade.Seed * 1000 + k });
                else File.Move(stem + ".png", page, overwrite: true);
                File.Delete(stem + ".png");
                paths.Add(page);
            }
        }
        finally
        {
            File.Delete(pdf);
        }
        return paths;
    }

    /// <summary>Skews, blurs and specks a page image, the same way for the same seed.</summary>
    public static void Degrade(string input, string output, Degradation d)
    {
        var random = new Random(d.Seed);
        using var source = SKBitmap.Decode(input) ?? throw new InputException(input, "is not an image poppler could have written");
        using var target = new SKBitmap(new SKImageInfo(source.Width, source.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(target))
        {
            canvas.Clear(SKColors.White);
            float angle = (float)((random.NextDouble() * 2 - 1) * d.MaxSkewDegrees);
            canvas.RotateDegrees(angle, source.Width / 2f, source.Height / 2f);
            using var paint = new SKPaint { ImageFilter = d.BlurSigma > 0 ? SKImageFilter.CreateBlur(d.BlurSigma, d.BlurSigma) : null };
            using var image = SKImage.FromBitmap(source);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear), paint);
        }
        // Specks: dark dots of one to three pixels, as dust and paper texture leave on a scan.
        int stride = target.RowBytes, w = target.Width, h = target.Height;
        var span = new byte[stride * h];
        IntPtr address = target.GetPixels();
        System.Runtime.InteropServices.Marshal.Copy(address, span, 0, span.Length);
        long specks = (long)(w * (long)h * d.SpeckDensity / 4);
        for (long s = 0; s < specks; s++)
        {
            int x = random.Next(w - 3), y = random.Next(h - 3), size = 1 + random.Next(2);
            byte ink = (byte)random.Next(0, 110);
            for (int dy = 0; dy < size; dy++)
                for (int dx = 0; dx < size; dx++)
                    span[(y + dy) * stride + x + dx] = ink;
        }
        System.Runtime.InteropServices.Marshal.Copy(span, 0, address, span.Length);
        using var data = target.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(output);
        data.SaveTo(file);
    }

    private static void Run(string program, params string[] args)
    {
        var r = ExternalTool.Run(program, args)
            ?? throw new InputException(program, "is not installed (poppler-utils; bash build/setup.sh installs it)");
        if (r.ExitCode != 0) throw new InputException(program, $"failed: {r.Complaint}");
    }
}
