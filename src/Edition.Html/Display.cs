using System.Text;

namespace Edition.Html;

/// <summary>How raw OCR text is shown in labels and the apparatus: line breaks as ⏎, a form feed as ␌, and spaces that would vanish at either end as ␣.</summary>
internal static class Display
{
    public static string Raw(string raw)
    {
        if (raw.Length == 0) return "";
        var sb = new StringBuilder(raw.Length + 4);
        int first = 0, last = raw.Length - 1;
        while (first < raw.Length && raw[first] == ' ') first++;
        while (last >= 0 && raw[last] == ' ') last--;
        for (int i = 0; i < raw.Length; i++)
        {
            char c = raw[i];
            if (c == '\r') continue;
            if (c == '\n') sb.Append('⏎');
            else if (c == '\f') sb.Append('␌');
            else if (c == '\t') sb.Append('⇥');
            else if (c == ' ' && (i < first || i > last)) sb.Append('␣');
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>A snippet of running text on one line: line breaks and runs of whitespace as single spaces.</summary>
    public static string OneLine(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
