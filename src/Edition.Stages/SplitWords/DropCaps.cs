using Edition.Model;

namespace Edition.Stages.SplitWords;

/// <summary>
/// A drop cap read as a word of its own ("T he"): one capital letter whose box stands at least
/// <see cref="Tall"/> times the height of the words of the line it opens, followed by a word in lower
/// case, either on the same line or, when the OCR gave the cap a line of its own, on the next line
/// beside it (the word's box to the right of the cap's and level with it). Joined when the joined
/// form is a word; when the rest is a word of its own too ("A part"), joined but flagged. Needs the
/// scan; a drop cap the OCR lost is not guessed at.
/// </summary>
public static class DropCaps
{
    public const double Tall = 1.8;

    public static void Run(Document document, PageGeometry geometry, WordList words, Vocabulary vocabulary, string stage)
    {
        foreach (var flow in document.Flows())
        {
            for (int i = 0; i + 2 < flow.Count; i++)
            {
                var cap = flow[i];
                if (!cap.IsWord || !cap.IsLeaf || cap.Reading.Length != 1 || !char.IsUpper(cap.Reading[0])) continue;
                if (!flow[i + 1].IsSpace || !flow[i + 1].IsLeaf) continue;
                var rest = flow[i + 2];
                if (!rest.IsWord || !rest.IsLeaf || rest.Reading.Length == 0 || !char.IsLower(rest.Reading[0])) continue;
                var capWord = geometry.WordOf(cap);
                var restWord = geometry.WordOf(rest);
                if (capWord == null || restWord == null) continue;
                var line = geometry.Scan.LineAt(restWord.Start);
                if (line == null) continue;
                bool besideOnNextLine = false;
                if (flow[i + 1].HasLineBreak)
                {
                    // The cap on a line of its own: the line holds nothing else, and the word after it
                    // stands to its right, its top within the cap's height.
                    var capLine = geometry.Scan.LineAt(capWord.Start);
                    if (capLine == null || geometry.Scan.WordsIn(capLine.Start, capLine.End).Count() != 1) continue;
                    if (restWord.Box.Left < capWord.Box.Right || restWord.Box.Top < capWord.Box.Top - capWord.Box.Height / 4
                        || restWord.Box.Top > capWord.Box.Bottom) continue;
                    besideOnNextLine = true;
                }
                double tall = geometry.Tallness(capWord, line);
                if (tall < Tall) continue;
                string joined = cap.Reading + rest.Reading;
                string core = joined.TrimEnd('\'', '’');
                if (!words.ContainsInflected(core) && vocabulary.CountAnyCase(core) == 0) continue;
                bool restIsWord = rest.Reading.Length >= 3 && words.ContainsInflected(rest.Reading);
                document.Emend(flow, i, 3, joined, PieceKind.Word, new Decision(stage, "drop-cap", EmendationKind.SplitWord,
                    $"'{cap.Reading}' is a drop cap: its box stands {PageGeometry.Format(tall)} times as high as the line's words"
                    + (besideOnNextLine ? ", on a line of its own beside the text" : "") + $", and '{joined}' is a word"
                    + (restIsWord ? $"; '{rest.Reading}' is a word too, so a human should check" : ""),
                    restIsWord ? 0.5 : 0.9, restIsWord ? EmendationStatus.Doubtful : EmendationStatus.Automatic));
            }
        }
    }

    /// <summary>
    /// Does the scan show a lone capital as a word of its own: no taller than its line's words and as far
    /// from the next word as the line's words stand from each other? Then the text's guess that it was
    /// split from the word after it ("I apologized" read "T apologized") has the scan against it.
    /// </summary>
    public static bool IsOrdinaryWord(PageGeometry geometry, Piece cap, Piece rest)
    {
        var capWord = geometry.WordOf(cap);
        var restWord = geometry.WordOf(rest);
        if (capWord == null || restWord == null || ReferenceEquals(capWord, restWord)) return false;
        var line = geometry.Scan.LineAt(capWord.Start);
        if (line == null || geometry.Scan.LineAt(restWord.Start) != line) return false;
        if (geometry.Tallness(capWord, line) >= Tall) return false;
        var gaps = new List<double>();
        ScanWord? previous = null;
        foreach (var w in geometry.Scan.WordsIn(line.Start, line.End))
        {
            if (previous != null && w.Box.Left > previous.Box.Right) gaps.Add(w.Box.Left - previous.Box.Right);
            previous = w;
        }
        if (gaps.Count < 3) return false;
        double space = PageGeometry.Median(gaps);
        return space > 0 && restWord.Box.Left - capWord.Box.Right >= 0.75 * space;
    }
}
