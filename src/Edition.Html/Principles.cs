using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using Edition.Model;
using Document = Edition.Model.Document;
using Edition.Outputs.Diff;

namespace Edition.Html;

/// <summary>
/// The "Editorial principles" section, drawn from the apparatus: what the edition cites, each kind of
/// silent correction with its count, its rules and two examples in context, the editor's own
/// emendations, and the doubtful readings left for a human.
/// </summary>
internal sealed class Principles
{
    private readonly Document _document;
    private readonly Anchors _anchors;
    private readonly List<EditionDiff.Change> _changes;
    private readonly Readings _readings;

    public Principles(Document document, Anchors anchors)
    {
        _document = document;
        _anchors = anchors;
        _changes = EditionDiff.Changes(document);
        _readings = new Readings(document);
    }

    public void Write(IElement parent, IElement tocList)
    {
        var s = parent.Add("section", "back principles");
        s.Id = "principles";
        _anchors.Claim("principles");
        _anchors.Claim("principles-title");
        s.SetAttribute("aria-labelledby", "principles-title");
        s.NewLine();
        s.Add("h2", null, "Editorial principles").Id = "principles-title";
        s.NewLine();
        tocList.Add("li", "toc-back").Link("#principles", "Editorial principles");

        var pages = _document.Pages;
        var intro = s.Add("p");
        intro.Text("This edition is made from the OCR text of the printed book (");
        intro.Add("code", null, Path.GetFileName(_document.Source.Path));
        intro.Text(pages.Count > 0
            ? $", {Count(pages.Count, "page")}, printed pages {pages[0].Number}–{pages[^1].Number}). "
            : "). ");
        intro.Text("Its text follows the print. The number in the margin, such as [" +
                   (pages.Count > 0 ? pages[Math.Min(1, pages.Count - 1)].Number : 1).ToString(CultureInfo.InvariantCulture) +
                   "], marks where a page of the print begins, and the page can be cited by its number after the file name (");
        string sample = pages.Count > 0 ? _anchors.PageId(pages[Math.Min(1, pages.Count - 1)]) ?? "p1" : "p1";
        intro.Add("code", null, "index.html#" + sample);
        intro.Text("). Every change to the OCR is recorded in the ");
        intro.Link("#apparatus", "apparatus");
        intro.Text(" with its evidence; “Show changes” marks each one in the text, and ");
        intro.Link(HtmlEdition.DiffFileName, "the diff");
        intro.Text(" sets the edition against the raw OCR page by page.");
        s.NewLine();

        Silent(s);
        Editorial(s);
        Doubtful(s);
    }

    private void Silent(IElement s)
    {
        var silent = _document.Apparatus
            .Where(e => e.Status == EmendationStatus.Automatic && e.Kind != EmendationKind.Editorial)
            .GroupBy(Kinds.Of)
            .OrderBy(g => Kinds.Rank(g.Key))
            .ToList();
        s.Add("h3", null, "Silent corrections");
        s.NewLine();
        if (silent.Count == 0)
        {
            s.Add("p", null, "No correction was made silently.");
            s.NewLine();
            return;
        }
        s.Add("p", null, "These corrections are made without comment in the reading text. Each kind is listed with the number of changes, the rules that made them and two examples, the OCR’s reading first.");
        s.NewLine();
        var dl = s.Add("dl", "kinds");
        foreach (var group in silent)
        {
            dl.NewLine();
            var dt = dl.Add("dt");
            dt.SetAttribute("data-kind", group.Key);
            dt.Add("span", "swatch").SetAttribute("aria-hidden", "true");
            dt.Text(Kinds.Label(group.Key) + " ");
            dt.Add("span", "count", group.Count().ToString(CultureInfo.InvariantCulture));
            var dd = dl.Add("dd");
            dd.Add("p", null, Kinds.Description(group.Key));
            var rules = group.GroupBy(e => e.Rule).OrderByDescending(r => r.Count()).ThenBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => r.Key.Replace('-', ' ') + " " + r.Count().ToString(CultureInfo.InvariantCulture));
            dd.Add("p", "rules", "By rule: " + string.Join(", ", rules) + ".");
            var examples = Examples(group.Key);
            if (examples.Count > 0)
            {
                var ul = dd.Add("ul", "examples");
                foreach (var (e, raw, reading) in examples)
                {
                    var li = ul.Add("li");
                    li.Add("span", "ocr", raw);
                    li.Text(" → ");
                    if (reading.Length > 0) li.Add("span", "ed", reading); else li.Add("em", "om", "omitted");
                    li.Text(" ");
                    var where = _anchors.Place(e);
                    if (where != null) li.Link(where, "p. " + e.Page.Number.ToString(CultureInfo.InvariantCulture), "loc");
                }
            }
        }
        dl.NewLine();
        s.NewLine();
    }

    private void Editorial(IElement s)
    {
        var editorial = _document.Apparatus
            .Where(e => e.Kind == EmendationKind.Editorial || e.Status == EmendationStatus.Editorial)
            .OrderBy(e => e.Start).ThenBy(e => e.Id).ToList();
        s.Add("h3", null, "Editorial emendations");
        s.NewLine();
        if (editorial.Count == 0)
        {
            s.Add("p", null, _document.Book.Corrections.Count == 0
                ? "The editor has made no corrections of their own: the book’s configuration lists none."
                : "The corrections listed in the book’s configuration found nothing to correct.");
            s.NewLine();
            return;
        }
        s.Add("p", null, "The editor’s own corrections, from the book’s configuration:");
        s.NewLine();
        List(s, editorial);
    }

    private void Doubtful(IElement s)
    {
        var doubtful = _document.Apparatus.Where(e => e.Status == EmendationStatus.Doubtful)
            .OrderBy(e => e.Start).ThenBy(e => e.Id).ToList();
        s.Add("h3", null, "Doubtful readings");
        s.NewLine();
        if (doubtful.Count == 0)
        {
            s.Add("p", null, "No reading was left in doubt.");
            s.NewLine();
            return;
        }
        s.Add("p", null, "The rules could not settle these readings; they are left for a human to check, and marked in their own colour when changes are shown.");
        s.NewLine();
        List(s, doubtful);
    }

    private void List(IElement s, List<Emendation> records)
    {
        var ul = s.Add("ul", "records");
        foreach (var e in records)
        {
            ul.NewLine();
            var li = ul.Add("li");
            li.SetAttribute("data-kind", Kinds.Of(e));
            var where = _anchors.Place(e);
            string loc = "p. " + e.Page.Number.ToString(CultureInfo.InvariantCulture);
            if (where != null) li.Link(where, loc, "loc"); else li.Add("span", "loc", loc);
            li.Text(" ");
            if (e.ChangesReading)
            {
                li.Add("span", "ocr", Display.Raw(e.Raw));
                li.Text(" → ");
                string reading = _readings.Text(e);
                if (reading.Length > 0) li.Add("span", "ed", reading); else li.Add("em", "om", "omitted");
            }
            else
            {
                li.Add("span", "ocr", Display.Raw(e.Raw));
                li.Text(" (as printed)");
            }
            li.Text(" — " + e.Why);
        }
        ul.NewLine();
        s.NewLine();
    }

    /// <summary>Up to two examples of a kind, in context, each from a different rule where it can: changes whose neighbourhood holds no other change.</summary>
    private List<(Emendation E, string Raw, string Reading)> Examples(string kind)
    {
        var picked = new List<(Emendation, string, string)>();
        var rules = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int pass = 0; pass < 2 && picked.Count < 2; pass++)
        {
            for (int i = 0; i < _changes.Count && picked.Count < 2; i++)
            {
                var c = _changes[i];
                var e = c.Emendation;
                if (!c.First || Kinds.Of(e) != kind || e.Status != EmendationStatus.Automatic || !e.ChangesReading) continue;
                if (pass == 0 && rules.Contains(e.Rule)) continue;
                if (e.RawSegments.Count > 1) continue;
                string edited = _readings.Text(e);
                if (_readings.NoteOf(e) is Note note) edited += Superscript(note.Number);
                // Words taken out whole (a running head) are their own example; a small change is shown with its neighbours.
                bool whole = edited.Length == 0 && e.Raw.Count(char.IsLetterOrDigit) > 2;
                var (from, to) = whole ? (e.Start, e.End) : Context(e);
                if (i > 0 && _changes[i - 1].End > from) continue;
                if (i + 1 < _changes.Count && _changes[i + 1].Start < to) continue;
                string text = _document.Source.Text;
                string raw = Collapse(text.Substring(from, to - from));
                string reading = whole ? "" : Collapse(text.Substring(from, e.Start - from) + edited + text.Substring(e.End, to - e.End));
                if (raw == reading || !seen.Add(raw)) continue;
                rules.Add(e.Rule);
                picked.Add((e, raw, reading));
            }
        }
        return picked;
    }

    /// <summary>The change with the word on either side of it, when the change does not take in a whole word itself.</summary>
    private (int From, int To) Context(Emendation e)
    {
        string t = _document.Source.Text;
        int from = e.Start, to = e.End;
        int limit = Math.Max(0, e.Start - 24);
        while (from > limit && !char.IsWhiteSpace(t[from - 1])) from--;
        if (from == e.Start || (e.Raw.Length > 0 && char.IsWhiteSpace(e.Raw[0])) || !e.Raw.Any(char.IsLetterOrDigit))
        {
            while (from > limit && char.IsWhiteSpace(t[from - 1])) from--;
            while (from > limit && !char.IsWhiteSpace(t[from - 1])) from--;
        }
        limit = Math.Min(t.Length, e.End + 24);
        while (to < limit && !char.IsWhiteSpace(t[to])) to++;
        if (to == e.End || (e.Raw.Length > 0 && char.IsWhiteSpace(e.Raw[^1])) || !e.Raw.Any(char.IsLetterOrDigit))
        {
            while (to < limit && char.IsWhiteSpace(t[to])) to++;
            while (to < limit && !char.IsWhiteSpace(t[to])) to++;
        }
        return (from, to);
    }

    private static string Superscript(int n) =>
        string.Concat(n.ToString(CultureInfo.InvariantCulture).Select(d => "⁰¹²³⁴⁵⁶⁷⁸⁹"[d - '0']));

    private static string Collapse(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s)
        {
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");
}
