using Edition.Pdf.Shaping;

namespace Edition.Pdf.Layout;

public enum PageRole { Front, Body, Back }

/// <summary>Something to draw on a page, in points from the page's top-left corner.</summary>
public abstract record DrawOp;

/// <summary>A set line; <see cref="X"/> is the left of its measure, the line's own offset is added when drawn.</summary>
public sealed record LineOp(LaidLine Line, float X, float Baseline) : DrawOp;

public sealed record RuleOp(float X1, float X2, float Y, float Thickness) : DrawOp;

/// <summary>A named destination: links and the outline lead here.</summary>
public sealed record DestinationOp(string Name, float X, float Y) : DrawOp;

/// <summary>One page of the PDF, ready to draw.</summary>
public sealed class PageContent
{
    public required int Index { get; init; }
    /// <summary>The page number as printed (roman in the front matter), or empty for an unnumbered page.</summary>
    public required string Label { get; init; }
    public required PageRole Role { get; init; }
    public List<DrawOp> Ops { get; } = new();
    /// <summary>The area of running text (without heads, margins and notes): for checks that read the body back.</summary>
    public (float Left, float Top, float Right, float Bottom) BodyArea { get; set; }
    /// <summary>The body page behind it, for a page of running text.</summary>
    public BodyPage? Body { get; init; }

    public void Text(string text, TextStyle style, float x, float baseline, LinkTarget? link = null) =>
        Ops.Add(new LineOp(Lines.Single(text, style, link), x, baseline));
}

public static class Lines
{
    /// <summary>A line of one run, unbroken.</summary>
    public static LaidLine Single(string text, TextStyle style, LinkTarget? link = null)
    {
        float w = style.Measure(text);
        var line = new LaidLine { Measure = w, ContentWidth = w };
        line.Runs.Add(new PlacedRun(style, text, 0, w, link));
        return line;
    }
}
