using System.Globalization;
using Edition.Model;
using Edition.Pdf.Shaping;

namespace Edition.Pdf.Layout;

/// <summary>The title page, its verso (what this edition is), and the contents.</summary>
public sealed class FrontMatter(Design d, ParagraphComposer composer, Document document, BookLayout layout)
{
    public static string Roman(int n)
    {
        var vals = new[] { (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i") };
        var sb = new System.Text.StringBuilder();
        foreach (var (v, s) in vals) while (n >= v) { sb.Append(s); n -= v; }
        return sb.ToString();
    }

    public List<PageContent> Build(HeadingEntry titleEntry, HeadingEntry contentsHeading, List<HeadingEntry> entries)
    {
        var pages = new List<PageContent> { TitlePage(titleEntry), Imprint() };
        pages.AddRange(Contents(contentsHeading, entries, pages.Count));
        if (pages.Count % 2 == 1) pages.Add(new PageContent { Index = pages.Count, Label = "", Role = PageRole.Front });
        return pages;
    }

    private InlineText Words(string s, TextStyle style, LinkTarget? link = null)
    {
        var text = new InlineText();
        foreach (var w in s.Split(' ', StringSplitOptions.RemoveEmptyEntries)) text.Space().Add(w, style, hyphenate: false, link: link);
        return text;
    }

    private float Centered(PageContent page, string s, TextStyle style, float top, float leading, float measure)
    {
        var lines = composer.Compose(Words(s, style), new ParagraphStyle { Text = style, Measure = measure, Alignment = Alignment.Center, Hyphenate = false });
        float x = (d.PageWidth - measure) / 2;
        foreach (var l in lines)
        {
            page.Ops.Add(new LineOp(l, x, top + Design.BaselineIn(leading)));
            top += leading;
        }
        return top;
    }

    private PageContent TitlePage(HeadingEntry entry)
    {
        var book = document.Book;
        var page = new PageContent { Index = 0, Label = "", Role = PageRole.Front };
        page.Ops.Add(new DestinationOp(entry.Destination, 0, 0));
        string title = book.Title.Length > 0 ? book.Title : book.Id;
        string main = title, sub = "";
        int colon = title.IndexOf(':');
        if (colon > 0) { main = title[..colon].Trim(); sub = title[(colon + 1)..].Trim(); }
        float measure = d.Measure * 1.1f;
        float y = d.PageHeight * 0.22f;
        y = Centered(page, main, d.Title, y, d.Title.Size * 1.2f, measure);
        if (sub.Length > 0) y = Centered(page, sub, d.Subtitle, y + d.Leading * 0.4f, d.Subtitle.Size * 1.3f, measure);
        y += d.Leading * 1.6f;
        float cx = d.PageWidth / 2;
        page.Ops.Add(new RuleOp(cx - d.Body.Size * 2, cx + d.Body.Size * 2, y, 0.5f));
        y += d.Leading * 1.6f;
        if (book.Authors.Count > 0)
        {
            y = Centered(page, "by", d.Italic, y, d.Leading * 1.4f, measure);
            y = Centered(page, Principles.Authors(book), d.TitleSmallCaps, y, d.Leading * 1.4f, measure);
        }
        float foot = d.PageHeight * 0.74f;
        string year = book.Year?.ToString(CultureInfo.InvariantCulture) ?? "";
        foot = Centered(page, "A critical edition", d.Italic, foot, d.Leading * 1.2f, measure);
        foot = Centered(page, year.Length > 0 ? $"of the text printed in {year}" : "of the printed text", d.Italic, foot, d.Leading * 1.2f, measure);
        return page;
    }

    private PageContent Imprint()
    {
        var book = document.Book;
        var page = new PageContent { Index = 1, Label = "", Role = PageRole.Front };
        string? year = book.Year?.ToString(CultureInfo.InvariantCulture);
        var paras = new List<string>
        {
            Principles.TitleThen(book, (book.Authors.Count > 0 ? ", by " + Principles.Authors(book) + "," : "") + (year != null ? " was first printed in " + year : " was first printed") + "."),
            "This edition was established from the OCR of the printed text by Edition, a pipeline of editorial stages. "
            + "The changes it made are listed in the apparatus at the back of this book, and all of them, with the evidence for each, "
            + $"in the file apparatus.json published with it under the name {book.Id}.",
            "The numbers in square brackets in the outer margins are the page numbers of the source.",
            "Set in EB Garamond, justified by the Knuth\u2013Plass algorithm.",
        };
        var all = new List<LaidLine>();
        var gaps = new List<int>();
        foreach (var p in paras)
        {
            var lines = composer.Compose(InlineText.Prose(p, d.Small, d.SmallItalic), new ParagraphStyle { Text = d.Small, Measure = d.Measure, Alignment = Alignment.RaggedRight });
            all.AddRange(lines);
            gaps.Add(all.Count);
        }
        float leading = d.NoteLeading;
        float height = all.Count * leading + (paras.Count - 1) * leading * 0.6f;
        float y = d.TextBottom - height;
        float left = d.TextLeft(false);
        for (int k = 0; k < all.Count; k++)
        {
            page.Ops.Add(new LineOp(all[k], left, y + Design.BaselineIn(leading)));
            y += leading;
            if (gaps.Contains(k + 1)) y += leading * 0.6f;
        }
        return page;
    }

    private List<PageContent> Contents(HeadingEntry heading, List<HeadingEntry> entries, int startIndex)
    {
        var pages = new List<PageContent>();
        int index = startIndex;
        PageContent NewPage(bool opening)
        {
            bool recto = (index + 1) % 2 == 1;
            var p = new PageContent { Index = index, Label = Roman(index + 1), Role = PageRole.Front };
            layout.DrawHeadAndFolio(p, opening, recto, Roman(index + 1), heading.Text);
            index++;
            pages.Add(p);
            return p;
        }
        var page = NewPage(true);
        bool rectoNow = true;
        float left = d.TextLeft(rectoNow), top = d.TopMargin;
        float y = d.Leading * 4;
        page.Ops.Add(new DestinationOp(heading.Destination, left, top + y));
        heading.Folio = page.Label;
        y = Centered(page, heading.Text.ToUpperInvariant(), d.ChapterHeading, top + y, d.Leading * 1.5f, d.Measure) - top;
        y += d.Leading * 2;
        float numberRoom = d.Body.Size * 3;
        foreach (var e in entries)
        {
            var link = new LinkTarget(e.Destination);
            bool major = e.Level <= 1;
            var style = major ? d.ContentsSmallCaps : d.ContentsEntry;
            float indent = major ? 0 : d.Body.Size * 1.5f;
            string text = major ? e.Text.ToLowerInvariant() : e.Text;
            var lines = composer.Compose(Words(text, style, link), new ParagraphStyle
            {
                Text = style, Measure = d.Measure - numberRoom - indent, HangingIndent = d.Body.Size, Alignment = Alignment.RaggedRight, Hyphenate = false,
            });
            float need = lines.Count * d.Leading + (major ? d.Leading * 0.5f : 0);
            if (top + y + need > d.TextBottom)
            {
                page = NewPage(false);
                rectoNow = !rectoNow;
                left = d.TextLeft(rectoNow);
                y = 0;
            }
            if (major && y > d.Leading * 4) y += d.Leading * 0.5f;
            foreach (var l in lines)
            {
                page.Ops.Add(new LineOp(l, left + indent, top + y + Design.BaselineIn(d.Leading)));
                y += d.Leading;
            }
            string folio = e.Folio;
            float fw = d.Body.Measure(folio);
            page.Text(folio, d.Body, left + d.Measure - fw, top + y - d.Leading + Design.BaselineIn(d.Leading), link);
        }
        return pages;
    }
}
