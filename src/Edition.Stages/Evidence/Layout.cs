using Edition.Model;

namespace Edition.Stages;

/// <summary>Measures of the page layout read from the text itself: how long a full line of body text is.</summary>
public static class Layout
{
    /// <summary>The median length of the document's non-blank lines still in the body: a full line of the measure.</summary>
    public static int MedianLineLength(Document document)
    {
        var lengths = new List<int>();
        foreach (var page in document.Pages)
            foreach (var line in page.Lines)
                if (line.Role == LineRole.Body && !line.IsBlank) lengths.Add(line.ContentLength);
        return Median(lengths);
    }

    public static int Median(List<int> values)
    {
        if (values.Count == 0) return 0;
        values.Sort();
        return values[values.Count / 2];
    }

    /// <summary>The body lines of a page grouped into blocks at blank lines.</summary>
    public static List<List<Line>> Blocks(IEnumerable<Line> lines)
    {
        var blocks = new List<List<Line>>();
        List<Line>? current = null;
        foreach (var line in lines)
        {
            if (line.Role == LineRole.Blank) { current = null; continue; }
            if (line.Role != LineRole.Body) { current = null; continue; }
            if (current == null) { current = new List<Line>(); blocks.Add(current); }
            current.Add(line);
        }
        return blocks;
    }
}
