using System.Globalization;
using Edition.Model;

namespace Edition.Stages;

/// <summary>
/// Measures of the printed page read from the scan's geometry (<see cref="Document.Scan"/>): the body's
/// line height and line pitch over the book, the gap between a line and its neighbours, a line's type
/// size relative to the body, and where a word stands in its line (raised, small, tall). Absent for
/// plain text input: <see cref="Of"/> returns null and the text-only heuristics decide alone.
/// </summary>
public sealed class PageGeometry
{
    private readonly ScanGeometry _scan;

    private PageGeometry(ScanGeometry scan)
    {
        _scan = scan;
        var heights = new List<double>();
        var pitches = new List<double>();
        var sizes = new List<double>();
        foreach (var page in scan.Pages)
        {
            for (int i = 0; i < page.Lines.Count; i++)
            {
                var l = page.Lines[i];
                if (l.Box.Height <= 0) continue;
                heights.Add(l.Box.Height);
                if (l.Size is double s && s > 0) sizes.Add(s);
                if (i + 1 < page.Lines.Count && page.Lines[i + 1].Box.Top > l.Box.Top)
                    pitches.Add(page.Lines[i + 1].Box.Top - l.Box.Top);
            }
        }
        LineHeight = Median(heights);
        Size = sizes.Count > 0 ? Median(sizes) : null;
        // The pitch of body lines: the lower half of the top-to-top distances holds the gaps between paragraphs and blocks.
        Pitch = pitches.Count > 0 ? Median(pitches) : LineHeight;
    }

    /// <summary>The geometry of the document, or null for plain text.</summary>
    public static PageGeometry? Of(Document document) =>
        document.Scan is { } scan && scan.Pages.Any(p => p.Lines.Count > 0) ? new PageGeometry(scan) : null;

    public ScanGeometry Scan => _scan;
    /// <summary>Median height of a line box over the book: the body's line height.</summary>
    public double LineHeight { get; }
    /// <summary>Median distance from one line's top to the next: the body's line spacing.</summary>
    public double Pitch { get; }
    /// <summary>Median type size (x_size) the OCR gave, when it gave any.</summary>
    public double? Size { get; }

    /// <summary>The scan line behind a line of the document, or null.</summary>
    public ScanLine? LineOf(Line line) => line.Pieces.Count == 0 ? null : _scan.LineAt(line.Pieces[0].Start);

    public ScanPage? PageOf(Page page) => _scan.Page(page.Index);

    /// <summary>The word behind a piece (its first character), or null.</summary>
    public ScanWord? WordOf(Piece piece) => piece.End > piece.Start ? _scan.WordAt(piece.Start) : null;

    /// <summary>
    /// The white space between the line's box and the next line's on its page, in body line pitches
    /// beyond the normal spacing (0 for lines set at the body's spacing), or null when either is unknown.
    /// </summary>
    public double? GapBelow(ScanLine line, ScanPage page)
    {
        int i = page.Lines.IndexOf(line);
        if (i < 0 || i + 1 >= page.Lines.Count || Pitch <= 0) return null;
        var next = page.Lines[i + 1];
        return (next.Box.Top - line.Box.Top) / Pitch;
    }

    /// <summary>How far apart, in body pitches, the line's top is from the previous line's top; null for the first line.</summary>
    public double? PitchAbove(ScanLine line, ScanPage page)
    {
        int i = page.Lines.IndexOf(line);
        if (i <= 0 || Pitch <= 0) return null;
        return (line.Box.Top - page.Lines[i - 1].Box.Top) / Pitch;
    }

    /// <summary>The line's type relative to the body: its x_size over the median when known, else its box height over the median.</summary>
    public double RelativeSize(ScanLine line)
    {
        if (line.Size is double s && s > 0 && Size is double median && median > 0) return s / median;
        return LineHeight > 0 ? line.Box.Height / LineHeight : 1;
    }

    /// <summary>The median relative type size (<see cref="RelativeSize"/>) of the lines of a block, or null when the scan has none of them.</summary>
    public double? BlockSize(IEnumerable<Line> lines)
    {
        var sizes = new List<double>();
        foreach (var line in lines)
            if (LineOf(line) is { } l) sizes.Add(RelativeSize(l));
        return sizes.Count > 0 ? Median(sizes) : null;
    }

    /// <summary>The median height of the line's words and its baseline (the median bottom of its words).</summary>
    public (double Height, double Baseline) WordMetrics(ScanLine line)
    {
        var words = _scan.WordsIn(line.Start, line.End).ToList();
        if (words.Count == 0) return (line.Box.Height, line.Box.Bottom);
        return (Median(words.Select(w => (double)w.Box.Height).ToList()), Median(words.Select(w => (double)w.Box.Bottom).ToList()));
    }

    /// <summary>
    /// Is the word set as a superscript: clearly smaller than its line's words and standing above their
    /// baseline? The line needs at least two other words to measure against.
    /// </summary>
    public bool IsRaised(ScanWord word, ScanLine line)
    {
        var words = _scan.WordsIn(line.Start, line.End).Where(w => !ReferenceEquals(w, word)).ToList();
        if (words.Count < 2) return false;
        double height = Median(words.Select(w => (double)w.Box.Height).ToList());
        double baseline = Median(words.Select(w => (double)w.Box.Bottom).ToList());
        return word.Box.Height <= 0.7 * height && word.Box.Bottom <= baseline - 0.25 * height;
    }

    /// <summary>How many times taller than the line's other words the word's box (or its measured first letter) is.</summary>
    public double Tallness(ScanWord word, ScanLine line)
    {
        var words = _scan.WordsIn(line.Start, line.End).Where(w => !ReferenceEquals(w, word)).ToList();
        double height = words.Count > 0 ? Median(words.Select(w => (double)w.Box.Height).ToList()) : LineHeight;
        int own = Math.Max(word.Box.Height, word.FirstLetterHeight ?? 0);
        return height > 0 ? own / height : 1;
    }

    public static string Format(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Percent(double value) => Math.Round(value * 100).ToString(CultureInfo.InvariantCulture) + "%";

    public static double Median(List<double> values)
    {
        if (values.Count == 0) return 0;
        values.Sort();
        return values[values.Count / 2];
    }
}
