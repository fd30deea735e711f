using Edition.Tests.Support;
using CsCheck;

namespace Edition.Tests.Reliability;

/// <summary>
/// Generated OCR-like text: pages of words and punctuation, hyphenated line ends, running heads, page
/// numbers, note markers and notes, letter-spaced words, blank lines, form feeds, CRLF, tabs and odd
/// Unicode. Shapes of OCR in general, not of any one book.
/// </summary>
public static class OcrPages
{
    private static readonly Gen<string> Lower = Gen.Char["abcdefghijklmnopqrstuvwxyz"].Array[1, 9].Select(a => new string(a));

    private static readonly Gen<string> Word = Gen.Frequency(
        (20, Lower),
        (4, Lower.Select(w => char.ToUpperInvariant(w[0]) + w[1..])),
        (1, Lower.Select(w => w.ToUpperInvariant())),
        (2, Gen.Int[0, 2000].Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.OneOf("I", "a", "l", "1", "0", "O", "rn", "vv", "ﬁnd", "cafe\u0301", "naïve", "Œuvre", "’tis", "o’clock")));

    private static readonly Gen<string> Punctuation = Gen.OneOf(".", ",", ";", ":", "!", "?", "—", "”", "’", ")", ".)", "...");
    private static readonly Gen<string> Marker = Gen.OneOf("*", "†", "‡", "§", "¹", "²", "³", "f", "t", "|", "+", "-)-", " *", " †");
    private static readonly Gen<string> Odd = Gen.OneOf(
        "\u00A0", "\u200B", "\u00AD", "\u202E", "\u2066", "\u2069", "😀", "𝔄", "\u0301", "\uFEFF", "\u0007", "\u0000",
        "<script>", "</p>", "&amp;", "&", "<!--", "-->", "`", "|", "_", "[", "]", "#", "\\", "$", "^", "~", "@", "{", "}");

    private static readonly Gen<string> Token = Gen.Frequency(
        (30, Word),
        (8, Gen.Select(Word, Punctuation, (w, p) => w + p)),
        (2, Gen.Select(Word, Marker, (w, m) => w + m)),
        (1, Lower.Select(w => string.Join(" ", w.ToUpperInvariant().ToCharArray()))),
        (1, Gen.Select(Gen.OneOf("“", "(", "‘", "["), Word, (q, w) => q + w)),
        (2, Odd),
        (1, Gen.Select(Word, Odd, Word, (a, o, b) => a + o + b)));

    private static readonly Gen<string> Gap = Gen.Frequency((20, Gen.Const(" ")), (2, Gen.Const("  ")), (1, Gen.Const("\t")), (1, Gen.Const(" \t ")));

    /// <summary>A line of the body: words and their gaps, sometimes ending in a hyphen, sometimes indented or with trailing spaces.</summary>
    private static readonly Gen<string> BodyLine =
        Gen.Select(Token.Array[1, 12], Gap.Array[12], Gen.Int[0, 19], (tokens, gaps, end) =>
        {
            var sb = new System.Text.StringBuilder();
            if (end == 0) sb.Append("    ");
            for (int i = 0; i < tokens.Length; i++)
            {
                if (i > 0) sb.Append(gaps[i]);
                sb.Append(tokens[i]);
            }
            if (end is 1 or 2 or 3) sb.Append('-');
            if (end == 4) sb.Append("  ");
            if (end == 5) sb.Append('¬');
            return sb.ToString();
        });

    private static readonly Gen<string> NoteLine =
        Gen.Select(Gen.OneOf("*", "†", "‡", "§", "1", "¹", "f"), Token.Array[1, 8], (m, words) => m + " " + string.Join(" ", words));

    private static readonly Gen<string> Head =
        Gen.Select(Gen.Int[1, 400], Lower.Array[1, 4], Gen.Int[0, 3], (n, words, shape) =>
        {
            string title = string.Join(" ", words).ToUpperInvariant();
            string number = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return shape switch { 0 => number + "  " + title, 1 => title + "  " + number, 2 => number, _ => title };
        });

    /// <summary>One page: perhaps a running head, body lines with blank lines among them, perhaps notes, perhaps a page number at the foot.</summary>
    private static readonly Gen<string> Page =
        Gen.Select(Gen.Int[0, 2], Head, Gen.Frequency((6, BodyLine), (1, Gen.Const(""))).Array[1, 14], NoteLine.Array[0, 3], Gen.Int[0, 3], Gen.Int[1, 400],
            (hasHead, head, body, notes, foot, number) =>
            {
                var lines = new List<string>();
                if (hasHead > 0) { lines.Add(head); lines.Add(""); }
                lines.AddRange(body);
                if (notes.Length > 0) { lines.Add(""); lines.AddRange(notes); }
                if (foot == 0) lines.Add(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return string.Join("\n", lines);
            });

    /// <summary>A whole text: pages joined by form feeds or blank lines, LF or CRLF, with or without a final line end.</summary>
    public static readonly Gen<string> Text =
        Gen.Select(Page.Array[1, 5], Gen.Int[0, 2], Gen.Bool, Gen.Bool, (pages, join, crlf, final) =>
        {
            string separator = join switch { 0 => "\n\f", 1 => "\n\n\n\n", _ => "\f" };
            string text = string.Join(separator, pages);
            if (final) text += "\n";
            if (crlf) text = text.Replace("\n", "\r\n");
            return text;
        }).Where(t => t.Trim().Length > 0);
}
