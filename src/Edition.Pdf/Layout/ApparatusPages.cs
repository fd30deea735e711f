using System.Globalization;
using System.Text.RegularExpressions;
using Edition.Model;

namespace Edition.Pdf.Layout;

/// <summary>
/// The apparatus at the back: the recorded emendations in groups, each keyed to this edition's
/// page and line, set small in two balanced columns.
/// </summary>
public sealed partial class ApparatusPages(Design d, ParagraphComposer composer, Document document, Dictionary<Emendation, string> locations)
{
    private sealed record Block(HeadingEntry? Heading, List<LaidLine> Lines);

    public float ColumnGap => d.Body.Size * 1.2f;
    public float ColumnWidth => (d.Measure - ColumnGap) / 2;

    public List<PageContent> Build(HeadingEntry heading, ref int folio, BookLayout layout)
    {
        var groups = document.Apparatus.Where(Principles.IsRecorded)
            .GroupBy(Principles.GroupOf).OrderBy(g => g.Key).ToList();
        var blocks = new List<Block>();
        foreach (var g in groups)
        {
            var title = new HeadingEntry(Principles.Title(g.Key), 3, "");
            blocks.Add(new Block(title, composer.Compose(Words(title.Text, d.Italic), new ParagraphStyle
            {
                Text = d.Italic, Measure = d.Measure, Alignment = Alignment.Center, Hyphenate = false,
            })));
            foreach (var e in g.OrderBy(e => SortKey(e)).ThenBy(e => e.Id))
                blocks.Add(new Block(null, composer.Compose(Entry(e), new ParagraphStyle
                {
                    Text = d.Apparatus, Measure = ColumnWidth, HangingIndent = d.ApparatusSize, Alignment = Alignment.RaggedRight,
                })));
        }

        var pages = new List<PageContent>();
        float H = d.TextHeight, L = d.ApparatusLeading;
        int b = 0;
        bool first = true;
        while (b < blocks.Count || first)
        {
            bool recto = folio % 2 == 1;
            float left = d.TextLeft(recto), top = d.TopMargin;
            string label = folio.ToString(CultureInfo.InvariantCulture);
            var page = new PageContent { Index = -1, Label = label, Role = PageRole.Back };
            layout.DrawHeadAndFolio(page, first, recto, label, heading.Text);
            float y = 0;
            if (first)
            {
                var hl = composer.Compose(Words(heading.Text.ToUpperInvariant(), d.ChapterHeading), new ParagraphStyle
                {
                    Text = d.ChapterHeading, Measure = d.Measure, Alignment = Alignment.Center, Hyphenate = false,
                });
                y = d.Leading * 4;
                page.Ops.Add(new DestinationOp(heading.Destination, left, top + y));
                heading.Folio = label;
                foreach (var l in hl)
                {
                    page.Ops.Add(new LineOp(l, left, top + y + Design.BaselineIn(d.Leading * 1.5f)));
                    y += d.Leading * 1.5f;
                }
                y += d.Leading * 2.5f;
                first = false;
            }
            while (b < blocks.Count)
            {
                var block = blocks[b];
                if (block.Heading != null)
                {
                    float need = d.Leading * (y > 0 ? 1.5f : 0.5f) + block.Lines.Count * d.Leading + 3 * L;
                    if (y + need > H) break;
                    if (y > 0) y += d.Leading;
                    foreach (var l in block.Lines)
                    {
                        page.Ops.Add(new LineOp(l, left, top + y + Design.BaselineIn(d.Leading)));
                        y += d.Leading;
                    }
                    y += d.Leading * 0.4f;
                    b++;
                    continue;
                }
                int capacity = (int)MathF.Floor((H - y + 0.01f) / L);
                if (capacity < 2) break;
                int end = b;
                int total = 0;
                while (end < blocks.Count && blocks[end].Heading == null) { total += blocks[end].Lines.Count; end++; }
                // Fill the two columns; balance them when the group ends on this page.
                var (col1End, col2End, used) = Columns(blocks, b, end, capacity, total);
                float x2 = left + ColumnWidth + ColumnGap;
                float cy = y;
                for (int k = b; k < col1End; k++) cy = PlaceEntry(page, blocks[k], left, top, cy, L);
                cy = y;
                for (int k = col1End; k < col2End; k++) cy = PlaceEntry(page, blocks[k], x2, top, cy, L);
                y += used * L;
                b = col2End;
                if (b < end) break; // the group goes on over the page
            }
            page.BodyArea = (left, top, left + d.Measure, top + y);
            pages.Add(page);
            folio++;
        }
        return pages;
    }

    /// <summary>Which entries go in each column: balanced when the rest of the group fits, else both columns filled.</summary>
    private (int Col1End, int Col2End, int Used) Columns(List<Block> blocks, int from, int end, int capacity, int total)
    {
        int c1, c2, col1;
        if (total <= 2 * capacity)
        {
            int target = (total + 1) / 2;
            col1 = from; c1 = 0;
            while (col1 < end && (c1 == 0 || c1 + blocks[col1].Lines.Count <= target)) { c1 += blocks[col1].Lines.Count; col1++; }
            c2 = total - c1;
            if (c1 <= capacity && c2 <= capacity) return (col1, end, Math.Max(c1, c2));
        }
        col1 = from; c1 = 0;
        while (col1 < end && c1 + blocks[col1].Lines.Count <= capacity) { c1 += blocks[col1].Lines.Count; col1++; }
        int col2 = col1; c2 = 0;
        while (col2 < end && c2 + blocks[col2].Lines.Count <= capacity) { c2 += blocks[col2].Lines.Count; col2++; }
        if (col2 == from) { col1 = col2 = from + 1; c1 = blocks[from].Lines.Count; }
        return (col1, col2, Math.Min(capacity, Math.Max(c1, c2)));
    }

    private float PlaceEntry(PageContent page, Block block, float x, float top, float y, float leading)
    {
        foreach (var l in block.Lines)
        {
            page.Ops.Add(new LineOp(l, x, top + y + Design.BaselineIn(leading)));
            y += leading;
        }
        return y;
    }

    private (int, int, int) SortKey(Emendation e)
    {
        if (!locations.TryGetValue(e, out var loc)) return (int.MaxValue, 0, e.Id);
        var m = LocationPattern().Match(loc);
        int page = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        int line = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 1000 + int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        return (page, line, e.Id);
    }

    [GeneratedRegex(@"^(\d+)(?:\.(\d+)| n\. (\d+))$")]
    private static partial Regex LocationPattern();

    /// <summary>The named destination at the line where an emendation's reading stands.</summary>
    public static string Destination(Emendation e) => "em-" + e.Id.ToString(CultureInfo.InvariantCulture);

    private InlineText Entry(Emendation e)
    {
        var text = new InlineText();
        string loc = locations.TryGetValue(e, out var l) ? l : "[" + e.Page.Number.ToString(CultureInfo.InvariantCulture) + "]";
        // An en space parts the place from the lemma, and binds them.
        text.Add(loc + "\u2002", d.Apparatus, hyphenate: false, link: l != null ? new LinkTarget(Destination(e)) : null);
        string lemma = Show(e.Reading);
        if (lemma.Length == 0) text.Add("om.", d.ApparatusItalic, hyphenate: false);
        else AddWords(text, lemma, d.Apparatus, false);
        text.Add("]", d.Apparatus, hyphenate: false);
        text.Space();
        string raw = Show(e.Raw);
        if (raw.Length == 0) text.Add("om.", d.ApparatusItalic, hyphenate: false);
        else AddWords(text, raw, d.Apparatus, false);
        if (e.Status == EmendationStatus.Doubtful && e.Why.Length > 0)
        {
            text.Space();
            AddWords(text, "\u2014 " + e.Why, d.ApparatusItalic, true);
        }
        return text;
    }

    private static void AddWords(InlineText text, string s, Shaping.TextStyle style, bool hyphenate)
    {
        var words = s.Split(' ');
        for (int k = 0; k < words.Length; k++)
        {
            if (k > 0) text.Space();
            if (words[k].Length > 0) text.Add(words[k], style, hyphenate: hyphenate);
        }
    }

    /// <summary>A reading as the apparatus shows it: a line end of the source as '|', other whitespace as one space.</summary>
    public static string Show(string s)
    {
        s = LineEnd().Replace(s, "|");
        s = Whitespace().Replace(s, " ");
        return s.Trim();
    }

    [GeneratedRegex(@"[ \t]*[\r\n\f]+[ \t]*")]
    private static partial Regex LineEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private static InlineText Words(string s, Shaping.TextStyle style)
    {
        var text = new InlineText();
        foreach (var w in s.Split(' ', StringSplitOptions.RemoveEmptyEntries)) text.Space().Add(w, style, hyphenate: false);
        return text;
    }
}
