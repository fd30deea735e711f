using Edition.Exchange.Xml;
using Edition.Model;

namespace Edition.Exchange.Tei;

/// <summary>
/// Writes the <c>body</c>: the reading text with every character of the source in it, in place. Each
/// source line opens with <c>lb n="…"</c> (its line number in the OCR text, as in apparatus.json); the
/// source's whitespace is kept as it is (TEI readers collapse it, as the reading does); every change is
/// a <c>choice</c> (<see cref="TeiEncoding"/>), a doubtful reading an <c>unclear</c>, page furniture
/// <c>fw</c> after the <c>pb</c> of its page or before the next, each note a <c>note</c> at its reference.
/// </summary>
internal sealed class TeiBody
{
    private readonly Document _document;
    private readonly SourcePlaces _places;
    private readonly TeiFacsimile? _facsimile;
    private readonly XmlOut _x;
    private readonly HashSet<Page> _breaks = new();
    private readonly HashSet<Page> _feet = new();
    private readonly Dictionary<Piece, List<Emendation>> _extraFlags = new(ReferenceEqualityComparer.Instance);
    private readonly List<Emendation> _unplaced = new();
    private readonly HashSet<Piece> _orphans;
    private bool _initialWritten;
    private bool _anyBlock;

    public TeiBody(Document document, SourcePlaces places, TeiFacsimile? facsimile, XmlOut x)
    {
        _document = document;
        _places = places;
        _facsimile = facsimile;
        _x = x;
        _orphans = places.Orphans;
        FindExtraFlags();
    }

    public void Write()
    {
        _x.Open("body");
        if (AllXmlSpace(_places.Initial))
        {
            _initialWritten = true;
            WriteFollowers(_places.Initial);
        }
        var divs = new Stack<int>();
        string? group = null;
        foreach (var block in _document.Body)
        {
            var map = TeiBlocks.Of(block);
            var pieces = block.Pieces;
            int first = 0, last = pieces.Count;
            while (first < last && pieces[first].Kind == PieceKind.PageBreak) first++;
            while (last > first && pieces[last - 1].Kind == PieceKind.PageBreak) last--;
            if (map.Group != group || map.DivLevel != null)
            {
                if (group != null) _x.Close(group);
                group = null;
            }
            if (map.DivLevel is int level && first < last)
            {
                while (divs.Count > 0 && divs.Peek() >= level) { divs.Pop(); _x.Close("div"); }
                WritePieces(pieces, 0, first);
                _x.Open("div");
                divs.Push(level);
            }
            else WritePieces(pieces, 0, first);
            if (first < last)
            {
                if (map.Group != null && group == null) { _x.Open(map.Group); group = map.Group; }
                _x.Open(map.Name);
                var after = WritePieces(pieces, first, last, deferLast: true);
                bool outside = AllXmlSpace(after);
                if (!outside) WriteFollowers(after);
                _x.Close(map.Name);
                if (outside) WriteFollowers(after);
                _anyBlock = true;
            }
            WritePieces(pieces, last, pieces.Count);
        }
        if (group != null) _x.Close(group);
        // Pages with no text at all, and the foot of the last pages.
        foreach (var page in _document.Pages)
            if (!_breaks.Contains(page)) PageBreak(page);
        foreach (var page in _document.Pages) Foot(page);
        foreach (var e in _unplaced) _x.Empty("anchor", ("xml:id", TeiEncoding.Id(e)), ("ana", TeiEncoding.Category(e)));
        if (!_anyBlock) _x.Empty("p");
        while (divs.Count > 0) { divs.Pop(); _x.Close("div"); }
        _x.Close("body");
    }

    /// <summary>Writes pieces <paramref name="from"/>..<paramref name="to"/> of a flow; with <paramref name="deferLast"/> the orphans after the last one are returned, not written.</summary>
    private IReadOnlyList<Piece> WritePieces(List<Piece> pieces, int from, int to, bool deferLast = false)
    {
        IReadOnlyList<Piece> deferred = Array.Empty<Piece>();
        for (int i = from; i < to; i++)
        {
            var p = pieces[i];
            if (p.Kind == PieceKind.PageBreak)
            {
                if (p.BreakPage != null) PageBreak(p.BreakPage);
                continue;
            }
            bool lastOne = deferLast && i == to - 1;
            var end = WritePiece(p);
            if (p.Kind == PieceKind.NoteReference && p.Note != null && ReferenceEquals(p.Note.Reference, p)) Note(p.Note);
            if (end == null) continue;
            if (lastOne) deferred = _places.FollowersOf(end);
            else WriteFollowers(_places.FollowersOf(end));
        }
        return deferred;
    }

    /// <summary>Writes one piece of a flow (or furniture) in place; returns the unit whose followers come next, and leaves them to the caller.</summary>
    private Piece? WritePiece(Piece piece)
    {
        var end = UnitEnd(piece);
        _extraFlags.TryGetValue(piece, out var flags);
        // A change that opens a source line: the line begins before it, not inside its first reading.
        if (flags != null || piece.Emendation != null) LineStart(FirstLeaf(piece));
        if (flags != null) foreach (var f in flags) OpenUnclear(f);
        var e = piece.Emendation;
        if (e != null && piece.End == piece.Start && piece.IsLeaf)
        {
            // A place without characters (a note anchored where no marker was found): marked, not a change of text.
            _x.Empty("anchor", ("xml:id", TeiEncoding.Id(e)), ("ana", TeiEncoding.Category(e)));
        }
        else if (e != null && (e.ChangesReading || !piece.IsLeaf || e.Status != EmendationStatus.Doubtful))
        {
            Choice(piece, e, end);
        }
        else if (e != null)
        {
            OpenUnclear(e);
            Raw(piece, end);
            _x.Close("unclear");
        }
        else Raw(piece, end);
        if (flags != null) foreach (var _ in flags) _x.Close("unclear");
        return end;
    }

    private void Choice(Piece piece, Emendation e, Piece? end)
    {
        var pair = TeiEncoding.PairOf(e);
        _x.Open("choice", ("xml:id", TeiEncoding.Id(e)), ("ana", TeiEncoding.Category(e)), ("facs", _facsimile?.WordsOf(e)));
        _x.Open(pair.Raw);
        Raw(piece, end);
        _x.Close(pair.Raw);
        _x.Open(pair.Reading, ("resp", TeiEncoding.Resp(e)), ("cert", TeiEncoding.Cert(e)), ("type", e.Rule));
        _x.Text(piece.Reading);
        _x.Close(pair.Reading);
        _x.Close("choice");
    }

    private void OpenUnclear(Emendation e) =>
        _x.Open("unclear", ("xml:id", TeiEncoding.Id(e)), ("ana", TeiEncoding.Category(e)), ("facs", _facsimile?.WordsOf(e)),
            ("reason", e.Rule), ("resp", TeiEncoding.Resp(e)), ("cert", TeiEncoding.Cert(e)));

    /// <summary>The source characters behind a piece: its leaves, and the changes made to its parts, each in place.</summary>
    private void Raw(Piece piece, Piece? end)
    {
        if (piece.IsLeaf)
        {
            Leaf(piece, end);
            return;
        }
        foreach (var part in piece.Parts)
        {
            if (part.Emendation != null || _extraFlags.ContainsKey(part))
            {
                var partEnd = WritePiece(part);
                if (partEnd != null && !ReferenceEquals(partEnd, end)) WriteFollowers(_places.FollowersOf(partEnd));
            }
            else Raw(part, end);
        }
    }

    /// <summary>A leaf's source characters, opened by <c>lb</c> when it begins a source line; then what follows it in the source, unless it ends the unit being written.</summary>
    private void Leaf(Piece leaf, Piece? end)
    {
        if (leaf.End == leaf.Start) return;
        LineStart(leaf);
        _x.Text(_document.Source.Slice(leaf.Start, leaf.End));
        if (!ReferenceEquals(leaf, end) && !_orphans.Contains(leaf)) WriteFollowers(_places.FollowersOf(leaf));
    }

    /// <summary>Before the first leaf: the whitespace that opens the source; before a leaf that opens a line: its <c>lb</c>, once.</summary>
    private void LineStart(Piece? leaf)
    {
        if (leaf == null) return;
        if (!_initialWritten)
        {
            _initialWritten = true;
            WriteFollowers(_places.Initial);
        }
        var leaders = _places.LeadersOf(leaf);
        if (leaders.Count > 0 && _led.Add(leaf)) WriteFollowers(leaders);
        if (_places.LineOf(leaf) is int line && _linesOpened.Add(leaf))
            _x.Empty("lb", ("n", XmlOut.Number(line)), ("facs", _facsimile?.LineAt(leaf.Start)));
    }

    private readonly HashSet<Piece> _led = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Piece> _linesOpened = new(ReferenceEqualityComparer.Instance);

    private static Piece? FirstLeaf(Piece piece) => piece.Leaves().FirstOrDefault(l => l.End > l.Start);

    private void WriteFollowers(IReadOnlyList<Piece> followers)
    {
        foreach (var o in followers)
        {
            var end = WritePiece(o);
            if (end != null) WriteFollowers(_places.FollowersOf(end));
        }
    }

    /// <summary>The unit whose followers come after the piece: the piece itself when it is an orphan, else its last leaf with characters.</summary>
    private Piece? UnitEnd(Piece piece)
    {
        if (_orphans.Contains(piece)) return piece;
        Piece? last = null;
        foreach (var leaf in piece.Leaves()) if (leaf.End > leaf.Start) last = leaf;
        return last;
    }

    private void PageBreak(Page page)
    {
        if (!_breaks.Add(page)) return;
        foreach (var before in _document.Pages)
        {
            if (before.Index >= page.Index) break;
            Foot(before);
        }
        _x.Empty("pb", ("n", XmlOut.Number(page.Number)), ("xml:id", _pageIds.Claim(page)), ("facs", _facsimile?.PageOf(page)));
        foreach (var f in _places.Top(page)) FormeWork(f, "top");
    }

    /// <summary>The foot of a page: notes whose reference was lost, then the furniture below the text.</summary>
    private void Foot(Page page)
    {
        if (!_breaks.Contains(page) || !_feet.Add(page)) return;
        foreach (var note in _places.Unreferenced(page)) Note(note);
        foreach (var f in _places.Bottom(page)) FormeWork(f, "bottom");
    }

    private void FormeWork(Piece furniture, string place)
    {
        var e = furniture.Emendation!;
        _x.Open("fw", ("xml:id", TeiEncoding.Id(e)), ("ana", TeiEncoding.Category(e)), ("type", TeiEncoding.FormeWorkType(e)),
            ("place", place), ("facs", _facsimile?.WordsOf(e)));
        foreach (var leaf in furniture.Leaves()) Leaf(leaf, null);
        _x.Close("fw");
    }

    private void Note(Note note)
    {
        var anchor = note.Reference;
        bool placedByUs = anchor is { Emendation.Status: EmendationStatus.Doubtful } && anchor.End == anchor.Start;
        _x.Open("note", ("place", "foot"), ("n", XmlOut.Number(note.Number)), ("xml:id", NoteId(note)),
            ("resp", placedByUs ? TeiEncoding.Resp(anchor!.Emendation!) : null), ("cert", placedByUs ? "low" : null));
        if (note.Paragraphs.Count == 0)
        {
            _x.Open("p");
            if (note.Marker != null) WriteTop(note.Marker);
            _x.Close("p");
        }
        for (int i = 0; i < note.Paragraphs.Count; i++)
        {
            _x.Open("p");
            if (i == 0 && note.Marker != null) WriteTop(note.Marker);
            WritePieces(note.Paragraphs[i], 0, note.Paragraphs[i].Count);
            _x.Close("p");
        }
        _x.Close("note");
    }

    private void WriteTop(Piece piece)
    {
        var end = WritePiece(piece);
        if (end != null) WriteFollowers(_places.FollowersOf(end));
    }

    public static string NoteId(Note note) => "n" + XmlOut.Number(note.Number);

    private readonly PageIds _pageIds = new();

    /// <summary>Are these followers, and all that follow them, whitespace XML may hold between elements?</summary>
    private bool AllXmlSpace(IReadOnlyList<Piece> followers)
    {
        foreach (var o in followers)
        {
            if (!o.IsSpace || _document.Source.Text.AsSpan(o.Start, o.End - o.Start).IndexOfAnyExcept(" \t\n\r") >= 0) return false;
            if (!AllXmlSpace(_places.FollowersOf(o))) return false;
        }
        return true;
    }

    /// <summary>
    /// Flags (doubtful readings) on a piece that already carried a change: the piece's element is wrapped
    /// in an <c>unclear</c> for each. A record no piece carries at all is anchored at the end.
    /// </summary>
    private void FindExtraFlags()
    {
        var carried = new HashSet<Emendation>(ReferenceEqualityComparer.Instance);
        var all = new List<Piece>();
        void Visit(Piece p)
        {
            all.Add(p);
            if (p.Emendation != null) carried.Add(p.Emendation);
            foreach (var part in p.Parts) Visit(part);
        }
        foreach (var flow in _document.Flows()) foreach (var p in flow) Visit(p);
        foreach (var f in _document.Furniture) Visit(f);
        var byStart = all.Where(p => p.Kind != PieceKind.PageBreak).ToLookup(p => p.Start);
        foreach (var e in _document.Apparatus)
        {
            if (carried.Contains(e)) continue;
            // The innermost piece over exactly the flag's characters (pieces are visited outer first).
            var host = byStart[e.Start].LastOrDefault(p => LastEnd(p) == e.End);
            if (host == null) { _unplaced.Add(e); continue; }
            if (!_extraFlags.TryGetValue(host, out var list)) _extraFlags[host] = list = new List<Emendation>();
            list.Add(e);
        }
    }

    private static int LastEnd(Piece p)
    {
        int end = p.Start;
        foreach (var leaf in p.Leaves()) if (leaf.End > leaf.Start) end = leaf.End;
        return end;
    }
}
