using System.Diagnostics;
using Edition.Model;

namespace Edition.Html;

/// <summary>Both HTML files of an edition, and the time they take, for the build and the benchmark.</summary>
public static class HtmlOutputs
{
    public const string IndexFileName = "index.html";
    public const string DiffFileName = "diff.html";

    /// <summary>index.html and diff.html of <paramref name="document"/>, by file name.</summary>
    public static IReadOnlyList<(string Name, string Html)> Render(Document document, HtmlDiffOptions? diffOptions = null) => new[]
    {
        (IndexFileName, HtmlEdition.Write(document)),
        (DiffFileName, HtmlDiff.Write(document, diffOptions)),
    };

    /// <summary>
    /// Renders both files <paramref name="runs"/> times after one warm-up run and returns the times, fastest first;
    /// the figure to report is the median. The document is only read, so it can be rendered again and again.
    /// </summary>
    public static IReadOnlyList<TimeSpan> Time(Document document, int runs = 9)
    {
        Render(document);
        var times = new List<TimeSpan>(runs);
        for (int i = 0; i < runs; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            Render(document);
            times.Add(Stopwatch.GetElapsedTime(t0));
        }
        times.Sort();
        return times;
    }
}
