namespace Edition.Stages;

/// <summary>
/// A real word list (Debian's <c>wbritish</c> by default). A word in the text is known when the list
/// has it as written, or in lower case when the text capitalises it (<c>The</c>, <c>USSR</c>).
/// </summary>
public sealed class WordList
{
    public const string DefaultPath = "/usr/share/dict/british-english";

    private readonly HashSet<string> _words;
    /// <summary>Every entry, matched in any case.</summary>
    private readonly HashSet<string> _lower;
    /// <summary>The entries written in lower case, matched in any case: "The" finds "the", "Farms" finds "farms".</summary>
    private readonly HashSet<string> _lowerEntries;

    public WordList(IEnumerable<string> words)
    {
        _words = new HashSet<string>(120_000, StringComparer.Ordinal);
        _lower = new HashSet<string>(120_000, StringComparer.OrdinalIgnoreCase);
        _lowerEntries = new HashSet<string>(100_000, StringComparer.OrdinalIgnoreCase);
        foreach (var w in words)
        {
            if (w.Length == 0) continue;
            string n = Normalise(w);
            _words.Add(n);
            _lower.Add(n);
            bool upper = false;
            foreach (char c in n) if (char.IsUpper(c)) { upper = true; break; }
            if (!upper) _lowerEntries.Add(n);
        }
    }

    public int Count => _words.Count;

    private static WordList? _default;
    private static readonly object Gate = new();

    /// <summary>The system word list, read once per process.</summary>
    public static WordList LoadDefault(string path = DefaultPath)
    {
        if (path != DefaultPath) return Load(path);
        lock (Gate) return _default ??= Load(path);
    }

    public static WordList Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"the word list {path} is missing: install Debian's 'wbritish' package (build/setup.sh does)", path);
        return new WordList(File.ReadLines(path));
    }

    /// <summary>Is this a word of the language? Single letters other than the language's own one-letter words are not.</summary>
    public bool Contains(string word)
    {
        if (word.Length == 0) return false;
        string w = Normalise(word);
        if (w.Length == 1) return w is "a" or "A" or "I" or "O";
        if (_words.Contains(w)) return true;
        // "The" for "the", "PARIS" for "Paris": capitals may be the printer's, lower case may not.
        if (!char.IsUpper(w[0])) return false;
        if (IsAllUpper(w)) return _lower.Contains(w);
        for (int i = 1; i < w.Length; i++) if (char.IsUpper(w[i])) return false;
        return _lowerEntries.Contains(w);
    }

    /// <summary>Like <see cref="Contains"/>, ignoring case entirely (<c>scot</c> for <c>Scot</c>).</summary>
    public bool ContainsAnyCase(string word)
    {
        if (word.Length <= 1) return Contains(word);
        return _lower.Contains(Normalise(word));
    }

    private static readonly string[] Endings = { "s", "es", "ed", "d", "ing", "ly", "er", "ers", "ings" };

    /// <summary>Known as written, or as a regular inflection of a known word ("chambered" from "chamber").</summary>
    public bool ContainsInflected(string word)
    {
        if (ContainsAnyCase(word)) return true;
        foreach (var e in Endings)
            if (word.Length > e.Length + 2 && word.EndsWith(e, StringComparison.OrdinalIgnoreCase)
                && ContainsAnyCase(word[..^e.Length]))
                return true;
        return false;
    }

    private static bool IsAllUpper(string w)
    {
        foreach (char c in w) if (char.IsLetter(c) && !char.IsUpper(c)) return false;
        return true;
    }

    private static string Normalise(string w) => w.Contains('’') ? w.Replace('’', '\'') : w;
}
