using System.Diagnostics;
using Edition.Model;

namespace Edition.Html;

/// <summary>Both HTML files of an edition, and the time they take, for the build and the benchmark.</summary>
public static class HtmlOutputs
{
    public const string IndexFileName = "index.html";
    public const string DiffFileName = "diff.html";

    /// <summary>index.html and diff.html of <paramref name="document"/>, by file name.</summary>
    public static IReadOnlyList<(string Name, string Html)> Render(Document document, HtmlOptions? options = null) => new[]
    {
        (IndexFileName, HtmlEdition.Write(document, options)),
        (DiffFileName, HtmlDiff.Write(document, options)),
    };

    /// <summary>Times of repeated renders, each list sorted fastest first: wall-clock time, and the processor time the process spent.</summary>
    public sealed record Timing(IReadOnlyList<TimeSpan> Wall, IReadOnlyList<TimeSpan> Processor)
    {
        public TimeSpan MedianWall => Wall[Wall.Count / 2];
        public TimeSpan MedianProcessor => Processor[Processor.Count / 2];

        public override string ToString() =>
            $"index.html + diff.html: median {MedianWall.TotalMilliseconds:F1} ms wall (fastest {Wall[0].TotalMilliseconds:F1}), " +
            $"median {MedianProcessor.TotalMilliseconds:F1} ms processor (least {Processor[0].TotalMilliseconds:F1}), {Wall.Count} runs";
    }

    /// <summary>
    /// Renders both files <paramref name="warmUp"/> times to let the JIT settle, then <paramref name="runs"/>
    /// times measured. The document is only read, so it can be rendered again and again. On a shared
    /// machine the processor time is the steadier figure: wall-clock time also counts other processes.
    /// </summary>
    public static Timing Time(Document document, int runs = 9, int warmUp = 10)
    {
        for (int i = 0; i < warmUp; i++) Render(document);
        var wall = new List<TimeSpan>(runs);
        var cpu = new List<TimeSpan>(runs);
        using var process = Process.GetCurrentProcess();
        for (int i = 0; i < runs; i++)
        {
            process.Refresh();
            var c0 = process.TotalProcessorTime;
            long t0 = Stopwatch.GetTimestamp();
            Render(document);
            wall.Add(Stopwatch.GetElapsedTime(t0));
            process.Refresh();
            cpu.Add(process.TotalProcessorTime - c0);
        }
        wall.Sort();
        cpu.Sort();
        return new Timing(wall, cpu);
    }
}
