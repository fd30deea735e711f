using System.Globalization;
using Edition.Model;
using Edition.Pdf.Hyphenation;

namespace Edition.Pdf.Layout;

/// <summary>The edition laid out: every page ready to draw, the outline, and what the typography came to.</summary>
public sealed class TypesetBook
{
    public required List<PageContent> Pages { get; init; }
    /// <summary>Bookmarks in order: the front matter's, every heading of the text, the back matter's.</summary>
    public required List<HeadingEntry> Outline { get; init; }
    public required TypographicReport Report { get; init; }
    /// <summary>Where each emendation the apparatus lists stands in this edition (e.g. "12.7" or "12 n. 3").</summary>
    public required Dictionary<Emendation, string> Locations { get; init; }
    public int FrontPages { get; init; }
}

/// <summary>
/// Lays out the whole book: the running text and its notes first (so that page numbers are
/// known), then the principles and the apparatus keyed to those pages, then the title page and
/// the contents in front.
/// </summary>
public sealed class BookLayout
{
    private readonly Document _document;
    private readonly Design _d;
    private readonly ParagraphComposer _composer;
    private readonly ModelText _model;
    private int _paragraphs;
    private int _headings;

    public BookLayout(Document document, Design design, Hyphenator hyphenator)
    {
        _document = document;
        _d = design;
        _composer = new ParagraphComposer(hyphenator);
        _model = new ModelText(Principles.IsRecorded);
    }

    public string ShortTitle
    {
        get
        {
            string t = _document.Book.Title.Length > 0 ? _document.Book.Title : _document.Book.Id;
            int colon = t.IndexOf(':');
            return colon > 0 ? t[..colon].Trim() : t;
        }
    }

    public TypesetBook Typeset()
    {
        var headings = new List<HeadingEntry>();
        var galley = BodyGalley(headings);
        var builder = new PageBuilder(_d.TextHeight, _d.Leading, _d.NoteLeading, _d.NoteGap, _d.NoteSeparation);
        var bodyPages = builder.Build(galley);

        var pages = new List<PageContent>();
        var locations = new Dictionary<Emendation, string>(ReferenceEqualityComparer.Instance);
        int folio = 1;
        foreach (var bp in bodyPages)
        {
            pages.Add(DrawBodyPage(bp, folio, PageRole.Body, locations));
            folio++;
        }

        // Back matter: the principles, then the apparatus.
        var back = new List<HeadingEntry>();
        var principlesHeading = new HeadingEntry("Editorial Principles", 1, "principles");
        back.Add(principlesHeading);
        var pgalley = new List<GalleyItem>();
        AddHeading(pgalley, principlesHeading, 1, InlineText.Prose(principlesHeading.Text.ToUpperInvariant(), _d.ChapterHeading, _d.ChapterHeading, hyphenate: false));
        bool indent = false;
        foreach (var para in Principles.Paragraphs(_document))
        {
            AddParagraph(pgalley, _composer.Compose(InlineText.Prose(para, _d.Body, _d.Italic), _d.BodyParagraph(indent)));
            indent = true;
        }
        foreach (var bp in builder.Build(pgalley))
        {
            pages.Add(DrawBodyPage(bp, folio, PageRole.Back, locations));
            folio++;
        }
        var apparatusHeading = new HeadingEntry("Apparatus", 1, "apparatus");
        back.Add(apparatusHeading);
        var apparatus = new ApparatusPages(_d, _composer, _document, locations);
        foreach (var page in apparatus.Build(apparatusHeading, ref folio, this))
            pages.Add(page);

        // Front matter, now that every page number is known.
        var front = new FrontMatter(_d, _composer, _document, this);
        var contentsHeading = new HeadingEntry("Contents", 1, "contents");
        var titleEntry = new HeadingEntry("Title page", 1, "title");
        var frontPages = front.Build(titleEntry, contentsHeading, headings.Concat(back).ToList());

        var all = new List<PageContent>(frontPages.Count + pages.Count);
        all.AddRange(frontPages);
        all.AddRange(pages);
        var indexed = all.Select((p, k) => Reindex(p, k)).ToList();
        var where = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in indexed)
            foreach (var op in p.Ops.OfType<DestinationOp>()) where.TryAdd(op.Name, p.Index);
        var outline = new List<HeadingEntry> { titleEntry, contentsHeading };
        outline.AddRange(headings);
        outline.AddRange(back);
        foreach (var h in outline) h.PageIndex = where.GetValueOrDefault(h.Destination, -1);
        return new TypesetBook
        {
            Pages = indexed,
            Outline = outline,
            Report = TypographicReport.From(galley, bodyPages),
            Locations = locations,
            FrontPages = frontPages.Count,
        };
    }

    private static PageContent Reindex(PageContent p, int index)
    {
        if (p.Index == index) return p;
        var copy = new PageContent { Index = index, Label = p.Label, Role = p.Role, Body = p.Body, BodyArea = p.BodyArea };
        copy.Ops.AddRange(p.Ops);
        return copy;
    }

    // ---- The running text ----

    private List<GalleyItem> BodyGalley(List<HeadingEntry> headings)
    {
        // Read the blocks in order (notes are numbered as they are met), set the paragraphs in
        // parallel (each is set on its own, so the result is the same whatever the order), then
        // lay the galley out in order.
        var blocks = new List<(Block Block, InlineText Text, bool Indent, HeadingEntry? Heading)>();
        bool indent = false;
        foreach (var block in _document.Body)
        {
            if (block is Heading h)
            {
                var text = _model.Build(h.Pieces, h.Level <= 1 ? _d.ChapterHeading : _d.SectionHeading, _d.BodySuperior);
                if (text.IsEmpty) continue;
                var entry = new HeadingEntry(text.PlainText, h.Level, "sec-" + (++_headings).ToString(CultureInfo.InvariantCulture));
                headings.Add(entry);
                blocks.Add((block, text, false, entry));
                indent = false;
            }
            else
            {
                var text = _model.Build(block.Pieces, _d.Body, _d.BodySuperior);
                if (text.IsEmpty) continue;
                blocks.Add((block, text, indent, null));
                indent = true;
            }
        }
        var set = new List<LaidLine>?[blocks.Count];
        Parallel.For(0, blocks.Count, k =>
        {
            if (blocks[k].Heading == null) set[k] = _composer.Compose(blocks[k].Text, _d.BodyParagraph(blocks[k].Indent));
        });
        var galley = new List<GalleyItem>();
        for (int k = 0; k < blocks.Count; k++)
        {
            if (blocks[k].Heading is { } entry) AddHeading(galley, entry, entry.Level, blocks[k].Text);
            else AddParagraph(galley, set[k]!);
        }
        // Notes referenced in the text, set once each at the note measure.
        var referenced = new List<NoteInstance>();
        foreach (var item in galley)
        {
            if (item.Line == null) continue;
            foreach (var mark in item.Line.AnchorsOf<NoteReferenceMark>())
            {
                if (!referenced.Contains(mark.Note)) referenced.Add(mark.Note);
                item.Notes.Add(mark.Note);
            }
        }
        // A note whose reference was lost goes to the foot of the page where its source page begins.
        var orphaned = new List<(NoteInstance Note, GalleyItem? Home)>();
        foreach (var note in _document.Notes.Where(n => n.Reference == null))
        {
            var inst = _model.Instance(note);
            var home = galley.LastOrDefault(g => g.Line != null && g.Line.AnchorsOf<SourcePageMark>().Any(m => m.Number == note.Page.Number))
                ?? galley.LastOrDefault(g => g.Line != null);
            orphaned.Add((inst, home));
            referenced.Add(inst);
        }
        var texts = referenced.Select(NoteTexts).ToList();
        Parallel.For(0, referenced.Count, k =>
        {
            for (int p = 0; p < texts[k].Count; p++)
                texts[k][p] = (texts[k][p].Text, _composer.Compose(texts[k][p].Text, _d.NoteParagraph(p > 0)));
        });
        for (int k = 0; k < referenced.Count; k++)
            foreach (var (_, lines) in texts[k]) referenced[k].Lines.AddRange(lines!);
        foreach (var (inst, home) in orphaned) home?.Notes.Add(inst);
        return galley;
    }

    /// <summary>A note's paragraphs as inline text, its number (linked back to the reference) leading the first.</summary>
    private List<(InlineText Text, List<LaidLine>? Lines)> NoteTexts(NoteInstance inst)
    {
        var result = new List<(InlineText, List<LaidLine>?)>();
        var paras = inst.Note.Paragraphs;
        for (int k = 0; k < Math.Max(1, paras.Count); k++)
        {
            InlineText text;
            if (k == 0)
            {
                text = new InlineText();
                text.Anchor(new DestinationMark(inst.Destination));
                text.Add(inst.Number.ToString(CultureInfo.InvariantCulture), _d.NoteSuperior, hyphenate: false, link: new LinkTarget(inst.ReferenceDestination));
                text.Space();
                if (paras.Count > 0) text = _model.Build(paras[0], _d.Note, _d.NoteSuperior, into: text);
            }
            else text = _model.Build(paras[k], _d.Note, _d.NoteSuperior);
            result.Add((text, null));
        }
        return result;
    }

    internal void AddHeading(List<GalleyItem> galley, HeadingEntry entry, int level, InlineText? text = null)
    {
        var style = level <= 1 ? _d.ChapterHeading : _d.SectionHeading;
        if (text == null)
        {
            text = new InlineText();
            foreach (var w in entry.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)) text.Space().Add(w, style);
        }
        var lines = _composer.Compose(text, new ParagraphStyle
        {
            Text = style, Measure = _d.Measure * 0.85f, Alignment = Alignment.Center, Hyphenate = false,
        });
        foreach (var l in lines) l.Offset += _d.Measure * 0.075f;
        if (level <= 1)
        {
            galley.Add(GalleyItem.NewPage(opening: true));
            galley.Add(GalleyItem.Space(_d.Leading * 4, discardAtTop: false));
            for (int k = 0; k < lines.Count; k++)
                galley.Add(new GalleyItem { Kind = GalleyKind.Line, Line = lines[k], Height = _d.Leading * 1.5f, Leading = _d.Leading * 1.5f, KeepWithNext = true, Heading = k == 0 ? entry : null });
            galley.Add(GalleyItem.Space(_d.Leading * 2.5f, discardAtTop: true));
        }
        else
        {
            galley.Add(GalleyItem.Space(_d.Leading * 1.25f, discardAtTop: true));
            for (int k = 0; k < lines.Count; k++)
                galley.Add(new GalleyItem { Kind = GalleyKind.Line, Line = lines[k], Height = _d.Leading, Leading = _d.Leading, KeepWithNext = true, Heading = k == 0 ? entry : null });
            galley.Add(GalleyItem.Space(_d.Leading * 0.75f, discardAtTop: true));
        }
    }

    private void AddParagraph(List<GalleyItem> galley, List<LaidLine> lines)
    {
        int p = _paragraphs++;
        for (int k = 0; k < lines.Count; k++)
            galley.Add(new GalleyItem
            {
                Kind = GalleyKind.Line, Line = lines[k], Height = _d.Leading, Leading = _d.Leading,
                Paragraph = p, IndexInParagraph = k, ParagraphLines = lines.Count,
            });
    }

    // ---- Drawing a page of running text ----

    internal PageContent DrawBodyPage(BodyPage bp, int folio, PageRole role, Dictionary<Emendation, string> locations)
    {
        bool recto = folio % 2 == 1;
        float left = _d.TextLeft(recto), right = left + _d.Measure, top = _d.TopMargin;
        string label = folio.ToString(CultureInfo.InvariantCulture);
        var page = new PageContent { Index = -1, Label = label, Role = role, Body = bp };
        DrawHeadAndFolio(page, bp.Opening, recto, label, bp.Section?.Text);

        int lineNo = 0;
        foreach (var (item, y) in bp.Items)
        {
            if (item.Line == null) continue;
            lineNo++;
            float baseline = top + y + Design.BaselineIn(item.Leading);
            page.Ops.Add(new LineOp(item.Line, left, baseline));
            if (item.Heading != null)
            {
                page.Ops.Add(new DestinationOp(item.Heading.Destination, left, top + y));
                item.Heading.Folio = label;
            }
            MarginMarks(page, item.Line, recto, left, right, baseline);
            foreach (var m in item.Line.AnchorsOf<EmendationMark>())
                if (locations.TryAdd(m.Emendation, label + "." + lineNo.ToString(CultureInfo.InvariantCulture)))
                    page.Ops.Add(new DestinationOp(ApparatusPages.Destination(m.Emendation), left, baseline - _d.Leading));
        }
        if (bp.NoteLines.Count > 0)
        {
            // A note run over from the page before sits under a rule the width of the page.
            float ruleY = top + bp.NotesTop + _d.NoteSeparation * 0.45f;
            bool continued = bp.NoteLines[0].Line > 0;
            page.Ops.Add(new RuleOp(left, left + _d.Measure * (continued ? 1f : 0.3f), ruleY, 0.4f));
            foreach (var (note, line, y) in bp.NoteLines)
            {
                var laid = note.Lines[line];
                float baseline = top + y + Design.BaselineIn(_d.NoteLeading);
                page.Ops.Add(new LineOp(laid, left, baseline));
                MarginMarks(page, laid, recto, left, right, baseline);
                foreach (var m in laid.AnchorsOf<EmendationMark>())
                    if (locations.TryAdd(m.Emendation, label + " n. " + note.Number.ToString(CultureInfo.InvariantCulture)))
                        page.Ops.Add(new DestinationOp(ApparatusPages.Destination(m.Emendation), left, baseline - _d.NoteLeading));
            }
        }
        page.BodyArea = (left - 2, top - 2, right + 2, top + Math.Min(bp.BodyHeight, bp.NotesTop) + 1);
        return page;
    }

    internal void DrawHeadAndFolio(PageContent page, bool opening, bool recto, string label, string? section)
    {
        float left = _d.TextLeft(recto), right = left + _d.Measure, top = _d.TopMargin;
        if (opening)
        {
            if (label.Length > 0)
            {
                float w = _d.Folio.Measure(label);
                page.Text(label, _d.Folio, left + (_d.Measure - w) / 2, _d.TextBottom + _d.Leading * 2.2f);
            }
            return;
        }
        float headBaseline = top - _d.Leading * 1.3f;
        string head = recto ? (section ?? ShortTitle) : ShortTitle;
        head = ForSmallCaps(head);
        float hw = _d.RunningHead.Measure(head);
        if (hw > _d.Measure * 0.8f)
        {
            // Too long for the head: shorten at a word.
            var words = head.Split(' ');
            while (words.Length > 1 && _d.RunningHead.Measure(string.Join(' ', words) + "\u2026") > _d.Measure * 0.8f) words = words[..^1];
            head = string.Join(' ', words) + "\u2026";
            hw = _d.RunningHead.Measure(head);
        }
        page.Text(head, _d.RunningHead, left + (_d.Measure - hw) / 2, headBaseline);
        if (label.Length > 0)
        {
            float fw = _d.Folio.Measure(label);
            page.Text(label, _d.Folio, recto ? right - fw : left, headBaseline);
        }
    }

    /// <summary>Heads are set in small capitals throughout: lower-cased, the small-cap face draws every letter small.</summary>
    public static string ForSmallCaps(string text) => text.ToLowerInvariant();

    private void MarginMarks(PageContent page, LaidLine line, bool recto, float left, float right, float baseline)
    {
        if (!_d.Options.SourcePagination) return;
        var marks = line.AnchorsOf<SourcePageMark>().Select(m => "[" + m.Number.ToString(CultureInfo.InvariantCulture) + "]").ToList();
        if (marks.Count == 0) return;
        string label = string.Join(" ", marks);
        float w = _d.MarginMark.Measure(label);
        float gap = _d.Body.Size * 0.8f;
        float x = recto ? right + gap : left - gap - w;
        page.Text(label, _d.MarginMark, x, baseline);
    }
}
