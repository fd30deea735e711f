namespace Edition.Outputs.Scoring;

/// <summary>
/// Scores an edition (and optionally the raw OCR it came from) against a DP reference: character
/// and word error rates page by page, notes, page breaks, paragraph boundaries and headings.
/// </summary>
public static class Scorer
{
    /// <summary>A note or heading matches its best counterpart when their CER is below this.</summary>
    public const double MatchCer = 0.3;

    /// <summary>Paragraphs are identified by this many first words.</summary>
    public const int KeyWords = 4;

    public static ScoreReport Score(ScoredDocument edition, ScoredDocument reference, IReadOnlyList<string>? rawPages = null)
    {
        var refNumbers = reference.Pages.Select(p => p.Number).ToList();
        var alignment = PageAlignment.Align(edition.Pages.Select(p => p.Number).ToList(), refNumbers);
        var report = new ScoreReport
        {
            ReferencePages = reference.Pages.Count,
            EditionPageBreaks = edition.PageBreaks,
            Alignment = alignment,
        };

        foreach (var unit in alignment.Units)
        {
            var pages = reference.Pages.GetRange(unit.RefStart, unit.RefCount);
            var hypPages = edition.Pages.GetRange(unit.HypStart, unit.HypCount);
            string hypBody = Join(hypPages.Select(p => p.Body));
            string refBody = CommonText.ResolveOpenHyphens(Join(pages.Select(p => p.Body)), hypBody);
            var body = Compare(refBody, hypBody);
            report.EditionBody.Add(body);
            report.EditionUnits.Add(new UnitFigures(Label(pages), Label(hypPages), unit.Kind, body));

            string hypAll = Join(hypPages.Select(p => Join(new[] { p.Body, p.Notes })));
            string refAll = CommonText.ResolveOpenHyphens(Join(pages.Select(p => Join(new[] { p.Body, p.Notes }))), hypAll);
            report.EditionAll.Add(Compare(refAll, hypAll));
        }

        if (rawPages != null)
        {
            var rawAlignment = PageAlignment.Align(rawPages.Select(_ => (int?)null).ToList(), refNumbers);
            report.RawPages = rawPages.Count;
            report.RawAlignment = rawAlignment;
            report.RawBody = new TextFigures();
            report.RawAll = new TextFigures();
            foreach (var unit in rawAlignment.Units)
            {
                var pages = reference.Pages.GetRange(unit.RefStart, unit.RefCount);
                string raw = Join(rawPages.Skip(unit.HypStart).Take(unit.HypCount));
                report.RawBody.Add(Compare(CommonText.ResolveOpenHyphens(Join(pages.Select(p => p.Body)), raw), raw));
                string printed = Join(pages.Select(p => Join(new[] { p.Body, p.PrintedNotes })));
                report.RawAll.Add(Compare(CommonText.ResolveOpenHyphens(printed, raw), raw));
            }
        }

        ScoreParagraphs(edition, reference, alignment, report.Paragraphs);
        ScoreHeadings(edition, reference, report.Headings);
        ScoreNotes(edition, reference, alignment, report.Notes);
        return report;
    }

    /// <summary>Character and word errors of one text against its reference (both in the common form).</summary>
    public static TextFigures Compare(string reference, string scored)
    {
        var refWords = CommonText.Words(reference);
        return new TextFigures
        {
            RefChars = reference.Length,
            CharErrors = Alignment.Distance(reference, scored),
            RefWords = refWords.Count,
            WordErrors = Alignment.WordDistance(refWords, CommonText.Words(scored)),
        };
    }

    private static string Join(IEnumerable<string> parts) => string.Join(" ", parts.Where(p => p.Length > 0));

    private static string Label(List<ScoredPage> pages)
    {
        if (pages.Count == 0) return "-";
        string Key(ScoredPage p) => p.Key ?? "(before the first break)";
        return pages.Count == 1 ? Key(pages[0]) : Key(pages[0]) + "…" + Key(pages[^1]);
    }

    /// <summary>The first words of a block, lower-cased: what identifies a paragraph boundary.</summary>
    public static string ParagraphKey(string text) =>
        string.Join(" ", CommonText.Words(text.Replace(CommonText.OpenHyphen.ToString(), "")).Take(KeyWords)).ToLowerInvariant();

    private static void ScoreParagraphs(ScoredDocument edition, ScoredDocument reference, PageAlignment alignment, BoundaryFigures figures)
    {
        var refBlocks = reference.Blocks.Select(b => (Unit: alignment.UnitOfRef(b.Page), Key: ParagraphKey(b.Text))).ToList();
        var edBlocks = edition.Blocks.Select(b => (Unit: alignment.UnitOfHyp(b.Page), Key: ParagraphKey(b.Text)))
            .Where(b => b.Unit >= 0).ToList();
        figures.Reference = refBlocks.Count;
        figures.Edition = edBlocks.Count;
        var byUnit = edBlocks.Select((b, i) => (b.Unit, i)).ToLookup(x => x.Unit, x => x.i);
        var candidates = new List<(int Cost, int Ref, int Ed)>();
        for (int r = 0; r < refBlocks.Count; r++)
        {
            var (unit, key) = refBlocks[r];
            int limit = Math.Max(1, key.Length / 5);
            for (int u = unit - 1; u <= unit + 1; u++)
                foreach (int e in byUnit[u])
                {
                    if (Math.Abs(edBlocks[e].Key.Length - key.Length) > limit) continue;
                    int d = Alignment.Distance(key, edBlocks[e].Key);
                    if (d <= limit) candidates.Add((d * 4 + Math.Abs(u - unit), r, e));
                }
        }
        figures.Matched = Greedy(candidates, refBlocks.Count, edBlocks.Count).Count;
    }

    private static void ScoreHeadings(ScoredDocument edition, ScoredDocument reference, HeadingFigures figures)
    {
        var refHeadings = reference.Blocks.Where(b => b.IsHeading).Select(b => b.Text.Replace(CommonText.OpenHyphen.ToString(), "")).ToList();
        var edHeadings = edition.Blocks.Where(b => b.IsHeading).Select(b => b.Text).ToList();
        var candidates = new List<(int Cost, int Ref, int Ed)>();
        for (int r = 0; r < refHeadings.Count; r++)
            for (int e = 0; e < edHeadings.Count; e++)
            {
                int d = Alignment.Distance(refHeadings[r], edHeadings[e]);
                if (d < MatchCer * Math.Max(1, refHeadings[r].Length)) candidates.Add((d, r, e));
            }
        var matches = Greedy(candidates, refHeadings.Count, edHeadings.Count);
        figures.Reference = refHeadings.Count;
        figures.Edition = edHeadings.Count;
        figures.Matched = matches.Count;
        var matchedRef = matches.Select(m => m.Ref).ToHashSet();
        var matchedEd = matches.Select(m => m.Ed).ToHashSet();
        figures.Missed.AddRange(refHeadings.Where((_, i) => !matchedRef.Contains(i)));
        figures.Extra.AddRange(edHeadings.Where((_, i) => !matchedEd.Contains(i)));
    }

    private static void ScoreNotes(ScoredDocument edition, ScoredDocument reference, PageAlignment alignment, NoteFigures figures)
    {
        var refs = reference.Notes;
        var eds = edition.Notes;
        figures.Reference = refs.Count;
        figures.Edition = eds.Count;
        figures.ReferenceAnchored = refs.Count(n => n.WordBefore != null);
        bool window = (long)refs.Count * eds.Count > 40_000; // a long book: compare notes near each other only
        var candidates = new List<(int Cost, int Ref, int Ed)>();
        var distances = new Dictionary<(int, int), (int D, int Len)>();
        for (int r = 0; r < refs.Count; r++)
        {
            int unit = alignment.UnitOfRef(refs[r].Page);
            for (int e = 0; e < eds.Count; e++)
            {
                if (window && Math.Abs(alignment.UnitOfHyp(eds[e].Page) - unit) > 2) continue;
                string refText = CommonText.ResolveOpenHyphens(refs[r].Text, eds[e].Text);
                int len = Math.Max(1, refText.Length);
                if (Math.Abs(refText.Length - eds[e].Text.Length) >= MatchCer * len) continue;
                int d = Alignment.Distance(refText, eds[e].Text);
                if (d >= MatchCer * len) continue;
                distances[(r, e)] = (d, len);
                // Cost: the CER, in millionths, so that the best matches are taken first.
                candidates.Add(((int)(1_000_000L * d / len), r, e));
            }
        }
        var matches = Greedy(candidates, refs.Count, eds.Count);
        figures.Matched = matches.Count;
        foreach (var (r, e) in matches)
        {
            var (d, len) = distances[(r, e)];
            figures.Text.RefChars += len;
            figures.Text.CharErrors += d;
            var rn = refs[r];
            var en = eds[e];
            int refUnit = alignment.UnitOfRef(rn.AnchorPage >= 0 ? rn.AnchorPage : rn.Page);
            bool rightPage = en.AnchorPage >= 0 && alignment.UnitOfHyp(en.AnchorPage) == refUnit;
            if (rightPage) figures.RightPage++;
            if (rn.WordBefore != null) figures.MatchedAnchored++;
            if (rightPage && rn.WordBefore != null && en.WordBefore == rn.WordBefore) figures.RightWord++;
        }
    }

    /// <summary>One-to-one pairs, cheapest first.</summary>
    private static List<(int Ref, int Ed)> Greedy(List<(int Cost, int Ref, int Ed)> candidates, int refCount, int edCount)
    {
        var usedRef = new bool[refCount];
        var usedEd = new bool[edCount];
        var result = new List<(int, int)>();
        foreach (var (_, r, e) in candidates.OrderBy(c => c.Cost).ThenBy(c => c.Ref).ThenBy(c => c.Ed))
        {
            if (usedRef[r] || usedEd[e]) continue;
            usedRef[r] = usedEd[e] = true;
            result.Add((r, e));
        }
        return result;
    }
}
