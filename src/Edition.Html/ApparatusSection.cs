using System.Globalization;
using AngleSharp.Dom;
using Edition.Model;
using Document = Edition.Model.Document;
using Edition.Outputs.Apparatus;

namespace Edition.Html;

/// <summary>
/// The apparatus: every emendation, grouped by the page it stands on, in source order. Each entry reads
/// as in a printed apparatus (the edition's reading, a bracket, the OCR's reading) with its kind, rule
/// and evidence, and links to its place in the text. It needs no script, so with scripts off the
/// changes are all still here. For a book from page images each entry also gives the OCR's confidence
/// in the words it changed.
/// </summary>
internal static class ApparatusSection
{
    public static void Write(IElement parent, Document document, Anchors anchors, IElement tocList, ScanView? scan = null)
    {
        var s = parent.Add("section", "back apparatus");
        s.Id = "apparatus";
        anchors.Claim("apparatus");
        anchors.Claim("apparatus-title");
        s.SetAttribute("aria-labelledby", "apparatus-title");
        s.NewLine();
        s.Add("h2", null, "Apparatus").Id = "apparatus-title";
        s.NewLine();
        tocList.Add("li", "toc-back").Link("#apparatus", "Apparatus");
        var intro = s.Add("p");
        intro.Text("Every change made to the OCR, page by page. Each entry gives the source line, the edition’s reading, a bracket and the OCR’s reading (");
        intro.Add("em", null, "om.");
        intro.Text(" where the edition omits it), then the kind of change and its evidence. ␣ is a space, ⏎ a line break.");
        if (scan != null) intro.Text(" “OCR 62%” is how sure the OCR was of the words a change touched: the lowest confidence among them.");
        s.NewLine();
        var records = ApparatusWriter.InSourceOrder(document).ToList();
        var readings = new Readings(document);
        if (records.Count == 0)
        {
            s.Add("p", null, "The edition makes no change to the OCR.");
            return;
        }
        foreach (var group in records.GroupBy(e => e.Page))
        {
            var page = group.Key;
            string number = page.Number.ToString(CultureInfo.InvariantCulture);
            var h = s.Add("h3", "app-page");
            string id = "app-" + (anchors.PageId(page) ?? "s" + page.Index.ToString(CultureInfo.InvariantCulture));
            if (anchors.Claim(id)) h.Id = id;
            if (anchors.PageId(page) is string pid) h.Link("#" + pid, "Page " + number);
            else h.Text("Page " + number);
            s.NewLine();
            var ol = s.Add("ol", "app-list");
            foreach (var e in group)
            {
                ol.NewLine();
                Entry(ol, e, anchors, readings, scan);
            }
            ol.NewLine();
            s.NewLine();
        }
    }

    private static void Entry(IElement ol, Emendation e, Anchors anchors, Readings readings, ScanView? scan)
    {
        var li = ol.Add("li");
        if (anchors.Claim(Anchors.Entry(e))) li.Id = Anchors.Entry(e);
        string kind = Kinds.Of(e);
        li.SetAttribute("data-kind", kind);
        string loc = "l. " + e.Line.ToString(CultureInfo.InvariantCulture);
        if (anchors.Place(e) is string where) li.Link(where, loc, "loc"); else li.Add("span", "loc", loc);
        li.Text(" ");
        string reading = readings.Text(e);
        var note = readings.NoteOf(e);
        if (note != null)
        {
            var lemma = li.Add("span", "lemma", reading);
            lemma.Add("sup", null, note.Number.ToString(CultureInfo.InvariantCulture));
        }
        else if (reading.Length > 0) li.Add("span", "lemma", reading);
        else li.Add("em", "lemma om", "om.");
        li.Add("span", "bracket", "]");
        li.Text(" ");
        li.Add("span", "ocr", Display.Raw(e.Raw));
        li.Text(" ");
        var tag = li.Add("span", "tag", kind == Kinds.Doubtful ? "doubtful · " + ApparatusWriter.Name(e.Kind) : kind);
        tag.SetAttribute("data-kind", kind);
        li.Text(" ");
        li.Add("span", "why", e.Why);
        if (scan != null && ScanView.ConfidenceLabel(scan.Geometry, e) is string confidence)
        {
            li.Text(" ");
            li.Add("span", "ocr-conf", confidence).SetAttribute("title", "How sure the OCR was of the word it changed (the lowest of its words)");
        }
    }
}
