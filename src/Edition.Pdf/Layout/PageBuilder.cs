namespace Edition.Pdf.Layout;

/// <summary>A page of running text, decided but not yet drawn.</summary>
public sealed class BodyPage
{
    public List<(GalleyItem Item, float Top)> Items { get; } = new();
    public List<(NoteInstance Note, int Line, float Top)> NoteLines { get; } = new();
    public bool Opening { get; set; }
    /// <summary>The heading last begun on or before this page: the recto's running head.</summary>
    public HeadingEntry? Section { get; set; }
    /// <summary>Top of the footnote rule's space, or the foot of the text block when the page has no notes.</summary>
    public float NotesTop { get; set; }
    /// <summary>Bottom of the last item of running text (from the top of the text block).</summary>
    public float BodyHeight { get; set; }
}

/// <summary>
/// Cuts the galley into pages, measuring before placing: a page takes items while they and the
/// notes they reference (each begun on the page, at least two lines of it) fit; notes too long
/// for the page run over to the next, ahead of that page's own. It ends at the last place that
/// leaves no widow or orphan and parts no heading from its text, unless that would leave the page
/// more than a few lines short.
/// </summary>
public sealed class PageBuilder(float textHeight, float leading, float noteLeading, float noteGap, float noteSeparation)
{
    public const int MostLinesToGiveUp = 5;
    private const float Epsilon = 0.01f;

    public List<BodyPage> Build(IReadOnlyList<GalleyItem> galley)
    {
        var pages = new List<BodyPage>();
        var carried = new List<(NoteInstance Note, int Line)>();
        HeadingEntry? section = null;
        int i = 0, n = galley.Count;
        while (i < n || carried.Count > 0)
        {
            var page = new BodyPage();
            if (i < n && galley[i].Kind == GalleyKind.NewPage)
            {
                page.Opening = galley[i].Opening;
                i++;
            }
            while (i < n && galley[i].Kind == GalleyKind.Space && galley[i].DiscardAtTop) i++;
            while (i < n && galley[i].Kind == GalleyKind.NewPage) i++;

            // Notes run over from the page before come first; they leave room for a few lines of text.
            float carriedCap = textHeight - noteSeparation - 4 * leading;
            int carriedTake = 0;
            float carriedTakeHeight = 0;
            while (carriedTake < carried.Count)
            {
                float h = NoteLinesHeight(carried, carriedTake + 1);
                if (h > carriedCap) break;
                carriedTake++;
                carriedTakeHeight = h;
            }
            float carriedAll = NoteLinesHeight(carried, carried.Count);

            float bodyH = 0;
            // The notes referenced so far, each with the lines it claims: the whole note when it
            // fits as it comes (as TeX gives an insertion its room), else two lines to begin it.
            var refs = new List<(NoteInstance Note, int Claim)>();
            int lastGood = -1, lastFit = -1, j;
            bool reachedEnd = false;
            for (j = i; j < n; j++)
            {
                var it = galley[j];
                if (it.Kind == GalleyKind.NewPage) { reachedEnd = true; break; }
                float newBody = bodyH + it.Height;
                int added = 0;
                foreach (var note in it.Notes)
                {
                    refs.Add((note, note.Lines.Count));
                    if (newBody + NotesNeed(carried.Count, carriedTakeHeight, carriedAll, refs) > textHeight + Epsilon)
                        refs[^1] = (note, Math.Min(2, note.Lines.Count));
                    added++;
                }
                float need = NotesNeed(carried.Count, carriedTakeHeight, carriedAll, refs);
                if (newBody + need > textHeight + Epsilon && j > i)
                {
                    refs.RemoveRange(refs.Count - added, added);
                    break;
                }
                bodyH = newBody;
                lastFit = j;
                if (BreakAllowedAfter(galley, j)) lastGood = j;
                if (newBody + need > textHeight + Epsilon) { j++; break; } // the page's first item, too big: take it anyway
            }
            if (j >= n) reachedEnd = true;
            int end;
            if (lastFit < i) end = i - 1; // nothing but notes on this page
            else if (reachedEnd && lastFit == j - 1) end = lastFit;
            else if (lastGood >= i && lastFit - lastGood <= MostLinesToGiveUp) end = lastGood;
            else end = lastFit;

            float y = 0;
            var pageRefs = new List<NoteInstance>();
            for (int k = i; k <= end; k++)
            {
                var it = galley[k];
                page.Items.Add((it, y));
                y += it.Height;
                if (it.Heading != null) section = it.Heading;
                pageRefs.AddRange(it.Notes);
            }
            page.BodyHeight = y;
            page.Section = section;
            i = end + 1;

            // Place the notes: what runs over, then the page's own, as many lines as fit.
            var queue = new List<(NoteInstance Note, int Line)>(carried);
            foreach (var note in pageRefs)
                for (int l = 0; l < note.Lines.Count; l++) queue.Add((note, l));
            float room = textHeight - y - noteSeparation;
            int take = 0;
            while (take < queue.Count && NoteLinesHeight(queue, take + 1) <= room + Epsilon) take++;
            // Leave no single line of a note to run over alone, when the page can spare one of it.
            if (take > 0 && take < queue.Count && queue[take - 1].Note == queue[take].Note)
            {
                var split = queue[take].Note;
                int over = 0;
                for (int q = take; q < queue.Count && queue[q].Note == split; q++) over++;
                if (over == 1 && CountOnPage(queue, take, split) >= 3) take--;
            }
            if (take > 0)
            {
                float notesHeight = NoteLinesHeight(queue, take);
                page.NotesTop = textHeight - notesHeight - noteSeparation;
                float ny = textHeight - notesHeight;
                for (int q = 0; q < take; q++)
                {
                    if (q > 0 && queue[q].Note != queue[q - 1].Note) ny += noteGap;
                    page.NoteLines.Add((queue[q].Note, queue[q].Line, ny));
                    ny += noteLeading;
                }
            }
            else page.NotesTop = textHeight;
            carried = queue.Skip(take).ToList();
            pages.Add(page);
            if (page.Items.Count == 0 && take == 0 && i >= n) break; // nothing left that can be placed
        }
        return pages;
    }

    private static int CountOnPage(List<(NoteInstance Note, int Line)> queue, int take, NoteInstance note)
    {
        int c = 0;
        for (int q = 0; q < take; q++) if (queue[q].Note == note) c++;
        return c;
    }

    private float NoteLinesHeight(List<(NoteInstance Note, int Line)> lines, int count)
    {
        float h = 0;
        for (int q = 0; q < count; q++)
        {
            if (q > 0 && lines[q].Note != lines[q - 1].Note) h += noteGap;
            h += noteLeading;
        }
        return h;
    }

    /// <summary>The footnote space a page needs: what runs over, every earlier note whole, the last its claim.</summary>
    private float NotesNeed(int carriedCount, float carriedTakeHeight, float carriedAll, List<(NoteInstance Note, int Claim)> refs)
    {
        if (carriedCount == 0 && refs.Count == 0) return 0;
        if (refs.Count == 0) return carriedTakeHeight > 0 ? noteSeparation + carriedTakeHeight : 0;
        float h = noteSeparation + carriedAll;
        bool any = carriedCount > 0;
        for (int k = 0; k < refs.Count; k++)
        {
            int lines = k < refs.Count - 1 ? refs[k].Note.Lines.Count : refs[k].Claim;
            if (lines == 0) continue;
            if (any) h += noteGap;
            h += lines * noteLeading;
            any = true;
        }
        return h;
    }

    /// <summary>May a page end after item <paramref name="j"/>? Not after a heading, nor to leave a widow or an orphan.</summary>
    public static bool BreakAllowedAfter(IReadOnlyList<GalleyItem> galley, int j)
    {
        var it = galley[j];
        if (it.Kind == GalleyKind.Space) return false;
        if (it.KeepWithNext) return false;
        if (it.Kind == GalleyKind.Line && it.Paragraph >= 0 && it.ParagraphLines > 1)
        {
            if (it.IndexInParagraph == 0) return false;                       // orphan: a first line alone at the foot
            if (it.IndexInParagraph == it.ParagraphLines - 2) return false;   // widow: a last line alone at the head
        }
        return true;
    }
}
