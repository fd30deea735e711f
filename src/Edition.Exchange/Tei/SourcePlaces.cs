using Edition.Model;

namespace Edition.Exchange.Tei;

/// <summary>
/// Where each character of the source goes in a view that keeps them all. The reading flows hold most
/// of them; page furniture goes to the top or the foot of its page (<see cref="Top"/>, <see cref="Bottom"/>),
/// a note's printed marker to the note's start. Everything else — the whitespace between blocks,
/// specks taken out of a line — follows the source character just before it (<see cref="FollowersOf"/>),
/// so it is written in the same element and on the same source line. <see cref="LineOf"/> names the
/// source line a piece opens, for <c>lb</c>.
/// </summary>
internal sealed class SourcePlaces
{
    private readonly Dictionary<Piece, List<Piece>> _followers = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Piece, List<Piece>> _leaders = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Piece, int> _lineStarts = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Page, List<Piece>> _top = new();
    private readonly Dictionary<Page, List<Piece>> _bottom = new();
    private readonly Dictionary<Page, List<Note>> _unreferenced = new();

    public SourcePlaces(Document document)
    {
        var placed = new HashSet<Piece>(ReferenceEqualityComparer.Instance);
        foreach (var flow in document.Flows())
            foreach (var piece in flow)
                foreach (var leaf in piece.Leaves()) placed.Add(leaf);

        var markers = new HashSet<Piece>(document.Notes.Where(n => n.Marker != null).Select(n => n.Marker!), ReferenceEqualityComparer.Instance);
        var orphans = new List<Piece>();
        foreach (var f in document.Furniture)
        {
            if (TeiEncoding.IsFormeWork(f) || markers.Contains(f))
            {
                if (TeiEncoding.IsFormeWork(f)) PageEnd(document, f).Add(f);
                foreach (var leaf in f.Leaves()) placed.Add(leaf);
            }
            else orphans.Add(f);
        }
        // The whitespace inside an orphan (between the marks of a speck) is written with it.
        var inOrphans = new HashSet<Piece>(orphans.SelectMany(o => o.Leaves()), ReferenceEqualityComparer.Instance);
        foreach (var note in document.Notes)
            if (note.Reference == null)
            {
                if (!_unreferenced.TryGetValue(note.Page, out var list)) _unreferenced[note.Page] = list = new List<Note>();
                list.Add(note);
            }
        foreach (var space in document.Whitespace)
            if (!placed.Contains(space) && !inOrphans.Contains(space)) orphans.Add(space);

        // Every unit with source characters, in source order: placed leaves one by one, orphans whole.
        var units = new List<Piece>(placed.Count + orphans.Count);
        units.AddRange(placed.Where(p => p.End > p.Start));
        units.AddRange(orphans.Where(p => p.End > p.Start));
        units.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        Orphans = new HashSet<Piece>(orphans, ReferenceEqualityComparer.Instance);
        var source = document.Source;
        for (int i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            if (!Orphans.Contains(unit)) continue;
            var before = i > 0 ? units[i - 1] : null;
            // A speck that opens its line goes with the text of that line (written just before it), so that
            // the line stays in one element; one after other text, or alone on its line, follows what precedes it.
            if (!unit.IsSpace && (before == null || source.Locate(before.End - 1).Line != source.Locate(unit.Start).Line))
            {
                int line = source.Locate(unit.Start).Line;
                Piece? next = null;
                for (int k = i + 1; k < units.Count && next == null; k++) if (!Orphans.Contains(units[k])) next = units[k];
                if (next != null && source.Locate(next.Start).Line == line)
                {
                    if (!_leaders.TryGetValue(next, out var list)) _leaders[next] = list = new List<Piece>();
                    list.Add(unit);
                    continue;
                }
            }
            Follow(before, unit);
        }

        foreach (var unit in units)
        {
            if (unit.IsSpace) continue;
            var leaf = unit.IsLeaf ? unit : unit.Leaves().FirstOrDefault(l => l.End > l.Start && !l.IsSpace);
            if (leaf == null) continue;
            var (line, column) = source.Locate(leaf.Start);
            if (source.Text.AsSpan(leaf.Start - (column - 1), column - 1).IsWhiteSpace()) _lineStarts[leaf] = line;
        }
    }

    /// <summary>The pieces placed by what precedes them in the source, not by a flow: whitespace between blocks, specks.</summary>
    public HashSet<Piece> Orphans { get; }

    /// <summary>Orphans that stand before any other character of the source (leading whitespace).</summary>
    public List<Piece> Initial { get; } = new();

    /// <summary>What follows <paramref name="unit"/> in the source and is written right after it.</summary>
    public IReadOnlyList<Piece> FollowersOf(Piece unit) =>
        _followers.TryGetValue(unit, out var list) ? list : Array.Empty<Piece>();

    /// <summary>Orphans written just before <paramref name="leaf"/>: specks that open the leaf's line.</summary>
    public IReadOnlyList<Piece> LeadersOf(Piece leaf) =>
        _leaders.TryGetValue(leaf, out var list) ? list : Array.Empty<Piece>();

    /// <summary>The 1-based source line that <paramref name="leaf"/> opens, or null when it does not open one.</summary>
    public int? LineOf(Piece leaf) => _lineStarts.TryGetValue(leaf, out int line) ? line : null;

    /// <summary>Furniture printed above the page's text (running heads, a folio at the head).</summary>
    public IReadOnlyList<Piece> Top(Page page) => _top.TryGetValue(page, out var l) ? l : Array.Empty<Piece>();

    /// <summary>Furniture printed below the page's text (a folio or a signature at the foot).</summary>
    public IReadOnlyList<Piece> Bottom(Page page) => _bottom.TryGetValue(page, out var l) ? l : Array.Empty<Piece>();

    /// <summary>Notes of the page whose reference was never found: they stand at the foot of their page.</summary>
    public IReadOnlyList<Note> Unreferenced(Page page) => _unreferenced.TryGetValue(page, out var l) ? l : Array.Empty<Note>();

    private void Follow(Piece? before, Piece orphan)
    {
        if (before == null) { Initial.Add(orphan); return; }
        if (!_followers.TryGetValue(before, out var list)) _followers[before] = list = new List<Piece>();
        list.Add(orphan);
    }

    /// <summary>The top list when the furniture stands before the page's first line of text, else the bottom one.</summary>
    private List<Piece> PageEnd(Document document, Piece furniture)
    {
        var page = furniture.Page;
        var firstText = page.Lines.FirstOrDefault(l => l.Role is LineRole.Body or LineRole.Note && !l.IsBlank);
        bool top = firstText == null || furniture.Start < firstText.Start;
        var map = top ? _top : _bottom;
        if (!map.TryGetValue(page, out var list)) map[page] = list = new List<Piece>();
        return list;
    }
}
