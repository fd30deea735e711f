using Edition.Exchange.Xml;
using Edition.Model;
using Edition.Pdf.Layout;
using PdfPrinciples = Edition.Pdf.Layout.Principles;

namespace Edition.Exchange.Epub;

/// <summary>
/// The reading text as XHTML content documents: one per chapter (a new file at each level-1 heading, and
/// a long stretch cut at a block once it passes <see cref="MaxFileChars"/>), spaced as the Markdown
/// edition spaces it. Where a page of the print begins, a <c>pagebreak</c> span (the page list points
/// at it); each note an <c>aside epub:type="footnote"</c> after the block that refers to it, linked both
/// ways; each change the apparatus lists a span with its id, so the apparatus links back to it.
/// </summary>
internal sealed class EpubText
{
    public const int MaxFileChars = 150_000;

    public sealed record TextFile(string Name, string Title, string Body);
    public sealed record TocEntry(string File, string Id, int Level, string Text);
    public sealed record PageEntry(string File, string Id, string Label);

    private readonly Document _document;
    private readonly HashSet<Emendation> _listed;
    private readonly Dictionary<Emendation, string> _places = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Page, string> _pageFiles = new();
    private readonly PageIds _pageIds = new();
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public EpubText(Document document)
    {
        _document = document;
        _listed = new HashSet<Emendation>(document.Apparatus.Where(PdfPrinciples.IsRecorded), ReferenceEqualityComparer.Instance);
    }

    public List<TextFile> Files { get; } = new();
    public List<TocEntry> Toc { get; } = new();
    public List<PageEntry> PageList { get; } = new();

    /// <summary>Where the text shows a change (<c>text-002.xhtml#e12</c>), else where its page begins, else null.</summary>
    public string? Place(Emendation e)
    {
        if (_places.TryGetValue(e, out var p)) return p;
        return _pageFiles.TryGetValue(e.Page, out var file) ? file + "#" + _pageIds.Claim(e.Page) : null;
    }

    public static string FileName(int n) => "text-" + n.ToString("000", System.Globalization.CultureInfo.InvariantCulture) + ".xhtml";

    public void Build()
    {
        XmlOut? x = null;
        string title = "";
        string? group = null;
        void Finish()
        {
            if (x == null) return;
            if (group != null) { x.Close(group); group = null; }
            Files.Add(new TextFile(FileName(Files.Count + 1), title, x.ToString()));
            x = null;
        }
        int length = 0;
        foreach (var block in _document.Body)
        {
            var map = XhtmlBlocks.Of(block);
            bool empty = block.Pieces.All(p => p.Kind == PieceKind.PageBreak);
            if (x != null && !empty && ((map.HeadingLevel == 1 && length > 0) || length > MaxFileChars)) Finish();
            if (x == null)
            {
                x = new XmlOut();
                length = 0;
                title = map.HeadingLevel != null ? Plain(block.Pieces) : TeiHeaderTitle();
            }
            string file = FileName(Files.Count + 1);
            if (map.Group != group)
            {
                if (group != null) x.Close(group);
                group = null;
                if (map.Group != null) { x.Line(1).Open(map.Group, ("class", map.GroupClass)); group = map.Group; }
            }
            var notes = new List<Note>();
            if (empty)
            {
                // Only page breaks (pages with no text of their own): the markers stand alone.
                x.Line(1).Open("div", ("class", "pages"));
                Flow(x, file, block.Pieces, notes);
                x.Close("div");
            }
            else
            {
                string? id = null;
                if (map.HeadingLevel is int level)
                {
                    id = Claim("h" + XmlOut.Number(Toc.Count + 1));
                    Toc.Add(new TocEntry(file, id, level, Plain(block.Pieces)));
                }
                var pieces = block.Pieces;
                if (map.HeadingLevel != null)
                {
                    // The page a heading opens is marked before it, not inside its words.
                    int lead = 0;
                    while (lead < pieces.Count && pieces[lead].Kind == PieceKind.PageBreak) lead++;
                    if (lead > 0)
                    {
                        x.Line(1).Open("div", ("class", "pages"));
                        Flow(x, file, pieces.Take(lead).ToList(), notes);
                        x.Close("div");
                        pieces = pieces.Skip(lead).ToList();
                    }
                }
                x.Line(group != null ? 2 : 1).Open(map.Name, ("id", id), ("class", map.Class));
                int before = x.Length;
                Flow(x, file, pieces, notes);
                length += x.Length - before;
                x.Close(map.Name);
            }
            foreach (var note in notes) Aside(x, file, note);
        }
        // Notes whose reference was lost still belong to the edition: at its end, shown as they are.
        var lost = _document.Notes.Where(n => n.Reference == null).ToList();
        if (lost.Count > 0)
        {
            x ??= new XmlOut();
            if (group != null) { x.Close(group); group = null; }
            x.Line(1).Open("section", ("class", "lost-notes"));
            x.Line(2).Element("p", "Notes whose place in the text was not found:", ("class", "lost-notes-title"));
            foreach (var note in lost)
            {
                x.Line(2).Open("div", ("class", "note"), ("id", Claim(NoteId(note))));
                NoteBody(x, FileName(Files.Count + 1), note, backlink: false);
                x.Line(2).Close("div");
            }
            x.Line(1).Close("section");
        }
        if (x == null) { x = new XmlOut(); x.Line(1).Element("p", "The OCR held no text."); }
        Finish();
    }

    private string TeiHeaderTitle() => _document.Book.Title.Length > 0 ? _document.Book.Title : _document.Book.Id;

    private string Claim(string id)
    {
        if (_ids.Add(id)) return id;
        for (int k = 2; ; k++) if (_ids.Add(id + "-" + XmlOut.Number(k))) return id + "-" + XmlOut.Number(k);
    }

    public static string NoteId(Note note) => "n" + XmlOut.Number(note.Number);
    public static string ReferenceId(Note note) => "r" + XmlOut.Number(note.Number);

    private void Aside(XmlOut x, string file, Note note)
    {
        x.Line(1).Open("aside", ("epub:type", "footnote"), ("role", "doc-footnote"), ("id", Claim(NoteId(note))));
        NoteBody(x, file, note, backlink: true);
        x.Line(1).Close("aside");
    }

    private void NoteBody(XmlOut x, string file, Note note, bool backlink)
    {
        var paragraphs = note.Paragraphs.Count > 0 ? note.Paragraphs : new List<List<Piece>> { new() };
        for (int i = 0; i < paragraphs.Count; i++)
        {
            x.Line(x.Depth).Open("p");
            if (i == 0)
            {
                if (backlink)
                {
                    x.Open("a", ("href", "#" + ReferenceId(note)), ("role", "doc-backlink"), ("class", "note-number"));
                    x.Text(XmlOut.Number(note.Number));
                    x.Close("a");
                }
                else x.Element("span", XmlOut.Number(note.Number), ("class", "note-number"));
                x.Text(" ");
            }
            Flow(x, file, paragraphs[i], null);
            x.Close("p");
        }
    }

    /// <summary>A flow's readings, spaced as the Markdown spaces them; note references linked and their notes collected.</summary>
    private void Flow(XmlOut x, string file, List<Piece> pieces, List<Note>? notes)
    {
        bool pending = false, written = false;
        void Space()
        {
            if (pending && written) x.Text(" ");
            pending = false;
        }
        foreach (var p in pieces)
        {
            switch (p.Kind)
            {
                case PieceKind.Space:
                    if (p.Emendation != null) { Reading(x, file, p, p.Reading); pending = false; }
                    else pending = true;
                    continue;
                case PieceKind.PageBreak:
                    Space();
                    PageBreak(x, file, p.BreakPage!);
                    written = true;
                    pending = true;
                    continue;
                case PieceKind.NoteReference:
                    Space();
                    if (p.Reading.Length > 0) { Reading(x, file, p, p.Reading); written = true; }
                    else Reading(x, file, p, "");
                    if (p.Note != null && notes != null && ReferenceEquals(p.Note.Reference, p))
                    {
                        x.Open("a", ("epub:type", "noteref"), ("role", "doc-noteref"), ("href", "#" + NoteId(p.Note)),
                            ("id", Claim(ReferenceId(p.Note))), ("class", "noteref"));
                        x.Text(XmlOut.Number(p.Note.Number));
                        x.Close("a");
                        notes.Add(p.Note);
                        written = true;
                    }
                    continue;
                default:
                    if (p.Reading.Length == 0) { Reading(x, file, p, ""); continue; }
                    Space();
                    Reading(x, file, p, p.Reading);
                    written = true;
                    continue;
            }
        }
    }

    /// <summary>A reading; in a span with an id when the apparatus lists its change (or a change made inside it).</summary>
    private void Reading(XmlOut x, string file, Piece piece, string reading)
    {
        var listed = Listed(piece).ToList();
        if (listed.Count == 0) { x.Text(reading); return; }
        string id = Claim("e" + XmlOut.Number(listed[0].Id));
        foreach (var e in listed) _places.TryAdd(e, file + "#" + id);
        x.Open("span", ("id", id));
        x.Text(reading);
        x.Close("span");
    }

    private IEnumerable<Emendation> Listed(Piece piece)
    {
        if (piece.Emendation != null && _listed.Contains(piece.Emendation)) yield return piece.Emendation;
        foreach (var part in piece.Parts)
            foreach (var e in Listed(part)) yield return e;
    }

    private void PageBreak(XmlOut x, string file, Page page)
    {
        if (_pageFiles.ContainsKey(page)) return;
        string id = _pageIds.Claim(page);
        _ids.Add(id);
        _pageFiles[page] = file;
        string label = XmlOut.Number(page.Number);
        PageList.Add(new PageEntry(file, id, label));
        x.Open("span", ("epub:type", "pagebreak"), ("role", "doc-pagebreak"), ("id", id), ("title", label), ("aria-label", "Page " + label), ("class", "pb"));
        x.Text("[" + label + "]");
        x.Close("span");
    }

    /// <summary>A flow as plain text, for the contents and titles.</summary>
    public static string Plain(List<Piece> pieces)
    {
        var sb = new System.Text.StringBuilder();
        bool pending = false;
        foreach (var p in pieces)
        {
            if (p.Kind == PieceKind.PageBreak) continue;
            if (p.Kind == PieceKind.Space)
            {
                if (p.Emendation != null) { sb.Append(p.Reading); pending = false; }
                else pending = true;
                continue;
            }
            if (p.Reading.Length == 0) continue;
            if (pending && sb.Length > 0) sb.Append(' ');
            pending = false;
            sb.Append(p.Reading);
        }
        return sb.ToString().Trim();
    }
}
