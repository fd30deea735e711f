using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Edition.Exchange.Tests.Support;

/// <summary>
/// The real validators, from Debian (installed by build/setup.sh): jing against the TEI P5 schema, for
/// many files in one call; epubcheck's checker on many EPUB files in one Java process.
/// </summary>
public static partial class Validators
{
    public sealed record Run(int ExitCode, string Output, TimeSpan Wall);

    /// <summary>The schema kept with the tests (the shared copy, byte for byte).</summary>
    public static string TeiSchema => Path.Combine(RepositoryRoot, "tests", "Edition.Exchange.Tests", "Schemas", "tei_all.rng");

    private static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Edition.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Edition.sln not found above the test binaries");
        }
    }

    public const string EpubCheckJar = "/usr/share/java/epubcheck.jar";

    public static Run Jing(IEnumerable<string> files)
    {
        Require("/usr/bin/jing", "jing");
        return Start("jing", new[] { TeiSchema }.Concat(files));
    }

    /// <summary>Per file: (errors, warnings) as epubcheck counts them, with its messages in the run's output.</summary>
    public static (Run Run, Dictionary<string, (int Errors, int Warnings)> Results) EpubCheck(IEnumerable<string> files)
    {
        Require(EpubCheckJar, "epubcheck");
        string source = Path.Combine(AppContext.BaseDirectory, "EpubCheckBatch.java");
        var run = Start("java", new[] { "-cp", EpubCheckJar, source }.Concat(files));
        var results = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        foreach (Match m in ResultLine().Matches(run.Output))
            results[m.Groups[1].Value] = (int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value));
        return (run, results);
    }

    [GeneratedRegex(@"^RESULT (.+) errors=(\d+) warnings=(\d+)$", RegexOptions.Multiline)]
    private static partial Regex ResultLine();

    private static void Require(string path, string package)
    {
        if (!File.Exists(path)) Assert.Fail($"{path} is missing: install the Debian package {package} (bash build/setup.sh)");
    }

    private static Run Start(string program, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // A short batch: one JIT tier and one GC thread cost half the processor time of the defaults (measured: epubcheck on 28 books 8.7 s against 21.7 s).
        psi.Environment["JAVA_TOOL_OPTIONS"] = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";
        foreach (var a in args) psi.ArgumentList.Add(a);
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + program);
        var output = new StringBuilder();
        p.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        // Debian's jing wrapper warns of optional jars it does not find, and the JVM of the options above: neither is a finding.
        p.ErrorDataReceived += (_, e) =>
        {
            if (e.Data != null && !e.Data.Contains("Unable to locate", StringComparison.Ordinal) && !e.Data.StartsWith("Picked up JAVA_TOOL_OPTIONS", StringComparison.Ordinal))
                lock (output) output.AppendLine(e.Data);
        };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        if (!p.WaitForExit(TimeSpan.FromMinutes(10))) { p.Kill(entireProcessTree: true); Assert.Fail($"{program} ran over 10 minutes"); }
        p.WaitForExit();
        return new Run(p.ExitCode, output.ToString(), sw.Elapsed);
    }
}
