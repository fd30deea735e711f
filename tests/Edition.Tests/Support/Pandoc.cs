using System.Diagnostics;

namespace Edition.Tests.Support;

/// <summary>Runs pandoc (installed by build/setup.sh) on Markdown: the reader every edition must satisfy.</summary>
public static class Pandoc
{
    public sealed record Result(int ExitCode, string Output, string Errors);

    public static Result ToHtml(string markdown)
    {
        var start = new ProcessStartInfo("pandoc")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var a in new[] { "--fail-if-warnings", "-f", "markdown", "-t", "html" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pandoc did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(markdown);
        process.StandardInput.Close();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("pandoc took more than a minute");
        }
        return new Result(process.ExitCode, output.Result, errors.Result);
    }

    /// <summary>The HTML of the Markdown; fails the test when pandoc warns or fails.</summary>
    public static string Html(string markdown)
    {
        var r = ToHtml(markdown);
        Assert.True(r.ExitCode == 0 && r.Errors.Length == 0, $"pandoc exit {r.ExitCode}: {r.Errors}");
        return r.Output;
    }
}
