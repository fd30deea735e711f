using Edition.Pdf.Shaping;

namespace Edition.Pdf.Tests.Shaping;

/// <summary>HarfBuzz through <see cref="FontFace"/>: ligatures, kerning, figures, superiors, clusters.</summary>
public class ShapingTests
{
    private static FontFace Regular => FontSet.Shared.Regular;

    [Fact]
    public void LigatureFormsReplaceTheLettersAndEachClusterKeepsItsLetter()
    {
        // EB Garamond's 'liga' draws "ffi" as three joining forms, none of them in the cmap.
        var shaped = Regular.Shape("office", FeatureSet.Text);
        var alone = "office".Select(c => Regular.Shape(c.ToString(), FeatureSet.Text).Glyphs[0]).ToArray();
        Assert.NotEqual(alone, shaped.Glyphs);
        Assert.Equal(alone[0], shaped.Glyphs[0]);
        Assert.NotEqual(alone[1], shaped.Glyphs[1]);
        // Each glyph keeps its own letter: the text and clusters go to the PDF with it.
        Assert.Equal([0u, 1u, 2u, 3u, 4u, 5u], shaped.Clusters);
        Assert.Equal("office"u8.ToArray(), shaped.Utf8);
    }

    [Fact]
    public void OneLetterAloneIsItsOwnGlyph()
    {
        var plain = Regular.Shape("of", FeatureSet.Text);
        Assert.Equal(2, plain.Glyphs.Length);
        Assert.Equal(Regular.Shape("f", FeatureSet.Text).Glyphs[0], plain.Glyphs[1]);
    }

    [Fact]
    public void KerningTightensAPairThatNeedsIt()
    {
        var pair = Regular.Shape("AV", FeatureSet.Text);
        int apart = Regular.Shape("A", FeatureSet.Text).Width + Regular.Shape("V", FeatureSet.Text).Width;
        Assert.True(pair.Width < apart, $"AV is {pair.Width}, A + V {apart}");
    }

    [Fact]
    public void OldStyleFiguresAreAskedForAndSuperiorsAreOtherGlyphs()
    {
        Assert.Contains(FeatureSet.Text.HarfBuzzFeatures, f => f.ToString().StartsWith("onum", StringComparison.Ordinal));
        var text = Regular.Shape("1936", FeatureSet.Text);
        var sups = Regular.Shape("1936", FeatureSet.Superior);
        Assert.Equal(4, sups.Glyphs.Length);
        Assert.NotEqual(text.Glyphs, sups.Glyphs);
        Assert.True(sups.Width < text.Width);
    }

    [Fact]
    public void HyphenationWidthsSplitAWordByItsClusters()
    {
        var shaped = Regular.Shape("hyphenation", FeatureSet.Text);
        Assert.Equal(shaped.Width, shaped.WidthOfChars(0, 2) + shaped.WidthOfChars(2, 6) + shaped.WidthOfChars(6, 11));
    }

    [Fact]
    public void ShapingIsCached()
    {
        Assert.Same(Regular.Shape("constitution", FeatureSet.Text), Regular.Shape("constitution", FeatureSet.Text));
    }
}
