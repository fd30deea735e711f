using System.Diagnostics;
using Edition.Ingest;
using Edition.Model;
using Edition.Stages;

namespace Edition.Pdf.Tests.Support;

/// <summary>The bundled pamphlet, edited by the default pipeline, and its PDF, made once for the test run.</summary>
public static class Pamphlet
{
    private static readonly Lazy<Document> LazyDocument = new(Read);
    private static readonly Lazy<PdfResult> LazyPdf = new(() => PdfEdition.Typeset(Document));
    private static readonly Lazy<string> LazyPath = new(() =>
    {
        var path = Path.Combine(ArtefactFolder, "webb-dictatorship.pdf");
        File.WriteAllBytes(path, Pdf.Pdf);
        return path;
    });

    public static Document Document => LazyDocument.Value;
    public static PdfResult Pdf => LazyPdf.Value;
    /// <summary>The PDF on disk, for the poppler tools.</summary>
    public static string PdfPath => LazyPath.Value;

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Edition.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Edition.sln not found above the test binaries");
        }
    }

    /// <summary>Where the run leaves what a person may want to look at: the PDF and a rendered page.</summary>
    public static string ArtefactFolder
    {
        get
        {
            var dir = Path.Combine(AppContext.BaseDirectory, "artefacts");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    private static Document Read()
    {
        var folder = BookFolder.Open(Path.Combine(RepositoryRoot, "scans", "webb-dictatorship"));
        var document = folder.Read();
        Pipeline.For(document.Book).Run(document, new StageContext(WordList.LoadDefault()));
        return document;
    }

    /// <summary>Runs a command-line tool and returns what it printed; fails the test on a non-zero exit.</summary>
    public static string Tool(string name, params string[] args)
    {
        var psi = new ProcessStartInfo(name) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {name}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{name} {string.Join(' ', args)} exited {p.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
