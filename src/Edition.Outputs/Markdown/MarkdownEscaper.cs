using System.Text;

namespace Edition.Outputs.Markdown;

/// <summary>
/// Escapes readings so that Pandoc reads them as text: every mark that Pandoc's Markdown gives a
/// meaning anywhere in a line, and, at the start of a block, the marks that would open a list, a
/// heading, a quotation or a definition.
/// </summary>
public static class MarkdownEscaper
{
    private const string AlwaysEscaped = "\\`*_[]<>$^~@|";

    public static void AppendEscaped(StringBuilder sb, string reading)
    {
        foreach (char c in reading)
        {
            if (AlwaysEscaped.Contains(c)) sb.Append('\\');
            if (c == '&') { sb.Append("\\&"); continue; }
            if (c < 0x20 && c is not '\t') { sb.Append('\uFFFD'); continue; }
            if (char.IsSurrogate(c)) { sb.Append(c); continue; }
            sb.Append(c);
        }
    }

    /// <summary>Escapes what would make the start of a block something other than a paragraph.</summary>
    public static string EscapeBlockStart(string line)
    {
        if (line.Length == 0) return line;
        char c = line[0];
        if (c is '#' or '>' or ':' or '%' or '=' or '+' or '-' or '~' or '|') return "\\" + line;
        // An ordered-list marker: "1933. ", "12) ", "(a) ", "a. ", "iv) ".
        int i = 0;
        bool paren = c == '(';
        if (paren) i++;
        int startLabel = i;
        while (i < line.Length && i - startLabel < 9 && char.IsLetterOrDigit(line[i])) i++;
        int labelLength = i - startLabel;
        if (labelLength > 0 && i < line.Length && (line[i] is '.' or ')') && (i + 1 == line.Length || line[i + 1] == ' '))
        {
            string label = line.Substring(startLabel, labelLength);
            bool listy = label.All(char.IsDigit) || labelLength == 1 || label.All(ch => "ivxlcdmIVXLCDM".Contains(ch));
            if (listy)
                return paren ? "\\" + line : line[..i] + "\\" + line[i..];
        }
        return line;
    }

    /// <summary>Escapes a trailing backslash-free line so it does not end in two spaces (a hard break).</summary>
    public static string TrimLine(string line) => line.TrimEnd(' ');
}
