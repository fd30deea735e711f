using Edition.Model;

namespace Edition.Stages.Hyphenation;

/// <summary>
/// Decides every word broken at a line end, with or without the hyphen the OCR may have lost
/// (<c>Com</c> / <c>munism</c>): join, keep the hyphen, or keep apart. The evidence, strongest first:
/// the document's own use of the joined or hyphenated form where no line break touches it; the
/// word list; the signal of the input (a hyphen; or, where most lines end with a space, a line that
/// ends without one).
/// </summary>
public sealed class HyphenationStage : IStage
{
    public string Name => "hyphenation";

    public void Run(Document document, StageContext context)
    {
        var vocabulary = Vocabulary.Of(document);
        bool trailingSpaceSignal = TrailingSpacesAreTheRule(document);
        foreach (var flow in document.Flows())
        {
            for (int i = 0; i + 2 < flow.Count; i++)
            {
                var gap = flow[i + 1];
                if (!flow[i].IsWord || !gap.IsSpace || gap.Emendation != null || !gap.HasLineBreak) continue;
                int k = i + 2;
                bool pageTurn = false;
                while (k < flow.Count && flow[k].Kind == PieceKind.PageBreak) { k++; pageTurn = true; }
                if (k >= flow.Count || !flow[k].IsWord) continue;
                var decision = Decide(flow[i].Reading, flow[k].Reading, gap.Raw(document.Source), pageTurn,
                    trailingSpaceSignal, context.Words, vocabulary);
                if (decision == null) continue;
                var (reading, rule, why, confidence) = decision.Value;
                document.Emend(flow, i, k - i + 1, reading, PieceKind.Word,
                    new Decision(Name, rule, EmendationKind.Hyphenation, why, confidence,
                        confidence < 0.6 ? EmendationStatus.Doubtful : EmendationStatus.Automatic));
            }
        }
    }

    /// <summary>Do most line ends carry a trailing space? Then a line that ends without one is a signal.</summary>
    public static bool TrailingSpacesAreTheRule(Document document)
    {
        int with = 0, without = 0;
        foreach (var page in document.Pages)
            foreach (var line in page.Lines)
            {
                if (line.Break == null || line.Role != LineRole.Body && line.Role != LineRole.Note) continue;
                char c = document.Source.Text[line.Break.Start];
                if (c is ' ' or '\t') with++; else without++;
            }
        return with > 2 * without;
    }

    public static (string Reading, string Rule, string Why, double Confidence)? Decide(
        string before, string after, string gap, bool pageTurn, bool trailingSpaceSignal, WordList words, Vocabulary vocabulary)
    {
        if (after.Length == 0 || !char.IsLetter(after[0])) return null;
        if (before.EndsWith('-') && before.Length > 1)
        {
            string stem = before[..^1];
            string joined = stem + after, hyphenated = stem + "-" + after;
            if (vocabulary.CountAnyCase(hyphenated) > 0)
                return (hyphenated, "keep-hyphen", $"the document prints '{hyphenated}' with its hyphen elsewhere", 0.95);
            if (vocabulary.CountAnyCase(joined) > 0)
                return (joined, "join", $"the document prints '{joined}' whole elsewhere", 0.95);
            bool stemWord = words.ContainsInflected(stem) && stem.Length > 1;
            bool afterWord = words.ContainsInflected(after) && after.Length > 1;
            if (words.Contains(joined) && !(stemWord && afterWord && Text.StartsUpper(after)))
            {
                // "co-operative", "to-day": a short first part that is a word may keep its hyphen in older print.
                if (stemWord && afterWord && stem.Length <= 3)
                    return (joined, "join", $"'{joined}' is in the word list, but '{stem}-{after}' may be the printed form and the document shows neither elsewhere", 0.55);
                return (joined, "join", $"'{joined}' is in the word list", 0.9);
            }
            if (stemWord && afterWord)
                return (hyphenated, "keep-hyphen", $"'{stem}' and '{after}' are both words and '{joined}' is not: a compound", 0.8);
            if (char.IsLower(after[0]) || Text.IsAllUpper(after) == Text.IsAllUpper(stem))
                return (joined, "join", $"neither '{joined}' nor '{hyphenated}' is known; a line-end hyphen is most often the printer's", 0.5);
            return (hyphenated, "keep-hyphen", $"'{after}' is capitalised: the hyphen joins two names", 0.5);
        }

        if (!char.IsLetter(before[^1])) return null;
        string whole = before + after;
        bool signal = trailingSpaceSignal && !pageTurn && gap.Length > 0 && gap[0] is '\n' or '\r';
        bool beforeWord = words.Contains(before) || (before.Length >= 4 && vocabulary.Count(before) >= 2);
        bool afterIsWord = words.Contains(after) || (after.Length >= 4 && vocabulary.Count(after) >= 2);
        int wholeInDocument = vocabulary.CountAnyCase(whole);
        bool wholeKnown = wholeInDocument > 0 || words.Contains(whole);
        if (!Text.HasPrintedCase(whole)) return null;
        if (wholeKnown)
        {
            string evidence = wholeInDocument > 0 ? $"the document prints '{whole}' whole elsewhere" : $"'{whole}' is in the word list";
            if (signal) return (whole, "join-lost-hyphen", $"{evidence}; the line ends without the trailing space other lines have, so its hyphen was lost", 0.95);
            if (!(beforeWord && afterIsWord)) return (whole, "join-lost-hyphen", $"{evidence}; '{before}' and '{after}' are not both words", 0.9);
            if (wholeInDocument > 0 && vocabulary.CountPair(before, after) == 0 && !trailingSpaceSignal)
                return (whole, "join-lost-hyphen", $"{evidence} and never as '{before} {after}'", 0.7);
            return null;
        }
        string dashed = before + "-" + after;
        if (vocabulary.CountAnyCase(dashed) > 0)
            return (dashed, "restore-hyphen", $"the document prints '{dashed}' with a hyphen elsewhere; the line-end hyphen was lost", 0.85);
        if (signal && Text.StartsLower(after) && !(beforeWord && afterIsWord))
            return (whole, "join-lost-hyphen", $"the line ends without a trailing space and '{before}' / '{after}' are not both words, though '{whole}' is in no list", 0.5);
        return null;
    }
}
