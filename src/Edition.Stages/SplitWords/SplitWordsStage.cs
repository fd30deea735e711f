using Edition.Model;

namespace Edition.Stages.SplitWords;

/// <summary>
/// Closes up spurious spaces inside words: drop-cap splits (<c>T he</c>), letter-spaced words
/// (<c>U SSR</c>, <c>P U B L I S H E R ' S</c>), broken words (<c>bu t</c>, <c>m om ent</c>) and spaced
/// Roman numerals (<c>V II</c>). A run of fragments on one line is cut into groups by the reading that
/// best explains it: a group of several fragments is allowed only when its joined form is a word (the
/// word list, the document's own vocabulary, or an acronym the document uses elsewhere) and its
/// fragments are not all words. The best reading costs least: a fragment that is no word costs much,
/// every token costs a little (so fewer, whole words win), a join the document itself prints costs
/// less than one only the word list knows.
/// </summary>
public sealed class SplitWordsStage : IStage
{
    public string Name => "split-words";
    private const int MaxRun = 24;
    private const int MaxGroup = 14;

    public void Run(Document document, StageContext context)
    {
        _isWord.Clear();
        var vocabulary = Vocabulary.Of(document);
        var geometry = PageGeometry.Of(document);
        if (geometry != null) DropCaps.Run(document, geometry, context.Words, vocabulary, Name);
        foreach (var flow in document.Flows())
            RunFlow(document, flow, context.Words, vocabulary, geometry);
    }

    private void RunFlow(Document document, List<Piece> flow, WordList words, Vocabulary vocabulary, PageGeometry? geometry)
    {
        var source = document.Source;
        int i = 0;
        while (i < flow.Count)
        {
            if (!flow[i].IsWord) { i++; continue; }
            // The run: words (and a letter-spaced apostrophe) separated by spaces within one line.
            var run = new List<int> { i };
            int j = i;
            while (run.Count < MaxRun && j + 2 < flow.Count && flow[j + 1].IsSpace && !flow[j + 1].HasLineBreak
                   && (flow[j + 2].IsWord || IsApostrophe(flow[j + 2])))
            {
                j += 2;
                run.Add(j);
            }
            int next = j + 1;
            if (run.Count >= 2 && MayHoldSplit(flow, run, words, vocabulary))
            {
                var fragments = run.Select(f => flow[f].Reading).ToList();
                var groups = Segment(fragments, words, vocabulary, AtSentenceStart(flow, run[0]));
                // Apply from the right so earlier indices stay valid.
                for (int g = groups.Count - 1; g >= 0; g--)
                {
                    var (from, to, judgement) = groups[g];
                    if (to - from < 2) continue;
                    int start = run[from], end = run[to - 1];
                    // A lone letter the scan shows as an ordinary word, a full space from the next, is not joined
                    // on the text's guess alone; a word the document prints again and again still is.
                    if (geometry != null && judgement.Rule == "drop-cap" && to - from == 2
                        && (judgement.Confidence < 0.7 || vocabulary.CountAnyCase(judgement.Joined) < 2)
                        && DropCaps.IsOrdinaryWord(geometry, flow[start], flow[end])) continue;
                    document.Emend(flow, start, end - start + 1, judgement.Joined, PieceKind.Word,
                        new Decision(Name, judgement.Rule, EmendationKind.SplitWord, judgement.Why, judgement.Confidence,
                            judgement.Confidence < 0.7 ? EmendationStatus.Doubtful : EmendationStatus.Automatic));
                    next -= end - start;
                }
            }
            i = next;
        }
    }

    /// <summary>Readings are shared strings (the tokenizer pools them): remember each one's verdict by reference.</summary>
    private readonly Dictionary<string, bool> _isWord = new(ReferenceEqualityComparer.Instance);

    /// <summary>Only a run with a fragment that is no word (or a Roman letter) can hold a split word; most runs have none.</summary>
    private bool MayHoldSplit(List<Piece> flow, List<int> run, WordList words, Vocabulary vocabulary)
    {
        int romans = 0;
        foreach (int f in run)
        {
            string r = flow[f].Reading;
            if (!_isWord.TryGetValue(r, out bool known)) _isWord[r] = known = IsWord(r, words, vocabulary) || Text.IsAllDigits(r);
            if (!known) return true;
            if (Text.IsRomanLetters(r) && ++romans >= 2) return true;
        }
        return false;
    }

    /// <summary>Does a sentence (or the flow) begin at this piece: nothing before it, or a full stop, or an opening mark?</summary>
    private static bool AtSentenceStart(List<Piece> flow, int index)
    {
        for (int k = index - 1; k >= 0; k--)
        {
            var p = flow[k];
            if (p.IsSpace || p.Kind == PieceKind.PageBreak || p.Reading.Length == 0) continue;
            return Text.EndsSentence(p.Reading) || p.Reading is "“" or "‘" or "\"" or "(" or "[" or ":" or "—";
        }
        return true;
    }

    private static bool IsApostrophe(Piece p) => p.Kind == PieceKind.Punctuation && IsApostropheText(p.Reading);
    private static bool IsApostropheText(string s) => s is "'" or "’";

    public sealed record Judgement(string Joined, string Rule, string Why, double Confidence, int Cost);

    /// <summary>The best cut of a run of fragments into groups: (from, to) fragment ranges with their judgement.</summary>
    public static List<(int From, int To, Judgement Judgement)> Segment(IReadOnlyList<string> fragments, WordList words, Vocabulary vocabulary,
        bool sentenceStart = false)
    {
        int n = fragments.Count;
        // Fragments that are no word, counted from the left: a group without one is never joined (unless Roman).
        var nonWords = new int[n + 1];
        var romans = new int[n + 1];
        // A split word breaks into short pieces: at most one fragment of a group is longer than three letters.
        var longOnes = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            nonWords[i + 1] = nonWords[i] + (IsWord(fragments[i], words, vocabulary) ? 0 : 1);
            romans[i + 1] = romans[i] + (Text.IsRomanLetters(fragments[i]) ? 1 : 0);
            longOnes[i + 1] = longOnes[i] + (fragments[i].Length > 3 ? 1 : 0);
        }
        var best = new int[n + 1];
        var back = new (int From, Judgement J)[n + 1];
        best[0] = 0;
        for (int e = 1; e <= n; e++)
        {
            best[e] = int.MaxValue;
            for (int s = Math.Max(0, e - MaxGroup); s < e; s++)
            {
                if (best[s] == int.MaxValue) continue;
                if (e - s > 1 && nonWords[e] == nonWords[s] && romans[e] - romans[s] < e - s) continue;
                if (e - s > 1 && longOnes[e] - longOnes[s] > 1) continue;
                var j = Judge(fragments, s, e, words, vocabulary, sentenceStart && s == 0);
                if (j == null) continue;
                int cost = best[s] + j.Cost;
                if (cost < best[e]) { best[e] = cost; back[e] = (s, j); }
            }
        }
        var groups = new List<(int, int, Judgement)>();
        for (int e = n; e > 0; e = back[e].From) groups.Add((back[e].From, e, back[e].J));
        groups.Reverse();
        return groups;
    }

    /// <summary>Scores one group of fragments [s, e); null when the group may not be joined.</summary>
    public static Judgement? Judge(IReadOnlyList<string> fragments, int s, int e, WordList words, Vocabulary vocabulary,
        bool sentenceStart = false)
    {
        if (e - s == 1)
        {
            string f = fragments[s];
            bool isWord = IsWord(f, words, vocabulary) || Text.IsAllDigits(f);
            return new Judgement(f, "", "", 1, isWord ? 10 : 100);
        }
        bool anyNonWord = false, allRoman = true;
        for (int i = s; i < e; i++)
        {
            if (!anyNonWord && !IsWord(fragments[i], words, vocabulary)) anyNonWord = true;
            if (allRoman && !Text.IsRomanLetters(fragments[i])) allRoman = false;
        }
        if (!anyNonWord && !allRoman) return null;
        var parts = new List<string>(e - s);
        for (int i = s; i < e; i++) parts.Add(fragments[i]);
        if (IsApostropheText(parts[0]) || IsApostropheText(parts[^1])) return null;
        string joined = string.Concat(parts);
        if (!Text.HasPrintedCase(joined.Replace("'", "").Replace("’", ""))) return null;
        if (parts.Any(p => p.Any(char.IsDigit))) return null;
        int length = parts.Count;

        if (parts.All(Text.IsRomanLetters) && Text.IsRomanNumeral(joined))
            return new Judgement(joined, "roman-numeral", $"Roman numeral '{joined}' spaced out by the OCR", 0.95, 10);

        if (parts.All(p => IsWord(p, words, vocabulary))) return null;

        string rule = parts.All(p => p.Length == 1 || IsApostropheText(p)) ? "letter-spaced"
            : parts[0].Length == 1 ? "drop-cap" : "broken-word";
        int inDocument = vocabulary.CountAnyCase(joined);
        bool known = words.Contains(joined) || vocabulary.Count(joined) >= 1 || inDocument >= 2;
        // A lone letter beside a whole word ("Vitamin B and", "see p.") is a label, an initial or an
        // abbreviation, unless the document itself prints the joined word elsewhere, or it is a capital
        // opening a sentence or a paragraph, where a drop cap stands ("T he").
        bool letterBesideWord = length == 2 && (parts[0].Length == 1 && IsWord(parts[1], words, vocabulary)
                                                || parts[1].Length == 1 && IsWord(parts[0], words, vocabulary));
        bool dropCap = sentenceStart && parts[0].Length == 1 && char.IsUpper(parts[0][0]) && parts[1].All(char.IsLower);
        if (letterBesideWord && inDocument == 0 && !dropCap) known = false;
        bool acronym = Text.IsAllUpper(joined) && joined.Length >= 2 && vocabulary.Count(joined) >= 1;
        if (known || acronym)
        {
            string evidence = acronym && !words.Contains(joined) ? "an acronym the document uses elsewhere"
                : inDocument > 0 ? $"a word the document uses {inDocument} time(s) elsewhere"
                : "a word in the word list";
            int cost = inDocument > 0 || acronym ? 10 : 15;
            // "a p a r t": the document prints "a part" apart, and never "apart": the leading word stands alone.
            if (parts.Count >= 3 && IsWord(parts[0], words, vocabulary))
            {
                string rest = string.Concat(parts.Skip(1));
                if (vocabulary.CountPair(parts[0], rest) > inDocument) cost += 10;
            }
            return new Judgement(joined, rule, $"'{joined}' is {evidence}; the fragments {Quote(parts)} are not all words",
                0.95, cost);
        }

        // A capital split from the rest of a name that no list knows ("M unro"): close up, but flag it.
        if (length == 2 && parts[0].Length == 1 && char.IsUpper(parts[0][0]) && parts[1].Length >= 3
            && Text.IsAllLetters(parts[1]) && parts[1].All(char.IsLower) && !IsWord(parts[0], words, vocabulary)
            && !IsWord(parts[1], words, vocabulary))
            return new Judgement(joined, "drop-cap",
                $"a capital split from the rest of a name: '{joined}' is in no list, but neither fragment is a word", 0.6, 50);
        return null;
    }

    private static bool IsWord(string s, WordList words, Vocabulary vocabulary)
    {
        if (IsApostropheText(s)) return false;
        if (s.Length == 1) return words.Contains(s);
        // The document's own use counts only for longer forms: short ones recur as OCR fragments ("bu t").
        return words.Contains(s) || (s.Length >= 4 && vocabulary.Count(s) >= 2);
    }

    private static string Quote(IEnumerable<string> parts) => string.Join(" ", parts.Select(p => $"'{p}'"));
}
