using System.Globalization;

namespace Edition.Exchange.Tei;

/// <summary>The characters of the OCR text that XML 1.0 cannot hold, as <c>g</c> elements declared in <c>charDecl</c>.</summary>
public static class TeiText
{
    /// <summary><c>U000C</c> for the form feed.</summary>
    public static string CharId(int c) => "U" + c.ToString("X4", CultureInfo.InvariantCulture);

    /// <summary><c>U+000C</c>: the text of the char's codepoint mapping.</summary>
    public static string CodePoint(int c) => "U+" + c.ToString("X4", CultureInfo.InvariantCulture);

    public static int? ParseCodePoint(string mapping)
    {
        var t = mapping.Trim();
        if (!t.StartsWith("U+", StringComparison.Ordinal)) return null;
        return int.TryParse(t.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int c) ? c : null;
    }

    public static string CharName(int c) => c switch
    {
        0x0C => "FORM FEED",
        0x0B => "LINE TABULATION",
        0x00 => "NULL",
        0xFFFE or 0xFFFF => "NONCHARACTER",
        _ => c < 0x20 ? "CONTROL " + CodePoint(c) : "CHARACTER " + CodePoint(c),
    };

    public static string CharUse(int c) => c == 0x0C
        ? "Here the page separator of the OCR text, which stands where a page of the scan ends."
        : "Here a control character in the OCR text, kept as read.";
}
