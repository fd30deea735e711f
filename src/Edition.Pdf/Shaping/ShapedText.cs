namespace Edition.Pdf.Shaping;

/// <summary>
/// A shaped string in font units: glyphs, advances and clusters (byte offsets into the UTF-8 text),
/// as HarfBuzz gave them. The text and clusters travel to the PDF so that copying reads letters,
/// not ligature glyphs.
/// </summary>
public sealed class ShapedText
{
    internal ShapedText(FontFace face, string text, byte[] utf8, ushort[] glyphs, int[] advances, int[] xOffsets, int[] yOffsets, uint[] clusters)
    {
        Face = face;
        Text = text;
        Utf8 = utf8;
        Glyphs = glyphs;
        Advances = advances;
        XOffsets = xOffsets;
        YOffsets = yOffsets;
        Clusters = clusters;
        int w = 0;
        foreach (int a in advances) w += a;
        Width = w;
    }

    public FontFace Face { get; }
    public string Text { get; }
    public byte[] Utf8 { get; }
    public ushort[] Glyphs { get; }
    public int[] Advances { get; }
    public int[] XOffsets { get; }
    public int[] YOffsets { get; }
    public uint[] Clusters { get; }
    /// <summary>Total advance in font units.</summary>
    public int Width { get; }

    /// <summary>Width in points at <paramref name="size"/>.</summary>
    public float WidthAt(float size) => Width * size / Face.UnitsPerEm;

    /// <summary>
    /// Advance (font units) of the glyphs whose clusters start within characters
    /// [<paramref name="charStart"/>, <paramref name="charEnd"/>) of <see cref="Text"/>:
    /// the share of a word that a hyphenation point leaves on each side.
    /// </summary>
    public int WidthOfChars(int charStart, int charEnd)
    {
        int byteStart = ByteOffset(charStart), byteEnd = ByteOffset(charEnd);
        int w = 0;
        for (int i = 0; i < Glyphs.Length; i++)
            if (Clusters[i] >= byteStart && Clusters[i] < byteEnd) w += Advances[i];
        return w;
    }

    private int ByteOffset(int charIndex)
    {
        if (Utf8.Length == Text.Length) return charIndex;
        return System.Text.Encoding.UTF8.GetByteCount(Text.AsSpan(0, charIndex));
    }
}
