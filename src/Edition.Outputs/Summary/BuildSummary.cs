using System.Text;
using Edition.Model;
using Edition.Outputs.Apparatus;

namespace Edition.Outputs.Summary;

/// <summary>The short account of a build printed on the terminal.</summary>
public static class BuildSummary
{
    public static string Write(Document document, TimeSpan elapsed, IReadOnlyList<string> warnings, string outputFolder)
    {
        int words = document.Flows().Sum(f => f.Count(p => p.Kind == PieceKind.Word && p.Reading.Length > 0));
        var sb = new StringBuilder();
        sb.Append($"{document.Book.Id}: {document.Pages.Count} pages ({FirstLast(document)}), {words} words, ")
          .Append($"{document.Body.Count(b => b is Paragraph)} paragraphs, {document.Body.Count(b => b is Heading)} headings, ")
          .Append($"{document.Notes.Count} notes\n");
        sb.Append($"  emendations: {document.Apparatus.Count}");
        foreach (var g in document.Apparatus.GroupBy(e => e.Stage).OrderBy(g => Pipeline(g.Key)))
            sb.Append($"; {g.Key} {g.Count()}");
        sb.Append('\n');
        int doubtful = document.Apparatus.Count(e => e.Status == EmendationStatus.Doubtful);
        int editorial = document.Apparatus.Count(e => e.Status == EmendationStatus.Editorial);
        int unlinked = document.Notes.Count(n => n.Reference == null || n.Reference.Emendation?.Status == EmendationStatus.Doubtful);
        sb.Append($"  doubtful readings: {doubtful}; editorial: {editorial}; notes without a printed marker found: {unlinked}\n");
        foreach (var w in warnings) sb.Append("  warning: ").Append(w).Append('\n');
        sb.Append($"  wrote {outputFolder} in {elapsed.TotalMilliseconds:F0} ms\n");
        return sb.ToString();
    }

    private static string FirstLast(Document d) =>
        d.Pages.Count == 0 ? "none" : $"printed {d.Pages[0].Number}–{d.Pages[^1].Number}, {d.Pages.Count(p => p.NumberSource == PageNumberSource.Printed)} numbers read";

    private static int Pipeline(string stage) => stage switch
    {
        "page-furniture" => 0, "footnotes" => 1, "paragraphs" => 2, "split-words" => 3, "hyphenation" => 4,
        "punctuation-spacing" => 5, "misreadings" => 6, "editorial" => 7, _ => 8,
    };
}
