namespace Edition.Outputs.Scoring;

/// <summary>
/// Levenshtein distance (unit costs for insertion, deletion and substitution) by Myers' bit-parallel
/// algorithm in Hyyrö's multi-word form: the shorter sequence is the pattern, cut into 64-row
/// blocks; each symbol of the longer one advances every block by one column in a few word
/// operations. Time O(n·⌈m/64⌉), memory O(σ·⌈m/64⌉): a 3,000-character page against another is
/// about 150,000 block steps, a whole 50,000-character text against another about 40 million.
/// </summary>
public static class Alignment
{
    /// <summary>The edit distance between two strings, compared UTF-16 code unit by code unit.</summary>
    public static int Distance(string a, string b)
    {
        if (ReferenceEquals(a, b) || a == b) return 0;
        var x = new int[a.Length];
        for (int i = 0; i < a.Length; i++) x[i] = a[i];
        var y = new int[b.Length];
        for (int i = 0; i < b.Length; i++) y[i] = b[i];
        return Distance(x, y);
    }

    /// <summary>The edit distance between two sequences of symbols (characters, or word ids).</summary>
    public static int Distance(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        // Common prefix and suffix cost nothing and shrink the work.
        int start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start]) start++;
        a = a[start..];
        b = b[start..];
        int end = 0;
        while (end < a.Length && end < b.Length && a[a.Length - 1 - end] == b[b.Length - 1 - end]) end++;
        a = a[..^end];
        b = b[..^end];

        var pattern = a.Length <= b.Length ? a : b;
        var text = a.Length <= b.Length ? b : a;
        int m = pattern.Length, n = text.Length;
        if (m == 0) return n;

        int blocks = (m + 63) / 64;
        // Row 0 of the match table is the symbol that is not in the pattern (all zeros).
        var symbols = new Dictionary<int, int>();
        foreach (int s in pattern)
            if (!symbols.ContainsKey(s)) symbols[s] = symbols.Count + 1;
        var peq = new ulong[(symbols.Count + 1) * blocks];
        for (int i = 0; i < m; i++)
            peq[symbols[pattern[i]] * blocks + (i >> 6)] |= 1UL << (i & 63);

        var pv = new ulong[blocks];
        var mv = new ulong[blocks];
        Array.Fill(pv, ulong.MaxValue); // first column: D[i][0] = i, every vertical step +1
        ulong lastBit = 1UL << ((m - 1) & 63);
        const ulong HighBit = 1UL << 63;
        int score = m;

        for (int j = 0; j < n; j++)
        {
            int row = symbols.TryGetValue(text[j], out int r) ? r * blocks : 0;
            int hin = 1; // top row: D[0][j] = j, every horizontal step +1
            for (int k = 0; k < blocks; k++)
            {
                ulong eq = peq[row + k];
                ulong pvk = pv[k], mvk = mv[k];
                ulong xv = eq | mvk;
                if (hin < 0) eq |= 1UL;
                ulong xh = (((eq & pvk) + pvk) ^ pvk) | eq;
                ulong ph = mvk | ~(xh | pvk);
                ulong mh = pvk & xh;
                ulong high = k == blocks - 1 ? lastBit : HighBit;
                int hout = (ph & high) != 0 ? 1 : (mh & high) != 0 ? -1 : 0;
                ph <<= 1;
                mh <<= 1;
                if (hin < 0) mh |= 1UL;
                else if (hin > 0) ph |= 1UL;
                pv[k] = mh | ~(xv | ph);
                mv[k] = ph & xv;
                hin = hout;
            }
            score += hin;
        }
        return score;
    }

    /// <summary>The edit distance between two word sequences (each word one symbol, compared ordinally).</summary>
    public static int WordDistance(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        int[] Map(IReadOnlyList<string> words)
        {
            var result = new int[words.Count];
            for (int i = 0; i < words.Count; i++)
            {
                if (!ids.TryGetValue(words[i], out int id)) ids[words[i]] = id = ids.Count;
                result[i] = id;
            }
            return result;
        }
        return Distance(Map(a), Map(b));
    }
}
