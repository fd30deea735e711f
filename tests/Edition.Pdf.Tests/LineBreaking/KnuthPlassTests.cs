using Edition.Pdf.LineBreaking;

namespace Edition.Pdf.Tests.LineBreaking;

/// <summary>
/// The breaker on paragraphs of unit-width letters, worked by hand: each letter and each space is 1
/// wide, a space stretches by ½ and shrinks by ⅓, a hyphen is 1 wide; '|' marks a hyphenation point.
/// </summary>
public class KnuthPlassTests
{
    private static (List<Item> Items, List<string> Boxes) Paragraph(string text)
    {
        var items = new List<Item>();
        var boxes = new List<string>();
        var words = text.Split(' ');
        for (int w = 0; w < words.Length; w++)
        {
            if (w > 0) items.Add(Item.Glue(1, 0.5f, 1f / 3));
            var parts = words[w].Split('|');
            for (int p = 0; p < parts.Length; p++)
            {
                if (p > 0) items.Add(Item.PenaltyItem(1, 50, true));
                boxes.Add(parts[p]);
                items.Add(Item.Box(parts[p].Length, boxes.Count - 1));
            }
        }
        items.Add(Item.PenaltyItem(0, Item.Infinity, false));
        items.Add(Item.Glue(0, 100000, 0));
        items.Add(Item.PenaltyItem(0, -Item.Infinity, false));
        return (items, boxes);
    }

    /// <summary>The lines as text: boxes joined, a space for glue, '-' where a line ends at a hyphenation point.</summary>
    private static List<string> Lines(string text, float width, BreakSettings? settings = null) => Lines(text, width, settings, out _);

    private static List<string> Lines(string text, float width, BreakSettings? settings, out BreakResult result)
    {
        var (items, boxes) = Paragraph(text);
        result = KnuthPlass.Break(items, _ => width, settings);
        var lines = new List<string>();
        foreach (var line in result.Lines)
        {
            var sb = new System.Text.StringBuilder();
            for (int i = line.Start; i < line.End; i++)
            {
                if (items[i].IsBox) sb.Append(boxes[items[i].Tag]);
                else if (items[i].IsGlue && items[i].Width > 0) sb.Append(' ');
            }
            if (line.Hyphenated) sb.Append('-');
            lines.Add(sb.ToString());
        }
        return lines;
    }

    [Fact]
    public void AParagraphThatFitsWithoutHyphensIsNotHyphenated()
    {
        // "market has" is exactly 10: the first pass (no hyphens) finds it with no stretch at all.
        var lines = Lines("mar|ket has com|mon fig", 10, null, out var result);
        Assert.Equal(["market has", "common fig"], lines);
        Assert.Equal(1, result.Pass);
        Assert.Equal(0, result.Lines[0].Ratio, 3);
    }

    [Fact]
    public void AParagraphThatCannotBeSetWithoutAHyphenIsHyphenated()
    {
        // Width 16. Unhyphenated, line one is "we saw a" (8 + 8 to fill from 1.5 of stretch: r = 5.3)
        // or "we saw a hyphenation" (20, 4 over with 1 of shrink): neither is feasible.
        // "we saw a hyphen-" is 16 exactly.
        var lines = Lines("we saw a hy|phen|a|tion here", 16, null, out var result);
        Assert.Equal(["we saw a hyphen-", "ation here"], lines);
        Assert.Equal(2, result.Pass);
        Assert.True(result.Lines[0].Hyphenated);
    }

    [Fact]
    public void TheSpacesStretchByTheRatioThatFillsTheLine()
    {
        // "aa bb cc" is 8 with two spaces (1 of stretch); at width 9 the ratio is 1: spaces of 1.5.
        var lines = Lines("aa bb cc dd", 9, null, out var result);
        Assert.Equal(["aa bb cc", "dd"], lines);
        Assert.Equal(1f, result.Lines[0].Ratio, 3);
        Assert.Equal(100f, result.Lines[0].Badness, 1);
    }

    [Fact]
    public void AWordLongerThanTheLineStandsAloneOverfullRatherThanFail()
    {
        // Width 5: "ab" is underfull with nothing to stretch, "cdefghijkl" is 10 with nothing to
        // shrink. Only the last-resort pass sets it, and the long word gets a line to itself.
        var lines = Lines("ab cdefghijkl mn", 5, null, out var result);
        Assert.Equal(["ab", "cdefghijkl", "mn"], lines);
        Assert.Equal(4, result.Pass);
    }

    [Fact]
    public void AWordLongerThanTheLineIsBrokenAcrossThreeLines()
    {
        // Width 7; the 12-letter word breaks at ab|cd|ef|gh|ij|kl. Without hyphens line one is
        // "x y" (3: r = 4) or overfull: the first pass fails. With them: "x y ab-" is 7 exactly;
        // inside the word there is no glue, so only an exact line will do: "cdefgh-" (7); then
        // "ijkl zz" (7) and the last line "w". Two hyphens in a row, within the limit.
        var lines = Lines("x y ab|cd|ef|gh|ij|kl zz w", 7, null, out var result);
        Assert.Equal(["x y ab-", "cdefgh-", "ijkl zz", "w"], lines);
        Assert.Equal(2, result.Pass);
    }

    [Fact]
    public void EmergencyStretchSpreadsTheLoosenessOverTheParagraph()
    {
        // Width 9, no hyphens. Line one is "aaaa" (nothing to stretch) or "aaaa bb" (7, r = 4,
        // badness 6400): passes 1 and 2 fail. With 4 of emergency stretch, "aaaa bb" has
        // r = 2/4.5 (badness 9) and "aaaa" r = 5/4 (badness 195, and a very loose line next to a
        // decent one costs 10000 more): the breaker takes "aaaa bb" / "cccccc dd" (exact) / "eeeee".
        var text = "aaaa bb cccccc dd eeeee";
        var plain = Lines(text, 9, null, out var r1);
        var spread = Lines(text, 9, new BreakSettings { EmergencyStretch = 4 }, out var r2);
        Assert.Equal(4, r1.Pass);
        Assert.Equal(3, r2.Pass);
        Assert.Equal(["aaaa bb", "cccccc dd", "eeeee"], spread);
    }

    [Fact]
    public void AOneWordParagraphIsOneLine()
    {
        var lines = Lines("word", 10, null, out var result);
        Assert.Equal(["word"], lines);
        Assert.Equal(1, result.Pass);
        Assert.Equal(0f, result.Lines[0].Ratio, 3);
    }

    [Fact]
    public void NoMoreThanTwoLinesInARowEndInAHyphen()
    {
        // Each line "gh cdef-" is exactly 8: with no limit every line but the last ends in a hyphen.
        const string text = "ab cdef|gh cdef|gh cdef|gh cdef|gh end";
        var unlimited = Lines(text, 8, new BreakSettings { MaxConsecutiveHyphens = 10 });
        Assert.Equal(["ab cdef-", "gh cdef-", "gh cdef-", "gh cdef-", "gh end"], unlimited);

        var limited = Lines(text, 8);
        int run = 0, most = 0;
        foreach (var l in limited) { run = l.EndsWith('-') ? run + 1 : 0; most = Math.Max(most, run); }
        Assert.True(most <= 2, string.Join(" / ", limited));
        Assert.Equal(text.Replace("|", ""), string.Join(" ", limited.Select(l => l.TrimEnd('-'))).Replace("- ", "").Replace("cdef gh", "cdefgh"));
    }
}
