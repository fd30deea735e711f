using System.Globalization;
using Edition.Html;
using Edition.Model;
using Edition.Outputs.Apparatus;
using PdfPrinciples = Edition.Pdf.Layout.Principles;

namespace Edition.Exchange.Principles;

/// <summary>
/// The editorial principles as the exchanged editions state them, from the same sources as the PDF and
/// the HTML: the PDF's opening statement (<see cref="PdfPrinciples.Paragraphs"/>) and the HTML's
/// words for each kind of change (<see cref="Kinds"/>), with this book's counts and rules.
/// </summary>
public static class EditionPrinciples
{
    /// <summary>One kind of change found in the book: its name, label, description, count and rules (most used first).</summary>
    public sealed record KindSummary(EmendationKind Kind, string Name, string Label, string Description, int Count, IReadOnlyList<(string Rule, int Count)> Rules);

    /// <summary>What the edition is and how it was made, in one paragraph; the book's title is marked <c>*…*</c>.</summary>
    public static string Statement(Document document) => PdfPrinciples.Paragraphs(document)[0];

    /// <summary>The title and authors in one phrase, the title marked <c>*…*</c>: "*Title*, by A and B".</summary>
    public static string TitleAndAuthors(Book book) =>
        PdfPrinciples.TitleThen(book, book.Authors.Count > 0 ? ", by " + PdfPrinciples.Authors(book) : "");

    public static string Authors(Book book) => PdfPrinciples.Authors(book);

    /// <summary>Every kind of change, in the HTML's order, with this book's counts (kinds the book has none of included, with 0).</summary>
    public static IReadOnlyList<KindSummary> Kinds(Document document)
    {
        var list = new List<KindSummary>();
        foreach (EmendationKind kind in Enum.GetValues<EmendationKind>())
        {
            string name = ApparatusWriter.Name(kind);
            var records = document.Apparatus.Where(e => e.Kind == kind).ToList();
            var rules = records.GroupBy(e => e.Rule).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Count())).ToList();
            list.Add(new KindSummary(kind, name, Html.Kinds.Label(name), Description(name), records.Count, rules));
        }
        return list.OrderBy(k => Html.Kinds.Rank(k.Name)).ToList();
    }

    /// <summary>The HTML's description of a kind, but where it speaks of the HTML's margin: the exchanged editions mark pages otherwise.</summary>
    private static string Description(string kind) => kind == "furniture"
        ? "Running heads, page numbers and signatures are taken out of the reading text; the pages are cited by the numbers of the page breaks instead."
        : Html.Kinds.Description(kind);

    /// <summary>The doubtful readings: how many, and what the edition does with them.</summary>
    public static string Doubtful(Document document)
    {
        int n = document.Apparatus.Count(e => e.Status == EmendationStatus.Doubtful);
        return Html.Kinds.Description(Html.Kinds.Doubtful) + " " + (n == 0 ? "There are none in this book." : $"This book has {Count(n, "such reading")}.");
    }

    /// <summary>"By rule: join 12, keep hyphen 3."</summary>
    public static string RulesLine(KindSummary kind) =>
        "By rule: " + string.Join(", ", kind.Rules.Select(r => r.Rule.Replace('-', ' ') + " " + r.Count.ToString(CultureInfo.InvariantCulture))) + ".";

    public static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");

    /// <summary>Splits <c>*…*</c> marks into runs: (text, italic).</summary>
    public static IEnumerable<(string Text, bool Italic)> Runs(string marked)
    {
        var parts = marked.Split('*');
        for (int i = 0; i < parts.Length; i++)
            if (parts[i].Length > 0) yield return (parts[i], i % 2 == 1);
    }
}
