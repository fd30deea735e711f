using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Edition.Model;

namespace Edition.Outputs.Apparatus;

/// <summary>
/// Writes <c>apparatus.json</c>: the book, its pages (scan index, cited number, where the number came
/// from) and one record per emendation, in source order. Field names are documented in the README.
/// When the book came from page images (<see cref="Document.Scan"/>), each page also gives its image
/// and size, and each emendation the OCR confidence of the words it changed and their box on the page;
/// a book of plain text has none of these fields.
/// </summary>
public static class ApparatusWriter
{
    /// <param name="outputFolder">Where apparatus.json is written: page images are given by their path from there. Null: no image paths.</param>
    public static string Write(Document document, string toolVersion, string? outputFolder = null)
    {
        var scan = document.Scan;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions
               {
                   Indented = true,
                   Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
               }))
        {
            w.WriteStartObject();
            w.WriteString("format", "edition-apparatus/1");
            w.WriteString("generator", "edition " + toolVersion);
            w.WriteString("book", document.Book.Id);
            w.WriteString("title", document.Book.Title);
            w.WriteString("source", Path.GetFileName(document.Source.Path));
            w.WriteString("encoding", document.Source.Encoding);
            w.WriteBoolean("byte_order_mark", document.Source.HasByteOrderMark);
            w.WriteNumber("source_length", document.Source.Length);

            w.WriteStartArray("pages");
            foreach (var page in document.Pages)
            {
                w.WriteStartObject();
                w.WriteNumber("scan", page.Index);
                w.WriteNumber("number", page.Number);
                w.WriteString("number_from", page.NumberSource.ToString().ToLowerInvariant());
                w.WriteNumber("first_line", page.Lines.Count > 0 ? page.Lines[0].Number : 0);
                w.WriteNumber("last_line", page.Lines.Count > 0 ? page.Lines[^1].Number : 0);
                if (scan?.Page(page.Index) is ScanPage image)
                {
                    if (outputFolder != null && ScanEvidence.RelativeImagePath(image, outputFolder) is string path)
                        w.WriteString("image", path);
                    w.WriteNumber("image_width", image.Width);
                    w.WriteNumber("image_height", image.Height);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("emendations");
            foreach (var e in InSourceOrder(document))
            {
                w.WriteStartObject();
                w.WriteNumber("id", e.Id);
                w.WriteString("stage", e.Stage);
                w.WriteString("rule", e.Rule);
                w.WriteString("kind", Name(e.Kind));
                w.WriteString("status", Name(e.Status));
                w.WriteNumber("page", e.Page.Number);
                w.WriteNumber("line", e.Line);
                w.WriteNumber("column", e.Column);
                w.WriteNumber("end_line", e.EndLine);
                w.WriteNumber("end_column", e.EndColumn);
                w.WriteNumber("start", e.Start);
                w.WriteNumber("end", e.End);
                w.WriteString("raw", e.Raw);
                w.WriteString("reading", e.Reading);
                w.WriteNumber("confidence", Math.Round(e.Confidence, 2));
                w.WriteString("why", e.Why);
                if (scan != null) WriteScan(w, scan, e);
                if (e.RawSegments.Count > 1)
                {
                    w.WriteStartArray("segments");
                    foreach (var s in e.RawSegments)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("start", s.Start);
                        w.WriteString("raw", s.Text);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>
    /// <c>ocr_confidence</c>: the lowest confidence (0..1) of the words behind the raw characters;
    /// <c>boxes</c>: on each page image they stand on, the box around them in the image's pixels.
    /// Both left out when the change touched no recognised word (a space or a line break).
    /// </summary>
    private static void WriteScan(Utf8JsonWriter w, ScanGeometry scan, Emendation e)
    {
        if (ScanEvidence.Confidence(scan, e) is double c) w.WriteNumber("ocr_confidence", Math.Round(c, 3));
        var boxes = ScanEvidence.Boxes(scan, e);
        if (boxes.Count == 0) return;
        w.WriteStartArray("boxes");
        foreach (var b in boxes)
        {
            w.WriteStartObject();
            w.WriteNumber("scan", b.Page.Index);
            w.WriteNumber("left", b.Box.Left);
            w.WriteNumber("top", b.Box.Top);
            w.WriteNumber("right", b.Box.Right);
            w.WriteNumber("bottom", b.Box.Bottom);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>The apparatus in source order (ties: the order the stages recorded them).</summary>
    public static IEnumerable<Emendation> InSourceOrder(Document document) =>
        document.Apparatus.OrderBy(e => e.Start).ThenBy(e => e.Id);

    public static string Name(EmendationKind kind) => kind switch
    {
        EmendationKind.NoteMarker => "note-marker",
        EmendationKind.SplitWord => "split-word",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static string Name(EmendationStatus status) => status.ToString().ToLowerInvariant();
}
