using System.Security.Cryptography;
using System.Text;

namespace Edition.Ocr;

/// <summary>
/// Recognised pages (Tesseract's hOCR), keyed by the SHA-256 of the image bytes, the Tesseract version, the language
/// and the parameters. An entry is <c>edition-ocr 1 SHA256-OF-TEXT\n</c> and the text in UTF-8, written to
/// a temporary file and renamed into place; an entry that does not check out is deleted and redone.
/// </summary>
public sealed class OcrCache(string folder)
{
    private const string Magic = "edition-ocr 1 ";
    private static readonly UTF8Encoding Utf8 = new(false, true);

    public string Folder { get; } = folder;

    /// <summary><c>--cache DIR</c>, else <c>$EDITION_CACHE</c>, else <c>$XDG_CACHE_HOME/edition</c>, else <c>~/.cache/edition</c>.</summary>
    public static string DefaultFolder()
    {
        string? env = Environment.GetEnvironmentVariable("EDITION_CACHE");
        if (!string.IsNullOrEmpty(env)) return env;
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "edition");
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "edition");
    }

    public static string Key(ReadOnlySpan<byte> image, string version, string language, string parameters)
    {
        string imageHash = Convert.ToHexStringLower(SHA256.HashData(image));
        string all = $"{imageHash}\ntesseract {version}\nlang {language}\n{parameters}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(all)));
    }

    public string PathOf(string key) => Path.Combine(Folder, "ocr", key[..2], key + ".txt");

    /// <summary>The cached text, or null when there is none or the entry is corrupt (then it is deleted).</summary>
    public string? Get(string key)
    {
        string path = PathOf(key);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        string? text = Parse(bytes);
        if (text == null)
        {
            try { File.Delete(path); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return text;
    }

    public void Put(string key, string text)
    {
        string path = PathOf(key);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            byte[] body = Utf8.GetBytes(text);
            byte[] head = Encoding.ASCII.GetBytes(Magic + Convert.ToHexStringLower(SHA256.HashData(body)) + "\n");
            string temp = path + "." + Environment.ProcessId + "." + Guid.NewGuid().ToString("N") + ".tmp";
            using (var f = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                f.Write(head);
                f.Write(body);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs time on the next build.
        }
    }

    private static string? Parse(byte[] bytes)
    {
        int nl = Array.IndexOf(bytes, (byte)'\n');
        if (nl < 0) return null;
        string head = Encoding.ASCII.GetString(bytes, 0, nl);
        if (!head.StartsWith(Magic, StringComparison.Ordinal) || head.Length != Magic.Length + 64) return null;
        var body = bytes.AsSpan(nl + 1);
        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(body)), head[Magic.Length..], StringComparison.Ordinal)) return null;
        try
        {
            return Utf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
