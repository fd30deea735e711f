using System.Text;
using Edition.Model;

namespace Edition.Stages.Misreadings;

/// <summary>
/// Corrects clear OCR misreadings through confusion pairs (<see cref="ConfusionPairs"/>): a change is
/// made only when the result is a known word or a well-formed number and the original is not;
/// anything less certain is flagged doubtful and left as printed. Also: braces for brackets, labels
/// out of sequence in an enumeration (<c>(a) … (6) … (c)</c>), and a stray mark after a heading. With the
/// scan, a non-word the OCR read with low confidence is flagged doubtful.
/// </summary>
public sealed class MisreadingsStage : IStage
{
    public string Name => "misreadings";

    public void Run(Document document, StageContext context)
    {
        var vocabulary = Vocabulary.Of(document);
        foreach (var flow in document.Flows())
        {
            Braces(document, flow);
            Numbers(document, flow, context.Words);
            Words(document, flow, context.Words, vocabulary);
            if (document.Scan != null) Unsure(document, flow, document.Scan, context.Words, vocabulary);
        }
        Labels(document);
        foreach (var heading in document.Body.OfType<Heading>()) StrayMarks(document, heading.Pieces);
    }

    /// <summary>A brace closed by a bracket, or a bracket closed by a brace, is a misread bracket.</summary>
    private void Braces(Document document, List<Piece> flow)
    {
        for (int i = 0; i < flow.Count; i++)
        {
            if (flow[i].Reading != "{") continue;
            int close = -1;
            for (int k = i + 1; k < flow.Count && k < i + 400; k++)
            {
                if (flow[k].Reading is "{" or "(") break;
                if (flow[k].Reading is ")" or "}") { close = k; break; }
            }
            if (close < 0) continue;
            if (flow[close].Reading == "}")
            {
                document.Emend(flow, close, ")", new Decision(Name, "brace-for-bracket", EmendationKind.Misreading,
                    "a brace closing a bracketed passage opened with a brace: the print has brackets", 0.9));
            }
            document.Emend(flow, i, "(", new Decision(Name, "brace-for-bracket", EmendationKind.Misreading,
                "a brace opening a passage closed by ')': the print has '('", 0.95));
        }
    }

    /// <summary>Letters inside a number ("185a", "i9i7") read for digits; and a non-word of look-alike letters beside a number ("ia , 1852").</summary>
    private void Numbers(Document document, List<Piece> flow, WordList words)
    {
        for (int i = 0; i < flow.Count; i++)
        {
            var p = flow[i];
            if (!p.IsWord) continue;
            string r = p.Reading;
            int digits = 0;
            foreach (char ch in r) if (char.IsDigit(ch)) digits++;
            if (digits == r.Length || r.Length > 12) continue;
            if (digits == 0)
            {
                // A lone Roman-numeral letter ("vol. i, 1938") is a numeral already, not a misread digit.
                if (r.Length > 3 || words.Contains(r) || (r.Length == 1 && "ivxlcdmIVXLCDM".Contains(r[0])) || !NextToNumber(flow, i)) continue;
            }
            else if (HasOrdinalOrPluralEnding(r)) continue;
            var sb = new StringBuilder(r.Length);
            bool ok = true;
            foreach (char c in r)
            {
                if (char.IsDigit(c) || c is ',' or '.' or '-') sb.Append(c);
                else if (ConfusionPairs.InNumbers.TryGetValue(c, out char d)) sb.Append(d);
                else { ok = false; break; }
            }
            string number = sb.ToString();
            if (!ok || number == r) continue;
            document.Emend(flow, i, number, new Decision(Name, "letter-in-number", EmendationKind.Misreading,
                digits > 0
                    ? $"'{r}' mixes digits with letters that look like digits; '{number}' is a well-formed number"
                    : $"'{r}' is no word, stands beside a number, and reads '{number}' letter for digit",
                digits > 0 ? 0.9 : 0.75));
        }
    }

    private static bool HasOrdinalOrPluralEnding(string r) =>
        r.EndsWith("st") || r.EndsWith("nd") || r.EndsWith("rd") || r.EndsWith("th") || r.EndsWith("s") || r.EndsWith("d");

    /// <summary>Is the piece one of a list of numbers: a number just before or after it, across a comma or dash?</summary>
    private static bool NextToNumber(List<Piece> flow, int i)
    {
        return IsNumberAt(flow, i, +1) || IsNumberAt(flow, i, -1);
        static bool IsNumberAt(List<Piece> flow, int i, int step)
        {
            int seen = 0;
            for (int k = i + step; k >= 0 && k < flow.Count && seen < 3; k += step)
            {
                var p = flow[k];
                if (p.IsSpace) continue;
                if (p.Reading is "," or "-" or "–") { seen++; continue; }
                return p.IsWord && p.Reading.Count(char.IsDigit) >= Math.Max(1, p.Reading.Length - 1);
            }
            return false;
        }
    }

    /// <summary>A non-word that one confusion makes into a word the document itself uses (or, failing that, the word list knows).</summary>
    private void Words(Document document, List<Piece> flow, WordList words, Vocabulary vocabulary)
    {
        for (int i = 0; i < flow.Count; i++)
        {
            var p = flow[i];
            if (!p.IsWord || p.Reading.Length < 4) continue;
            string r = p.Reading;
            if (words.Contains(r) || vocabulary.CountAnyCase(r) >= 2) continue;
            if (!Text.IsAllLetters(r.Replace("1", "l").Replace("0", "o").Replace("5", "s"))) continue;
            if (!Text.HasPrintedCase(r)) continue;
            var inDocument = new SortedSet<string>(StringComparer.Ordinal);
            var inList = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var (read, meant) in ConfusionPairs.InWords)
            {
                for (int at = r.IndexOf(read, StringComparison.Ordinal); at >= 0; at = r.IndexOf(read, at + 1, StringComparison.Ordinal))
                {
                    string candidate = r[..at] + meant + r[(at + read.Length)..];
                    if (vocabulary.CountAnyCase(candidate) >= 2) inDocument.Add(candidate);
                    else if (words.Contains(candidate)) inList.Add(candidate);
                }
            }
            if (inDocument.Count == 1)
            {
                string c = inDocument.Min!;
                document.Emend(flow, i, c, new Decision(Name, "confusion", EmendationKind.Misreading,
                    $"'{r}' is no word; read as '{c}', which the document uses {vocabulary.CountAnyCase(c)} times, through a common OCR confusion", 0.9));
            }
            else if (inDocument.Count + inList.Count >= 1)
            {
                var all = inDocument.Concat(inList).ToList();
                document.Flag(p, new Decision(Name, "confusion", EmendationKind.Misreading,
                    $"'{r}' is no word; it may be {string.Join(" or ", all.Select(a => $"'{a}'"))}", 0.4));
            }
        }
    }

    /// <summary>Below this OCR confidence (0..1) a word the engine was unsure of is evidence of a misreading.</summary>
    public const double LowConfidence = 0.5;

    /// <summary>
    /// A word the OCR itself was unsure of (confidence below <see cref="LowConfidence"/>) that neither the word
    /// list nor the document knows, and that has the shape of a misreading rather than of a name: lower case
    /// ("secdnd"), capitals and small letters mixed as no printer sets them ("fF"), digits among letters ("1D"),
    /// or a lone letter that is no word and no abbreviation ("J exclaimed"). Flagged doubtful, not changed:
    /// the confidence says the reading is unsure, not what the print holds. Names (capitalised or in
    /// capitals), numbers, ordinals and Roman numerals are left alone.
    /// </summary>
    private void Unsure(Document document, List<Piece> flow, ScanGeometry scan, WordList words, Vocabulary vocabulary)
    {
        for (int i = 0; i < flow.Count; i++)
        {
            var p = flow[i];
            // A piece another rule has emended or flagged has its decision already.
            if (!p.IsWord || p.Emendation != null || p.End <= p.Start) continue;
            string r = p.Reading;
            string? shape = MisreadShape(r, flow, i);
            if (shape == null || words.ContainsInflected(r) || vocabulary.CountAnyCase(r) >= 2) continue;
            if (scan.ConfidenceOf(p.Start, p.End) is not double confidence || confidence >= LowConfidence) continue;
            var invariant = System.Globalization.CultureInfo.InvariantCulture;
            string c = confidence.ToString("0.00", invariant), limit = LowConfidence.ToString("0.0", invariant);
            document.Flag(p, new Decision(Name, "low-confidence", EmendationKind.Misreading,
                $"'{r}' is known neither to the word list nor to the document; {shape}; the OCR read it with confidence {c}, below {limit}: probably misread", 0.3));
        }
    }

    /// <summary>How the token looks like a misreading, or null when it looks like a name, a number or a numeral.</summary>
    private static string? MisreadShape(string r, List<Piece> flow, int i)
    {
        int digits = r.Count(char.IsDigit), letters = r.Count(char.IsLetter);
        if (letters == 0) return null;
        if (digits > 0)
            return HasOrdinalOrPluralEnding(r) ? null : "digits mixed with letters";
        if (letters != r.Length) return null;
        if (r.Length == 1)
        {
            // "p." or "J." is an abbreviation or an initial; "v" or "i" may be a numeral.
            bool abbreviation = i + 1 < flow.Count && flow[i + 1].Reading.StartsWith('.');
            return abbreviation || "ivxlcdmIVXLCDM".Contains(r[0]) ? null : "a lone letter, no abbreviation";
        }
        if (Text.IsRomanLetters(r.ToUpperInvariant()) && Text.IsRomanNumeral(r.ToUpperInvariant())) return null;
        if (!Text.HasPrintedCase(r)) return "capitals and small letters mixed as no printer sets them";
        if (char.IsLower(r[0])) return "in small letters, so no name";
        return null;
    }

    /// <summary>Enumeration labels "(a) (6) (c)": a label out of sequence whose look-alike fits the sequence.</summary>
    private void Labels(Document document)
    {
        foreach (var flow in document.Flows())
        {
            var labels = new List<int>();
            for (int i = 1; i + 1 < flow.Count; i++)
                if (flow[i - 1].Reading == "(" && flow[i + 1].Reading == ")" && flow[i].IsWord && flow[i].Reading.Length == 1)
                    labels.Add(i);
            for (int n = 0; n < labels.Count; n++)
            {
                char? expected = null;
                char here = flow[labels[n]].Reading[0];
                if (n > 0 && n + 1 < labels.Count)
                {
                    char a = flow[labels[n - 1]].Reading[0], c = flow[labels[n + 1]].Reading[0];
                    if (c - a == 2 && SameSeries(a, c)) expected = (char)(a + 1);
                }
                else if (n == 0 && labels.Count >= 3)
                {
                    char b = flow[labels[1]].Reading[0], c = flow[labels[2]].Reading[0];
                    if (c - b == 1 && SameSeries(b, c)) expected = (char)(b - 1);
                }
                if (expected == null || expected == here) continue;
                if (!ConfusionPairs.InLabels.Contains((here, expected.Value))) continue;
                document.Emend(flow, labels[n], expected.Value.ToString(), new Decision(Name, "label-sequence", EmendationKind.Misreading,
                    $"'({here})' stands where the sequence of labels needs '({expected})', its look-alike", 0.9));
            }
        }
    }

    private static bool SameSeries(char a, char b) =>
        (char.IsDigit(a) && char.IsDigit(b)) || (char.IsLower(a) && char.IsLower(b)) || (char.IsUpper(a) && char.IsUpper(b));

    /// <summary>A lone mark after a heading's last word or punctuation ("Autocracy ? /") is a speck, not text.</summary>
    private void StrayMarks(Document document, List<Piece> pieces)
    {
        int last = pieces.Count - 1;
        while (last >= 0 && pieces[last].Kind == PieceKind.PageBreak) last--;
        if (last < 2) return;
        var p = pieces[last];
        if (p.Kind != PieceKind.Punctuation || p.Reading is "?" or "!" or ")" or "]" or "”" or "’" or "." or "\"") return;
        if (!pieces[last - 1].IsSpace) return;
        document.Emend(pieces, last - 1, 2, "", PieceKind.Space, new Decision(Name, "stray-mark", EmendationKind.Misreading,
            $"a lone '{p.Reading}' after the heading's last word: a speck on the page, not a reading", 0.8));
    }
}
