using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using Edition.Model;

namespace Edition.Html;

/// <summary>
/// Writes a flow of pieces (a paragraph, a heading, a note's paragraph) into an element, spaced as the
/// Markdown edition spaces it: plain readings as text, every changed reading as a span carrying its
/// kind and raw reading, note references as links, and page breaks as margin markers, never inside a word.
/// </summary>
internal sealed class FlowWriter
{
    private readonly Anchors _anchors;
    private readonly IReadOnlyDictionary<Page, List<Piece>> _furnitureAt;
    private readonly ScanView? _scan;
    private readonly StringBuilder _run = new();
    private readonly List<Piece> _deferred = new();
    private INode _parent = null!;
    private bool _pendingSpace;
    private bool _written;
    private char _last;

    /// <param name="furnitureAt">Furniture taken out of each page (running heads, page numbers), shown where the page begins.</param>
    /// <param name="scan">The page images, when the book has them: each page marker then links to its image.</param>
    public FlowWriter(Anchors anchors, IReadOnlyDictionary<Page, List<Piece>> furnitureAt, ScanView? scan = null)
    {
        _anchors = anchors;
        _furnitureAt = furnitureAt;
        _scan = scan;
    }

    /// <summary>Writes <paramref name="pieces"/> from <paramref name="from"/> into <paramref name="parent"/>; note references are linked and their notes collected only when <paramref name="notes"/> is given.</summary>
    public void Write(IElement parent, List<Piece> pieces, int from, List<Note>? notes)
    {
        Begin(parent);
        for (int i = from; i < pieces.Count; i++)
        {
            var p = pieces[i];
            switch (p.Kind)
            {
                case PieceKind.Space:
                    if (p.Emendation != null)
                    {
                        Change(p, p.Reading);
                        _pendingSpace = false;
                        continue;
                    }
                    if (_deferred.Count > 0)
                    {
                        // The word the page turned inside is complete: its markers stand after it.
                        Append(" ");
                        foreach (var d in _deferred) Marker(d, spaceBefore: false);
                        _deferred.Clear();
                        _pendingSpace = true;
                        continue;
                    }
                    _pendingSpace = true;
                    continue;
                case PieceKind.PageBreak:
                    if ((_deferred.Count > 0 || InsideWord()) && NextIsInline(pieces, i)) { _deferred.Add(p); continue; }
                    Marker(p, spaceBefore: true);
                    continue;
                case PieceKind.NoteReference:
                    Space();
                    if (p.Note != null && notes != null && p.Note.Reference == p)
                    {
                        // The marker's change and the reference stay on one line.
                        Flush();
                        var outer = _parent;
                        _parent = outer.Add("span", "nr");
                        if (p.Emendation != null) Change(p, p.Reading); else Append(p.Reading);
                        NoteReference(p.Note);
                        Flush();
                        _parent = outer;
                        notes.Add(p.Note);
                        continue;
                    }
                    if (p.Emendation != null) Change(p, p.Reading); else Append(p.Reading);
                    continue;
                default:
                    if (p.Reading.Length == 0)
                    {
                        if (p.Emendation != null) Change(p, "");
                        continue;
                    }
                    Space();
                    if (p.Emendation != null) Change(p, p.Reading); else Append(p.Reading);
                    continue;
            }
        }
        foreach (var d in _deferred) Marker(d, spaceBefore: false);
        _deferred.Clear();
        Flush();
    }

    /// <summary>Writes a piece taken out of the text (a note's own printed marker) as an empty change at the end of <paramref name="parent"/>.</summary>
    public void WriteRemoved(IElement parent, Piece piece)
    {
        Begin(parent);
        Change(piece, "");
        Flush();
    }

    /// <summary>The reading of a flow as plain text (for the contents and titles): no markers, no note numbers.</summary>
    public static string Plain(List<Piece> pieces)
    {
        var sb = new StringBuilder();
        bool pending = false;
        foreach (var p in pieces)
        {
            switch (p.Kind)
            {
                case PieceKind.Space:
                    if (p.Emendation != null) { sb.Append(p.Reading); pending = false; }
                    else pending = true;
                    continue;
                case PieceKind.PageBreak:
                    continue;
                default:
                    if (p.Reading.Length == 0) continue;
                    if (pending && sb.Length > 0) sb.Append(' ');
                    pending = false;
                    sb.Append(p.Reading);
                    continue;
            }
        }
        return Display.OneLine(sb.ToString());
    }

    private void Begin(INode parent)
    {
        _parent = parent;
        _pendingSpace = false;
        _written = false;
        _last = '\0';
        _run.Clear();
        _deferred.Clear();
    }

    private bool InsideWord() => _written && !_pendingSpace && _last != '\0' && !char.IsWhiteSpace(_last);

    private static bool NextIsInline(List<Piece> pieces, int i)
    {
        for (int j = i + 1; j < pieces.Count; j++)
        {
            var n = pieces[j];
            if (n.Kind == PieceKind.PageBreak) continue;
            if (n.Kind == PieceKind.Space) return n.Emendation != null;
            return true;
        }
        return false;
    }

    private void Space()
    {
        if (_pendingSpace && _written) Append(" ");
        _pendingSpace = false;
    }

    private void Append(string text)
    {
        if (text.Length == 0) return;
        _run.Append(text);
        _written = true;
        _last = text[^1];
    }

    private void Flush()
    {
        if (_run.Length == 0) return;
        _parent.Text(_run.ToString());
        _run.Clear();
    }

    /// <summary>A changed reading: a span with the kind, the status and the raw reading; the text shows the edition's reading.</summary>
    private void Change(Piece piece, string reading)
    {
        Flush();
        var e = piece.Emendation!;
        var span = _parent.Add("span", "em");
        string id = Anchors.Span(e);
        if (_anchors.Claim(id)) span.Id = id;
        _anchors.Placed(piece, id);
        span.SetAttribute("data-kind", Kinds.Of(e));
        span.SetAttribute("data-raw", Display.Raw(e.Raw));
        if (reading.Length > 0)
        {
            span.Text(reading);
            _written = true;
            _last = reading[^1];
        }
    }

    private void NoteReference(Note note)
    {
        Flush();
        var sup = _parent.Add("sup", "noteref");
        string number = note.Number.ToString(CultureInfo.InvariantCulture);
        var a = sup.Link("#" + Anchors.Note(note), number);
        if (_anchors.Claim(Anchors.Reference(note))) a.Id = Anchors.Reference(note);
        a.SetAttribute("role", "doc-noteref");
        a.SetAttribute("aria-label", "Note " + number);
        _written = true;
        _last = number[^1];
    }

    /// <summary>Where a page begins: a small linked marker <c>[7]</c> with id <c>p7</c>, set in the margin by the stylesheet, and a link to the page's image when there is one.</summary>
    private void Marker(Piece piece, bool spaceBefore)
    {
        if (spaceBefore) Space();
        bool atStart = !_written;
        Flush();
        var page = piece.BreakPage!;
        string number = page.Number.ToString(CultureInfo.InvariantCulture);
        var span = _parent.Add("span", atStart ? "pb at-start" : "pb");
        var a = span.Link("", "[" + number + "]", "pb-n");
        string id = _anchors.ClaimPage(page);
        a.Id = id;
        a.SetAttribute("href", "#" + id);
        a.SetAttribute("aria-label", "Page " + number);
        a.SetAttribute("data-page", number);
        if (_scan?.ImageUrl(page) is string image)
        {
            var link = span.Link(image, "scan", "pb-scan");
            link.SetAttribute("aria-label", "Scan of page " + number);
            link.SetAttribute("title", "The scan of page " + number + " (image " + page.Index.ToString(CultureInfo.InvariantCulture) + ")");
        }
        if (_furnitureAt.TryGetValue(page, out var furniture))
            foreach (var f in furniture) Change(f, "");
        _written = true;
        _last = ']';
        _pendingSpace = true;
    }
}
