namespace Edition.Pdf.Shaping;

/// <summary>A face at a size, with the features to shape it and letter-spacing (points added after each glyph).</summary>
public sealed record TextStyle(FontFace Face, float Size, FeatureSet Features, float Tracking = 0, float Rise = 0)
{
    public ShapedText Shape(string text) => Face.Shape(text, Features);

    /// <summary>Width in points of <paramref name="text"/> set in this style.</summary>
    public float Measure(string text) => Width(Shape(text));

    public float Width(ShapedText shaped) => shaped.WidthAt(Size) + Tracking * shaped.Glyphs.Length;

    /// <summary>Points per font unit.</summary>
    public float Scale => Size / Face.UnitsPerEm;

    public float Ascent => Face.Ascender * Scale;
    public float Descent => -Face.Descender * Scale;

    public TextStyle WithSize(float size) => this with { Size = size };
}

/// <summary>
/// The faces of the edition: EB Garamond from Debian's fonts-ebgaramond-extra, the TrueType files
/// (Skia's PDF backend embeds CFF-flavoured OpenType as Type 3). The 12-point cut serves the text,
/// the 8-point cut (sturdier, wider) the notes and apparatus.
/// </summary>
public sealed class FontSet : IDisposable
{
    public const string DefaultFolder = "/usr/share/fonts/truetype/ebgaramond";

    public FontSet(string folder = DefaultFolder)
    {
        Folder = folder;
        Regular = new FontFace(Path.Combine(folder, "EBGaramond12-Regular.ttf"));
        Italic = new FontFace(Path.Combine(folder, "EBGaramond12-Italic.ttf"));
        SmallCaps = new FontFace(Path.Combine(folder, "EBGaramondSC12-Regular.ttf"));
        SmallRegular = new FontFace(Path.Combine(folder, "EBGaramond08-Regular.ttf"));
        SmallItalic = new FontFace(Path.Combine(folder, "EBGaramond08-Italic.ttf"));
        SmallSmallCaps = new FontFace(Path.Combine(folder, "EBGaramondSC08-Regular.ttf"));
    }

    public string Folder { get; }
    public FontFace Regular { get; }
    public FontFace Italic { get; }
    public FontFace SmallCaps { get; }
    public FontFace SmallRegular { get; }
    public FontFace SmallItalic { get; }
    public FontFace SmallSmallCaps { get; }

    public IEnumerable<FontFace> All => [Regular, Italic, SmallCaps, SmallRegular, SmallItalic, SmallSmallCaps];

    private static FontSet? _shared;
    private static readonly Lock SharedLock = new();

    /// <summary>One set for the process: faces are read once and their shaping caches shared.</summary>
    public static FontSet Shared
    {
        get { lock (SharedLock) return _shared ??= new FontSet(); }
    }

    public void Dispose()
    {
        foreach (var f in All) f.Dispose();
    }
}
