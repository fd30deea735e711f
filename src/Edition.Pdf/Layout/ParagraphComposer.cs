using Edition.Pdf.Hyphenation;
using Edition.Pdf.LineBreaking;
using Edition.Pdf.Shaping;

namespace Edition.Pdf.Layout;

public enum Alignment { Justify, RaggedRight, Center }

/// <summary>How to set one paragraph.</summary>
public sealed record ParagraphStyle
{
    public required TextStyle Text { get; init; }
    public required float Measure { get; init; }
    public float Indent { get; init; }
    /// <summary>Indent of every line after the first (a hanging indent), taken off the measure.</summary>
    public float HangingIndent { get; init; }
    public Alignment Alignment { get; init; } = Alignment.Justify;
    public bool Hyphenate { get; init; } = true;
    public BreakSettings Breaking { get; init; } = new();
}

/// <summary>
/// Sets a paragraph: shapes each word once (HarfBuzz), offers Liang's break points and the text's
/// own hyphens and dashes to the Knuth–Plass breaker, then reshapes what lands on each line (a
/// word broken by a hyphen is two words to the shaper) and justifies it.
/// </summary>
public sealed class ParagraphComposer(Hyphenator hyphenator)
{
    private readonly record struct Fragment(int Word, int Run, int Start, int End);

    /// <summary>The most of its letter-spacing stretch a line may use (the word spaces take what is left).</summary>
    public const float MaxLetterRatio = 1.5f;

    public List<LaidLine> Compose(InlineText text, ParagraphStyle style)
    {
        text.Finish();
        var items = new List<Item>(text.Words.Count * 3 + 4);
        var fragments = new List<Fragment>(text.Words.Count * 2);
        var main = style.Text;
        float space = main.Measure(" "), hyphen = main.Measure("-");
        float ragged = main.Size * 3;
        if (style.Indent > 0) items.Add(Item.Box(style.Indent, -2));
        int lastWord = LastWordWithLetters(text);
        bool justify = style.Alignment == Alignment.Justify;
        float letterStretch = main.Size * style.Breaking.LetterStretch, letterShrink = main.Size * style.Breaking.LetterShrink;

        for (int w = 0; w < text.Words.Count; w++)
        {
            if (w > 0)
            {
                if (style.Alignment == Alignment.Justify) items.Add(Item.Glue(space, space * style.Breaking.SpaceStretch, space * style.Breaking.SpaceShrink));
                else
                {
                    items.Add(Item.Glue(0, ragged, 0));
                    items.Add(Item.PenaltyItem(0, 0, false));
                    items.Add(Item.Glue(space, -ragged, 0));
                }
            }
            var word = text.Words[w];
            bool mayHyphenate = style.Hyphenate && w != lastWord;
            for (int r = 0; r < word.Runs.Count; r++)
            {
                var run = word.Runs[r];
                var shaped = run.Style.Shape(run.Text);
                var breaks = BreakPoints(run, mayHyphenate && run.Hyphenate && run.Style == main);
                int from = 0;
                foreach (var (at, kind) in breaks)
                {
                    AddBox(from, at);
                    items.Add(kind switch
                    {
                        BreakKind.Hyphenation => Item.PenaltyItem(run.Style == main ? hyphen : run.Style.Measure("-"), style.Breaking.HyphenPenalty, true, fragments.Count - 1),
                        BreakKind.AfterHyphen => Item.PenaltyItem(0, style.Breaking.ExplicitHyphenPenalty, true, fragments.Count - 1),
                        _ => Item.PenaltyItem(0, style.Breaking.ExplicitHyphenPenalty, false, fragments.Count - 1),
                    });
                    from = at;
                }
                AddBox(from, run.Text.Length);

                void AddBox(int start, int end)
                {
                    float width = shaped.WidthOfChars(start, end) * run.Style.Scale;
                    if (run.Style.Tracking != 0) width += run.Style.Tracking * (end - start);
                    fragments.Add(new Fragment(w, r, start, end));
                    if (justify)
                        items.Add(Item.Box(width, (end - start) * letterStretch, (end - start) * letterShrink, fragments.Count - 1));
                    else
                        items.Add(Item.Box(width, fragments.Count - 1));
                }
            }
        }
        items.Add(Item.PenaltyItem(0, Item.Infinity, false));
        items.Add(Item.Glue(0, 100000, 0));
        items.Add(Item.PenaltyItem(0, -Item.Infinity, false));

        float first = style.Measure, rest = style.Measure - style.HangingIndent;
        var result = KnuthPlass.Break(items, line => line == 0 ? first : rest, style.Breaking, firstDistinctLines: style.HangingIndent != 0 ? 1 : 0);
        var lines = new List<LaidLine>(result.Lines.Count);
        for (int li = 0; li < result.Lines.Count; li++)
            lines.Add(BuildLine(text, style, items, fragments, result.Lines[li], li, li == result.Lines.Count - 1, li == 0 ? first : rest, result.Pass));
        return lines;
    }

    private enum BreakKind { Hyphenation, AfterHyphen, AfterDash }

    /// <summary>Places inside a run where a line may end: after the text's own hyphens and dashes, and at Liang's points.</summary>
    private List<(int At, BreakKind Kind)> BreakPoints(InlineText.Run run, bool hyphenate)
    {
        var result = new List<(int, BreakKind)>();
        string t = run.Text;
        bool hasHyphen = false;
        for (int i = 1; i < t.Length - 1; i++)
        {
            char c = t[i];
            if ((c == '-' || c == '\u2010') && char.IsLetter(t[i - 1]) && char.IsLetter(t[i + 1]))
            {
                hasHyphen = true;
                if (i >= 2 && t.Length - i - 1 >= 2) result.Add((i + 1, BreakKind.AfterHyphen));
            }
            else if ((c == '\u2014' || c == '\u2013') && char.IsLetterOrDigit(t[i + 1]) && i >= 2)
                result.Add((i + 1, BreakKind.AfterDash));
        }
        if (hyphenate && !hasHyphen)
        {
            // The word proper: letters (and apostrophes inside), between any punctuation around it.
            int s = 0;
            while (s < t.Length && !char.IsLetter(t[s])) s++;
            int e = t.Length;
            while (e > s && !char.IsLetter(t[e - 1])) e--;
            if (e - s >= hyphenator.LeftMin + hyphenator.RightMin && IsPlainWord(t, s, e))
            {
                foreach (int p in hyphenator.Points(t[s..e]))
                {
                    int at = s + p;
                    if (result.Any(x => Math.Abs(x.Item1 - at) < 2)) continue;
                    result.Add((at, BreakKind.Hyphenation));
                }
            }
        }
        result.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return result;
    }

    /// <summary>Letters only (apostrophes inside allowed), not an acronym in capitals.</summary>
    private static bool IsPlainWord(string t, int s, int e)
    {
        int upper = 0;
        for (int i = s; i < e; i++)
        {
            char c = t[i];
            if (char.IsUpper(c)) upper++;
            else if (!char.IsLetter(c) && c != '\'' && c != '\u2019') return false;
        }
        return upper <= 1;
    }

    private static int LastWordWithLetters(InlineText text)
    {
        for (int w = text.Words.Count - 1; w >= 0; w--)
            if (text.Words[w].Runs.Any(r => r.Text.Any(char.IsLetter))) return w;
        return -1;
    }

    private sealed class Piece
    {
        public int Word, Run, Start, End;
        public string Extra = "";
        public float GapBefore, StretchBefore, ShrinkBefore;
        public bool HasGap;
    }

    private static LaidLine BuildLine(InlineText text, ParagraphStyle style, List<Item> items, List<Fragment> fragments,
        LineBreak lb, int index, bool last, float measure, int pass)
    {
        var pieces = new List<Piece>();
        float indent = 0;
        float gap = 0, gapStretch = 0, gapShrink = 0;
        bool gapPending = false;
        for (int i = lb.Start; i < lb.End; i++)
        {
            var it = items[i];
            if (it.IsBox)
            {
                if (it.Tag == -2) { indent += it.Width; continue; }
                var f = fragments[it.Tag];
                if (!gapPending && pieces.Count > 0 && pieces[^1].Word == f.Word && pieces[^1].Run == f.Run && pieces[^1].End == f.Start)
                {
                    pieces[^1].End = f.End;
                    continue;
                }
                pieces.Add(new Piece
                {
                    Word = f.Word, Run = f.Run, Start = f.Start, End = f.End,
                    GapBefore = gap, StretchBefore = gapStretch, ShrinkBefore = gapShrink, HasGap = gapPending && pieces.Count > 0,
                });
                gap = gapStretch = gapShrink = 0;
                gapPending = false;
            }
            else if (it.IsGlue)
            {
                gap += it.Width;
                gapStretch += it.Stretch;
                gapShrink += it.Shrink;
                gapPending = true;
            }
        }
        var end = items[lb.End];
        bool hyphenated = end.IsPenalty && end.Flagged && end.Width > 0 && !end.IsForcedBreak;
        bool endsAtHyphen = end.IsPenalty && end.Flagged && end.Width == 0 && !end.IsForcedBreak;
        if (hyphenated && pieces.Count > 0) pieces[^1].Extra = "-";

        // Reshape what is actually on the line, then justify.
        var texts = new string[pieces.Count];
        var widths = new float[pieces.Count];
        var glyphs = new int[pieces.Count];
        float natural = indent, stretch = 0, shrink = 0, spaces = 0, spaceStretch = 0, spaceShrink = 0;
        float letterStretch = style.Text.Size * style.Breaking.LetterStretch, letterShrink = style.Text.Size * style.Breaking.LetterShrink;
        bool justify = style.Alignment == Alignment.Justify;
        for (int p = 0; p < pieces.Count; p++)
        {
            var pc = pieces[p];
            var run = text.Words[pc.Word].Runs[pc.Run];
            texts[p] = run.Text[pc.Start..pc.End] + pc.Extra;
            var shaped = run.Style.Shape(texts[p]);
            widths[p] = run.Style.Width(shaped);
            glyphs[p] = shaped.Glyphs.Length;
            natural += widths[p];
            if (justify)
            {
                stretch += glyphs[p] * letterStretch;
                shrink += glyphs[p] * letterShrink;
            }
            if (pc.HasGap)
            {
                natural += pc.GapBefore;
                spaces += pc.GapBefore;
                stretch += pc.StretchBefore;
                shrink += pc.ShrinkBefore;
                spaceStretch += pc.StretchBefore;
                spaceShrink += pc.ShrinkBefore;
            }
        }
        float ratio = 0, spaceRatio = 0;
        if (style.Alignment == Alignment.Justify)
        {
            if (natural > measure) ratio = shrink > 0 ? Math.Max(-1, (measure - natural) / shrink) : 0;
            else if (!last) ratio = stretch > 0 ? (measure - natural) / stretch : 0;
            spaceRatio = ratio;
            // Letters give a little, never so much that a word looks spaced out: past that the
            // word spaces take the rest, and a line with none is left short.
            if (ratio > MaxLetterRatio)
            {
                float letterGive = (stretch - spaceStretch) * MaxLetterRatio;
                spaceRatio = spaceStretch > 0 ? (measure - natural - letterGive) / spaceStretch : 0;
                ratio = MaxLetterRatio;
            }
        }
        var line = new LaidLine
        {
            Measure = measure,
            Hyphenated = hyphenated,
            EndsAtHyphen = endsAtHyphen,
            IsLast = last,
            Pass = pass,
            SpaceFactor = spaces > 0 ? (spaces + spaceRatio * (spaceRatio >= 0 ? spaceStretch : spaceShrink)) / spaces : float.NaN,
            LetterSpacing = justify ? ratio * (ratio >= 0 ? letterStretch : letterShrink) : 0,
        };
        float x = indent;
        for (int p = 0; p < pieces.Count; p++)
        {
            var pc = pieces[p];
            if (pc.HasGap) x += pc.GapBefore + spaceRatio * (spaceRatio >= 0 ? pc.StretchBefore : pc.ShrinkBefore);
            var run = text.Words[pc.Word].Runs[pc.Run];
            float ls = line.LetterSpacing;
            float width = widths[p] + ls * glyphs[p];
            line.Runs.Add(new PlacedRun(run.Style, texts[p], x, width, run.Link, ls));
            if (run.HasAnchors) foreach (var (at, anchor) in run.Anchors)
            {
                bool inside = at >= pc.Start && (at < pc.End || (at == pc.End && at == run.Text.Length) || (pc.Start == pc.End && at == pc.Start));
                if (!inside) continue;
                float ax = x + (at == pc.Start ? 0 : run.Style.Measure(run.Text[pc.Start..at]) + ls * (at - pc.Start));
                line.Anchors.Add((ax, anchor));
            }
            x += width;
        }
        line.ContentWidth = x;
        float offset = index == 0 ? 0 : style.HangingIndent;
        if (style.Alignment == Alignment.Center) offset += Math.Max(0, (measure - x) / 2);
        line.Offset = offset;
        return line;
    }
}
