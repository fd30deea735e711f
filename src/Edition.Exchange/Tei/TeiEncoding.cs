using Edition.Model;
using Edition.Outputs.Apparatus;

namespace Edition.Exchange.Tei;

/// <summary>
/// How the TEI encodes each change: which pair of <c>choice</c> it uses, who is responsible, how sure
/// the change is, and which page furniture is forme work (<c>fw</c>).
/// </summary>
public static class TeiEncoding
{
    /// <summary>The elements of a change's <c>choice</c>: the OCR's reading first, ours second.</summary>
    public readonly record struct Pair(string Raw, string Reading);

    /// <summary>An error of the OCR (or of the print) put right.</summary>
    public static readonly Pair Correction = new("sic", "corr");
    /// <summary>The OCR's layout made regular: spacing, line-end hyphens, note markers.</summary>
    public static readonly Pair Regularisation = new("orig", "reg");

    public static Pair PairOf(Emendation e) => PairOf(e.Kind);

    public static Pair PairOf(EmendationKind kind) => kind switch
    {
        EmendationKind.Hyphenation or EmendationKind.SplitWord or EmendationKind.Spacing or EmendationKind.NoteMarker => Regularisation,
        _ => Correction,
    };

    /// <summary>Running heads, page numbers and signatures become <c>fw</c>; a speck taken out of the page is a correction.</summary>
    public static bool IsFormeWork(Piece furniture) =>
        furniture.Emendation is { Kind: EmendationKind.Furniture } e && e.Rule != "speck";

    /// <summary>The <c>fw/@type</c> for the rule that found the furniture (the TEI's suggested values).</summary>
    public static string FormeWorkType(Emendation e) => e.Rule switch
    {
        "page-number" => "pageNum",
        "signature-mark" => "sig",
        _ => "header",
    };

    /// <summary><c>@cert</c>: a doubtful change is low; otherwise from the rule's confidence.</summary>
    public static string Cert(Emendation e) =>
        e.Status == EmendationStatus.Doubtful || e.Confidence < 0.6 ? "low" : e.Confidence < 0.9 ? "medium" : "high";

    /// <summary><c>@resp</c>: the editor for a correction from book.toml, else the stage that made the change.</summary>
    public static string Resp(Emendation e) => "#" + RespId(e);

    public static string RespId(Emendation e) =>
        e.Status == EmendationStatus.Editorial || e.Kind == EmendationKind.Editorial ? EditorId : StageId(e.Stage);

    public const string EditorId = "editor";

    public static string StageId(string stage) => "stage." + stage;

    /// <summary>The id of the change in the text (<c>e12</c>, as <c>id</c> 12 in apparatus.json).</summary>
    public static string Id(Emendation e) => "e" + Xml.XmlOut.Number(e.Id);

    /// <summary>The category of the change's kind in the header's taxonomy (<c>#k.hyphenation</c>).</summary>
    public static string Category(Emendation e) => "#" + CategoryId(e.Kind);

    public static string CategoryId(EmendationKind kind) => "k." + ApparatusWriter.Name(kind);
}
