using System.Globalization;
using AngleSharp.Dom;
using Edition.Model;
using Document = Edition.Model.Document;
using Edition.Outputs.Diff;

namespace Edition.Html;

/// <summary>
/// Writes <c>diff.html</c>: the edition against the raw OCR, page by page and line by line. Each row
/// shows a source line as the OCR read it and as the edition reads it; every change (from
/// <see cref="EditionDiff.Changes"/>, the record the apparatus is made from) is coloured by kind, and
/// furniture and note markers show as removed. One self-contained file.
/// When the book came from page images, each page shows its image beside the texts, with a box on it
/// for every word: pointing at a word in either text outlines its box, pointing at a box highlights
/// the word in both texts (a small inline script; with scripts off the image and texts still show).
/// </summary>
public static class HtmlDiff
{
    private static readonly Lazy<string> Css = new(() => Dom.Asset("kinds.css") + Dom.Asset("diff.css"));
    // Only pages with scans carry these, so a book of plain text gets the same file as before.
    private static readonly Lazy<string> ScanCss = new(() => Dom.Asset("diff-scan.css"));
    private static readonly Lazy<string> ScanScript = new(() => Dom.Asset("diff-scan.js"));

    public const string EditionFileName = "index.html";

    public static string Write(Document document, HtmlOptions? options = null)
    {
        options ??= new HtmlOptions();
        var view = ScanView.For(document, options);
        var book = document.Book;
        string title = book.Title.Length > 0 ? book.Title : book.Id;
        var doc = Dom.NewDocument(book.Language.Length > 0 ? book.Language : "en");
        Dom.Head(doc, title + " — the edition against the raw scan", view != null ? Css.Value + ScanCss.Value : Css.Value, allowImages: view != null);
        var body = doc.Body!;
        body.NewLine();

        var changes = EditionDiff.Changes(document);
        var readings = new Readings(document);
        var pages = document.Pages.Where(p => p.Lines.Count > 0).ToList();
        var ids = PageIds(pages);

        Header(body, document, title, changes, view != null);
        body.NewLine();
        var layout = Dom.Detached(doc, "div", "layout");
        var nav = layout.Add("nav", "page-nav");
        nav.SetAttribute("aria-label", "Pages");
        nav.Add("p", "nav-title", "Pages");
        var navList = nav.Add("ol");
        foreach (var page in pages)
        {
            var li = navList.Add("li");
            li.Link("#" + ids[page], page.Number.ToString(CultureInfo.InvariantCulture));
        }
        layout.NewLine();
        var main = layout.Add("main");
        main.NewLine();

        var rows = new RowWriter(document, changes, readings, view);
        for (int i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            string number = page.Number.ToString(CultureInfo.InvariantCulture);
            string? image = view?.ImageUrl(page);
            var scanPage = view?.PageOf(page);
            var section = main.Add("section", image != null ? "page has-scan" : "page");
            section.Id = ids[page];
            section.SetAttribute("data-page", number);
            section.SetAttribute("data-scan", page.Index.ToString(CultureInfo.InvariantCulture));
            section.SetAttribute("aria-labelledby", ids[page] + "-title");
            section.NewLine();
            var head = section.Add("header", "page-head");
            var h2 = head.Add("h2", null, "Page " + number);
            h2.Id = ids[page] + "-title";
            var meta = head.Add("p", "meta");
            meta.Text($"scan {page.Index.ToString(CultureInfo.InvariantCulture)} · lines {page.Lines[0].Number.ToString(CultureInfo.InvariantCulture)}–{page.Lines[^1].Number.ToString(CultureInfo.InvariantCulture)} · number {NumberSource(page.NumberSource)}");
            var links = head.Add("p", "page-links");
            if (i > 0) links.Link("#" + ids[pages[i - 1]], "← " + pages[i - 1].Number.ToString(CultureInfo.InvariantCulture), "prev");
            links.Link(EditionFileName + "#" + ids[page], "in the edition", "to-edition");
            if (i + 1 < pages.Count) links.Link("#" + ids[pages[i + 1]], pages[i + 1].Number.ToString(CultureInfo.InvariantCulture) + " →", "next");
            section.NewLine();
            var content = section.Add("div", "page-body");
            if (image != null && scanPage != null) Figure(content, view!, scanPage, image, number);
            var table = content.Add("table", "diff");
            var thead = table.Add("thead").Add("tr");
            thead.Add("th", "ln", "Line").SetAttribute("scope", "col");
            thead.Add("th", null, "Raw OCR").SetAttribute("scope", "col");
            thead.Add("th", null, "Edition").SetAttribute("scope", "col");
            var tbody = table.Add("tbody");
            rows.Write(tbody, page, scanPage);
            section.NewLine();
            main.NewLine();
        }
        body.AppendChild(layout);
        body.NewLine();
        if (view != null)
        {
            body.Add("script", null, ScanScript.Value);
            body.NewLine();
        }
        return Dom.Serialize(doc);
    }

    /// <summary>
    /// The page image, lazily loaded, sized by its own width and height so the page does not jump, with
    /// a layer of word boxes over it placed in percentages; a link opens the image alone.
    /// </summary>
    private static void Figure(IElement content, ScanView view, ScanPage scanPage, string image, string number)
    {
        var figure = content.Add("figure", "scan");
        var frame = figure.Add("div", "scan-frame");
        var img = frame.Add("img");
        img.SetAttribute("src", image);
        img.SetAttribute("alt", "Scan of page " + number);
        img.SetAttribute("width", scanPage.Width.ToString(CultureInfo.InvariantCulture));
        img.SetAttribute("height", scanPage.Height.ToString(CultureInfo.InvariantCulture));
        img.SetAttribute("loading", "lazy");
        img.SetAttribute("decoding", "async");
        var layer = frame.Add("div", "boxes");
        layer.SetAttribute("aria-hidden", "true");
        string text = view.Text;
        foreach (var w in scanPage.Words)
        {
            if (view.WordId(w) is not string id || w.Box.Width <= 0 || w.Box.Height <= 0) continue;
            var box = layer.Add("span", "box");
            box.SetAttribute("data-w", id);
            box.SetAttribute("style", ScanView.BoxStyle(scanPage, w.Box));
            string word = w.End <= text.Length && w.Start < w.End ? Display.OneLine(text[w.Start..w.End]) : "";
            box.SetAttribute("title", w.Confidence is double c ? word + " · OCR " + ScanView.Percent(c) : word);
        }
        var caption = figure.Add("figcaption");
        caption.Text("Scan " + scanPage.Index.ToString(CultureInfo.InvariantCulture) + " · ");
        caption.Link(image, "the image alone");
    }

    private static Dictionary<Page, string> PageIds(List<Page> pages)
    {
        var ids = new Dictionary<Page, string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            string id = "p" + page.Number.ToString(CultureInfo.InvariantCulture);
            if (!used.Add(id)) { id += "-s" + page.Index.ToString(CultureInfo.InvariantCulture); used.Add(id); }
            ids[page] = id;
        }
        return ids;
    }

    private static string NumberSource(PageNumberSource source) => source switch
    {
        PageNumberSource.Printed => "printed on the page",
        PageNumberSource.Neighbours => "counted from its neighbours",
        PageNumberSource.Config => "counted from the book’s first page",
        _ => "the scan’s own count",
    };

    private static void Header(IElement body, Document document, string title, List<EditionDiff.Change> changes, bool scans)
    {
        var header = body.Add("header", "diff-head");
        header.Add("p", "kicker", "The edition against the raw scan");
        header.Add("h1", null, title);
        var p = header.Add("p", "intro");
        p.Text("Each row is a line of the OCR: on the left as the scan was read, on the right as the edition reads it. Changes are coloured by kind; struck-through text is taken out. Point at a change for its evidence, or read the ");
        p.Link(EditionFileName, "reading edition");
        p.Text(" and its ");
        p.Link(EditionFileName + "#apparatus", "apparatus");
        p.Text(".");
        if (scans) p.Text(" Beside each page is its scan: point at a word to see where it stands on the page, or at the page to find the word.");
        var legend = header.Add("ul", "legend");
        legend.SetAttribute("aria-label", "Kinds of change");
        var counts = changes.Where(c => c.First).GroupBy(c => Kinds.Of(c.Emendation)).ToDictionary(g => g.Key, g => g.Count());
        Kinds.AddLegendItems(legend, counts);
    }

    /// <summary>Writes a page's lines as rows, walking the changes in source order.</summary>
    private sealed class RowWriter
    {
        private readonly Document _document;
        private readonly List<EditionDiff.Change> _changes;
        private readonly Readings _readings;
        private readonly string _text;
        private readonly ScanView? _view;
        private readonly Dictionary<Emendation, string?> _wordIds = new();
        private ScanPage? _scanPage;
        private int _k;

        public RowWriter(Document document, List<EditionDiff.Change> changes, Readings readings, ScanView? view)
        {
            _document = document;
            _changes = changes;
            _readings = readings;
            _text = document.Source.Text;
            _view = view;
        }

        /// <summary>Writes the page's rows; with <paramref name="scanPage"/>, every word carries the id of its box on the image.</summary>
        public void Write(IElement tbody, Page page, ScanPage? scanPage)
        {
            _scanPage = scanPage;
            var lines = page.Lines;
            int last = lines.Count - 1;
            while (last > 0 && lines[last].IsBlank && !HasChange(lines[last])) last--;
            bool previousBlank = false;
            for (int i = 0; i <= last; i++)
            {
                var line = lines[i];
                int gapEnd = NextStart(line);
                bool blank = line.IsBlank && !HasChangeIn(line.Start, gapEnd);
                if (blank && previousBlank) { Skip(line.Start, gapEnd); continue; }
                previousBlank = blank;
                tbody.NewLine();
                var tr = tbody.Add("tr");
                if (blank) tr.ClassName = "blank";
                tr.Add("th", "ln", line.Number.ToString(CultureInfo.InvariantCulture)).SetAttribute("scope", "row");
                var raw = tr.Add("td", "raw");
                var ed = tr.Add("td", "ed");
                Line(raw, ed, line.Start, Math.Max(line.Start, line.End), gapEnd);
            }
            // Whatever lies between the page's last line and the next page (blank lines) carries no change to show.
            if (lines.Count > 0) Skip(lines[0].Start, NextStart(lines[^1]));
            tbody.NewLine();
        }

        private int NextStart(Line line)
        {
            if (line.Number < _document.Source.LineCount) return _document.Source.LineStart(line.Number + 1);
            return _document.Source.Length;
        }

        private bool HasChange(Line line) => HasChangeIn(line.Start, NextStart(line));

        private bool HasChangeIn(int from, int to)
        {
            for (int k = _k; k < _changes.Count && _changes[k].Start < to; k++)
                if (_changes[k].End > from || (_changes[k].Start >= from && _changes[k].Start < to)) return true;
            return false;
        }

        private void Skip(int from, int to)
        {
            while (_k < _changes.Count && _changes[_k].End <= to && _changes[_k].Start < to) _k++;
        }

        /// <summary>One source line [start, end) and the gap after it up to <paramref name="gapEnd"/> (its line break).</summary>
        private void Line(IElement raw, IElement ed, int start, int end, int gapEnd)
        {
            int pos = start;
            while (_k < _changes.Count)
            {
                var c = _changes[_k];
                if (c.Start >= gapEnd) break;
                if (c.End <= start && c.Start < start) { _k++; continue; }
                int from = Math.Max(c.Start, start);
                if (from >= end)
                {
                    // A change in the line break or the spaces after the line: shown at the line's end.
                    Plain(raw, ed, pos, end);
                    pos = end;
                    if (c.Start >= start)
                        Change(raw, ed, c, Display.Raw(_text.Substring(c.Start, Math.Min(c.End, gapEnd) - c.Start)), true);
                    if (c.End > gapEnd) return;
                    _k++;
                    continue;
                }
                Plain(raw, ed, pos, from);
                int to = Math.Min(c.End, end);
                Change(raw, ed, c, _text.Substring(from, to - from), c.Start >= start);
                pos = to;
                if (c.End > gapEnd) return; // goes on to the next line
                _k++;
            }
            Plain(raw, ed, pos, end);
        }

        private void Plain(IElement raw, IElement ed, int from, int to)
        {
            if (to <= from) return;
            if (_scanPage != null && _view != null)
            {
                // Each recognised word as a span named after its box; the spaces between stay plain text.
                foreach (var w in _view.Geometry.WordsIn(from, to))
                {
                    if (_view.WordId(w) is not string id) continue;
                    int s0 = Math.Max(w.Start, from), s1 = Math.Min(w.End, to);
                    if (s1 <= s0) continue;
                    Both(raw, ed, from, s0);
                    string word = _text.Substring(s0, s1 - s0);
                    raw.Add("span", "w", word).SetAttribute("data-w", id);
                    ed.Add("span", "w", word).SetAttribute("data-w", id);
                    from = s1;
                }
            }
            Both(raw, ed, from, to);
        }

        private void Both(IElement raw, IElement ed, int from, int to)
        {
            if (to <= from) return;
            string s = _text.Substring(from, to - from);
            raw.Text(s);
            ed.Text(s);
        }

        /// <summary>The ids of the word boxes behind a change, cached: a change may show on several lines.</summary>
        private string? WordIds(Emendation e)
        {
            if (_view == null) return null;
            if (!_wordIds.TryGetValue(e, out var ids)) _wordIds[e] = ids = _view.WordIds(e);
            return ids;
        }

        private void Change(IElement raw, IElement ed, EditionDiff.Change c, string rawPart, bool first)
        {
            var e = c.Emendation;
            string kind = Kinds.Of(e);
            string title = Kinds.Label(kind) + " (" + e.Rule.Replace('-', ' ') + "): " + e.Why;
            string? words = WordIds(e);
            if (words != null && ScanView.ConfidenceLabel(_view!.Geometry, e) is string confidence) title += " (" + confidence + ")";
            if (!e.ChangesReading)
            {
                Mark(raw.Add("mark", null, rawPart), e, kind, title, words);
                Mark(ed.Add("mark", null, rawPart), e, kind, title, words);
                return;
            }
            if (rawPart.Length > 0) Mark(raw.Add("del", null, rawPart), e, kind, title, words);
            if (!first || !c.First) return;
            var note = _readings.NoteOf(e);
            string reading = _readings.Text(e);
            if (reading.Length == 0 && note == null) return;
            var ins = Mark(ed.Add("ins", null, reading), e, kind, title, words);
            if (note != null) ins.Add("sup", "noteref", note.Number.ToString(CultureInfo.InvariantCulture));
        }

        /// <summary>Kind, emendation id (as in apparatus.json and the edition's <c>#e12</c>), evidence, and the boxes of its words on the scan.</summary>
        private static IElement Mark(IElement element, Emendation e, string kind, string title, string? words)
        {
            element.SetAttribute("data-kind", kind);
            element.SetAttribute("data-id", e.Id.ToString(CultureInfo.InvariantCulture));
            element.SetAttribute("title", title);
            if (words != null) element.SetAttribute("data-w", words);
            return element;
        }
    }
}
