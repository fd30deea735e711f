using System.Text;
using Edition.Pdf.Drawing;

namespace Edition.Exchange.Epub;

/// <summary>
/// EB Garamond for the EPUB, as the PDF sets it: each face cut down by HarfBuzz (<see cref="FontSubsetter"/>)
/// to the characters the book shows in it, its layout tables kept for the reader's own shaping; and the
/// SIL Open Font License it comes under, from Debian's copyright file of the package.
/// </summary>
internal static class EpubFonts
{
    public sealed record Face(string File, string Style, byte[] Bytes);

    public static IReadOnlyList<Face> Subset(string folder, IReadOnlySet<int> regular, IReadOnlySet<int> italic)
    {
        var faces = new List<Face>();
        void Add(string file, string style, IReadOnlySet<int> chars)
        {
            if (chars.Count == 0) return;
            string path = Path.Combine(folder, file);
            if (!File.Exists(path)) throw new FileNotFoundException($"{path}: the font is missing (Debian package fonts-ebgaramond-extra)", path);
            faces.Add(new Face(file, style, FontSubsetter.Subset(File.ReadAllBytes(path), Array.Empty<ushort>(), chars.OrderBy(c => c), forShaping: true)));
        }
        Add("EBGaramond12-Regular.ttf", "normal", regular);
        Add("EBGaramond12-Italic.ttf", "italic", italic);
        return faces;
    }

    public sealed record Licence(string Copyright, string Text);

    /// <summary>The copyright and the OFL text of the fonts' stanza (<c>Files: *</c>) in Debian's machine-readable copyright file.</summary>
    public static Licence Read(string copyrightFile)
    {
        if (!File.Exists(copyrightFile)) throw new FileNotFoundException($"{copyrightFile}: the fonts' licence is missing (Debian package fonts-ebgaramond-extra)", copyrightFile);
        var lines = File.ReadAllLines(copyrightFile);
        string copyright = "";
        var text = new List<string>();
        bool inFonts = false, inLicence = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("Files:", StringComparison.Ordinal)) { inFonts = line.Trim() == "Files: *"; inLicence = false; continue; }
            if (!inFonts) continue;
            if (line.StartsWith("Copyright:", StringComparison.Ordinal)) { copyright = line["Copyright:".Length..].Trim(); continue; }
            if (line.StartsWith("License:", StringComparison.Ordinal)) { inLicence = true; continue; }
            if (inLicence && line.Length > 0 && line[0] == ' ') text.Add(line == " ." ? "" : line[1..]);
            else if (inLicence) inLicence = false;
        }
        if (text.Count == 0) throw new InvalidDataException($"{copyrightFile}: no licence text for the fonts");
        int indent = text.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        var sb = new StringBuilder();
        foreach (var l in text) sb.Append(l.Length >= indent ? l[indent..] : l.TrimStart()).Append('\n');
        return new Licence(copyright, sb.ToString().TrimEnd('\n') + "\n");
    }
}
