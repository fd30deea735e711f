namespace Edition.Outputs.Scoring;

public enum UnitKind
{
    /// <summary>One page each side, paired by page number.</summary>
    Number,
    /// <summary>One page each side, paired by position between two pages paired by number (the break is there, its number is not).</summary>
    Position,
    /// <summary>Several pages compared as one: a break is missing or extra on one side.</summary>
    Merged,
}

/// <summary>Reference pages [RefStart, RefStart+RefCount) compared with scored pages [HypStart, HypStart+HypCount).</summary>
public sealed record AlignmentUnit(int RefStart, int RefCount, int HypStart, int HypCount, UnitKind Kind);

/// <summary>
/// Pairs the pages of a scored text with the reference's pages. Page breaks whose numbers are
/// reference page numbers anchor the pairing (the longest chain in order on both sides). Between
/// two anchors, breaks are paired by position when both sides have as many pages; otherwise
/// those pages are compared as one unit, so a missing or extra break costs only what it moves.
/// Pages numbered outside the reference's range (an edition of the whole book scored against some
/// of its pages) are left out. When fewer than half the numbers match, a constant offset between
/// the two numberings (scans numbered from the cover, say) is tried.
/// </summary>
public sealed class PageAlignment
{
    public List<AlignmentUnit> Units { get; } = new();

    /// <summary>Breaks paired by number.</summary>
    public int ByNumber { get; private set; }

    /// <summary>Breaks paired by position (numbered wrongly, or not at all).</summary>
    public int ByPosition { get; private set; }

    /// <summary>Reference pages compared inside merged units.</summary>
    public int RefPagesMerged { get; private set; }

    /// <summary>Scored pages left out: numbered outside the reference's pages.</summary>
    public int HypPagesOutside { get; private set; }

    /// <summary>Added to a scored page's number to give the reference's.</summary>
    public int Offset { get; private set; }

    private int[] _unitOfRef = Array.Empty<int>();
    private int[] _unitOfHyp = Array.Empty<int>();

    /// <summary>The unit that holds a reference page.</summary>
    public int UnitOfRef(int page) => page >= 0 && page < _unitOfRef.Length ? _unitOfRef[page] : -1;

    /// <summary>The unit that holds a scored page, or -1 when it is left out.</summary>
    public int UnitOfHyp(int page) => page >= 0 && page < _unitOfHyp.Length ? _unitOfHyp[page] : -1;

    /// <param name="hyp">The scored text's page numbers, in its order (null: unnumbered).</param>
    /// <param name="reference">The reference's page numbers, in its order.</param>
    public static PageAlignment Align(IReadOnlyList<int?> hyp, IReadOnlyList<int?> reference)
    {
        var a = new PageAlignment();
        var refIndex = new Dictionary<int, int>();
        for (int j = 0; j < reference.Count; j++)
            if (reference[j] is int n) refIndex.TryAdd(n, j);

        a.Offset = ChooseOffset(hyp, refIndex);
        var anchors = Anchors(hyp, refIndex, a.Offset);
        int refMin = refIndex.Count > 0 ? refIndex.Keys.Min() : int.MinValue;
        int refMax = refIndex.Count > 0 ? refIndex.Keys.Max() : int.MaxValue;
        bool Outside(int i) => hyp[i] is int n && (n + a.Offset < refMin || n + a.Offset > refMax);

        var units = a.Units;
        int hi = 0, rj = 0;
        int? leading = null; // scored pages before the first anchor that have no reference page of their own
        for (int k = 0; k <= anchors.Count; k++)
        {
            bool end = k == anchors.Count;
            int hs = hi, he = end ? hyp.Count : anchors[k].Hyp;
            int rEnd = end ? reference.Count : anchors[k].Ref;
            // Before the first anchor, pages up to the last one numbered outside the reference are left
            // out; after the last anchor, pages from the first one numbered outside.
            if (k == 0)
            {
                for (int i = he - 1; i >= hs; i--)
                    if (Outside(i)) { a.HypPagesOutside += i + 1 - hs; hs = i + 1; break; }
            }
            if (end)
            {
                for (int i = hs; i < he; i++)
                    if (Outside(i)) { a.HypPagesOutside += he - i; he = i; break; }
            }
            int hCount = he - hs, rCount = rEnd - rj;
            if (hCount == rCount)
            {
                for (int t = 0; t < rCount; t++) units.Add(new AlignmentUnit(rj + t, 1, hs + t, 1, UnitKind.Position));
            }
            else if (rCount == 0)
            {
                // Breaks the reference does not have: their text goes with the page before.
                if (units.Count > 0) units[^1] = units[^1] with { HypCount = he - units[^1].HypStart, Kind = UnitKind.Merged };
                else if (!end) leading = hs;
                else units.Add(new AlignmentUnit(rj, 0, hs, hCount, UnitKind.Merged));
            }
            else if (hCount == 0)
            {
                // Breaks the scored text does not have: those pages' text is in its page before.
                if (units.Count > 0) units[^1] = units[^1] with { RefCount = rEnd - units[^1].RefStart, Kind = UnitKind.Merged };
                else units.Add(new AlignmentUnit(rj, rCount, hs, 0, UnitKind.Merged));
            }
            else
            {
                units.Add(new AlignmentUnit(rj, rCount, hs, hCount, UnitKind.Merged));
            }
            if (end) break;

            var anchor = anchors[k];
            int start = leading ?? anchor.Hyp;
            leading = null;
            units.Add(new AlignmentUnit(anchor.Ref, 1, start, anchor.Hyp - start + 1, start == anchor.Hyp ? UnitKind.Number : UnitKind.Merged));
            hi = anchor.Hyp + 1;
            rj = anchor.Ref + 1;
        }
        a.ByNumber = anchors.Count;
        a.ByPosition = units.Count(u => u.Kind == UnitKind.Position);
        a.RefPagesMerged = units.Where(u => u.Kind == UnitKind.Merged && u.RefCount > 1).Sum(u => u.RefCount);

        a._unitOfRef = Enumerable.Repeat(-1, reference.Count).ToArray();
        a._unitOfHyp = Enumerable.Repeat(-1, hyp.Count).ToArray();
        for (int u = 0; u < a.Units.Count; u++)
        {
            var unit = a.Units[u];
            for (int j = unit.RefStart; j < unit.RefStart + unit.RefCount; j++) a._unitOfRef[j] = u;
            for (int i = unit.HypStart; i < unit.HypStart + unit.HypCount; i++) a._unitOfHyp[i] = u;
        }
        return a;
    }

    private static int ChooseOffset(IReadOnlyList<int?> hyp, Dictionary<int, int> refIndex)
    {
        int numbered = hyp.Count(n => n != null);
        if (numbered == 0 || refIndex.Count == 0) return 0;
        int direct = hyp.Count(n => n is int v && refIndex.ContainsKey(v));
        if (direct * 2 >= numbered) return 0;
        var votes = new Dictionary<int, int>();
        foreach (var n in hyp)
        {
            if (n is not int v) continue;
            foreach (int r in refIndex.Keys) votes[r - v] = votes.GetValueOrDefault(r - v) + 1;
        }
        var best = votes.OrderByDescending(kv => kv.Value).ThenBy(kv => Math.Abs(kv.Key)).First();
        return best.Value > direct ? best.Key : 0;
    }

    /// <summary>The longest chain of (scored page, reference page) pairs with equal numbers, increasing on both sides.</summary>
    private static List<(int Hyp, int Ref)> Anchors(IReadOnlyList<int?> hyp, Dictionary<int, int> refIndex, int offset)
    {
        var pairs = new List<(int Hyp, int Ref)>();
        for (int i = 0; i < hyp.Count; i++)
            if (hyp[i] is int n && refIndex.TryGetValue(n + offset, out int j)) pairs.Add((i, j));
        // Longest strictly increasing subsequence of Ref (pairs are already in Hyp order).
        var tails = new List<int>();
        var previous = new int[pairs.Count];
        for (int p = 0; p < pairs.Count; p++)
        {
            int lo = 0, hi = tails.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) / 2;
                if (pairs[tails[mid]].Ref < pairs[p].Ref) lo = mid + 1; else hi = mid;
            }
            if (lo < tails.Count && pairs[tails[lo]].Ref == pairs[p].Ref) continue; // a repeated number: the first one stands
            previous[p] = lo > 0 ? tails[lo - 1] : -1;
            if (lo == tails.Count) tails.Add(p); else tails[lo] = p;
        }
        var chain = new List<(int, int)>();
        for (int p = tails.Count > 0 ? tails[^1] : -1; p >= 0; p = previous[p]) chain.Add(pairs[p]);
        chain.Reverse();
        return chain;
    }
}
