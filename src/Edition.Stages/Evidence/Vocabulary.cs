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
    private readonly Dictionary<string, int> _folded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _pairs = new(StringComparer.Ordinal);

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
        string? previous = null;
        for (int i = 0; i < flow.Count; i++)
        {
            var p = flow[i];
            if (p.Kind != PieceKind.Word) { if (!(p.IsSpace && !p.ContainsLineBreak(source))) previous = null; continue; }
            bool touchesBreak = (i > 0 && flow[i - 1].IsSpace && flow[i - 1].ContainsLineBreak(source) && flow[i - 1].Emendation == null)
                || (i + 1 < flow.Count && flow[i + 1].IsSpace && flow[i + 1].ContainsLineBreak(source) && flow[i + 1].Emendation == null)
                || i == 0 || i == flow.Count - 1;
            string w = p.Reading;
            if (!touchesBreak)
            {
                Bump(_words, w);
                Bump(_folded, w.ToLowerInvariant());
            }
            if (previous != null) Bump(_pairs, previous.ToLowerInvariant() + " " + w.ToLowerInvariant());
            previous = w;
        }
    }

    private static void Bump(Dictionary<string, int> d, string key)
    {
        d.TryGetValue(key, out int n);
        d[key] = n + 1;
    }

    /// <summary>How often the form is printed whole, exactly as given.</summary>
    public int Count(string word) => _words.TryGetValue(word, out int n) ? n : 0;

    /// <summary>How often the form is printed whole, in any case.</summary>
    public int CountAnyCase(string word) => _folded.TryGetValue(word.ToLowerInvariant(), out int n) ? n : 0;

    /// <summary>How often two words stand next to each other (in any case).</summary>
    public int CountPair(string first, string second) =>
        _pairs.TryGetValue(first.ToLowerInvariant() + " " + second.ToLowerInvariant(), out int n) ? n : 0;
}
