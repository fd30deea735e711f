using Edition.Ingest;

namespace Edition.Ocr;

/// <summary>
/// Checks the structure of a PNG before libpng sees it: libpng reports a corrupt file on the process's
/// standard error by itself ("libpng error: ..."), which would add a second, unnamed line to our one-line
/// error. A PNG whose chunks do not add up (a bad length, a bad chunk type, a CRC that does not match, no
/// IEND) is reported here instead, naming the file. Other formats are left to Leptonica.
/// </summary>
public static class ImageCheck
{
    private static readonly byte[] Signature = { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A };
    private static readonly uint[] CrcTable = MakeCrcTable();

    /// <summary>Throws an input error naming <paramref name="path"/> when the bytes are a broken PNG.</summary>
    public static void ThrowIfBrokenPng(byte[] image, string path)
    {
        string? problem = PngProblem(image);
        if (problem != null) throw new InputException(path, $"cannot be read as an image (a corrupt or truncated PNG: {problem})");
    }

    /// <summary>What is wrong with a PNG's chunk structure; null when it is sound or is not a PNG at all.</summary>
    public static string? PngProblem(ReadOnlySpan<byte> png)
    {
        if (png.Length < Signature.Length || !png[..Signature.Length].SequenceEqual(Signature)) return null;
        int at = Signature.Length;
        bool first = true;
        while (true)
        {
            if (png.Length - at < 12) return $"it ends inside a chunk at byte {at}";
            uint length = ReadUInt32(png[at..]);
            var type = png.Slice(at + 4, 4);
            foreach (byte b in type)
                if (b is not ((>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z')))
                    return $"a chunk at byte {at} has no valid type";
            if (first && !type.SequenceEqual("IHDR"u8)) return "it does not start with an IHDR chunk";
            first = false;
            if (length > int.MaxValue || png.Length - at - 12 < (long)length) return $"the {Name(type)} chunk at byte {at} runs past the end of the file";
            var data = png.Slice(at + 4, 4 + (int)length);
            if (Crc(data) != ReadUInt32(png[(at + 8 + (int)length)..])) return $"the {Name(type)} chunk at byte {at} fails its CRC";
            at += 12 + (int)length;
            if (type.SequenceEqual("IEND"u8)) return null;
        }
    }

    private static string Name(ReadOnlySpan<byte> type) => System.Text.Encoding.ASCII.GetString(type);

    private static uint ReadUInt32(ReadOnlySpan<byte> b) => (uint)(b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]);

    private static uint Crc(ReadOnlySpan<byte> data)
    {
        uint c = 0xFFFFFFFF;
        foreach (byte b in data) c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFF;
    }

    private static uint[] MakeCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
