using System.Diagnostics;
using Edition.Cli;
using Edition.Cli.Commands;
using Edition.Ocr;
using Edition.Tests.Support;
using Xunit.Abstractions;

namespace Edition.Tests.Reliability;

/// <summary>
/// Builds of the three bundled books killed with SIGKILL at random moments (fixed seeds), as real processes
/// of the built CLI: after each kill the --out folder holds the old edition or the new one, byte for byte,
/// and the next build succeeds and leaves nothing beside the edition.
/// </summary>
/// <remarks>
/// Each book is copied twice, as variant A and as variant B with another <c>year</c> (so another title
/// block in the Markdown): the builds alternate between them, so old and new editions differ. Half the
/// kills fall at a uniformly random moment of the whole build (its duration measured on this machine
/// first); the other half at a random moment of its writing, from the lock file's appearance (seen through
/// inotify) to its removal after the swap, where a kill can matter. Only Markdown and apparatus are built,
/// to keep the test short; the writer is the same for every format. The next build after each kill runs in
/// this process (the same writer, and no start-up and word list to pay for a hundred times). A reader polls
/// the edition throughout and must always find one.
/// </remarks>
public class CrashTests(ITestOutputHelper output)
{
    private const int KillsPerBook = 34;
    private static readonly string[] Formats = ["--formats", "md,apparatus"];

    private sealed record Figures(string Book, int Kills, int Old, int New, int FinishedFirst, double BuildSeconds, double WriteMs, long Looks, TimeSpan Time);

    [Fact]
    public async Task BuildsKilledAtRandomMomentsLeaveTheOldEditionOrTheNewAndTheNextBuildCleansUp()
    {
        var words = BuildCommand.LoadWords();
        var clock = Stopwatch.StartNew();
        // The three books side by side (each in folders of its own): the two cores are kept busy.
        var all = new[] { ("webb-dictatorship", 13), ("pascal", 14), ("thornton", 15) }
            .Select(x => Task.Run(() => KillBuildsOf(x.Item1, x.Item2, words))).ToArray();
        var figures = await Task.WhenAll(all);
        foreach (var f in figures)
            output.WriteLine($"{f.Book}: {f.Kills} kills and {f.FinishedFirst} builds that ended before their kill came: the old edition after {f.Old}, the new after {f.New}; "
                + $"a build {f.BuildSeconds:0.00} s, its writing {f.WriteMs:0} ms; a reader looked {f.Looks} times and always found an edition; {f.Time.TotalSeconds:0.0} s");
        output.WriteLine($"{figures.Sum(f => f.Kills)} kills in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(figures.Sum(f => f.Kills) >= 100);
        // The kills must hit both sides of the swap somewhere, or they did not test it.
        Assert.True(figures.Sum(f => f.Old) > 0 && figures.Sum(f => f.New) > 0, "every kill left the same side");
    }

    private Figures KillBuildsOf(string book, int seed, global::Edition.Stages.WordList words)
    {
        var clock = Stopwatch.StartNew();
        using var temp = new TempFolder();
        string a = Copy(Path.Combine(Books.RepositoryRoot, "scans", book), Path.Combine(temp.Root, "A", book));
        string b = Copy(Path.Combine(Books.RepositoryRoot, "scans", book), Path.Combine(temp.Root, "B", book));
        string toml = Path.Combine(b, "book.toml");
        File.WriteAllText(toml, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(toml), @"(?m)^year = (\d+)", m => $"year = {int.Parse(m.Groups[1].Value) + 1}"));
        string cache = OcrCache.DefaultFolder(); // a book of page images is OCRed once, by the first build
        string parent = Path.Combine(temp.Root, "out");
        string edition = Path.Combine(parent, book);
        string[] Args(string variant) => ["build", variant, "--out", edition, "--cache", cache, .. Formats];

        // The two editions a build can leave, each made by an unkilled build; the last two of these builds
        // also measure how long a build takes and how long its writing lasts. The edition is then B's.
        var timing = new List<(double Build, double Write)>();
        var expected = new Dictionary<string, Dictionary<string, byte[]>>();
        foreach (var variant in new[] { b, a, b })
        {
            var (run, build, write) = Timed(Args(variant), parent, book, kill: null);
            Assert.True(run.ExitCode == 0, run.Error);
            if (expected.Count > 0) timing.Add((build, write)); // the first build reads the OCR cache cold, or fills it
            expected[variant] = Snapshot(edition);
            AssertNothingBeside(parent, book);
        }
        Assert.NotEqual(Describe(expected[a]), Describe(expected[b]));
        // The shorter of the two builds, and the shorter writing: a kill drawn within them finds the build running.
        double buildSeconds = timing.Min(t => t.Build), writeMs = timing.Min(t => t.Write) * 1000;

        // A reader looking at the edition all along, as a web server or a second terminal would: it must
        // always find one (by its marker, which every edition here has).
        long looks = 0, misses = 0;
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            string marker = Path.Combine(edition, Edition.Cli.Writing.EditionMarker.FileName);
            while (!stop.IsCancellationRequested)
            {
                looks++;
                if (!File.Exists(marker)) misses++;
                Thread.Sleep(2);
            }
        });
        var random = new Random(seed);
        var ocr = new PageOcr(new OcrOptions { CacheFolder = cache });
        string current = b;
        int kills = 0, old = 0, @new = 0, finishedFirst = 0;
        for (int k = 0; kills < KillsPerBook; k++)
        {
            Assert.True(k < 10 * KillsPerBook, $"{book}: only {kills} of {k} builds were still running when their kill came");
            string next = current == a ? b : a;
            // Half at any moment of the build, half during its writing.
            bool duringWriting = k % 2 == 1;
            // (Nine tenths of the build: its end is the writing's, covered by the other half; a kill drawn
            // after the build has ended is no kill and costs a whole build.)
            double delay = duringWriting ? random.NextDouble() * writeMs / 1000 : random.NextDouble() * 0.9 * buildSeconds;
            var (run, _, _) = Timed(Args(next), parent, book, kill: (duringWriting, delay));
            // A build that ended before its kill came is no kill (its edition is still checked below).
            bool killed = run.ExitCode == 137; // 128 + SIGKILL
            if (killed) kills++;
            else if (run.ExitCode == 0) finishedFirst++;
            else Assert.Fail($"{book}: the build exited with {run.ExitCode}: {run.Error}");
            // A build that ended first says the window was drawn too wide for this machine now (a busy machine
            // delays the lock file's notice): narrow it, so that the next draws find builds running.
            if (!killed && duringWriting) writeMs *= 0.7;
            else if (!killed) buildSeconds *= 0.9;
            var left = Snapshot(edition);
            if (Same(left, expected[current]) && killed) old++;
            else if (Same(left, expected[next])) { if (killed) @new++; current = next; }
            else Assert.Fail($"{book}, kill {k} ({(duringWriting ? "writing" : "any moment")}, {delay * 1000:0.0} ms): the edition is neither the old nor the new: {Describe(left)}");
            foreach (var entry in Directory.GetFileSystemEntries(parent).Select(Path.GetFileName))
                Assert.True(entry == book || entry == $".{book}.lock" || Edition.Cli.Writing.OutputFolder.IsLeftover(entry!, book), $"{entry} beside the edition");

            if (!killed)
            {
                // It ended first: a whole build, which leaves nothing beside the edition.
                AssertNothingBeside(parent, book);
                continue;
            }

            // The next build: succeeds, and leaves the new edition and nothing else.
            next = current == a ? b : a;
            var log = new StringWriter();
            EditionBuild.Build(next, edition, words, log, ocr, ["md", "apparatus"]);
            Assert.True(Same(Snapshot(edition), expected[next]), $"{book}, the build after kill {k}: {Describe(Snapshot(edition))}");
            AssertNothingBeside(parent, book);
            current = next;
        }
        stop.Cancel();
        reader.Wait();
        Assert.True(misses == 0, $"{book}: a reader found no edition {misses} times of {looks}");
        return new Figures(book, kills, old, @new, finishedFirst, buildSeconds, writeMs, looks, clock.Elapsed);
    }

    /// <summary>
    /// Runs the CLI; with <paramref name="kill"/>, SIGKILLs it that many seconds after its start or after its
    /// lock file appears. Returns the run, and the seconds from start to end and from the lock file's
    /// appearance to its removal (the writing).
    /// </summary>
    private static (CommandLine.Run Run, double Build, double Write) Timed(string[] args, string parent, string book, (bool AfterLock, double Delay)? kill)
    {
        Directory.CreateDirectory(parent);
        using var locked = new ManualResetEventSlim();
        long lockedAt = 0, unlockedAt = 0;
        using var watcher = new FileSystemWatcher(parent, $".{book}.lock") { NotifyFilter = NotifyFilters.FileName };
        watcher.Created += (_, _) => { Interlocked.CompareExchange(ref lockedAt, Stopwatch.GetTimestamp(), 0); locked.Set(); };
        watcher.Deleted += (_, _) => Interlocked.CompareExchange(ref unlockedAt, Stopwatch.GetTimestamp(), 0);
        watcher.EnableRaisingEvents = true;
        long start = Stopwatch.GetTimestamp();
        using var process = CommandLine.Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (kill is var (afterLock, delay))
        {
            long from = start;
            if (afterLock)
            {
                var exited = Task.Run(() => process.WaitForExit());
                while (!locked.Wait(5) && !exited.IsCompleted) { }
                from = Interlocked.Read(ref lockedAt) is var t && t != 0 ? t : Stopwatch.GetTimestamp();
            }
            WaitUntil(from, delay, process);
            try { process.Kill(); } catch (InvalidOperationException) { } // it ended first
        }
        if (!process.WaitForExit(120_000))
        {
            process.Kill();
            Assert.Fail("edition did not finish within two minutes");
        }
        process.WaitForExit();
        long end = Stopwatch.GetTimestamp();
        double total = Stopwatch.GetElapsedTime(start, end).TotalSeconds;
        // The writing: from the lock file's appearance to its removal, which comes after the swap.
        double writing = lockedAt == 0 ? 0 : Stopwatch.GetElapsedTime(lockedAt, unlockedAt != 0 ? unlockedAt : end).TotalSeconds;
        return (new CommandLine.Run(process.ExitCode, stdout.Result, stderr.Result), total, writing);
    }

    /// <summary>Waits until <paramref name="seconds"/> after the timestamp <paramref name="from"/> (sleeping, then spinning the last milliseconds).</summary>
    private static void WaitUntil(long from, double seconds, Process process)
    {
        while (!process.HasExited)
        {
            double left = seconds - Stopwatch.GetElapsedTime(from).TotalSeconds;
            if (left <= 0) return;
            if (left > 0.002) Thread.Sleep(1);
            else Thread.SpinWait(20);
        }
    }

    private static Dictionary<string, byte[]> Snapshot(string folder)
    {
        Assert.True(Directory.Exists(folder), $"no edition at {folder}");
        Assert.Empty(Directory.GetDirectories(folder));
        return Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f)!, File.ReadAllBytes);
    }

    private static bool Same(Dictionary<string, byte[]> x, Dictionary<string, byte[]> y) =>
        x.Count == y.Count && x.All(kv => y.TryGetValue(kv.Key, out var other) && kv.Value.AsSpan().SequenceEqual(other));

    private static string Describe(Dictionary<string, byte[]> files) =>
        string.Join(", ", files.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(kv.Value))[..12]}"));

    private static void AssertNothingBeside(string parent, string book) =>
        Assert.Equal(new[] { book }, Directory.GetFileSystemEntries(parent).Select(Path.GetFileName));

    private static string Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
        return to;
    }
}
