using System.Text;

namespace Edition.Outputs.Scoring;

/// <summary>
/// The common form both sides are mapped to before they are compared: whitespace runs become one
/// space; curly quotes and apostrophes become straight ones; <c>--</c> and <c>—</c> are the same
/// dash; superscript letters are plain letters (DP writes them <c>^r</c>). Everything else,
/// case included, is compared as it stands.
/// </summary>
public static class CommonText
{
    /// <summary>
    /// Stands in the reference for a hyphen DP could not resolve (<c>-*</c>): the scorer makes it a
    /// hyphen or nothing, whichever the text being scored has, so an open question in the ground
    /// truth costs nothing.
    /// </summary>
    public const char OpenHyphen = '\uE000';

    /// <summary>The folded form of one character, or null when it folds to itself.</summary>
    public static string? Fold(char c) => c switch
    {
        '\u201C' or '\u201D' or '\u201E' or '\u201F' => "\"",
        '\u2018' or '\u2019' or '\u201A' or '\u201B' => "'",
        '\u2E3A' => "——",
        '\u2E3B' => "———",
        '\u00AD' or '\u200B' or '\uFEFF' => "",
        'ʰ' => "h", 'ʲ' => "j", 'ʳ' => "r", 'ʷ' => "w", 'ʸ' => "y", 'ˡ' => "l", 'ˢ' => "s", 'ˣ' => "x",
        'ᵃ' => "a", 'ᵇ' => "b", 'ᶜ' => "c", 'ᵈ' => "d", 'ᵉ' => "e", 'ᶠ' => "f", 'ᵍ' => "g", 'ⁱ' => "i",
        'ᵏ' => "k", 'ᵐ' => "m", 'ⁿ' => "n", 'ᵒ' => "o", 'ᵖ' => "p", 'ᵗ' => "t", 'ᵘ' => "u", 'ᵛ' => "v",
        'ᶻ' => "z",
        _ => null,
    };

    /// <summary>A string in the common form (for short texts: note bodies, headings, raw pages).</summary>
    public static string Normalise(string s)
    {
        var w = new TextSink();
        w.Append(s);
        return w.ToString();
    }

    /// <summary>The words of a text in the common form: split at spaces, punctuation trimmed from both ends, empty ones dropped.</summary>
    public static List<string> Words(string s)
    {
        var words = new List<string>();
        foreach (var token in s.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string w = TrimPunctuation(token);
            if (w.Length > 0) words.Add(w);
        }
        return words;
    }

    public static string TrimPunctuation(string token)
    {
        int a = 0, b = token.Length;
        while (a < b && !char.IsLetterOrDigit(token[a]) && token[a] != OpenHyphen) a++;
        while (b > a && !char.IsLetterOrDigit(token[b - 1]) && token[b - 1] != OpenHyphen) b--;
        return token[a..b];
    }

    /// <summary>The last word of a text (punctuation trimmed), or "" when it has none.</summary>
    public static string LastWord(string s)
    {
        int end = s.Length;
        while (end > 0)
        {
            while (end > 0 && s[end - 1] == ' ') end--;
            int start = end;
            while (start > 0 && s[start - 1] != ' ') start--;
            string w = TrimPunctuation(s[start..end]);
            if (w.Length > 0) return w.Replace(OpenHyphen.ToString(), "");
            end = start;
        }
        return "";
    }

    /// <summary>
    /// Makes each open hyphen of <paramref name="reference"/> a hyphen when <paramref name="scored"/>
    /// has the word hyphenated and not joined, otherwise nothing (the word joined).
    /// </summary>
    public static string ResolveOpenHyphens(string reference, string scored)
    {
        if (reference.IndexOf(OpenHyphen) < 0) return reference;
        var sb = new StringBuilder(reference.Length);
        for (int i = 0; i < reference.Length; i++)
        {
            char c = reference[i];
            if (c != OpenHyphen) { sb.Append(c); continue; }
            int a = i, b = i + 1;
            while (a > 0 && char.IsLetter(reference[a - 1])) a--;
            while (b < reference.Length && char.IsLetter(reference[b])) b++;
            string left = reference[a..i], right = reference[(i + 1)..b];
            bool hyphenated = left.Length > 0 && right.Length > 0
                && ContainsWord(scored, left + "-" + right) && !ContainsWord(scored, left + right);
            if (hyphenated) sb.Append('-');
        }
        return sb.ToString();
    }

    private static bool ContainsWord(string text, string word)
    {
        for (int at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            bool before = at == 0 || !char.IsLetter(text[at - 1]);
            bool after = at + word.Length == text.Length || !char.IsLetter(text[at + word.Length]);
            if (before && after) return true;
        }
        return false;
    }
}

/// <summary>
/// Collects text in the common form: folds each character, collapses whitespace to single spaces
/// (none at the start), and makes <c>--</c> an em dash.
/// </summary>
public sealed class TextSink : ITextTarget
{
    private readonly StringBuilder _sb = new();
    private bool _pendingSpace;
    private bool _lastIsPlainHyphen;

    public int Length => _sb.Length + (_pendingSpace && _sb.Length > 0 ? 1 : 0);
    public bool IsEmpty => _sb.Length == 0;

    /// <summary>A break between two runs of text (two blocks, two lines): a space unless one is there already.</summary>
    public void Space()
    {
        _pendingSpace = true;
        _lastIsPlainHyphen = false;
    }

    public void Append(string s)
    {
        foreach (char c in s) Append(c);
    }

    public void Append(char c)
    {
        if (char.IsWhiteSpace(c)) { Space(); return; }
        string? folded = CommonText.Fold(c);
        if (folded != null)
        {
            foreach (char f in folded) AppendFolded(f);
            return;
        }
        AppendFolded(c);
    }

    private void AppendFolded(char c)
    {
        if (_pendingSpace && _sb.Length > 0) _sb.Append(' ');
        _pendingSpace = false;
        if (c == '-' && _lastIsPlainHyphen)
        {
            _sb[^1] = '—';
            _lastIsPlainHyphen = false;
            return;
        }
        _sb.Append(c);
        _lastIsPlainHyphen = c == '-';
    }

    /// <summary>The last <paramref name="n"/> characters collected (fewer when there are fewer).</summary>
    public string Tail(int n) => n >= _sb.Length ? _sb.ToString() : _sb.ToString(_sb.Length - n, n);

    public override string ToString() => _sb.ToString();
}
