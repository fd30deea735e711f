namespace Edition.Cli.Reports;

/// <summary>A run of an edit script: items a[AStart..AEnd) became b[BStart..BEnd) (equal when <see cref="Equal"/>).</summary>
public readonly record struct Hunk(bool Equal, int AStart, int AEnd, int BStart, int BEnd);

/// <summary>The shortest edit script between two sequences, by the longest common subsequence.</summary>
public static class Sequences
{
    /// <summary>Above this many cells the middle is reported as one replacement rather than aligned.</summary>
    private const long MaxCells = 16_000_000;

    public static List<Hunk> Diff<T>(IReadOnlyList<T> a, IReadOnlyList<T> b, IEqualityComparer<T>? comparer = null)
    {
        comparer ??= EqualityComparer<T>.Default;
        int pre = 0;
        while (pre < a.Count && pre < b.Count && comparer.Equals(a[pre], b[pre])) pre++;
        int suf = 0;
        while (suf < a.Count - pre && suf < b.Count - pre && comparer.Equals(a[a.Count - 1 - suf], b[b.Count - 1 - suf])) suf++;
        int n = a.Count - pre - suf, m = b.Count - pre - suf;

        // Pairs of (i, j) kept in order: the common subsequence of the middle.
        var common = new List<(int I, int J)>();
        if (n > 0 && m > 0 && (long)(n + 1) * (m + 1) <= MaxCells)
        {
            var lcs = new int[(n + 1) * (m + 1)];
            int W = m + 1;
            for (int i = n - 1; i >= 0; i--)
                for (int j = m - 1; j >= 0; j--)
                    lcs[i * W + j] = comparer.Equals(a[pre + i], b[pre + j])
                        ? lcs[(i + 1) * W + j + 1] + 1
                        : Math.Max(lcs[(i + 1) * W + j], lcs[i * W + j + 1]);
            for (int i = 0, j = 0; i < n && j < m;)
            {
                if (comparer.Equals(a[pre + i], b[pre + j])) { common.Add((pre + i, pre + j)); i++; j++; }
                else if (lcs[(i + 1) * W + j] >= lcs[i * W + j + 1]) i++;
                else j++;
            }
        }

        var hunks = new List<Hunk>();
        void Add(bool equal, int a0, int a1, int b0, int b1)
        {
            if (a1 == a0 && b1 == b0) return;
            if (hunks.Count > 0 && hunks[^1].Equal == equal && hunks[^1].AEnd == a0 && hunks[^1].BEnd == b0)
                hunks[^1] = hunks[^1] with { AEnd = a1, BEnd = b1 };
            else hunks.Add(new Hunk(equal, a0, a1, b0, b1));
        }
        Add(true, 0, pre, 0, pre);
        int ai = pre, bi = pre;
        foreach (var (i, j) in common)
        {
            Add(false, ai, i, bi, j);
            Add(true, i, i + 1, j, j + 1);
            ai = i + 1; bi = j + 1;
        }
        Add(false, ai, a.Count - suf, bi, b.Count - suf);
        Add(true, a.Count - suf, a.Count, b.Count - suf, b.Count);
        return hunks;
    }
}
