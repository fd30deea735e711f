using System.Diagnostics;
using System.Globalization;
using Edition.Ocr;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Edition.Cli.Progress;

/// <summary>
/// How the OCR of a book's pages is shown: on a terminal, a live bar (Spectre.Console) with the pages
/// done, pages per second and the time left; otherwise (a log, CI) a plain line every ten seconds, so
/// that a long run shows it is alive and a short one adds nothing.
/// </summary>
public static class OcrProgress
{
    /// <summary>The reporter for a book: a bar when stdout is a terminal and the log is stdout, else plain lines.</summary>
    public static IOcrProgress For(string book, TextWriter log) =>
        ReferenceEquals(log, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive
            ? new Bar(book)
            : new Lines(book, log, TimeSpan.FromSeconds(10));

    /// <summary>"12/30 pages, 0.7 pages/s, about 25 s left": the plain line, also the bar's column text.</summary>
    public static string Describe(int done, int total, TimeSpan elapsed)
    {
        var ci = CultureInfo.InvariantCulture;
        double rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        string left = rate > 0 && done < total ? string.Format(ci, ", about {0:0} s left", (total - done) / rate) : "";
        return string.Format(ci, "{0}/{1} pages, {2:0.0} pages/s{3}", done, total, rate, left);
    }

    /// <summary>Plain lines, at most one per <c>every</c>, and none for a run shorter than that.</summary>
    public sealed class Lines(string book, TextWriter log, TimeSpan every) : IOcrProgress
    {
        private int _done, _total;
        private long _start, _last;
        private readonly object _gate = new();

        public void Begin(int pages)
        {
            _total = pages;
            _done = 0;
            _start = _last = Stopwatch.GetTimestamp();
        }

        public void PageDone(bool fromCache)
        {
            int done = Interlocked.Increment(ref _done);
            if (Stopwatch.GetElapsedTime(Volatile.Read(ref _last)) < every) return;
            lock (_gate)
            {
                if (Stopwatch.GetElapsedTime(_last) < every) return;
                _last = Stopwatch.GetTimestamp();
                log.WriteLine($"{book}: OCR {Describe(done, _total, Stopwatch.GetElapsedTime(_start))}");
            }
        }

        public void End() { }
    }

    /// <summary>A live progress bar, drawn by Spectre.Console on its own thread while the pages are recognised.</summary>
    private sealed class Bar(string book) : IOcrProgress
    {
        private int _done;
        private volatile bool _finished;
        private Task? _drawing;

        public void Begin(int pages)
        {
            _done = 0;
            _finished = false;
            _drawing = Task.Run(() => AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new PagesColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask($"{book}: OCR", maxValue: pages);
                    while (!_finished)
                    {
                        task.Value = Volatile.Read(ref _done);
                        Thread.Sleep(100);
                    }
                    task.Value = Volatile.Read(ref _done);
                    task.StopTask();
                }));
        }

        public void PageDone(bool fromCache) => Interlocked.Increment(ref _done);

        public void End()
        {
            _finished = true;
            _drawing?.Wait();
        }
    }

    private sealed class PagesColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            double rate = task.Speed ?? 0;
            return new Text(string.Format(CultureInfo.InvariantCulture, "{0:0}/{1:0} pages {2:0.0} pages/s", task.Value, task.MaxValue, rate));
        }
    }
}
