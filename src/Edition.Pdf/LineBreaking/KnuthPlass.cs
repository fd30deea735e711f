namespace Edition.Pdf.LineBreaking;

/// <summary>How the breaker weighs lines; TeX's defaults where TeX has one.</summary>
public sealed record BreakSettings
{
    /// <summary>Badness allowed in the first pass, which tries no hyphenation (TeX's \pretolerance).</summary>
    public float PreTolerance { get; init; } = 100;
    /// <summary>Badness allowed in the second pass, with hyphenation (TeX's \tolerance).</summary>
    public float Tolerance { get; init; } = 200;
    public float LinePenalty { get; init; } = 10;
    /// <summary>Added when two consecutive lines end in a hyphen.</summary>
    public float DoubleHyphenDemerits { get; init; } = 10000;
    /// <summary>Added when a line's spacing class differs by more than one from the line before.</summary>
    public float FitnessDemerits { get; init; } = 10000;
    /// <summary>The cost of breaking a word at a hyphenation point (TeX's \hyphenpenalty).</summary>
    public float HyphenPenalty { get; init; } = 100;
    /// <summary>The cost of breaking after a hyphen or dash of the text (TeX's \exhyphenpenalty).</summary>
    public float ExplicitHyphenPenalty { get; init; } = 50;
    /// <summary>Word-space stretch and shrink, as fractions of the space (TeX's fonts: ½ and ⅓).</summary>
    public float SpaceStretch { get; init; } = 0.5f;
    public float SpaceShrink { get; init; } = 1f / 3;
    /// <summary>
    /// Letter-spacing a line may take or give up, per glyph, in ems of the type (as a compositor
    /// would, or pdfTeX's font expansion): small enough not to show, it spares the word spaces.
    /// </summary>
    public float LetterStretch { get; init; } = 0.012f;
    public float LetterShrink { get; init; } = 0.006f;
    /// <summary>
    /// Stretch added to every line when the first two passes fail (TeX's \emergencystretch), so
    /// that the looseness is spread over the paragraph instead of piling up in one line.
    /// </summary>
    public float EmergencyStretch { get; init; }
    /// <summary>Most lines ending in a hyphen one after another.</summary>
    public int MaxConsecutiveHyphens { get; init; } = 2;
}

/// <summary>One line chosen by the breaker: items [Start, End) with the break at End.</summary>
public readonly record struct LineBreak(int Start, int End, float Ratio, bool Hyphenated, float Badness);

public sealed record BreakResult(IReadOnlyList<LineBreak> Lines, int Pass);

/// <summary>
/// Knuth and Plass's total-fit line breaking: of every way to break the paragraph at its legal
/// breakpoints, the one whose lines' demerits add up least. Passes as in TeX: without hyphens
/// (1), with them (2), with emergency stretch (3), then a last resort (4) that accepts any
/// underfull line and, where nothing fits, an overfull one rather than fail.
/// </summary>
public static class KnuthPlass
{
    private sealed class Node
    {
        public int Position;
        public int Line;
        public int Fitness;
        public int Hyphens;
        public bool Flagged;
        public float Ratio;
        public float Badness;
        public double TotalDemerits;
        public float Width, Stretch, Shrink; // sums at the first item of the line that follows
        public Node? Previous;
    }

    /// <param name="items">The paragraph, ending in a forced break.</param>
    /// <param name="lineWidth">Width available to line n (0-based).</param>
    public static BreakResult Break(IReadOnlyList<Item> items, Func<int, float> lineWidth, BreakSettings? settings = null, int firstDistinctLines = 1)
    {
        settings ??= new BreakSettings();
        if (items.Count == 0) return new BreakResult(Array.Empty<LineBreak>(), 0);
        int n = items.Count;
        var sumW = new float[n + 1];
        var sumY = new float[n + 1];
        var sumZ = new float[n + 1];
        for (int i = 0; i < n; i++)
        {
            var it = items[i];
            sumW[i + 1] = sumW[i] + (it.IsPenalty ? 0 : it.Width);
            sumY[i + 1] = sumY[i] + (it.IsPenalty ? 0 : it.Stretch);
            sumZ[i + 1] = sumZ[i] + (it.IsPenalty ? 0 : it.Shrink);
        }
        var r1 = Run(items, lineWidth, settings, sumW, sumY, sumZ, settings.PreTolerance, hyphenate: false, final: false, firstDistinctLines);
        if (r1 != null) return new BreakResult(r1, 1);
        var r2 = Run(items, lineWidth, settings, sumW, sumY, sumZ, settings.Tolerance, hyphenate: true, final: false, firstDistinctLines);
        if (r2 != null) return new BreakResult(r2, 2);
        if (settings.EmergencyStretch > 0)
        {
            var r3 = Run(items, lineWidth, settings, sumW, sumY, sumZ, settings.Tolerance, hyphenate: true, final: false, firstDistinctLines, settings.EmergencyStretch);
            if (r3 != null) return new BreakResult(r3, 3);
        }
        var r4 = Run(items, lineWidth, settings, sumW, sumY, sumZ, float.PositiveInfinity, hyphenate: true, final: true, firstDistinctLines)!;
        return new BreakResult(r4, 4);
    }

    private static List<LineBreak>? Run(IReadOnlyList<Item> items, Func<int, float> lineWidth, BreakSettings s,
        float[] sumW, float[] sumY, float[] sumZ, float tolerance, bool hyphenate, bool final, int distinct, float extraStretch = 0)
    {
        int n = items.Count;
        var active = new List<Node> { new() { Position = -1, Fitness = 1 } };
        SetStart(active[0], 0, items, sumW, sumY, sumZ);
        // The best new node at this breakpoint for each (fitness class, hyphens in a row, line class).
        int hyphenSlots = s.MaxConsecutiveHyphens + 1, lineSlots = distinct + 1;
        var best = new Node?[4 * hyphenSlots * lineSlots];
        var used = new List<int>();
        var survivors = new List<Node>();

        for (int b = 0; b < n; b++)
        {
            var item = items[b];
            bool legal = item.Kind switch
            {
                ItemKind.Glue => b > 0 && items[b - 1].IsBox,
                ItemKind.Penalty => item.Penalty < Item.Infinity && (hyphenate || !(item.Flagged && item.Width > 0)),
                _ => false,
            };
            if (!legal) continue;

            foreach (int u in used) best[u] = null;
            used.Clear();
            survivors.Clear();
            bool foundAny = false;
            float penaltyWidth = item.IsPenalty ? item.Width : 0;
            for (int ai = 0; ai < active.Count; ai++)
            {
                var a = active[ai];
                float width = sumW[b] - a.Width + penaltyWidth;
                float target = lineWidth(a.Line);
                float ratio;
                if (width < target)
                {
                    float stretch = sumY[b] - a.Stretch + extraStretch;
                    ratio = stretch > 0 ? (target - width) / stretch : float.PositiveInfinity;
                }
                else if (width > target)
                {
                    float shrink = sumZ[b] - a.Shrink;
                    ratio = shrink > 0 ? (target - width) / shrink : float.NegativeInfinity;
                }
                else ratio = 0;

                bool deactivate = ratio < -1 || item.IsForcedBreak;
                bool artificial = false;
                if (ratio < -1 && final && !foundAny && active.Count - ai == 1 && survivors.Count == 0)
                    artificial = true; // nothing else can end here: take the overfull line rather than fail
                float badness = Badness(ratio);
                bool hyphen = item.IsPenalty && item.Flagged && !item.IsForcedBreak;
                bool hyphenBlocked = hyphen && a.Hyphens >= s.MaxConsecutiveHyphens;
                if ((artificial || (ratio >= -1 && badness <= tolerance)) && !hyphenBlocked)
                {
                    double d;
                    if (artificial) d = 0;
                    else
                    {
                        double lb = s.LinePenalty + badness;
                        d = lb * lb;
                        if (item.IsPenalty)
                        {
                            if (item.Penalty >= 0) d += item.Penalty * item.Penalty;
                            else if (item.Penalty > -Item.Infinity) d -= item.Penalty * item.Penalty;
                        }
                        // Two hyphens in a row, or a hyphen on the paragraph's last-but-one line.
                        if ((hyphen || item.IsForcedBreak) && a.Flagged) d += s.DoubleHyphenDemerits;
                    }
                    int fitness = ratio < -0.5f ? 0 : ratio <= 0.5f ? 1 : ratio <= 1 ? 2 : 3;
                    if (!artificial && Math.Abs(fitness - a.Fitness) > 1) d += s.FitnessDemerits;
                    double total = a.TotalDemerits + d;
                    bool flagged = hyphen;
                    int hyphens = flagged ? a.Hyphens + 1 : 0;
                    int key = (fitness * hyphenSlots + Math.Min(hyphens, hyphenSlots - 1)) * lineSlots + Math.Min(a.Line + 1, distinct);
                    var cur = best[key];
                    if (cur == null || total < cur.TotalDemerits)
                    {
                        if (cur == null) used.Add(key);
                        best[key] = new Node
                        {
                            Position = b, Line = a.Line + 1, Fitness = fitness, Hyphens = hyphens, Flagged = flagged,
                            Ratio = float.IsNegativeInfinity(ratio) ? -1 : ratio, Badness = badness,
                            TotalDemerits = total, Previous = a,
                        };
                    }
                    foundAny = true;
                }
                if (!deactivate) survivors.Add(a);
            }
            if (used.Count > 0)
            {
                used.Sort();
                foreach (int u in used)
                {
                    var node = best[u]!;
                    SetStart(node, b, items, sumW, sumY, sumZ);
                    survivors.Add(node);
                }
            }
            active.Clear();
            active.AddRange(survivors);
            if (active.Count == 0) return null;
        }

        Node? end = null;
        foreach (var a in active)
            if (a.Position == n - 1 && (end == null || a.TotalDemerits < end.TotalDemerits)) end = a;
        if (end == null) return null;

        var lines = new List<LineBreak>();
        for (var node = end; node.Previous != null; node = node.Previous)
        {
            int start = StartAfter(node.Previous.Position, items);
            lines.Add(new LineBreak(start, node.Position, node.Ratio, node.Flagged, node.Badness));
        }
        lines.Reverse();
        return lines;
    }

    /// <summary>TeX's badness: 100·|r|³, capped at 10000 for a line with no stretch to give.</summary>
    public static float Badness(float ratio)
    {
        if (float.IsInfinity(ratio) || float.IsNaN(ratio)) return Item.Infinity;
        float a = Math.Abs(ratio);
        float b = 100 * a * a * a;
        return Math.Min(b, Item.Infinity);
    }

    /// <summary>The first item of the line after a break at <paramref name="breakAt"/>: glue and penalties there are discarded.</summary>
    public static int StartAfter(int breakAt, IReadOnlyList<Item> items)
    {
        int i = breakAt + 1;
        if (breakAt < 0) return 0;
        while (i < items.Count && !items[i].IsBox && !items[i].IsForcedBreak) i++;
        return i;
    }

    private static void SetStart(Node node, int breakAt, IReadOnlyList<Item> items, float[] sumW, float[] sumY, float[] sumZ)
    {
        int start = node.Position < 0 ? 0 : StartAfter(breakAt, items);
        node.Width = sumW[start];
        node.Stretch = sumY[start];
        node.Shrink = sumZ[start];
    }
}
