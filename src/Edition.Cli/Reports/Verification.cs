using System.Security.Cryptography;

namespace Edition.Cli.Reports;

/// <summary>
/// A note, kept in the cache folder (never committed), that this very build of the program rebuilt a
/// book and found its committed edition the same. The committed stamp names the tool by its version,
/// which does not change with every change of code; the program's fingerprint (the SHA-256 of its own
/// assemblies, one per layer) does. So <c>edition check</c> skips a book only when both agree: on a fresh clone or
/// after any change of the program, every book is rebuilt once.
/// </summary>
public sealed class Verification
{
    private readonly string? _path;

    private Verification(string? path) => _path = path;

    /// <summary>The fingerprint of the running program: its Edition assemblies, by content.</summary>
    public static string ProgramFingerprint => Fingerprint.Value;

    private static readonly Lazy<string> Fingerprint = new(() =>
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var assemblies = new[]
            {
                typeof(Verification), typeof(Model.Document), typeof(Ingest.BookFolder), typeof(Stages.Pipeline),
                typeof(Outputs.Markdown.MarkdownWriter), typeof(Html.HtmlOutputs), typeof(Ocr.PageOcr), typeof(Pdf.PdfEdition),
            }
            .Select(t => t.Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal);
        foreach (var path in assemblies) sha.AppendData(File.ReadAllBytes(path));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    });

    /// <summary>The note for a book whose committed stamp is at <paramref name="stampPath"/>; none without a cache.</summary>
    public static Verification For(string? cacheFolder, string book, string stampPath)
    {
        if (cacheFolder == null || !File.Exists(stampPath)) return new Verification(null);
        string stamp = BuildStamp.HashFile(stampPath).Replace("sha256:", "");
        return new Verification(Path.Combine(cacheFolder, "verified", ProgramFingerprint[..16], book + "-" + stamp[..16]));
    }

    public bool Exists => _path != null && File.Exists(_path);

    public void Record()
    {
        if (_path == null) return;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            File.WriteAllText(_path, ProgramFingerprint + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only a shortcut is lost: the next check rebuilds the book.
        }
    }
}
