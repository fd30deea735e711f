using System.Globalization;
using System.Text;
using Edition.Model;
using Edition.Outputs.Apparatus;

namespace Edition.Html;

/// <summary>
/// The page images and word boxes as the HTML shows them: each page's image by a relative URL, each
/// word an id (<c>w3-17</c>: word 17 of scan 3) shared by the word in the text and its box on the image,
/// and each box as percentages of its image, so the outline scales with the picture. Null for a book
/// of plain text, or when the output folder is not known.
/// </summary>
internal sealed class ScanView
{
    private readonly ScanGeometry _scan;
    private readonly Dictionary<ScanWord, string> _ids = new();
    private readonly Dictionary<int, string> _urls = new();

    private ScanView(ScanGeometry scan, string folder, string text)
    {
        _scan = scan;
        Text = text;
        foreach (var page in scan.Pages)
        {
            if (ScanEvidence.RelativeImageUrl(page, folder) is not string url || page.Width <= 0 || page.Height <= 0) continue;
            _urls[page.Index] = url;
            string prefix = "w" + page.Index.ToString(CultureInfo.InvariantCulture) + "-";
            for (int i = 0; i < page.Words.Count; i++)
                _ids[page.Words[i]] = prefix + (i + 1).ToString(CultureInfo.InvariantCulture);
        }
    }

    public static ScanView? For(Document document, HtmlOptions options)
    {
        if (document.Scan is not ScanGeometry scan || options.OutputFolder is not string folder) return null;
        var view = new ScanView(scan, folder, document.Source.Text);
        return view._urls.Count > 0 ? view : null;
    }

    public ScanGeometry Geometry => _scan;

    /// <summary>The source text the word offsets point into.</summary>
    public string Text { get; }

    /// <summary>The image of <paramref name="page"/> when it has one to show.</summary>
    public ScanPage? PageOf(Page page) => _urls.ContainsKey(page.Index) ? _scan.Page(page.Index) : null;

    /// <summary>The relative URL of the page's image, or null.</summary>
    public string? ImageUrl(Page page) => _urls.GetValueOrDefault(page.Index);

    /// <summary>The id a word's text and its box share, or null when its page shows no image.</summary>
    public string? WordId(ScanWord word) => _ids.GetValueOrDefault(word);

    /// <summary>The ids of the words behind an emendation's raw characters, space-separated; null when none.</summary>
    public string? WordIds(Emendation e)
    {
        StringBuilder? sb = null;
        foreach (var w in ScanEvidence.Words(_scan, e))
        {
            if (WordId(w) is not string id) continue;
            sb = sb == null ? new StringBuilder(id) : sb.Append(' ').Append(id);
        }
        return sb?.ToString();
    }

    /// <summary>The emendation's OCR confidence as a reader sees it: <c>OCR 62%</c>; null when unknown.</summary>
    public static string? ConfidenceLabel(ScanGeometry scan, Emendation e) =>
        ScanEvidence.Confidence(scan, e) is double c ? "OCR " + Percent(c) : null;

    public static string Percent(double confidence) =>
        Math.Round(confidence * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>An inline style placing <paramref name="box"/> on its page image, in percentages of the image's size.</summary>
    public static string BoxStyle(ScanPage page, Box box) =>
        "left:" + Pct(box.Left, page.Width) + ";top:" + Pct(box.Top, page.Height) +
        ";width:" + Pct(box.Width, page.Width) + ";height:" + Pct(box.Height, page.Height);

    private static string Pct(int value, int of) =>
        (100.0 * value / of).ToString("0.###", CultureInfo.InvariantCulture) + "%";
}
