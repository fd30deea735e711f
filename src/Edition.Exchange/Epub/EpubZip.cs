using System.IO.Compression;

namespace Edition.Exchange.Epub;

/// <summary>
/// The EPUB container (OCF): a ZIP whose first entry is <c>mimetype</c>, with no extra field; every entry
/// stamped with the edition's date (no earlier than 1980, which ZIP cannot hold), so that the same edition
/// gives the same bytes. Entries are stored, not deflated: the bytes then depend on the edition alone, not
/// on the zlib inside the .NET runtime, and git keeps a new version of a committed EPUB as a small delta
/// of the last (a deflated one changes throughout).
/// </summary>
internal static class EpubZip
{
    private static readonly DateTimeOffset ZipEpoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Write(IReadOnlyList<(string Name, byte[] Bytes)> files, DateTimeOffset date)
    {
        var stamp = date.ToUniversalTime() < ZipEpoch ? ZipEpoch : new DateTimeOffset(date.UtcDateTime, TimeSpan.Zero);
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "mimetype", "application/epub+zip"u8.ToArray(), CompressionLevel.NoCompression, stamp);
            foreach (var (name, bytes) in files) Add(zip, name, bytes, CompressionLevel.NoCompression, stamp);
        }
        return ms.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] bytes, CompressionLevel level, DateTimeOffset stamp)
    {
        var entry = zip.CreateEntry(name, level);
        entry.LastWriteTime = stamp;
        using var s = entry.Open();
        s.Write(bytes);
    }
}
