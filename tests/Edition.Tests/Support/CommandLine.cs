using System.Diagnostics;
using System.Text;
using Edition.Cli;
using Edition.Tests.Support;

namespace Edition.Tests.Support;

/// <summary>Runs the real command line: in this process (Program.Main with the console captured) or as a process of the built edition.dll.</summary>
public static class CommandLine
{
    public sealed record Run(int ExitCode, string Out, string Error);

    /// <summary>Program.Main with Console.Out and Console.Error captured; tests that use it belong to the "Console" collection.</summary>
    public static Run InProcess(params string[] args)
    {
        var (oldOut, oldError) = (Console.Out, Console.Error);
        var output = new StringWriter();
        var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            int code = Program.Main(args);
            return new Run(code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }

    /// <summary>The edition.dll built beside the tests (the Cli project is a reference, so it is copied here).</summary>
    public static string Dll
    {
        get
        {
            string here = Path.Combine(AppContext.BaseDirectory, "edition.dll");
            if (File.Exists(here) && File.Exists(Path.Combine(AppContext.BaseDirectory, "edition.runtimeconfig.json"))) return here;
            string built = Path.Combine(Books.RepositoryRoot, "src", "Edition.Cli", "bin", "Release", "net10.0", "linux-x64", "edition.dll");
            Assert.True(File.Exists(built), $"{built} is missing: build src/Edition.Cli -c Release");
            return built;
        }
    }

    /// <summary>Starts <c>dotnet edition.dll ARGS</c> with its output redirected.</summary>
    public static Process Start(params string[] args) => Start(new Dictionary<string, string?>(), args);

    /// <summary>Starts <c>dotnet edition.dll ARGS</c> with these environment variables set (or, for null, removed).</summary>
    public static Process Start(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment.Remove("EDITION_DEBUG");
        foreach (var (name, value) in environment)
            if (value == null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    /// <summary>Waits for a started process (killing it after two minutes: a hang fails the test, it does not stall it).</summary>
    public static Run Finish(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("edition did not finish within two minutes");
        }
        process.WaitForExit();
        return new Run(process.ExitCode, output.Result, error.Result);
    }

    public static Run OutOfProcess(params string[] args)
    {
        using var process = Start(args);
        return Finish(process);
    }

    public static Run OutOfProcess(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var process = Start(environment, args);
        return Finish(process);
    }

    /// <summary>Exit 2 and one line, "edition: ...", naming <paramref name="path"/>, and no stack trace.</summary>
    public static void AssertOneLineNaming(Run run, string path)
    {
        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.Error}");
        var lines = run.Error.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length == 1, "more than one line: " + run.Error);
        Assert.StartsWith("edition: ", lines[0]);
        Assert.Contains(path, lines[0]);
        Assert.DoesNotContain("   at ", run.Error);
    }

    public static bool IsRoot => Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root" || GetUid() == 0;

    private static uint GetUid()
    {
        try
        {
            // The real uid, from the kernel, so that the answer holds whatever USER says.
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("Uid:", StringComparison.Ordinal))
                    return uint.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1]);
        }
        catch (IOException) { }
        return uint.MaxValue;
    }
}

/// <summary>A book folder "ROOT/books/NAME" and "ROOT/out/NAME" as where its edition goes.</summary>
public sealed class BookSetup : IDisposable
{
    private readonly TempFolder _temp = new();

    public BookSetup(string name = "book")
    {
        Root = _temp.Root;
        Book = Path.Combine(_temp.Root, "books", name);
        OutParent = Path.Combine(_temp.Root, "out");
        Out = Path.Combine(OutParent, name);
        Cache = Path.Combine(_temp.Root, "cache");
        Directory.CreateDirectory(Book);
    }

    public string Root { get; }
    public string Book { get; }
    public string OutParent { get; }
    public string Out { get; }
    /// <summary>An OCR cache of this test's own, so that a page is really recognised.</summary>
    public string Cache { get; }

    public string Write(string file, byte[] bytes)
    {
        string path = Path.Combine(Book, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Write(string file, string text) => Write(file, Encoding.UTF8.GetBytes(text));

    /// <summary>Nothing was written: no edition folder, no temporary, old or lock file beside it.</summary>
    public void AssertNothingWritten()
    {
        Assert.False(Directory.Exists(Out), "an edition folder was left behind");
        if (Directory.Exists(OutParent))
            Assert.Empty(Directory.GetFileSystemEntries(OutParent));
    }

    public void Dispose() => _temp.Dispose();
}
