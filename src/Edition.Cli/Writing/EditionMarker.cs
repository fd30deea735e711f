using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Edition.Cli.Reports;

namespace Edition.Cli.Writing;

/// <summary>
/// <c>.edition</c>, written into every edition folder: the stamp that says "this folder is an edition of
/// BOOK, made by edition build", so that the next build may replace it. A folder without it (or without a
/// <c>build.json</c> of ours, which editions built before the marker have) is the user's and is never replaced.
/// </summary>
public static class EditionMarker
{
    public const string FileName = ".edition";

    /// <summary>The marker's bytes (the same for the same book: part of a reproducible edition).</summary>
    public static byte[] For(string book)
    {
        var root = new JsonObject
        {
            ["edition_folder"] = 1,
            ["book"] = book,
            ["note"] = "made by edition build; the next build of this book replaces this folder whole",
        };
        return new UTF8Encoding(false).GetBytes(root.ToJsonString() + "\n");
    }

    /// <summary>
    /// Which book's edition the folder is, by our marker or else our build stamp; null when it is neither
    /// (a folder that is not an edition of ours).
    /// </summary>
    public static string? BookOf(string folder)
    {
        string marker = Path.Combine(folder, FileName);
        if (Posix.Kind(marker) == PathKind.Regular)
        {
            try
            {
                if (JsonNode.Parse(File.ReadAllBytes(marker)) is JsonObject o && (int?)o["edition_folder"] == 1 && (string?)o["book"] is { Length: > 0 } book)
                    return book;
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or IOException or UnauthorizedAccessException)
            {
                // Not ours after all: the stamp may still say so.
            }
        }
        string stamp = Path.Combine(folder, BuildStamp.FileName);
        return Posix.Kind(stamp) == PathKind.Regular && BuildStamp.TryRead(stamp) is { Book.Length: > 0 } s ? s.Book : null;
    }
}
