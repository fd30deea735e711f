using System.Globalization;
using AngleSharp.Dom;
using Edition.Model;
using Document = Edition.Model.Document;

namespace Edition.Html;

/// <summary>
/// Writes <c>index.html</c>, the reading edition: a title block from the book's config, contents from
/// the headings, the text with the source pagination in the margin, notes at the end of each section,
/// every change marked up for the "Show changes" switch, the editorial principles and the apparatus.
/// One self-contained file: inline stylesheet and script, no request leaves it.
/// </summary>
public static class HtmlEdition
{
    private static readonly Lazy<string> Css = new(() => Dom.Asset("kinds.css") + Dom.Asset("edition.css"));
    private static readonly Lazy<string> Script = new(() => Dom.Asset("edition.js"));
    // Only a book with page images carries this, so a book of plain text gets the same file as before.
    private static readonly Lazy<string> ScanCss = new(() => Dom.Asset("edition-scan.css"));

    public const string DiffFileName = "diff.html";

    /// <param name="options">With the output folder, and a book from page images, each page marker also links to its page image and the apparatus gives the OCR's confidence.</param>
    public static string Write(Document document, HtmlOptions? options = null)
    {
        var book = document.Book;
        var view = ScanView.For(document, options ?? new HtmlOptions());
        var doc = Dom.NewDocument(book.Language.Length > 0 ? book.Language : "en");
        string title = book.Title.Length > 0 ? book.Title : book.Id;
        Dom.Head(doc, TitleLine(book, title), view != null ? Css.Value + ScanCss.Value : Css.Value);

        var anchors = new Anchors();
        var body = doc.Body!;
        body.NewLine();
        body.Link("#text", "Skip to the text", "skip");
        body.NewLine();
        var bar = Dom.Detached(doc, "header", "edition-bar");
        var page = Dom.Detached(doc, "div", "edition");
        page.NewLine();

        TitleBlock(page, book, title);
        page.NewLine();
        var toc = page.Add("nav", "toc");
        toc.Id = "contents";
        anchors.Claim("contents");
        toc.SetAttribute("aria-labelledby", "contents-title");
        anchors.Claim("contents-title");
        toc.Add("h2", null, "Contents").Id = "contents-title";
        var tocList = toc.Add("ol");
        page.NewLine();

        var main = page.Add("main", "text");
        main.Id = "text";
        anchors.Claim("text");
        main.NewLine();
        var writer = new FlowWriter(anchors, FurnitureByPage(document), view);
        Text(main, document, writer, anchors, tocList);
        page.NewLine();

        new Principles(document, anchors).Write(page, tocList);
        page.NewLine();
        ApparatusSection.Write(page, document, anchors, tocList, view);
        page.NewLine();
        var diffItem = tocList.Add("li", "toc-back");
        diffItem.Link(DiffFileName, "The edition against the raw scan");

        Bar(bar, document, anchors);
        body.AppendChild(bar);
        body.NewLine();
        body.AppendChild(page);
        body.NewLine();
        body.Add("script", null, Script.Value);
        body.NewLine();
        return Dom.Serialize(doc);
    }

    private static string TitleLine(Book book, string title)
    {
        var s = title;
        if (book.Authors.Count > 0) s += " — " + Authors(book.Authors);
        if (book.Year is int y) s += " (" + y.ToString(CultureInfo.InvariantCulture) + ")";
        return s;
    }

    internal static string Authors(IReadOnlyList<string> authors) => authors.Count switch
    {
        0 => "",
        1 => authors[0],
        _ => string.Join(", ", authors.Take(authors.Count - 1)) + " and " + authors[^1],
    };

    private static void TitleBlock(IElement parent, Book book, string title)
    {
        var header = parent.Add("header", "title-block");
        if (book.Authors.Count > 0) header.Add("p", "authors", Authors(book.Authors));
        header.Add("h1", "title", title);
        if (book.Year is int y) header.Add("p", "year", y.ToString(CultureInfo.InvariantCulture));
        var line = header.Add("p", "edition-line");
        line.Text("A reading edition from the OCR of the printed text, with its pagination in the margin and a record of every change.");
        var links = line.Add("span", "links");
        links.Text(" ");
        links.Link("#principles", "Editorial principles");
        links.Text(" · ");
        links.Link("#apparatus", "Apparatus");
        links.Text(" · ");
        links.Link(DiffFileName, "Against the scan");
    }

    /// <summary>The slim bar at the top: contents, the "Show changes" switch (a checkbox: works with the keyboard and without scripts) and the legend of kinds.</summary>
    private static void Bar(IElement bar, Document document, Anchors anchors)
    {
        bar.SetAttribute("aria-label", "Reading options");
        var inner = bar.Add("div", "bar-inner");
        inner.Link("#contents", "Contents", "bar-link");
        inner.Link(DiffFileName, "Against the scan", "bar-link");
        var sw = inner.Add("div", "switch");
        var input = sw.Add("input");
        input.Id = "show-changes";
        anchors.Claim("show-changes");
        input.SetAttribute("type", "checkbox");
        input.SetAttribute("role", "switch");
        input.SetAttribute("aria-describedby", "legend");
        var label = sw.Add("label", null, "Show changes");
        label.SetAttribute("for", "show-changes");
        var legend = bar.Add("ul", "legend");
        legend.Id = "legend";
        anchors.Claim("legend");
        legend.SetAttribute("aria-label", "Kinds of change");
        var counts = document.Apparatus.GroupBy(Kinds.Of).ToDictionary(g => g.Key, g => g.Count());
        Kinds.AddLegendItems(legend, counts);
        var hint = legend.Add("li", "hint", "Point at a change to see the OCR’s reading; every change is listed in the ");
        hint.Link("#apparatus", "apparatus");
        hint.Text(".");
    }

    /// <summary>Running heads and page numbers taken out of each page: shown, as removed, where the page begins.</summary>
    private static Dictionary<Page, List<Piece>> FurnitureByPage(Document document)
    {
        var markers = new HashSet<Piece>(document.Notes.Where(n => n.Marker != null).Select(n => n.Marker!));
        var byPage = new Dictionary<Page, List<Piece>>();
        foreach (var f in document.Furniture)
        {
            if (markers.Contains(f) || f.Emendation == null) continue;
            if (!byPage.TryGetValue(f.Page, out var list)) byPage[f.Page] = list = new List<Piece>();
            list.Add(f);
        }
        return byPage;
    }

    /// <summary>The body: one section per heading, its notes at its end; then notes whose reference was lost.</summary>
    private static void Text(IElement main, Document document, FlowWriter writer, Anchors anchors, IElement tocList)
    {
        IElement? section = null;
        var notes = new List<Note>();
        IElement? tocTop = null;
        int untitled = 0;
        foreach (var block in document.Body)
        {
            if (block is Heading h)
            {
                EndSection(section, notes, writer, anchors);
                section = main.Add("section", "chapter");
                main.NewLine();
                section.NewLine();
                string text = FlowWriter.Plain(h.Pieces);
                string id = Slug(text, anchors);
                var hEl = section.Add(h.Level <= 1 ? "h2" : "h3");
                hEl.Id = id;
                if (text.Length > 0 && !text.Any(char.IsLower)) hEl.ClassName = "caps";
                section.SetAttribute("aria-labelledby", id);
                writer.Write(hEl, h.Pieces, 0, notes);
                section.NewLine();
                // Contents: level 1 at the top, lower levels inside the last top entry.
                IElement list = tocList;
                if (h.Level > 1 && tocTop != null)
                    list = tocTop.QuerySelector("ol") ?? tocTop.Add("ol");
                var li = list.Add("li");
                li.Link("#" + id, text);
                li.Add("span", "toc-page", h.Page.Number.ToString(CultureInfo.InvariantCulture));
                if (h.Level <= 1) tocTop = li;
                continue;
            }
            if (section == null)
            {
                section = main.Add("section", "chapter");
                section.Id = "section-" + (++untitled).ToString(CultureInfo.InvariantCulture);
                anchors.Claim(section.Id);
                main.NewLine();
                section.NewLine();
            }
            var p = section.Add("p");
            writer.Write(p, block.Pieces, 0, notes);
            if (p.ChildNodes.Length == 0) { p.Remove(); continue; }
            section.NewLine();
        }
        EndSection(section, notes, writer, anchors);

        var orphans = document.Notes.Where(n => n.Reference == null).ToList();
        if (orphans.Count > 0)
        {
            var s = main.Add("section", "chapter orphan-notes");
            s.Id = "notes-unlinked";
            anchors.Claim(s.Id);
            s.SetAttribute("aria-labelledby", "notes-unlinked-title");
            var h = s.Add("h2", null, "Notes without a reference in the text");
            h.Id = "notes-unlinked-title";
            anchors.Claim(h.Id);
            s.Add("p", "orphan-intro", "The print has these notes, but the reference to them was not found in the text.");
            NoteList(s, orphans, writer, anchors);
            var li = tocList.Add("li", "toc-back");
            li.Link("#notes-unlinked", "Notes without a reference");
        }
    }

    private static void EndSection(IElement? section, List<Note> notes, FlowWriter writer, Anchors anchors)
    {
        if (section == null || notes.Count == 0) { notes.Clear(); return; }
        var aside = section.Add("section", "notes");
        aside.SetAttribute("role", "doc-endnotes");
        aside.SetAttribute("aria-label", "Notes");
        NoteList(aside, notes, writer, anchors);
        section.NewLine();
        notes.Clear();
    }

    private static void NoteList(IElement parent, List<Note> notes, FlowWriter writer, Anchors anchors)
    {
        var ol = parent.Add("ol");
        foreach (var note in notes)
        {
            ol.NewLine();
            string number = note.Number.ToString(CultureInfo.InvariantCulture);
            var li = ol.Add("li");
            if (anchors.Claim(Anchors.Note(note))) li.Id = Anchors.Note(note);
            li.SetAttribute("value", number);
            li.SetAttribute("role", "doc-endnote");
            var paragraphs = note.Paragraphs.Count > 0 ? note.Paragraphs : new List<List<Piece>> { new() };
            IElement? last = null;
            for (int i = 0; i < paragraphs.Count; i++)
            {
                var p = li.Add("p");
                if (i == 0)
                {
                    p.Add("span", "note-number", number + ". ");
                    if (note.Marker?.Emendation != null) writer.WriteRemoved(p, note.Marker);
                }
                writer.Write(p, paragraphs[i], 0, null);
                last = p;
            }
            if (note.Reference != null && last != null)
            {
                last.Text(" ");
                var back = last.Link("#" + Anchors.Reference(note), "↩\uFE0E", "backlink");
                back.SetAttribute("role", "doc-backlink");
                back.SetAttribute("aria-label", "Back to the reference to note " + number);
            }
        }
        ol.NewLine();
    }

    /// <summary>A readable, unique id for a heading: <c>sec-the-meaning-of-dictatorship</c>.</summary>
    private static string Slug(string text, Anchors anchors)
    {
        var sb = new System.Text.StringBuilder("sec-");
        bool dash = false;
        foreach (char c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) && c < 128) { if (dash && sb.Length > 4) sb.Append('-'); sb.Append(c); dash = false; }
            else dash = true;
            if (sb.Length > 48) break;
        }
        string id = sb.Length > 4 ? sb.ToString() : "sec";
        string candidate = id;
        for (int n = 2; !anchors.Claim(candidate); n++) candidate = id + "-" + n.ToString(CultureInfo.InvariantCulture);
        return candidate;
    }
}
