using Edition.Model;

namespace Edition.Stages.PageFurniture;

/// <summary>
/// Dirt on the scan read as punctuation: a mark or two standing alone as a word whose box is tiny
/// beside the letters of its line. Where punctuation makes no sense there (opening a line, before a
/// word that goes on the sentence, between two lower-case words) or the OCR was unsure of it, it is
/// taken out; a tiny mark where punctuation could stand is only flagged. Needs the scan's geometry.
/// </summary>
public static class Specks
{
    /// <summary>A mark's box is tiny when neither side reaches this share of the line's median word height.</summary>
    public const double TinyShare = 0.15;
    public const double LowConfidence = 0.5;

    public static void Run(Document document, PageGeometry geometry, string stage)
    {
        foreach (var page in document.Pages)
        {
            var lines = page.Lines.Where(l => l.Role == LineRole.Body && !l.IsBlank).ToList();
            for (int li = 0; li < lines.Count; li++)
            {
                var line = lines[li];
                var scanLine = geometry.LineOf(line);
                if (scanLine == null) continue;
                var (height, _) = geometry.WordMetrics(scanLine);
                if (height <= 0) continue;
                var next = li + 1 < lines.Count ? lines[li + 1] : null;
                for (int i = 0; i < line.Pieces.Count; i++)
                {
                    var p = line.Pieces[i];
                    if (p.Kind != PieceKind.Punctuation || !p.IsLeaf || p.Emendation != null) continue;
                    var word = geometry.WordOf(p);
                    if (word == null || word.Start != p.Start) continue;
                    // The word is the mark (or two marks) alone.
                    int j = i;
                    while (j + 1 < line.Pieces.Count && line.Pieces[j + 1].Kind == PieceKind.Punctuation && line.Pieces[j + 1].End <= word.End) j++;
                    if (line.Pieces[j].End != word.End || word.End - word.Start > 2) continue;
                    bool spaceBefore = i == 0 || line.Pieces[i - 1].IsSpace;
                    bool spaceAfter = j + 1 == line.Pieces.Count || line.Pieces[j + 1].IsSpace;
                    if (!spaceBefore || !spaceAfter) continue;
                    bool hasWords = line.Pieces.Any(q => q.IsWord);
                    if (!hasWords) continue;
                    if (Math.Max(word.Box.Width, word.Box.Height) > TinyShare * height) continue;

                    string mark = string.Concat(line.Pieces.Skip(i).Take(j - i + 1).Select(q => q.Reading));
                    string? senseless = Senseless(line, i, j, next);
                    bool unsure = word.Confidence is double c && c < LowConfidence;
                    string conf = word.Confidence is double cc ? $"confidence {PageGeometry.Percent(cc)}" : "no confidence given";
                    string box = $"box {word.Box.Width}×{word.Box.Height} px against letters {PageGeometry.Format(height)} px high";
                    if (senseless == null && !unsure)
                    {
                        document.Flag(p, new Decision(stage, "speck", EmendationKind.Punctuation,
                            $"'{mark}' stands alone with a tiny {box} ({conf}): perhaps dirt on the scan", 0.4));
                        i = j;
                        continue;
                    }
                    string why = $"'{mark}' stands alone with a tiny {box}, {conf}"
                                 + (senseless != null ? $", {senseless}" : "") + ": dirt on the scan, not text";
                    // Take out the mark and one space beside it, so that the words around it meet as before.
                    int from = i, to = j;
                    if (j + 1 < line.Pieces.Count) to = j + 1;
                    else if (i > 0) from = i - 1;
                    var marks = line.Pieces.Skip(i).Take(j - i + 1).ToList();
                    document.TakeOut(marks, new Decision(stage, "speck", EmendationKind.Punctuation, why, unsure && senseless != null ? 0.9 : 0.75));
                    line.Pieces.RemoveRange(from, to - from + 1);
                    i = from - 1;
                }
            }
        }
    }

    /// <summary>Why punctuation cannot stand where the mark is, or null when it could.</summary>
    private static string? Senseless(Line line, int i, int j, Line? next)
    {
        var pieces = line.Pieces;
        if (i == 0) return "opening its line before a word";
        if (j + 1 == pieces.Count)
        {
            var first = next?.Pieces.FirstOrDefault(q => q.IsWord);
            if (first != null && Text.StartsLower(first.Reading)) return "ending a line whose sentence goes on in lower case";
            return null;
        }
        var before = pieces.Take(i).LastOrDefault(q => !q.IsSpace);
        var after = pieces.Skip(j + 1).FirstOrDefault(q => !q.IsSpace);
        if (before is { IsWord: true } && after is { IsWord: true } && Text.StartsLower(after.Reading) && Text.StartsLower(before.Reading))
            return "between two lower-case words";
        return null;
    }
}
