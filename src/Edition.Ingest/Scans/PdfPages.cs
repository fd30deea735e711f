using System.Globalization;
using System.Security.Cryptography;

namespace Edition.Ingest.Scans;

/// <summary>
/// The page images of a PDF of scans, through poppler-utils: a page that is one image covering the
/// page is extracted as it is stored (<c>pdfimages -png</c>: the decoded pixels, not re-rendered, so
/// nothing is lost or resampled); any other page (text and pictures, or several image strips) is
/// rendered with <c>pdftoppm -r 300</c>. The images go to a folder named by the PDF's content hash,
/// so a rebuild extracts nothing again; a half-written folder is never reused.
/// </summary>
public static class PdfPages
{
    public const int RenderDpi = 300;

    /// <summary>How each page was got: extracted or rendered (for the log and the tests).</summary>
    public sealed record Result(IReadOnlyList<string> Images, int Extracted, int Rendered, bool FromCache);

    public static Result Extract(string pdf, string cacheRoot)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(pdf);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(pdf, $"cannot be read ({e.Message.TrimEnd('.')})");
        }
        if (bytes.Length < 5 || bytes[0] != '%' || bytes[1] != 'P' || bytes[2] != 'D' || bytes[3] != 'F')
            throw new InputException(pdf, "is not a PDF (it does not begin with %PDF)");
        string hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        string folder = Path.Combine(cacheRoot, "pdf-pages", hash);
        string done = Path.Combine(folder, "pages.txt");
        if (File.Exists(done))
        {
            var names = File.ReadAllLines(done);
            var paths = names.Select(n => Path.Combine(folder, n)).ToList();
            if (names.Length > 0 && paths.All(File.Exists)) return new Result(paths, 0, 0, true);
        }

        var sizes = PageSizes(pdf);
        var images = ImagesPerPage(pdf);
        string work = folder + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        Directory.CreateDirectory(work);
        int extracted = 0, rendered = 0;
        var result = new List<string>();
        try
        {
            for (int page = 1; page <= sizes.Count; page++)
            {
                string name = "p" + page.ToString("0000", CultureInfo.InvariantCulture);
                string p = page.ToString(CultureInfo.InvariantCulture);
                if (images.TryGetValue(page, out var list) && list.Count == 1 && Covers(list[0], sizes[page - 1]))
                {
                    Run(pdf, "pdfimages", "-png", "-f", p, "-l", p, pdf, Path.Combine(work, name));
                    // pdfimages numbers its files: NAME-000.png for the page's one image.
                    File.Move(Path.Combine(work, name + "-000.png"), Path.Combine(work, name + ".png"));
                    extracted++;
                }
                else
                {
                    Run(pdf, "pdftoppm", "-r", RenderDpi.ToString(CultureInfo.InvariantCulture), "-gray", "-png", "-singlefile",
                        "-f", p, "-l", p, pdf, Path.Combine(work, name));
                    rendered++;
                }
                result.Add(name + ".png");
            }
            File.WriteAllLines(Path.Combine(work, "pages.txt"), result);
            if (Directory.Exists(folder)) Directory.Delete(folder, true);
            Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
            Directory.Move(work, folder);
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, true);
        }
        return new Result(result.Select(n => Path.Combine(folder, n)).ToList(), extracted, rendered, false);
    }

    private sealed record PdfImage(int Width, int Height, double XPpi, double YPpi);

    /// <summary>Does the image fill the page (within a tenth), as a scanned page does?</summary>
    private static bool Covers(PdfImage image, (double Width, double Height) page)
    {
        if (image.XPpi <= 0 || image.YPpi <= 0) return false;
        double w = image.Width / image.XPpi * 72, h = image.Height / image.YPpi * 72;
        return Math.Abs(w - page.Width) <= page.Width * 0.1 && Math.Abs(h - page.Height) <= page.Height * 0.1;
    }

    /// <summary>Page sizes in points, from <c>pdfinfo</c>.</summary>
    private static List<(double Width, double Height)> PageSizes(string pdf)
    {
        string info = Run(pdf, "pdfinfo", pdf);
        int pages = 0;
        foreach (var line in info.Split('\n'))
            if (line.StartsWith("Pages:", StringComparison.Ordinal)) int.TryParse(line[6..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out pages);
        if (pages == 0) throw new InputException(pdf, "has no pages");
        string sized = Run(pdf, "pdfinfo", "-f", "1", "-l", pages.ToString(CultureInfo.InvariantCulture), pdf);
        var sizes = new List<(double, double)>();
        foreach (var line in sized.Split('\n'))
        {
            // "Page    3 size: 612 x 792 pts (letter)"
            if (!line.StartsWith("Page ", StringComparison.Ordinal) || !line.Contains(" size: ", StringComparison.Ordinal)) continue;
            var parts = line[(line.IndexOf(" size: ", StringComparison.Ordinal) + 7)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 3 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double w)
                && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double h))
                sizes.Add((w, h));
        }
        if (sizes.Count != pages) throw new InputException(pdf, $"gave page sizes for {sizes.Count} of its {pages} pages");
        return sizes;
    }

    /// <summary>The images drawn on each page (soft masks and stencils aside), from <c>pdfimages -list</c>.</summary>
    private static Dictionary<int, List<PdfImage>> ImagesPerPage(string pdf)
    {
        var result = new Dictionary<int, List<PdfImage>>();
        // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
        foreach (var line in Run(pdf, "pdfimages", "-list", pdf).Split('\n').Skip(2))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 14 || f[2] != "image") continue;
            if (!int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out int page)) continue;
            var ci = CultureInfo.InvariantCulture;
            var img = new PdfImage(int.Parse(f[3], ci), int.Parse(f[4], ci),
                double.TryParse(f[12], NumberStyles.Float, ci, out double x) ? x : 0,
                double.TryParse(f[13], NumberStyles.Float, ci, out double y) ? y : 0);
            if (!result.TryGetValue(page, out var list)) result[page] = list = new List<PdfImage>();
            list.Add(img);
        }
        return result;
    }

    private static string Run(string pdf, string program, params string[] args)
    {
        var r = ExternalTool.Run(program, args)
            ?? throw new InputException(pdf, $"needs {program} (poppler-utils) to read it; bash build/setup.sh installs it");
        if (r.ExitCode != 0) throw new InputException(pdf, $"cannot be read as a PDF of scans ({program}: {r.Complaint})");
        return r.Output;
    }
}
