using System.Globalization;
using AngleSharp.Dom;
using Edition.Model;
using Edition.Outputs.Diff;

namespace Edition.Html;

/// <summary>
/// The kinds of change as the HTML shows them: the name used in <c>data-kind</c> (and so in the CSS
/// colours), a label for legends and an editor's description for the editorial principles.
/// A doubtful reading is its own kind here, whatever stage flagged it.
/// </summary>
public static class Kinds
{
    public const string Doubtful = "doubtful";

    /// <summary>Every kind name in the order legends list them.</summary>
    public static readonly IReadOnlyList<string> Order = new[]
    {
        "furniture", "note-marker", "hyphenation", "split-word", "spacing", "misreading", "punctuation", "editorial", Doubtful,
    };

    /// <summary>The name in <c>data-kind</c>: the emendation's kind, or "doubtful" for a reading left for a human.</summary>
    public static string Of(Emendation e) => EditionDiff.KindName(e);

    public static int Rank(string kind)
    {
        for (int i = 0; i < Order.Count; i++) if (Order[i] == kind) return i;
        return Order.Count;
    }

    public static string Label(string kind) => kind switch
    {
        "furniture" => "Page furniture",
        "note-marker" => "Note markers",
        "hyphenation" => "Line-end hyphens",
        "split-word" => "Split words",
        "spacing" => "Spacing",
        "misreading" => "Misreadings",
        "punctuation" => "Punctuation",
        "editorial" => "Editorial emendations",
        Doubtful => "Doubtful readings",
        _ => kind,
    };

    /// <summary>What the edition does for this kind, in an editor's words.</summary>
    public static string Description(string kind) => kind switch
    {
        "furniture" => "Running heads and page numbers are taken out of the text; the page numbers are cited in the margin instead.",
        "note-marker" => "The printed note markers (asterisks, daggers and the like) are replaced by numbered references linked to the notes, and removed from the start of the notes themselves.",
        "hyphenation" => "Words broken at a line end are joined; a hyphen is kept only where the word is hyphenated in its own right.",
        "split-word" => "Spurious spaces inside words are closed up: drop capitals, letter-spaced headings and words broken by the scan.",
        "spacing" => "Spaces before punctuation, inside quotation marks and brackets, and around dashes are closed up.",
        "misreading" => "Clear misreadings of the OCR are corrected: braces for brackets, letters for figures, labels out of sequence, stray marks.",
        "punctuation" => "Punctuation lost beside a note marker is restored, and stray marks are removed.",
        "editorial" => "Corrections made by the editor of this edition.",
        Doubtful => "Readings the rules could not settle, left for a human to check.",
        _ => "",
    };

    /// <summary>One legend entry per kind present, in the usual order: swatch, label, count.</summary>
    public static void AddLegendItems(IElement legend, IReadOnlyDictionary<string, int> counts)
    {
        foreach (var kind in Order)
        {
            if (!counts.TryGetValue(kind, out int n)) continue;
            var li = legend.Add("li");
            li.SetAttribute("data-kind", kind);
            li.Add("span", "swatch").SetAttribute("aria-hidden", "true");
            li.Text(Label(kind) + " ");
            li.Add("span", "count", n.ToString(CultureInfo.InvariantCulture));
        }
    }
}
