using Edition.Model;

namespace Edition.Stages.PunctuationSpacing;

/// <summary>
/// Closes the spaces the OCR puts around punctuation, per the format's policy: before
/// <c>; : ? ! ,</c> and closing brackets, just inside quotation marks and brackets, and around dashes
/// where the document's own dashes are set closed. Runs of spaces become one in every output without
/// an emendation (that is layout, not reading); an ellipsis (<c>. . .</c>) keeps its spaces.
/// </summary>
public sealed class PunctuationSpacingStage : IStage
{
    public string Name => "punctuation-spacing";

    private const string ClosePunctuation = ";:?!,)]}";
    private const string Dashes = "—–";

    public void Run(Document document, StageContext context)
    {
        var source = document.Source;
        bool closedDashes = DashesAreClosed(document);
        foreach (var flow in document.Flows())
        {
            var quotes = QuoteRoles(flow);
            for (int i = 0; i < flow.Count; i++)
            {
                var gap = flow[i];
                if (!gap.IsSpace || gap.Emendation != null || i == 0 || i + 1 >= flow.Count) continue;
                var before = PreviousReading(flow, i);
                var after = NextReading(flow, i, out int afterIndex);
                if (string.IsNullOrEmpty(before) || string.IsNullOrEmpty(after)) continue;
                string? rule = null, why = null;
                bool lineBreak = gap.HasLineBreak;
                if (!lineBreak && after.Length == 1 && ClosePunctuation.Contains(after[0]))
                {
                    rule = "space-before-punctuation";
                    why = $"no space stands before '{after}' in print";
                }
                else if (!lineBreak && after == "." && IsLoneFullStop(flow, afterIndex, before))
                {
                    rule = "space-before-punctuation";
                    why = "no space stands before a full stop in print (an ellipsis keeps its spaces)";
                }
                else if (after is "”" or "’" && (quotes.GetValueOrDefault(afterIndex) == QuoteRole.Closing))
                {
                    rule = "space-inside-quotes";
                    why = $"a closing '{after}' stands against the word it closes";
                }
                else if (before is "“" or "‘" && quotes.GetValueOrDefault(IndexOfPrevious(flow, i)) == QuoteRole.Opening)
                {
                    rule = "space-inside-quotes";
                    why = $"an opening '{before}' stands against the word it opens";
                }
                else if (after == "\"" && quotes.GetValueOrDefault(afterIndex) == QuoteRole.Closing
                         || before == "\"" && quotes.GetValueOrDefault(IndexOfPrevious(flow, i)) == QuoteRole.Opening)
                {
                    rule = "space-inside-quotes";
                    why = "a straight quotation mark stands against the words it encloses";
                }
                else if (!lineBreak && before is "(" or "[" && after.Length > 0 && !char.IsWhiteSpace(after[0]))
                {
                    rule = "space-inside-brackets";
                    why = $"no space follows an opening '{before}' in print";
                }
                else if (closedDashes && (Dashes.Contains(before[^1]) || Dashes.Contains(after[0])) && before != after)
                {
                    rule = "space-around-dash";
                    why = "the document sets its dashes closed, without spaces";
                }
                if (rule == null) continue;
                document.Emend(flow, i, "", new Decision(Name, rule, EmendationKind.Spacing, why!, 0.95));
            }
        }
    }

    private enum QuoteRole { Opening, Closing }

    /// <summary>
    /// Which quotation marks open and which close. Curly marks say so themselves, except that a lone
    /// ’ may be an apostrophe; a lone mark (spaces on both sides) is read from the balance of the
    /// marks before it. Straight marks alternate.
    /// </summary>
    private static Dictionary<int, QuoteRole> QuoteRoles(List<Piece> flow)
    {
        var roles = new Dictionary<int, QuoteRole>();
        int openDouble = 0, openSingle = 0;
        bool straightOpen = false;
        for (int i = 0; i < flow.Count; i++)
        {
            var r = flow[i].Reading;
            if (flow[i].Kind != PieceKind.Punctuation) continue;
            switch (r)
            {
                case "“": roles[i] = QuoteRole.Opening; openDouble++; break;
                case "”": roles[i] = QuoteRole.Closing; openDouble = Math.Max(0, openDouble - 1); break;
                case "‘": roles[i] = QuoteRole.Opening; openSingle++; break;
                case "’":
                    bool lone = (i == 0 || flow[i - 1].IsSpace) && (i + 1 == flow.Count || flow[i + 1].IsSpace || flow[i + 1].Kind == PieceKind.Punctuation);
                    bool afterWord = i > 0 && !flow[i - 1].IsSpace;
                    if (lone || (openSingle > 0 && afterWord))
                    {
                        roles[i] = QuoteRole.Closing;
                        openSingle = Math.Max(0, openSingle - 1);
                    }
                    break;
                case "\"":
                    bool attachedBefore = i > 0 && !flow[i - 1].IsSpace;
                    bool attachedAfter = i + 1 < flow.Count && !flow[i + 1].IsSpace;
                    if (attachedBefore && !attachedAfter || (!attachedAfter && openDouble > 0)) roles[i] = QuoteRole.Closing;
                    else if (attachedAfter && !attachedBefore) roles[i] = QuoteRole.Opening;
                    else roles[i] = straightOpen ? QuoteRole.Closing : QuoteRole.Opening;
                    if (roles[i] == QuoteRole.Closing) openDouble = Math.Max(0, openDouble - 1);
                    straightOpen = roles[i] == QuoteRole.Opening;
                    break;
            }
        }
        return roles;
    }

    /// <summary>A full stop after a word, not the first of an ellipsis (". . .").</summary>
    private static bool IsLoneFullStop(List<Piece> flow, int index, string before)
    {
        if (before == "." || !char.IsLetterOrDigit(before[^1])) return false;
        for (int k = index + 1; k < flow.Count && k <= index + 2; k++)
        {
            if (flow[k].IsSpace) continue;
            return flow[k].Reading != ".";
        }
        return true;
    }

    private static string? PreviousReading(List<Piece> flow, int i)
    {
        int k = IndexOfPrevious(flow, i);
        return k >= 0 ? flow[k].Reading : null;
    }

    private static int IndexOfPrevious(List<Piece> flow, int i)
    {
        for (int k = i - 1; k >= 0; k--)
        {
            if (flow[k].Kind == PieceKind.PageBreak) continue;
            if (flow[k].IsSpace) return -1;
            if (flow[k].Reading.Length == 0 && flow[k].Kind != PieceKind.NoteReference) continue;
            if (flow[k].Kind == PieceKind.NoteReference) return k;
            return k;
        }
        return -1;
    }

    private static string? NextReading(List<Piece> flow, int i, out int index)
    {
        for (int k = i + 1; k < flow.Count; k++)
        {
            if (flow[k].Kind == PieceKind.PageBreak) continue;
            if (flow[k].IsSpace) break;
            if (flow[k].Reading.Length == 0) continue;
            index = k;
            return flow[k].Reading;
        }
        index = -1;
        return null;
    }

    /// <summary>Are most of the document's dashes set without spaces around them?</summary>
    private static bool DashesAreClosed(Document document)
    {
        int closed = 0, spaced = 0;
        foreach (var flow in document.Flows())
            for (int i = 1; i + 1 < flow.Count; i++)
            {
                if (flow[i].Reading != "—") continue;
                if (!flow[i - 1].IsSpace && !flow[i + 1].IsSpace) closed++; else spaced++;
            }
        return closed > 2 * spaced;
    }
}
