using System.Text;
using Edition.Model;

namespace Edition.Ingest;

/// <summary>Reads an OCR text file strictly: UTF-8 (a BOM is allowed and remembered), or Latin-1 when the config says so.</summary>
public static class TextDecoder
{
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
                throw new InputException(path,
                    $"is not valid UTF-8{where}; it reads as Latin-1 text: convert it (iconv -f latin1 -t utf-8) or set encoding = \"latin-1\" in book.toml");
            }
        }
        if (string.IsNullOrWhiteSpace(text)) throw new InputException(path, "holds only whitespace: there is no OCR text to edit");
        return new SourceText(path, text, bom, encoding is "latin-1" or "latin1" or "iso-8859-1" ? "latin-1" : "utf-8");
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
