using System.Text;

namespace Edition.Pdf.Hyphenation;

/// <summary>
/// Liang's hyphenation: every pattern that matches inside <c>.word.</c> votes between two letters,
/// and an odd maximum allows a break there. Patterns come from a Hunspell/LibreOffice <c>.dic</c>
/// file (Debian's <c>hyphen-en-gb</c>): a charset line, optional <c>LEFTHYPHENMIN</c>-style
/// settings, then one pattern a line.
/// </summary>
public sealed class Hyphenator
{
    public const string DefaultPath = "/usr/share/hyphen/hyph_en_GB.dic";

    private readonly Dictionary<string, byte[]> _patterns;
    private readonly Dictionary<string, byte[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _maxPatternLength;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int[]> _cache = new(StringComparer.Ordinal);

    private Hyphenator(Dictionary<string, byte[]> patterns, int left, int right)
    {
        _patterns = patterns;
        _lookup = patterns.GetAlternateLookup<ReadOnlySpan<char>>();
        _maxPatternLength = patterns.Keys.Count == 0 ? 0 : patterns.Keys.Max(k => k.Length);
        LeftMin = left;
        RightMin = right;
    }

    /// <summary>Fewest letters before a break.</summary>
    public int LeftMin { get; }
    /// <summary>Fewest letters after a break.</summary>
    public int RightMin { get; }
    public int PatternCount => _patterns.Count;

    private static Hyphenator? _default;
    private static readonly Lock DefaultLock = new();

    /// <summary>The en-GB patterns, read once.</summary>
    public static Hyphenator Default
    {
        get
        {
            lock (DefaultLock) return _default ??= Load(DefaultPath);
        }
    }

    public static Hyphenator Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: the hyphenation patterns are missing (Debian package hyphen-en-gb)", path);
        byte[] bytes = File.ReadAllBytes(path);
        // The first line names the charset; the en-GB file is UTF-8, older ones ISO8859-1.
        int nl = Array.IndexOf(bytes, (byte)'\n');
        string charset = Encoding.ASCII.GetString(bytes, 0, nl < 0 ? bytes.Length : nl).Trim();
        Encoding enc = charset.StartsWith("UTF-8", StringComparison.OrdinalIgnoreCase) ? Encoding.UTF8 : Encoding.Latin1;
        return Parse(enc.GetString(bytes, nl + 1, bytes.Length - nl - 1));
    }

    /// <summary>Patterns as text, one a line, with optional LEFTHYPHENMIN/RIGHTHYPHENMIN lines.</summary>
    public static Hyphenator Parse(string text, int defaultLeft = 2, int defaultRight = 3)
    {
        var patterns = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        int left = defaultLeft, right = defaultRight;
        foreach (var raw in text.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('%') || line.StartsWith('#')) continue;
            if (line.StartsWith("LEFTHYPHENMIN ", StringComparison.Ordinal)) { left = int.Parse(line[14..]); continue; }
            if (line.StartsWith("RIGHTHYPHENMIN ", StringComparison.Ordinal)) { right = int.Parse(line[15..]); continue; }
            if (line.Contains(' ')) continue; // other settings (COMPOUND…, NEXTLEVEL) do not apply here
            if (line.Contains('/')) continue; // non-standard patterns (replacements) are not used for English
            var letters = new StringBuilder(line.Length);
            var values = new List<byte> { 0 };
            foreach (char c in line)
            {
                if (c is >= '0' and <= '9') values[^1] = (byte)(c - '0');
                else { letters.Append(c); values.Add(0); }
            }
            patterns[letters.ToString()] = values.ToArray();
        }
        return new Hyphenator(patterns, left, right);
    }

    /// <summary>
    /// Where <paramref name="word"/> may break: each value i means a break between word[i-1] and word[i].
    /// The word is taken as letters only (the caller strips punctuation around it).
    /// </summary>
    public int[] Points(string word)
    {
        if (_cache.TryGetValue(word, out var cached)) return cached;
        return _cache.GetOrAdd(word, Compute(word));
    }

    private int[] Compute(string word)
    {
        int n = word.Length;
        if (n < LeftMin + RightMin) return [];
        Span<char> dotted = n + 2 <= 256 ? stackalloc char[n + 2] : new char[n + 2];
        dotted[0] = '.';
        for (int i = 0; i < n; i++)
        {
            char c = char.ToLowerInvariant(word[i]);
            dotted[i + 1] = c == '\u2019' ? '\'' : c;
        }
        dotted[n + 1] = '.';
        // values[k] is the vote between dotted[k-1] and dotted[k].
        Span<byte> values = n + 3 <= 256 ? stackalloc byte[n + 3] : new byte[n + 3];
        values.Clear();
        for (int start = 0; start < dotted.Length; start++)
        {
            int maxLen = Math.Min(_maxPatternLength, dotted.Length - start);
            for (int len = 1; len <= maxLen; len++)
            {
                if (!_lookup.TryGetValue(dotted.Slice(start, len), out var v)) continue;
                for (int k = 0; k < v.Length; k++)
                    if (v[k] > values[start + k]) values[start + k] = v[k];
            }
        }
        var points = new List<int>();
        // A break before word[i] is the vote between dotted[i] and dotted[i+1], i.e. values[i+1].
        for (int i = LeftMin; i <= n - RightMin; i++)
            if ((values[i + 1] & 1) == 1) points.Add(i);
        return points.ToArray();
    }

    /// <summary>The word with its break points shown, e.g. <c>hy-phen-ation</c>.</summary>
    public string Show(string word, char mark = '-')
    {
        var sb = new StringBuilder(word.Length + 4);
        var points = Points(word);
        int p = 0;
        for (int i = 0; i < word.Length; i++)
        {
            if (p < points.Length && points[p] == i) { sb.Append(mark); p++; }
            sb.Append(word[i]);
        }
        return sb.ToString();
    }
}
