using Edition.Pdf.Drawing;
using Edition.Pdf.Shaping;
using SkiaSharp;

namespace Edition.Pdf.Tests.Drawing;

public class FontSubsetterTests
{
    [Fact]
    public void TheSubsetKeepsTheGlyphsUsedAtTheirIdsAndDropsTheRest()
    {
        var face = FontSet.Shared.Regular;
        var shaped = face.Shape("office 1936", FeatureSet.Text);
        var subset = FontSubsetter.Subset(face.Data, shaped.Glyphs, "office 1936".Select(c => (int)c));
        Assert.True(subset.Length < face.Data.Length / 4, $"{subset.Length} of {face.Data.Length} bytes");

        using var full = SKTypeface.FromData(SKData.CreateCopy(face.Data));
        using var small = SKTypeface.FromData(SKData.CreateCopy(subset));
        // Unhinted, as the PDF draws them (the subset drops the hinting).
        using var fullFont = new SKFont(full, 100) { Hinting = SKFontHinting.None, LinearMetrics = true, Subpixel = true };
        using var smallFont = new SKFont(small, 100) { Hinting = SKFontHinting.None, LinearMetrics = true, Subpixel = true };
        // Same ids, same advances and outlines: the shaped glyphs draw unchanged from the subset.
        Assert.Equal(fullFont.GetGlyphWidths(shaped.Glyphs), smallFont.GetGlyphWidths(shaped.Glyphs));
        foreach (var g in shaped.Glyphs.Distinct())
        {
            using var a = fullFont.GetGlyphPath(g);
            using var b = smallFont.GetGlyphPath(g);
            Assert.Equal(a.Bounds, b.Bounds);
        }
        // A glyph not asked for has no outline left.
        ushort unused = fullFont.GetGlyph('Q');
        using var q = smallFont.GetGlyphPath(unused);
        Assert.True(q == null || q.IsEmpty);
    }
}
