using Edition.Model;

namespace Edition.Outputs.Apparatus;

/// <summary>
/// What the page images say about the edition, for the outputs: how sure the OCR was of the words an
/// emendation changed, where they stand on their page, and where each page image is from the folder an
/// output is written to. Everything here is null or empty for a book of plain OCR text.
/// </summary>
public static class ScanEvidence
{
    /// <summary>The box the words behind an emendation cover on one page image.</summary>
    public sealed record PageBox(ScanPage Page, Box Box);

    /// <summary>
    /// The lowest OCR confidence of the words behind the emendation's raw characters, or null when it
    /// changed no recognised word (a space, a line break, an insertion) or the OCR gave no confidence.
    /// </summary>
    public static double? Confidence(ScanGeometry scan, Emendation e)
    {
        double? min = null;
        foreach (var (start, end) in RawRanges(e))
            if (scan.ConfidenceOf(start, end) is double c && (min == null || c < min)) min = c;
        return min;
    }

    /// <summary>For each page image the emendation's words stand on (one, unless a word is split across a page turn), the box around them.</summary>
    public static IReadOnlyList<PageBox> Boxes(ScanGeometry scan, Emendation e)
    {
        var boxes = new List<PageBox>();
        foreach (var w in Words(scan, e))
        {
            var page = scan.PageOf(w);
            if (page == null) continue;
            int i = boxes.FindIndex(b => ReferenceEquals(b.Page, page));
            if (i < 0) boxes.Add(new PageBox(page, w.Box));
            else boxes[i] = boxes[i] with { Box = boxes[i].Box.Union(w.Box) };
        }
        return boxes;
    }

    /// <summary>The words behind the emendation's raw characters, in source order, each once.</summary>
    public static IEnumerable<ScanWord> Words(ScanGeometry scan, Emendation e)
    {
        ScanWord? last = null;
        foreach (var (start, end) in RawRanges(e))
            foreach (var w in scan.WordsIn(start, end))
            {
                if (ReferenceEquals(w, last)) continue;
                last = w;
                yield return w;
            }
    }

    private static IEnumerable<(int Start, int End)> RawRanges(Emendation e)
    {
        if (e.RawSegments.Count == 0)
        {
            if (e.End > e.Start) yield return (e.Start, e.End);
            yield break;
        }
        foreach (var s in e.RawSegments)
            if (s.End > s.Start) yield return (s.Start, s.End);
    }

    /// <summary>
    /// The page image's path from <paramref name="folder"/> (where an output is written), with forward
    /// slashes: <c>../../scans/book/pages/p001.png</c>. Null when the page has no image, or when no
    /// relative path leads there (another drive): an output never holds an absolute path.
    /// </summary>
    public static string? RelativeImagePath(ScanPage page, string folder)
    {
        if (string.IsNullOrEmpty(page.ImagePath)) return null;
        string from = Path.GetFullPath(folder);
        string to = Path.GetFullPath(page.ImagePath);
        string relative = Path.GetRelativePath(from, to);
        if (Path.IsPathRooted(relative)) return null;
        return relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>
    /// <see cref="RelativeImagePath"/> as a relative URL: each path segment percent-encoded, so spaces,
    /// quotes, <c>#</c>, <c>?</c> and <c>&lt;</c> in a file name cannot change what the link means.
    /// </summary>
    public static string? RelativeImageUrl(ScanPage page, string folder)
    {
        string? path = RelativeImagePath(page, folder);
        if (path == null) return null;
        return string.Join('/', path.Split('/').Select(s => s is "." or ".." ? s : Uri.EscapeDataString(s)));
    }
}
