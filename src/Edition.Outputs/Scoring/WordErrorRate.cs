using System.Globalization;
using System.Text;

namespace Edition.Outputs.Scoring;

/// <summary>What a word-level comparison found: the edits, and the reference words they are counted against.</summary>
public readonly record struct WordErrors(int Substitutions, int Deletions, int Insertions, int ReferenceWords)
{
    public int Errors => Substitutions + Deletions + Insertions;
    /// <summary>Word error rate: edits per reference word (0 when there is nothing to compare).</summary>
    public double Rate => ReferenceWords == 0 ? (Errors == 0 ? 0 : 1) : (double)Errors / ReferenceWords;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"WER {Rate:P2} ({Errors} of {ReferenceWords} words: {Substitutions} sub, {Deletions} del, {Insertions} ins)");
}

/// <summary>
/// Word error rate between a reference text and a hypothesis (an edition read back from its own
/// scans, say). Words are runs of letters and digits with the apostrophes and hyphens inside
/// them; punctuation between words is not counted. Typographic apostrophes and dashes are folded
/// to one form, so that a font's curly apostrophe read back as a straight one is not an error.
/// </summary>
public static class WordErrorRate
{
    /// <summary>The words of a text, in order, as compared.</summary>
    public static List<string> Words(string text, bool ignoreCase = false)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        string s = text.Normalize(NormalizationForm.FormC);
        for (int i = 0; i <= s.Length; i++)
        {
            char c = i < s.Length ? Fold(s[i]) : ' ';
            bool inner = (c is '\'' or '-') && sb.Length > 0 && i + 1 < s.Length && char.IsLetterOrDigit(s[i + 1]);
            if (char.IsLetterOrDigit(c) || inner)
            {
                sb.Append(ignoreCase ? char.ToLowerInvariant(c) : c);
                continue;
            }
            if (sb.Length > 0) words.Add(sb.ToString());
            sb.Clear();
        }
        return words;
    }

    private static char Fold(char c) => c switch
    {
        '\u2019' or '\u2018' or '\u02BC' => '\'',
        '\u2010' or '\u2011' => '-',
        _ => c,
    };

    /// <summary>Errors of the whole hypothesis against the whole reference (plain Levenshtein over words).</summary>
    public static WordErrors Global(IReadOnlyList<string> reference, IReadOnlyList<string> hypothesis) =>
        Align(reference, hypothesis, freeEnds: false);

    /// <summary>
    /// Errors of the hypothesis against the stretch of the reference it matches best: reference words
    /// before and after that stretch cost nothing. For a few pages read back against a whole book.
    /// </summary>
    public static WordErrors Within(IReadOnlyList<string> reference, IReadOnlyList<string> hypothesis) =>
        Align(reference, hypothesis, freeEnds: true);

    private static WordErrors Align(IReadOnlyList<string> reference, IReadOnlyList<string> hypothesis, bool freeEnds)
    {
        // Words to ids, so the inner loop compares integers.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        int Id(string w) => ids.TryGetValue(w, out int id) ? id : ids[w] = ids.Count;
        var r = reference.Select(Id).ToArray();
        var h = hypothesis.Select(Id).ToArray();
        int m = r.Length, n = h.Length;

        // Rows over the hypothesis, columns over the reference. Each cell keeps its cost and its
        // edits by kind (a path's counts), and the column where its reference stretch began.
        var cost = new int[m + 1];
        var sub = new int[m + 1];
        var del = new int[m + 1];
        var ins = new int[m + 1];
        var begin = new int[m + 1];
        var cost2 = new int[m + 1];
        var sub2 = new int[m + 1];
        var del2 = new int[m + 1];
        var ins2 = new int[m + 1];
        var begin2 = new int[m + 1];
        for (int j = 0; j <= m; j++)
        {
            cost[j] = freeEnds ? 0 : j;
            del[j] = freeEnds ? 0 : j;
            begin[j] = freeEnds ? j : 0;
        }
        for (int i = 1; i <= n; i++)
        {
            cost2[0] = cost[0] + 1; sub2[0] = sub[0]; del2[0] = del[0]; ins2[0] = ins[0] + 1; begin2[0] = begin[0];
            for (int j = 1; j <= m; j++)
            {
                bool same = h[i - 1] == r[j - 1];
                int diag = cost[j - 1] + (same ? 0 : 1);
                int up = cost[j] + 1;        // a hypothesis word the reference lacks: insertion
                int left = cost2[j - 1] + 1; // a reference word the hypothesis lacks: deletion
                if (diag <= up && diag <= left)
                {
                    cost2[j] = diag; sub2[j] = sub[j - 1] + (same ? 0 : 1); del2[j] = del[j - 1]; ins2[j] = ins[j - 1]; begin2[j] = begin[j - 1];
                }
                else if (up <= left)
                {
                    cost2[j] = up; sub2[j] = sub[j]; del2[j] = del[j]; ins2[j] = ins[j] + 1; begin2[j] = begin[j];
                }
                else
                {
                    cost2[j] = left; sub2[j] = sub2[j - 1]; del2[j] = del2[j - 1] + 1; ins2[j] = ins2[j - 1]; begin2[j] = begin2[j - 1];
                }
            }
            (cost, cost2) = (cost2, cost);
            (sub, sub2) = (sub2, sub);
            (del, del2) = (del2, del);
            (ins, ins2) = (ins2, ins);
            (begin, begin2) = (begin2, begin);
        }
        int end = m;
        if (freeEnds)
            for (int j = 0; j <= m; j++)
                if (cost[j] < cost[end] || (cost[j] == cost[end] && j < end)) end = j;
        return new WordErrors(sub[end], del[end], ins[end], end - begin[end]);
    }
}
