using Edition.Pdf.Shaping;

namespace Edition.Pdf.Layout;

/// <summary>A run of text placed on a line: its style, its characters, where it starts and how wide it is.</summary>
public sealed record PlacedRun(TextStyle Style, string Text, float X, float Width, LinkTarget? Link = null, float LetterSpacing = 0);

/// <summary>A line of a paragraph, broken and justified: runs at their x positions from the line's start.</summary>
public sealed class LaidLine
{
    public List<PlacedRun> Runs { get; } = new();
    /// <summary>Anchors at their x positions (source page marks, note references, emendations, destinations).</summary>
    public List<(float X, object Anchor)> Anchors { get; } = new();
    /// <summary>The measure the line was set to.</summary>
    public float Measure { get; init; }
    /// <summary>Where the line starts within the measure (an indent, or centring).</summary>
    public float Offset { get; set; }
    /// <summary>Width of the content as set.</summary>
    public float ContentWidth { get; set; }
    /// <summary>The line ends in a hyphen the breaker added.</summary>
    public bool Hyphenated { get; init; }
    /// <summary>The line ends after a hyphen of the text itself.</summary>
    public bool EndsAtHyphen { get; init; }
    /// <summary>Letter-spacing added to every glyph of the line by justification (negative when tightened).</summary>
    public float LetterSpacing { get; init; }
    /// <summary>Word spaces as set over their natural width (1 when unchanged; NaN for a line without spaces).</summary>
    public float SpaceFactor { get; init; } = float.NaN;
    /// <summary>The paragraph's last line.</summary>
    public bool IsLast { get; init; }
    /// <summary>Which breaker pass set the paragraph (1: no hyphens; 2: hyphens; 3: emergency).</summary>
    public int Pass { get; init; }

    public IEnumerable<T> AnchorsOf<T>() => Anchors.Select(a => a.Anchor).OfType<T>();

    public string Text => string.Join(" ", Runs.Select(r => r.Text));
}
