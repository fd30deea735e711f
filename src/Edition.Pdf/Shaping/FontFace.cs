using System.Text;
using HarfBuzzSharp;

namespace Edition.Pdf.Shaping;

/// <summary>
/// One font file, opened for HarfBuzz. Shaping happens in font units (size-free), so one cache
/// serves every size; <see cref="ShapedText"/> scales on use.
/// </summary>
public sealed class FontFace : IDisposable
{
    private readonly Blob _blob;
    private readonly Face _face;
    private readonly HarfBuzzSharp.Font _font;
    // HarfBuzz shapes with one font from many threads; each thread brings its own buffer.
    private readonly ThreadLocal<HarfBuzzSharp.Buffer> _buffers = new(() => new HarfBuzzSharp.Buffer(), trackAllValues: true);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Text, FeatureSet Features), ShapedText> _cache = new();

    public FontFace(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: the font is missing (Debian package fonts-ebgaramond-extra)", path);
        Path = path;
        Data = File.ReadAllBytes(path);
        _blob = Blob.FromFile(path);
        _face = new Face(_blob, 0);
        UnitsPerEm = _face.UnitsPerEm;
        _font = new HarfBuzzSharp.Font(_face);
        _font.SetScale(UnitsPerEm, UnitsPerEm);
        _font.TryGetHorizontalFontExtents(out var extents);
        Ascender = extents.Ascender;
        Descender = extents.Descender;
        Name = System.IO.Path.GetFileNameWithoutExtension(path);
    }

    public string Path { get; }
    public string Name { get; }
    /// <summary>The font file's bytes, for embedding (or subsetting before it).</summary>
    public byte[] Data { get; }
    public int UnitsPerEm { get; }
    public int Ascender { get; }
    /// <summary>Negative: below the baseline.</summary>
    public int Descender { get; }

    /// <summary>Shapes <paramref name="text"/> with the font's kerning and the given features.</summary>
    public ShapedText Shape(string text, FeatureSet features)
    {
        if (_cache.TryGetValue((text, features), out var hit)) return hit;
        return _cache.GetOrAdd((text, features), ShapeUncached(text, features));
    }

    private ShapedText ShapeUncached(string text, FeatureSet features)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        var buffer = _buffers.Value!;
        buffer.ClearContents();
        buffer.AddUtf8(utf8);
        buffer.Direction = Direction.LeftToRight;
        buffer.Script = Script.Latin;
        buffer.Language = English;
        _font.Shape(buffer, features.HarfBuzzFeatures);
        var infos = buffer.GetGlyphInfoSpan();
        var positions = buffer.GetGlyphPositionSpan();
        int n = infos.Length;
        var glyphs = new ushort[n];
        var advances = new int[n];
        var offsets = new int[n];
        var rise = new int[n];
        var clusters = new uint[n];
        for (int i = 0; i < n; i++)
        {
            glyphs[i] = (ushort)infos[i].Codepoint;
            clusters[i] = infos[i].Cluster;
            advances[i] = positions[i].XAdvance;
            offsets[i] = positions[i].XOffset;
            rise[i] = positions[i].YOffset;
        }
        return new ShapedText(this, text, utf8, glyphs, advances, offsets, rise, clusters);
    }

    private static readonly Language English = new("en");

    public void Dispose()
    {
        foreach (var b in _buffers.Values) b.Dispose();
        _buffers.Dispose();
        _font.Dispose();
        _face.Dispose();
        _blob.Dispose();
    }
}

/// <summary>OpenType features asked of HarfBuzz: a small fixed set, so it can key a cache.</summary>
public readonly record struct FeatureSet(bool OldStyleFigures, bool Superiors, bool SmallCaps)
{
    private static readonly Dictionary<FeatureSet, Feature[]> Built = new();
    private static readonly Lock BuiltLock = new();

    public static FeatureSet Text => new(true, false, false);
    public static FeatureSet Superior => new(false, true, false);

    public Feature[] HarfBuzzFeatures
    {
        get
        {
            lock (BuiltLock)
            {
                if (Built.TryGetValue(this, out var f)) return f;
                var list = new List<Feature> { Feature.Parse("kern"), Feature.Parse("liga") };
                if (OldStyleFigures) list.Add(Feature.Parse("onum"));
                if (Superiors) list.Add(Feature.Parse("sups"));
                if (SmallCaps) list.Add(Feature.Parse("smcp"));
                return Built[this] = list.ToArray();
            }
        }
    }
}
