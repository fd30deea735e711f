using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Edition.Cli.Parsing;
using Edition.Ingest;
using Edition.Model;
using Edition.Outputs.Apparatus;
using Edition.Outputs.Diff;
using Edition.Outputs.Markdown;
using Edition.Stages;

namespace Edition.Cli.Commands;

/// <summary>
/// <c>edition bench [--pages N] [--runs N] [BOOK]</c>: times the text stages on a book (the bundled
/// pamphlet by default) replicated to N pages, on one thread, and prints medians and ratios.
/// </summary>
public sealed class BenchCommand : EditionCommand
{
    private readonly Argument<string> _book = Declare.Place("BOOK", "a text book's folder", "a book folder", defaultValue: Path.Combine("scans", "webb-dictatorship"));
    private readonly Option<int> _pages = Declare.Count("--pages", "replicate the book to this many pages", 1, () => 1000);
    private readonly Option<int> _runs = Declare.Count("--runs", "timed runs (after one warm-up)", 1, () => 9);
    private readonly Option<bool> _pdf = Declare.Flag("--pdf", "also time the PDF typesetter");

    public BenchCommand() : base("bench", "Time the text stages on a book replicated to N pages: medians, pages per second.") =>
        Add(_book, _pages, _runs, _pdf);

    public override int Run(ParseResult parsed, TextWriter log)
    {
        string book = parsed.GetValue(_book)!;
        int pages = parsed.GetValue(_pages), runs = parsed.GetValue(_runs);
        var folder = BookFolder.Open(book);
        var one = TextDecoder.Read(folder.TextPath, folder.Config.Encoding);
        var sourcePages = TextIngest.FindPageStarts(one).Count;
        var text = Replicate(one.Text, sourcePages, pages, out int actualPages);
        var source = new SourceText(folder.TextPath, text, false, one.Encoding);

        long t0 = Stopwatch.GetTimestamp();
        var words = BuildCommand.LoadWords();
        double wordsMs = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;

        var ingest = new List<double>();
        var stages = new Dictionary<string, List<double>>();
        var outputs = new List<double>();
        var total = new List<double>();
        var cpu = new List<double>();
        var process = System.Diagnostics.Process.GetCurrentProcess();
        long allocated = 0;
        int gen0 = 0, gen1 = 0, gen2 = 0;
        for (int r = 0; r < runs + 1; r++)
        {
            long alloc0 = GC.GetAllocatedBytesForCurrentThread();
            int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            long a = Stopwatch.GetTimestamp();
            var document = TextIngest.Read(source, folder.Book);
            double ingestMs = Stopwatch.GetElapsedTime(a).TotalMilliseconds;
            var context = new StageContext(words);
            var times = Pipeline.For(folder.Book).Run(document, context);
            process.Refresh();
            var cpuText = (process.TotalProcessorTime - cpu0).TotalMilliseconds;
            long b = Stopwatch.GetTimestamp();
            MarkdownWriter.Write(document);
            ApparatusWriter.Write(document, EditionBuild.ToolVersion);
            EditionDiff.WriteText(document);
            double outMs = Stopwatch.GetElapsedTime(b).TotalMilliseconds;
            if (r == 0) continue; // the first run warms the JIT
            allocated += GC.GetAllocatedBytesForCurrentThread() - alloc0;
            gen0 += GC.CollectionCount(0) - g0; gen1 += GC.CollectionCount(1) - g1; gen2 += GC.CollectionCount(2) - g2;
            ingest.Add(ingestMs);
            foreach (var (stage, time) in times)
            {
                if (!stages.TryGetValue(stage, out var list)) stages[stage] = list = new List<double>();
                list.Add(time.TotalMilliseconds);
            }
            outputs.Add(outMs);
            cpu.Add(cpuText);
            total.Add(ingestMs + times.Sum(t => t.Time.TotalMilliseconds));
        }

        var inv = CultureInfo.InvariantCulture;
        double textMs = Median(total);
        log.WriteLine($"edition bench: {folder.Book.Id} replicated to {actualPages} pages ({text.Length / 1024.0 / 1024.0:F1} MiB), {runs} runs after one warm-up, one thread");
        log.WriteLine($"  word list load (once per process): {wordsMs.ToString("F0", inv)} ms");
        log.WriteLine($"  {"ingest",-22} {Median(ingest),8:F1} ms");
        foreach (var (stage, list) in stages) log.WriteLine($"  {stage,-22} {Median(list),8:F1} ms");
        log.WriteLine($"  {"text stages in all",-22} {textMs,8:F1} ms median (min {total.Min():F1}, max {total.Max():F1})  = {actualPages / (textMs / 1000):F0} pages/s  (target 10,000: {actualPages / (textMs / 1000) / 10000:F2}×)");
        double cpuMs = Median(cpu);
        log.WriteLine($"  {"text stages, CPU time",-22} {cpuMs,8:F1} ms median = {actualPages / (cpuMs / 1000):F0} pages/s of CPU (wall time counts waits for a busy machine's other processes; CPU time does not)");
        log.WriteLine($"  allocated per run: {allocated / runs / 1024.0 / 1024.0:F0} MiB; collections per run: gen0 {gen0 / (double)runs:F1}, gen1 {gen1 / (double)runs:F1}, gen2 {gen2 / (double)runs:F1}");
        // The HTML edition of the book itself (not replicated), warm: the issue's figure is per book.
        var single = TextIngest.Read(one, folder.Book);
        Pipeline.For(folder.Book).Run(single, new StageContext(words));
        log.WriteLine($"  {"HTML, one copy",-22} {Html.HtmlOutputs.Time(single, runs, 3)}");
        if (parsed.GetValue(_pdf))
        {
            log.WriteLine($"  {"PDF, one copy",-22} {Pdf.PdfBench.Run(single, runs)}");
            log.WriteLine($"  {"PDF, 1,000 pages",-22} {Pdf.PdfBench.RunBook(single, 1000)}");
        }
        log.WriteLine($"  {"outputs (md+json+diff)",-22} {Median(outputs),8:F1} ms median = {actualPages / (Median(outputs) / 1000):F0} pages/s");
        return 0;
    }

    private static string Replicate(string text, int sourcePages, int pages, out int actual)
    {
        int copies = Math.Max(1, (int)Math.Ceiling(pages / (double)Math.Max(1, sourcePages)));
        var sb = new StringBuilder(text.Length * copies + copies);
        for (int i = 0; i < copies; i++)
        {
            // Plain concatenation: each copy begins with the same page cues as the book itself.
            sb.Append(text);
            if (!text.EndsWith('\n')) sb.Append('\n');
        }
        actual = copies * sourcePages;
        return sb.ToString();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
