using System.Diagnostics;
using System.Globalization;
using Edition.Ingest;
using Edition.Model;
using Edition.Outputs.Markdown;
using Edition.Outputs.Rebuild;
using Edition.Stages;

namespace Edition.Fuzz;

/// <summary>
/// Feeds bounded random and mutated inputs through decode, ingest, every stage, the Markdown writer and
/// the nothing-lost check. An input error (InputException) is the decoder refusing bad bytes, as it should;
/// any other exception is a crash, and a rebuild that differs from the input bytes is an invariant failure.
/// Every input is made from (seed, index), so one finding is reproduced with --seed S --only I.
/// </summary>
public static class Program
{
    private sealed record Finding(long Index, string Kind, string Detail);

    public static int Main(string[] args)
    {
        long count = 10_000, only = -1;
        int seed = 1, maxBytes = 2048, threads = 1;
        string? save = null;
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--count": count = long.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--max-bytes": maxBytes = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--threads": threads = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--only": only = long.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--save": save = Next(); break;
                default:
                    Console.Error.WriteLine("usage: edition-fuzz [--count N] [--seed S] [--max-bytes B] [--threads T] [--only I] [--save DIR]");
                    return 2;
            }
        }

        var corpus = Corpus();
        var mutator = new Mutator(corpus, maxBytes);
        var words = WordList.LoadDefault();
        var findings = new System.Collections.Concurrent.ConcurrentQueue<Finding>();
        long done = 0, rejected = 0, next = only >= 0 ? only - 1 : -1, last = only >= 0 ? only : count - 1;
        var slowest = (Index: -1L, Ms: 0.0);
        object gate = new();
        var current = new long[threads];
        var started = new long[threads];
        Console.WriteLine($"edition-fuzz: seed {seed}, {(only >= 0 ? $"input {only}" : $"{count} inputs")}, at most {maxBytes} bytes each, {threads} thread(s), corpus {corpus.Count} text(s)");
        long t0 = Stopwatch.GetTimestamp();

        void Work(int worker)
        {
            long index;
            while ((index = Interlocked.Increment(ref next)) <= last)
            {
                Volatile.Write(ref current[worker], index);
                Volatile.Write(ref started[worker], Stopwatch.GetTimestamp());
                byte[] input = mutator.Make(InputSeed(seed, index));
                long ti = Stopwatch.GetTimestamp();
                string? problem = null, kind = null;
                try
                {
                    switch (Check(input, words))
                    {
                        case null: break;
                        case "rejected": Interlocked.Increment(ref rejected); break;
                        case var p: kind = "invariant"; problem = p; break;
                    }
                }
                catch (Exception e)
                {
                    kind = "crash";
                    problem = $"{e.GetType().Name}: {e.Message} {TopFrame(e)}";
                }
                double ms = Stopwatch.GetElapsedTime(ti).TotalMilliseconds;
                lock (gate) if (ms > slowest.Ms) slowest = (index, ms);
                if (problem != null)
                {
                    findings.Enqueue(new Finding(index, kind!, problem));
                    if (save != null)
                    {
                        Directory.CreateDirectory(save);
                        File.WriteAllBytes(Path.Combine(save, $"{kind}-seed{seed}-input{index}.txt"), input);
                    }
                }
                long n = Interlocked.Increment(ref done);
                if (n % 100_000 == 0)
                    Console.WriteLine($"  {n} inputs, {findings.Count} finding(s), {n / Stopwatch.GetElapsedTime(t0).TotalSeconds:0} inputs/s");
            }
            Volatile.Write(ref current[worker], -1);
        }

        var workers = Enumerable.Range(0, threads).Select(w => new Thread(() => Work(w), 16 * 1024 * 1024) { IsBackground = true }).ToArray();
        foreach (var w in workers) w.Start();
        // A watchdog: an input that runs for a minute is a hang; name it and stop.
        while (!workers.All(w => w.Join(1000)))
        {
            for (int w = 0; w < threads; w++)
            {
                long index = Volatile.Read(ref current[w]);
                if (index >= 0 && Stopwatch.GetElapsedTime(Volatile.Read(ref started[w])).TotalSeconds > 60)
                {
                    Console.WriteLine($"HANG: input {index} has run for more than a minute; reproduce with --seed {seed} --only {index}");
                    if (save != null)
                    {
                        Directory.CreateDirectory(save);
                        File.WriteAllBytes(Path.Combine(save, $"hang-seed{seed}-input{index}.txt"), mutator.Make(InputSeed(seed, index)));
                    }
                    return 3;
                }
            }
        }

        var time = Stopwatch.GetElapsedTime(t0);
        Console.WriteLine($"{done} inputs in {time.TotalSeconds:0.0} s ({done / time.TotalSeconds:0} inputs/s); {rejected} refused by the decoder as input errors; slowest input {slowest.Index} ({slowest.Ms:0} ms)");
        var all = findings.OrderBy(f => f.Index).ToList();
        Console.WriteLine($"{all.Count} finding(s): {all.Count(f => f.Kind == "crash")} crash(es), {all.Count(f => f.Kind == "invariant")} invariant failure(s)");
        foreach (var group in all.GroupBy(f => f.Kind + ": " + Shorten(f.Detail)).Take(30))
            Console.WriteLine($"  {group.Count()} x {group.Key}\n      first: --seed {seed} --only {group.First().Index}");
        return all.Count == 0 ? 0 : 1;
    }

    /// <summary>Decode, ingest, stages, Markdown, rebuild; null when all is well, "rejected" for an input error, else the broken invariant.</summary>
    private static string? Check(byte[] input, WordList words)
    {
        SourceText source;
        try
        {
            source = TextDecoder.Decode("fuzz.txt", input);
        }
        catch (InputException)
        {
            return "rejected";
        }
        var document = TextIngest.Read(source, new Book { Id = "fuzz" });
        Pipeline.Default().Run(document, new StageContext(words));
        string md = MarkdownWriter.Write(document);
        if (md.Contains('\0')) return "a NUL in the Markdown";
        var rebuilt = RawRebuilder.Rebuild(document);
        if (!rebuilt.Ok) return "rebuild: " + rebuilt.Problems[0];
        if (!RawRebuilder.ToBytes(document, rebuilt.Text).AsSpan().SequenceEqual(input)) return "rebuild: the bytes differ from the input";
        return null;
    }

    /// <summary>Each input's own seed, from the run's seed and its index (stable across runs and thread counts).</summary>
    private static int InputSeed(int seed, long index) => Mix(seed, index);

    private static int Mix(int seed, long index)
    {
        // SplitMix64: HashCode is randomised per process, so it cannot reproduce anything.
        ulong z = (ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)index + 0x632BE59BD9B4E019UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)(z ^ (z >> 31));
    }

    private static string TopFrame(Exception e)
    {
        var frame = new StackTrace(e, false).GetFrames().FirstOrDefault(f => f.GetMethod()?.DeclaringType?.Namespace?.StartsWith("Edition", StringComparison.Ordinal) == true);
        var m = frame?.GetMethod();
        return m == null ? "" : $"at {m.DeclaringType?.Name}.{m.Name}";
    }

    private static string Shorten(string s)
    {
        // Group findings by their kind of message, not by the offsets and texts in it.
        var t = System.Text.RegularExpressions.Regex.Replace(s, @"«.*?»|'[^']*'|\d+", "#");
        return t.Length > 160 ? t[..160] : t;
    }

    private static List<byte[]> Corpus()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Edition.sln"))) dir = dir.Parent;
        if (dir == null) throw new InvalidOperationException("Edition.sln not found above the fuzzer: run it from the repository");
        var files = Directory.GetFiles(Path.Combine(dir.FullName, "scans"), "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new InvalidOperationException("no *.txt under scans/ to mutate");
        return files.Select(File.ReadAllBytes).ToList();
    }
}
