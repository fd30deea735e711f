using Edition.Pdf.Shaping;

namespace Edition.Pdf.Layout;

/// <summary>What the caller may choose about the printed edition.</summary>
public sealed record PdfOptions
{
    /// <summary>Page width in points (default 5.5 in).</summary>
    public float PageWidth { get; init; } = 5.5f * 72;
    /// <summary>Page height in points (default 8.5 in).</summary>
    public float PageHeight { get; init; } = 8.5f * 72;
    /// <summary>Body type size in points; leading and the other sizes follow from it.</summary>
    public float BodySize { get; init; } = 11;
    /// <summary>The document's dates; when null, SOURCE_DATE_EPOCH, else 1 January of the book's year.</summary>
    public DateTimeOffset? Date { get; init; }
    /// <summary>The program named as the PDF's creator.</summary>
    public string Creator { get; init; } = "Edition";
    /// <summary>Subset the fonts (HarfBuzz) before Skia embeds them.</summary>
    public bool SubsetFonts { get; init; } = true;
    public string FontFolder { get; init; } = FontSet.DefaultFolder;
    /// <summary>How the line breaker weighs its choices.</summary>
    public LineBreaking.BreakSettings Breaking { get; init; } = new();
    public string HyphenationPatterns { get; init; } = Hyphenation.Hyphenator.DefaultPath;
    /// <summary>Print the source's page numbers in the outer margin (off for synthetic scans, where they would be noise to read back).</summary>
    public bool SourcePagination { get; init; } = true;
}

/// <summary>
/// The page and its type: a classical text block (inner margin narrower than the outer, which
/// carries the source pagination; foot margin the deepest), every size derived from the body size.
/// </summary>
public sealed class Design
{
    public Design(PdfOptions options, FontSet fonts)
    {
        Options = options;
        Fonts = fonts;
        float w = options.PageWidth, h = options.PageHeight, s = options.BodySize;
        PageWidth = w;
        PageHeight = h;
        Leading = MathF.Round(s * 1.23f * 2) / 2;
        InnerMargin = MathF.Round(w * 0.126f);
        OuterMargin = MathF.Round(w * 0.162f);
        TopMargin = MathF.Round(h * 0.092f);
        Measure = w - InnerMargin - OuterMargin;
        LinesPerPage = (int)MathF.Floor((h - TopMargin - h * 0.105f) / Leading);
        TextHeight = LinesPerPage * Leading;

        Body = new TextStyle(fonts.Regular, s, FeatureSet.Text);
        BodySuperior = new TextStyle(fonts.Regular, s, FeatureSet.Superior);
        Italic = new TextStyle(fonts.Italic, s, FeatureSet.Text);
        ChapterHeading = new TextStyle(fonts.Regular, s * 1.15f, FeatureSet.Text, Tracking: s * 0.06f);
        SectionHeading = new TextStyle(fonts.Italic, s * 1.05f, FeatureSet.Text);
        NoteSize = s * 0.78f;
        NoteLeading = MathF.Round(NoteSize * 1.22f * 2) / 2;
        Note = new TextStyle(fonts.SmallRegular, NoteSize, FeatureSet.Text);
        NoteSuperior = new TextStyle(fonts.SmallRegular, NoteSize, FeatureSet.Superior);
        RunningHead = new TextStyle(fonts.SmallSmallCaps, s * 0.8f, FeatureSet.Text, Tracking: s * 0.07f);
        Folio = new TextStyle(fonts.Regular, s * 0.85f, FeatureSet.Text);
        MarginMark = new TextStyle(fonts.SmallRegular, s * 0.68f, FeatureSet.Text);
        ApparatusSize = s * 0.73f;
        ApparatusLeading = MathF.Round(ApparatusSize * 1.22f * 2) / 2;
        Apparatus = new TextStyle(fonts.SmallRegular, ApparatusSize, FeatureSet.Text);
        ApparatusItalic = new TextStyle(fonts.SmallItalic, ApparatusSize, FeatureSet.Text);
        ApparatusSmallCaps = new TextStyle(fonts.SmallSmallCaps, ApparatusSize, FeatureSet.Text, Tracking: ApparatusSize * 0.04f);
        Title = new TextStyle(fonts.Regular, s * 2.2f, FeatureSet.Text, Tracking: s * 0.02f);
        Subtitle = new TextStyle(fonts.Italic, s * 1.45f, FeatureSet.Text);
        TitleSmallCaps = new TextStyle(fonts.SmallCaps, s * 1.1f, FeatureSet.Text, Tracking: s * 0.08f);
        Small = new TextStyle(fonts.SmallRegular, s * 0.78f, FeatureSet.Text);
        SmallItalic = new TextStyle(fonts.SmallItalic, s * 0.78f, FeatureSet.Text);
        ContentsEntry = Body;
        ContentsSmallCaps = new TextStyle(fonts.SmallCaps, s, FeatureSet.Text, Tracking: s * 0.05f);
    }

    public PdfOptions Options { get; }
    public FontSet Fonts { get; }
    public float PageWidth { get; }
    public float PageHeight { get; }
    public float Leading { get; }
    public float InnerMargin { get; }
    public float OuterMargin { get; }
    public float TopMargin { get; }
    public float Measure { get; }
    public int LinesPerPage { get; }
    public float TextHeight { get; }
    public float TextBottom => TopMargin + TextHeight;

    public TextStyle Body { get; }
    public TextStyle BodySuperior { get; }
    public TextStyle Italic { get; }
    public TextStyle ChapterHeading { get; }
    public TextStyle SectionHeading { get; }
    public float NoteSize { get; }
    public float NoteLeading { get; }
    public TextStyle Note { get; }
    public TextStyle NoteSuperior { get; }
    public TextStyle RunningHead { get; }
    public TextStyle Folio { get; }
    public TextStyle MarginMark { get; }
    public float ApparatusSize { get; }
    public float ApparatusLeading { get; }
    public TextStyle Apparatus { get; }
    public TextStyle ApparatusItalic { get; }
    public TextStyle ApparatusSmallCaps { get; }
    public TextStyle Title { get; }
    public TextStyle Subtitle { get; }
    public TextStyle TitleSmallCaps { get; }
    public TextStyle Small { get; }
    public TextStyle SmallItalic { get; }
    public TextStyle ContentsEntry { get; }
    public TextStyle ContentsSmallCaps { get; }

    /// <summary>Space above the footnote rule, the rule, and the space below it.</summary>
    public float NoteSeparation => Leading;
    /// <summary>Extra space between two notes.</summary>
    public float NoteGap => NoteLeading * 0.25f;

    /// <summary>Left edge of the text block: the inner margin is on the left of a recto (odd page).</summary>
    public float TextLeft(bool recto) => recto ? InnerMargin : OuterMargin;
    public float TextRight(bool recto) => TextLeft(recto) + Measure;

    /// <summary>A line's baseline below the top of its slot.</summary>
    public static float BaselineIn(float leading) => leading * 0.76f;

    public ParagraphStyle BodyParagraph(bool indent) => new() { Text = Body, Measure = Measure, Indent = indent ? Body.Size : 0, Breaking = Breaking(Body) };
    public ParagraphStyle NoteParagraph(bool indent) => new() { Text = Note, Measure = Measure, Indent = indent ? Note.Size : 0, Breaking = Breaking(Note) };

    /// <summary>The options' breaking, with an emergency stretch of two ems of the paragraph's type unless one is given.</summary>
    public LineBreaking.BreakSettings Breaking(TextStyle style) =>
        Options.Breaking.EmergencyStretch > 0 ? Options.Breaking : Options.Breaking with { EmergencyStretch = style.Size * 2 };
}
