using System.Text;
using Edition.Model;
using Edition.Outputs.Apparatus;

namespace Edition.Cli.Reports;

/// <summary>
/// What <c>edition check</c> reports and gates on, computed from the document model (never by reading
/// the outputs back): pages, notes, words, emendations by kind, doubtful readings, and the faults the
/// gates count.
/// </summary>
public sealed record BookMeasures
{
    public int Pages { get; init; }
    public int Notes { get; init; }
    public int Words { get; init; }
    public int Emendations { get; init; }
    /// <summary>Emendations by kind (the apparatus's names), every kind listed, in the apparatus's order.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> ByKind { get; init; } = Array.Empty<KeyValuePair<string, int>>();
    public int Doubtful { get; init; }
    /// <summary>Note markers left in the text with no note, plus notes with no printed marker found for them.</summary>
    public int UnresolvedNotes { get; init; }
    /// <summary>Pages numbered only by their place in the scan: nothing printed, no neighbour, no config.</summary>
    public int UnnumberedPages { get; init; }
    /// <summary>Body lines that repeat the text of a running head (recurring at the top of pages) and are still in the reading text.</summary>
    public int RunningHeadsInBody { get; init; }
    /// <summary>Where the faults counted above are, for the report (at most a few of each).</summary>
    public IReadOnlyList<string> Faults { get; init; } = Array.Empty<string>();

    public double DoubtfulShare => Words == 0 ? 0 : Doubtful / (double)Words;

    public static BookMeasures Of(Document document)
    {
        var faults = new List<string>();
        int words = document.Flows().Sum(f => f.Count(p => p.Kind == PieceKind.Word && p.Reading.Length > 0));
        var byKind = Enum.GetValues<EmendationKind>()
            .Select(k => new KeyValuePair<string, int>(ApparatusWriter.Name(k), document.Apparatus.Count(e => e.Kind == k)))
            .ToList();

        // A printed mark left as printed because no note was found for it, and a note anchored where no marker was found.
        var markers = document.Apparatus
            .Where(e => e.Kind == EmendationKind.NoteMarker && e.Status == EmendationStatus.Doubtful && !e.ChangesReading && e.End > e.Start)
            .ToList();
        foreach (var m in markers.Take(3)) faults.Add($"unresolved notes: marker '{m.Raw}' on page {m.Page.Number} (line {m.Line}, column {m.Column}) has no note");
        var notes = document.Notes.Where(n => n.Reference == null || n.Reference.End == n.Reference.Start).ToList();
        foreach (var n in notes.Take(3)) faults.Add($"unresolved notes: note {n.Number} on page {n.Page.Number} has no marker in the text");

        var unnumbered = document.Pages.Where(p => p.NumberSource == PageNumberSource.Scan).ToList();
        if (unnumbered.Count > 0)
            faults.Add($"unnumbered pages: scan page{(unnumbered.Count > 1 ? "s" : "")} {string.Join(", ", unnumbered.Take(5).Select(p => p.Index))}{(unnumbered.Count > 5 ? ", …" : "")}");

        var heads = RunningHeadLines(document);
        foreach (var l in heads.Take(3)) faults.Add($"running head in body: \"{l.Reading.Trim()}\" (line {l.Number}, page {l.Page.Number})");

        return new BookMeasures
        {
            Pages = document.Pages.Count,
            Notes = document.Notes.Count,
            Words = words,
            Emendations = document.Apparatus.Count,
            ByKind = byKind,
            Doubtful = document.Apparatus.Count(e => e.Status == EmendationStatus.Doubtful),
            UnresolvedNotes = markers.Count + notes.Count,
            UnnumberedPages = unnumbered.Count,
            RunningHeadsInBody = heads.Count,
            Faults = faults,
        };
    }

    /// <summary>How many of the first lines of a page count as its head (specks may stand above a head).</summary>
    private const int TopLines = 3;

    /// <summary>
    /// Body lines near the top of a page whose words recur near the top of at least three pages, counting
    /// the running heads already taken out: the text of a running head still standing in the reading text.
    /// </summary>
    private static List<Line> RunningHeadLines(Document document)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var tops = new List<(Line Line, string Key)>();
        foreach (var page in document.Pages)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in page.Lines.Where(l => l.Role is LineRole.Body or LineRole.RunningHead).Take(TopLines))
            {
                string text = line.Text(document.Source);
                string key = Key(text);
                if (key.Length < 6 || !LooksLikeHead(text) || !seen.Add(key)) continue;
                counts[key] = counts.GetValueOrDefault(key) + 1;
                if (line.Role == LineRole.Body) tops.Add((line, key));
            }
        }
        return tops.Where(t => counts[t.Key] >= 3).Select(t => t.Line).ToList();
    }

    /// <summary>A head is set in capitals or carries a folio at one end; a line of ordinary text that happens to recur is neither.</summary>
    private static bool LooksLikeHead(string text)
    {
        int letters = text.Count(char.IsLetter), upper = text.Count(char.IsUpper);
        if (letters > 0 && upper >= 0.7 * letters) return true;
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        static bool Folio(string w) => w.Length is > 0 and <= 4 && w.All(char.IsAsciiDigit);
        return words.Length > 1 && (Folio(words[0]) || Folio(words[^1]));
    }

    /// <summary>The letters of a line in upper case, without spaces, digits or marks: equal however the head was spaced or its folio read.</summary>
    private static string Key(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
            if (char.IsLetter(c)) sb.Append(char.ToUpperInvariant(c));
        return sb.ToString();
    }
}
