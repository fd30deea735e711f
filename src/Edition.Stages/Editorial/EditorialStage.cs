using System.Text;
using Edition.Model;

namespace Edition.Stages.Editorial;

/// <summary>
/// Applies the book's own corrections from its config (<c>[[correction]]</c> in book.toml): on the
/// page given, the reading <c>find</c> (as the edition reads before the correction) becomes
/// <c>replace</c>. Each is recorded as editorial; one that matches nothing is reported, not guessed.
/// </summary>
public sealed class EditorialStage : IStage
{
    public string Name => "editorial";

    public void Run(Document document, StageContext context)
    {
        foreach (var correction in document.Book.Corrections)
        {
            if (!Apply(document, correction))
                context.Warnings.Add($"book.toml: the correction of \"{correction.Find}\" on page {correction.Page} matches nothing in the edition");
        }
    }

    private bool Apply(Document document, EditorialCorrection correction)
    {
        foreach (var flow in document.Flows())
        {
            if (flow.Count == 0 || flow[0].Page.Number > correction.Page || flow[^1].Page.Number < correction.Page) continue;
            // The flow's reading, with each piece's place in it, spaces as single spaces.
            var text = new StringBuilder();
            var starts = new List<int>(flow.Count);
            foreach (var p in flow)
            {
                starts.Add(text.Length);
                text.Append(p.IsSpace && p.Emendation == null ? " " : p.Reading);
            }
            string reading = text.ToString();
            for (int at = reading.IndexOf(correction.Find, StringComparison.Ordinal); at >= 0;
                 at = reading.IndexOf(correction.Find, at + 1, StringComparison.Ordinal))
            {
                // The first piece with a reading that starts there: not a page break or an empty marker before it.
                int first = -1;
                for (int k = 0; k < flow.Count; k++)
                    if (starts[k] == at && flow[k].Reading.Length > 0 && flow[k].Kind is not (PieceKind.PageBreak or PieceKind.NoteReference)) { first = k; break; }
                int endAt = at + correction.Find.Length;
                int last = first;
                while (last + 1 < flow.Count && starts[last + 1] < endAt) last++;
                if (first < 0 || (last + 1 < flow.Count && starts[last + 1] != endAt)) continue;
                if (flow[first].Page.Number != correction.Page) continue;
                document.Emend(flow, first, last - first + 1, correction.Replace, flow[first].IsSpace ? PieceKind.Word : flow[first].Kind,
                    new Decision(Name, "editorial", EmendationKind.Editorial,
                        correction.Why.Length > 0 ? correction.Why : "the editor's correction, from book.toml",
                        1.0, EmendationStatus.Editorial));
                return true;
            }
        }
        return false;
    }
}
