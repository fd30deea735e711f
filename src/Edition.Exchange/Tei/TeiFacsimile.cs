using Edition.Exchange.Xml;
using Edition.Model;
using Edition.Outputs.Apparatus;

namespace Edition.Exchange.Tei;

/// <summary>
/// The <c>facsimile</c> of a book read from page images or hOCR/ALTO: a <c>surface</c> per page image
/// with its <c>graphic</c>, a <c>zone</c> per line and per word the OCR found (<c>s3</c>, <c>s3.l5</c>,
/// <c>s3.w17</c>: scan 3, its 5th line, its 17th word), in the image's pixels. The text points at them:
/// <c>pb/@facs</c> at the surface, <c>lb/@facs</c> at the line's zone, a change's <c>@facs</c> at the
/// zones of the words behind it.
/// </summary>
internal sealed class TeiFacsimile
{
    private readonly ScanGeometry _scan;
    private readonly Dictionary<ScanLine, string> _lines = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ScanWord, string> _words = new(ReferenceEqualityComparer.Instance);

    public TeiFacsimile(ScanGeometry scan)
    {
        _scan = scan;
        foreach (var page in scan.Pages)
        {
            for (int i = 0; i < page.Lines.Count; i++) _lines[page.Lines[i]] = SurfaceId(page.Index) + ".l" + XmlOut.Number(i + 1);
            for (int i = 0; i < page.Words.Count; i++) _words[page.Words[i]] = SurfaceId(page.Index) + ".w" + XmlOut.Number(i + 1);
        }
    }

    public static string SurfaceId(int scanIndex) => "s" + XmlOut.Number(scanIndex);

    /// <summary>The surface of the page's image, as a pointer; null when the scan has no such page.</summary>
    public string? PageOf(Page page) => _scan.Page(page.Index) != null ? "#" + SurfaceId(page.Index) : null;

    /// <summary>The zone of the line that holds source offset <paramref name="offset"/>, as a pointer.</summary>
    public string? LineAt(int offset) => _scan.LineAt(offset) is { } line && _lines.TryGetValue(line, out var id) ? "#" + id : null;

    /// <summary>The zones of the words behind a change's raw characters, as a list of pointers; null when none.</summary>
    public string? WordsOf(Emendation e)
    {
        var ids = ScanEvidence.Words(_scan, e).Select(w => _words.TryGetValue(w, out var id) ? "#" + id : null).Where(id => id != null).ToList();
        return ids.Count > 0 ? string.Join(' ', ids) : null;
    }

    public void Write(XmlOut x, string? outputFolder)
    {
        x.Line(1).Open("facsimile");
        foreach (var page in _scan.Pages)
        {
            x.Line(2).Open("surface", ("xml:id", SurfaceId(page.Index)), ("n", XmlOut.Number(page.Index)),
                ("ulx", "0"), ("uly", "0"), ("lrx", XmlOut.Number(page.Width)), ("lry", XmlOut.Number(page.Height)));
            string? url = outputFolder != null ? ScanEvidence.RelativeImageUrl(page, outputFolder) : null;
            if (url != null)
                x.Line(3).Empty("graphic", ("url", url), ("mimeType", MimeType(page.ImagePath!)),
                    ("width", XmlOut.Number(page.Width) + "px"), ("height", XmlOut.Number(page.Height) + "px"));
            foreach (var line in page.Lines) x.Line(3).Empty("zone", Zone(_lines[line], "line", line.Box));
            foreach (var word in page.Words) x.Line(3).Empty("zone", Zone(_words[word], "word", word.Box));
            x.Line(2).Close("surface");
        }
        x.Line(1).Close("facsimile");
    }

    private static (string, string?)[] Zone(string id, string type, Box box) => new (string, string?)[]
    {
        ("xml:id", id), ("type", type),
        ("ulx", XmlOut.Number(box.Left)), ("uly", XmlOut.Number(box.Top)), ("lrx", XmlOut.Number(box.Right)), ("lry", XmlOut.Number(box.Bottom)),
    };

    private static string MimeType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".tif" or ".tiff" => "image/tiff",
        _ => "application/octet-stream",
    };
}
