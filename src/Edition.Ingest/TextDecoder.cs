using System.Text;
using Edition.Model;

namespace Edition.Ingest;

/// <summary>Reads an OCR text file strictly: UTF-8 (a BOM is allowed and remembered), or Latin-1 when the config says so.</summary>
public static class TextDecoder
{
    /// <summary>
    /// The longest line read, in characters. OCR text has a line per printed line (a hundred characters or
    /// so; a whole paragraph on one line is a few thousand): a longer line is not OCR text, or lost its line
    /// ends, and would only make every stage slow.
    /// </summary>
    public const int MaxLineLength = 100_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static SourceText Read(string path, string encoding = "utf-8")
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, $"cannot be read ({e.Message.TrimEnd('.')})");
        }
        return Decode(path, bytes, encoding);
    }

    public static SourceText Decode(string path, byte[] bytes, string encoding = "utf-8")
    {
        if (bytes.Length == 0) throw new InputException(path, "is empty: there is no OCR text to edit");
        bool bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        int offset = bom ? 3 : 0;
        if (LooksBinary(bytes.AsSpan(offset)))
            throw new InputException(path, "looks like a binary file, not OCR text (it holds many NUL or control bytes)");

        string text;
        if (encoding is "latin-1" or "latin1" or "iso-8859-1")
        {
            text = Encoding.Latin1.GetString(bytes, offset, bytes.Length - offset);
            bom = false;
        }
        else
        {
            try
            {
                text = StrictUtf8.GetString(bytes, offset, bytes.Length - offset);
            }
            catch (DecoderFallbackException e)
            {
                int at = e.Index >= 0 ? e.Index + offset : -1;
                string where = at >= 0 ? $" at byte {at} (0x{bytes[at]:X2})" : "";
                // ED A0..BF xx is a UTF-16 surrogate written as if it were a character (CESU-8, WTF-8).
                if (at >= 0 && at + 2 < bytes.Length && bytes[at] == 0xED && bytes[at + 1] is >= 0xA0 and <= 0xBF)
                    throw new InputException(path,
                        $"is not valid UTF-8{where}: the bytes ED {bytes[at + 1]:X2} {bytes[at + 2]:X2} encode a UTF-16 surrogate, which UTF-8 forbids (CESU-8 or WTF-8 from a faulty converter); re-encode the file as UTF-8");
                throw new InputException(path,
                    $"is not valid UTF-8{where}; it reads as Latin-1 text: convert it (iconv -f latin1 -t utf-8) or set encoding = \"latin-1\" in book.toml");
            }
        }
        if (string.IsNullOrWhiteSpace(text)) throw new InputException(path, "holds only whitespace: there is no OCR text to edit");
        CheckLineLengths(path, text);
        return new SourceText(path, text, bom, encoding is "latin-1" or "latin1" or "iso-8859-1" ? "latin-1" : "utf-8");
    }

    private static void CheckLineLengths(string path, string text)
    {
        int line = 1, start = 0;
        while (start <= text.Length)
        {
            int end = text.AsSpan(start).IndexOf('\n');
            int length = end < 0 ? text.Length - start : end;
            if (length > MaxLineLength)
                throw new InputException(path,
                    $"line {line} is {length} characters long, more than the {MaxLineLength} an OCR text line may have (is this OCR text, or were its line ends lost?)");
            if (end < 0) break;
            start += end + 1;
            line++;
        }
    }

    /// <summary>NUL bytes, or many C0 control bytes other than tab, line feed, carriage return and form feed.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var head = bytes.Length > 65536 ? bytes[..65536] : bytes;
        int control = 0;
        foreach (byte b in head)
        {
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C)) control++;
        }
        return control > head.Length / 100 + 2;
    }
}
