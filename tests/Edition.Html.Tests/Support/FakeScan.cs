using System.IO.Compression;
using Edition.Model;

namespace Edition.Html.Tests.Support;

/// <summary>
/// Scan geometry made up for a document read from text, to test the scan-aware outputs without OCR:
/// each page becomes an image on which line n of the page stands on row n and each word at its column,
/// in a fixed-pitch grid. The image is written as a real PNG (a grey bar where each word stands), so a
/// browser shows it and the boxes can be checked against it.
/// </summary>
public static class FakeScan
{
    public const int Margin = 40, CharWidth = 12, LineHeight = 30, WordHeight = 20;

    /// <summary>Attaches the geometry to <paramref name="document"/> and writes one PNG per page into <paramref name="imageFolder"/>.</summary>
    /// <param name="name">The image file name of a page (default <c>p001.png</c>).</param>
    /// <param name="confidence">The OCR confidence of a word, by its text (default 0.9).</param>
    public static ScanGeometry Attach(Document document, string imageFolder, Func<Page, string>? name = null, Func<string, double?>? confidence = null)
    {
        Directory.CreateDirectory(imageFolder);
        var scan = new ScanGeometry();
        string text = document.Source.Text;
        foreach (var page in document.Pages)
        {
            int columns = Math.Max(1, page.Lines.Count == 0 ? 1 : page.Lines.Max(l => l.End - l.Start));
            int rows = Math.Max(1, page.Lines.Count);
            string path = Path.Combine(imageFolder, name?.Invoke(page) ?? $"p{page.Index:000}.png");
            var image = new ScanPage(page.Index, path, 2 * Margin + columns * CharWidth, 2 * Margin + rows * LineHeight);
            for (int r = 0; r < page.Lines.Count; r++)
            {
                var line = page.Lines[r];
                int top = Margin + r * LineHeight;
                int firstWord = image.Words.Count;
                for (int i = line.Start; i < line.End;)
                {
                    if (char.IsWhiteSpace(text[i])) { i++; continue; }
                    int j = i;
                    while (j < line.End && !char.IsWhiteSpace(text[j])) j++;
                    var box = new Box(Margin + (i - line.Start) * CharWidth, top, Margin + (j - line.Start) * CharWidth, top + WordHeight);
                    image.Words.Add(new ScanWord(i, j, box, confidence == null ? 0.9 : confidence(text[i..j])));
                    i = j;
                }
                if (image.Words.Count > firstWord)
                {
                    var words = image.Words.Skip(firstWord).ToList();
                    image.Lines.Add(new ScanLine(words[0].Start, words[^1].End, words.Select(w => w.Box).Aggregate((a, b) => a.Union(b))));
                }
            }
            scan.Pages.Add(image);
            Png.WriteGrey(path, image.Width, image.Height, image.Words.Select(w => w.Box));
        }
        document.Scan = scan;
        return scan;
    }

    /// <summary>Where a word's box should stand, in percent of its image: left, top, width, height.</summary>
    public static (double Left, double Top, double Width, double Height) Percent(ScanPage page, Box box) =>
        (100.0 * box.Left / page.Width, 100.0 * box.Top / page.Height, 100.0 * box.Width / page.Width, 100.0 * box.Height / page.Height);
}

/// <summary>A minimal PNG encoder: 8-bit greyscale, white, with dark grey rectangles.</summary>
public static class Png
{
    private static readonly uint[] Crc = Enumerable.Range(0, 256).Select(n =>
    {
        uint c = (uint)n;
        for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    public static void WriteGrey(string path, int width, int height, IEnumerable<Box> dark)
    {
        var pixels = new byte[height * (width + 1)];
        for (int y = 0; y < height; y++)
        {
            pixels[y * (width + 1)] = 0; // filter: none
            Array.Fill(pixels, (byte)250, y * (width + 1) + 1, width);
        }
        foreach (var b in dark)
            for (int y = Math.Max(0, b.Top + 4); y < Math.Min(height, b.Bottom - 4); y++)
                for (int x = Math.Max(0, b.Left + 1); x < Math.Min(width, b.Right - 1); x++)
                    pixels[y * (width + 1) + 1 + x] = 90;
        using var data = new MemoryStream();
        using (var z = new ZLibStream(data, CompressionLevel.Optimal, leaveOpen: true)) z.Write(pixels);
        using var file = new MemoryStream();
        file.Write(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A });
        var header = new byte[13];
        BigEndian(header, 0, (uint)width);
        BigEndian(header, 4, (uint)height);
        header[8] = 8; // bit depth
        header[9] = 0; // greyscale
        Chunk(file, "IHDR", header);
        Chunk(file, "IDAT", data.ToArray());
        Chunk(file, "IEND", Array.Empty<byte>());
        File.WriteAllBytes(path, file.ToArray());
    }

    private static void Chunk(Stream s, string type, byte[] body)
    {
        var len = new byte[4];
        BigEndian(len, 0, (uint)body.Length);
        s.Write(len);
        var typed = new byte[4 + body.Length];
        for (int i = 0; i < 4; i++) typed[i] = (byte)type[i];
        body.CopyTo(typed, 4);
        s.Write(typed);
        uint c = 0xFFFFFFFFu;
        foreach (var b in typed) c = Crc[(c ^ b) & 0xFF] ^ (c >> 8);
        var crc = new byte[4];
        BigEndian(crc, 0, c ^ 0xFFFFFFFFu);
        s.Write(crc);
    }

    private static void BigEndian(byte[] b, int at, uint v)
    {
        b[at] = (byte)(v >> 24);
        b[at + 1] = (byte)(v >> 16);
        b[at + 2] = (byte)(v >> 8);
        b[at + 3] = (byte)v;
    }
}
