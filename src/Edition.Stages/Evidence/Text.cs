namespace Edition.Stages;

/// <summary>Small facts about readings that several stages ask.</summary>
public static class Text
{
    public static bool IsAllLetters(string s)
    {
        if (s.Length == 0) return false;
        foreach (char c in s) if (!char.IsLetter(c)) return false;
        return true;
    }

    public static bool IsAllDigits(string s)
    {
        if (s.Length == 0) return false;
        foreach (char c in s) if (!char.IsDigit(c)) return false;
        return true;
    }

    public static bool IsAllUpper(string s)
    {
        bool any = false;
        foreach (char c in s)
        {
            if (!char.IsLetter(c)) continue;
            if (!char.IsUpper(c)) return false;
            any = true;
        }
        return any;
    }

    public static bool StartsUpper(string s) => s.Length > 0 && char.IsUpper(s[0]);
    public static bool StartsLower(string s) => s.Length > 0 && char.IsLower(s[0]);

    /// <summary>A word's case is one a printer sets: all lower, capitalised, or all capitals.</summary>
    public static bool HasPrintedCase(string s)
    {
        if (s.Length == 0) return false;
        bool restLower = true, restUpper = true;
        for (int i = 1; i < s.Length; i++)
        {
            if (!char.IsLetter(s[i])) continue;
            if (char.IsUpper(s[i])) restLower = false; else restUpper = false;
        }
        return restLower || (char.IsUpper(s[0]) && restUpper);
    }

    private const string Roman = "IVXLCDM";

    /// <summary>A well-formed Roman numeral of at least two letters (II, VII, XI), upper case.</summary>
    public static bool IsRomanNumeral(string s)
    {
        if (s.Length < 2) return false;
        foreach (char c in s) if (!Roman.Contains(c)) return false;
        int value = RomanValue(s);
        return value > 0 && ToRoman(value) == s;
    }

    public static bool IsRomanLetters(string s)
    {
        if (s.Length == 0) return false;
        foreach (char c in s) if (!Roman.Contains(c)) return false;
        return true;
    }

    /// <summary>The value of an upper-case Roman numeral (0 for other letters).</summary>
    public static int RomanValue(string s)
    {
        int total = 0;
        for (int i = 0; i < s.Length; i++)
        {
            int v = Value(s[i]);
            if (i + 1 < s.Length && Value(s[i + 1]) > v) total -= v; else total += v;
        }
        return total;
        static int Value(char c) => c switch { 'I' => 1, 'V' => 5, 'X' => 10, 'L' => 50, 'C' => 100, 'D' => 500, 'M' => 1000, _ => 0 };
    }

    private static string ToRoman(int n)
    {
        var values = new[] { 1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1 };
        var symbols = new[] { "M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I" };
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < values.Length; i++)
            while (n >= values[i]) { sb.Append(symbols[i]); n -= values[i]; }
        return sb.ToString();
    }

    /// <summary>Does the reading end a sentence (a full stop, question or exclamation mark, perhaps inside closing quotes or brackets)?</summary>
    public static bool EndsSentence(string reading)
    {
        for (int i = reading.Length - 1; i >= 0; i--)
        {
            char c = reading[i];
            if (char.IsWhiteSpace(c) || c is '”' or '’' or '"' or '\'' or ')' or ']' or '*') continue;
            return c is '.' or '?' or '!';
        }
        return false;
    }
}
