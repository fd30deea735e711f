using System.Diagnostics;

namespace Edition.Ingest;

/// <summary>A program of the system (poppler's tools, the tesseract command line) run to its end, its output captured.</summary>
public static class ExternalTool
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        /// <summary>The first line the program wrote to stderr, or its exit code.</summary>
        public string Complaint => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() is { Length: > 0 } first
            ? first : "exit " + ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs <paramref name="program"/>; null when it is not installed.</summary>
    public static Result? Run(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (environment != null)
            foreach (var (k, v) in environment) psi.Environment[k] = v;
        Process? p;
        try
        {
            p = Process.Start(psi);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        if (p == null) return null;
        using (p)
        {
            // Both streams read at once, so a program that fills one pipe never waits on the other.
            var error = p.StandardError.ReadToEndAsync();
            string output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return new Result(p.ExitCode, output, error.Result);
        }
    }
}
