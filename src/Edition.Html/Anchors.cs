using Edition.Model;

namespace Edition.Html;

/// <summary>
/// The ids of the reading edition and what they stand for: <c>p7</c> where page 7 begins,
/// <c>n3</c>/<c>r3</c> for note 3 and its reference, <c>e12</c> for the place of emendation 12 in the
/// text, <c>a12</c> for its apparatus entry. Every emendation gets a place: its own span, the span of
/// the change that later took it in (a split word then joined across a line end), or the nearest
/// marked place in the source.
/// </summary>
internal sealed class Anchors
{
    private readonly Dictionary<Emendation, string> _places = new();
    private readonly Dictionary<Page, string> _pages = new();
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    // Rendered spans by source range, to place flags that share a piece with an earlier change.
    private readonly List<(int Start, int End, string Id)> _spans = new();

    public static string Note(Note note) => "n" + note.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public static string Reference(Note note) => "r" + note.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public static string Span(Emendation e) => "e" + e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public static string Entry(Emendation e) => "a" + e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Claims an id; false when it is taken already (the caller then does without it).</summary>
    public bool Claim(string id) => _ids.Add(id);

    /// <summary>The id of the marker where <paramref name="page"/> begins: <c>p7</c>, or <c>p7-s9</c> when two scans share a cited number.</summary>
    public string ClaimPage(Page page)
    {
        if (_pages.TryGetValue(page, out var known)) return known;
        string id = "p" + page.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!Claim(id))
        {
            id += "-s" + page.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Claim(id);
        }
        _pages[page] = id;
        return id;
    }

    public string? PageId(Page page) => _pages.GetValueOrDefault(page);

    /// <summary>Records that <paramref name="piece"/>'s change is shown by the element <paramref name="id"/>, and so are the changes inside it.</summary>
    public void Placed(Piece piece, string id)
    {
        if (piece.Emendation != null) _places.TryAdd(piece.Emendation, id);
        foreach (var part in piece.Parts) PlaceNested(part, id);
        _spans.Add((piece.Start, piece.End, id));
    }

    private void PlaceNested(Piece piece, string id)
    {
        if (piece.Emendation != null) _places.TryAdd(piece.Emendation, id);
        foreach (var part in piece.Parts) PlaceNested(part, id);
    }

    /// <summary>Where emendation <paramref name="e"/> is shown in the text, as a fragment (<c>#e12</c>); null when nowhere.</summary>
    public string? Place(Emendation e)
    {
        if (_places.TryGetValue(e, out var id)) return "#" + id;
        // A flag on a piece that already carried a change: the span over its source characters.
        foreach (var s in _spans)
            if (s.Start <= e.Start && (e.Start < s.End || (s.Start == s.End && s.Start == e.Start))) return "#" + s.Id;
        return PageId(e.Page) is string p ? "#" + p : null;
    }
}
