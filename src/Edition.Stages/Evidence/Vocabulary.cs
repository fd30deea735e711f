using Edition.Model;

namespace Edition.Stages;

/// <summary>
/// The document's own evidence: how often each word form, and each pair of neighbouring words, is
/// used in the reading text, counting only forms that do not touch a line break (so a form counted
/// here was printed whole, not made by the OCR's line breaking).
/// </summary>
public sealed class Vocabulary
{
    private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);
    private Dictionary<string, int>? _folded;
    private Dictionary<(string, string), int>? _pairs;
    private readonly List<List<Piece>> _flows = new();

    private sealed class PairComparer : IEqualityComparer<(string, string)>
    {
        public static readonly PairComparer Instance = new();
        public bool Equals((string, string) x, (string, string) y) =>
            string.Equals(x.Item1, y.Item1, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Item2, y.Item2, StringComparison.OrdinalIgnoreCase);
        public int GetHashCode((string, string) p) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(p.Item1), StringComparer.OrdinalIgnoreCase.GetHashCode(p.Item2));
    }

    public static Vocabulary Of(Document document)
    {
        var v = new Vocabulary();
        foreach (var flow in document.Flows()) v.Add(flow, document.Source);
        return v;
    }

    /// <summary>Counts from lines not yet in blocks (for the page-level stages).</summary>
    public static Vocabulary OfLines(Document document)
    {
        var v = new Vocabulary();
        foreach (var page in document.Pages)
            foreach (var line in page.Lines)
                if (line.Role is LineRole.Body or LineRole.Note) v.Add(line.Pieces, document.Source);
        return v;
    }

    private void Add(List<Piece> flow, SourceText source)
    {
        _flows.Add(flow);
        for (int i = 0; i < flow.Count; i++)
        {
            var p = flow[i];
            if (p.Kind != PieceKind.Word) continue;
            bool touchesBreak = (i > 0 && flow[i - 1].IsSpace && flow[i - 1].HasLineBreak && flow[i - 1].Emendation == null)
                || (i + 1 < flow.Count && flow[i + 1].IsSpace && flow[i + 1].HasLineBreak && flow[i + 1].Emendation == null)
                || i == 0 || i == flow.Count - 1;
            if (!touchesBreak) Bump(_words, p.Reading);
        }
    }

    /// <summary>Pairs of neighbouring words, counted when first asked for (few stages ask).</summary>
    private Dictionary<(string, string), int> Pairs()
    {
        if (_pairs != null) return _pairs;
        _pairs = new Dictionary<(string, string), int>(PairComparer.Instance);
        foreach (var flow in _flows)
        {
            string? previous = null;
            foreach (var p in flow)
            {
                if (p.Kind != PieceKind.Word) { if (!(p.IsSpace && !p.HasLineBreak)) previous = null; continue; }
                if (previous != null)
                {
                    ref int n = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_pairs, (previous, p.Reading), out _);
                    n++;
                }
                previous = p.Reading;
            }
        }
        return _pairs;
    }

    private Dictionary<string, int> Folded()
    {
        if (_folded != null) return _folded;
        _folded = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (w, n) in _words)
        {
            ref int c = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_folded, w, out _);
            c += n;
        }
        return _folded;
    }

    private static void Bump(Dictionary<string, int> d, string key)
    {
        ref int n = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(d, key, out _);
        n++;
    }

    /// <summary>How often the form is printed whole, exactly as given.</summary>
    public int Count(string word) => _words.TryGetValue(word, out int n) ? n : 0;

    /// <summary>How often the form is printed whole, in any case.</summary>
    public int CountAnyCase(string word) => Folded().TryGetValue(word, out int n) ? n : 0;

    /// <summary>How often two words stand next to each other (in any case).</summary>
    public int CountPair(string first, string second) => Pairs().TryGetValue((first, second), out int n) ? n : 0;
}
