using System.Reflection;
using AngleSharp.Dom;
using AngleSharp.Html;
using AngleSharp.Html.Parser;

namespace Edition.Html;

/// <summary>
/// Small helpers over AngleSharp's DOM: every element and text node of the outputs is made through
/// these, so the serializer escapes every piece of OCR text and the markup is well-formed by construction.
/// </summary>
internal static class Dom
{
    private static readonly HtmlParser Parser = new();

    /// <summary>An empty HTML5 document (doctype, html, head, body) in language <paramref name="lang"/>.</summary>
    public static IDocument NewDocument(string lang)
    {
        var doc = Parser.ParseDocument("<!DOCTYPE html><html><head></head><body></body></html>");
        doc.DocumentElement.SetAttribute("lang", lang);
        return doc;
    }

    public static IElement Add(this INode parent, string tag, string? cls = null)
    {
        var doc = parent as IDocument ?? parent.Owner!;
        var e = doc.CreateElement(tag);
        if (cls != null) e.ClassName = cls;
        parent.AppendChild(e);
        return e;
    }

    /// <summary>
    /// An element not yet in the document. A large part is built detached and put in place whole:
    /// AngleSharp then announces the new nodes to the document once rather than node by node.
    /// </summary>
    public static IElement Detached(IDocument doc, string tag, string? cls = null)
    {
        var e = doc.CreateElement(tag);
        if (cls != null) e.ClassName = cls;
        return e;
    }

    /// <summary>Adds an element with text content.</summary>
    public static IElement Add(this INode parent, string tag, string? cls, string text)
    {
        var e = parent.Add(tag, cls);
        if (text.Length > 0) e.Text(text);
        return e;
    }

    public static IElement Link(this INode parent, string href, string text, string? cls = null)
    {
        var a = parent.Add("a", cls, text);
        a.SetAttribute("href", href);
        return a;
    }

    public static INode Text(this INode parent, string text)
    {
        if (text.Length == 0) return parent;
        text = Visible(text);
        if (text.AsSpan().IndexOfAny(BidiControls) >= 0)
        {
            // An override or isolate from the OCR would reorder the rest of the page: each run of
            // non-spaces holding one acts only inside its own <bdi>.
            int i = 0;
            while (i < text.Length)
            {
                int b = text.AsSpan(i).IndexOfAny(BidiControls);
                if (b < 0) { parent.Text(text[i..]); break; }
                b += i;
                int start = b, end = b;
                while (start > i && !char.IsWhiteSpace(text[start - 1])) start--;
                while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
                if (start > i) parent.Text(text[i..start]);
                parent.Add("bdi").AppendChild(parent.Owner!.CreateTextNode(text[start..end]));
                i = end;
            }
            return parent;
        }
        if (parent.LastChild is IText last) last.Append(text);
        else parent.AppendChild(parent.Owner!.CreateTextNode(text));
        return parent;
    }

    /// <summary>
    /// Control characters from the OCR (C0 but tab, line feed, form feed and carriage return; DEL) as their
    /// Unicode pictures (NUL as ␀): in HTML they are parse errors, and a NUL is dropped or replaced by the browser.
    /// </summary>
    public static string Visible(string text)
    {
        if (!text.Any(IsControl)) return text;
        var chars = text.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
            if (IsControl(chars[i])) chars[i] = chars[i] == '\u007F' ? '\u2421' : (char)(0x2400 + chars[i]);
        return new string(chars);
    }

    /// <summary>Embeddings, overrides, isolates and directional marks (U+202A–202E, U+2066–2069, U+200E/F, U+061C).</summary>
    private static readonly System.Buffers.SearchValues<char> BidiControls =
        System.Buffers.SearchValues.Create("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C");

    private static bool IsControl(char c) => c == '\u007F' || (c < 0x20 && c is not ('\t' or '\n' or '\f' or '\r'));

    /// <summary>A line break in the markup between blocks, so the file reads (and diffs) line by line.</summary>
    public static void NewLine(this INode parent) => parent.Text("\n");

    public static IElement Attr(this IElement e, string name, string value)
    {
        e.SetAttribute(name, Visible(value));
        return e;
    }

    /// <summary>The document as HTML5 text: the doctype and the markup, with a final line break.</summary>
    public static string Serialize(IDocument doc)
    {
        using var writer = new StringWriter();
        doc.ToHtml(writer, HtmlMarkupFormatter.Instance);
        writer.Write('\n');
        return writer.ToString();
    }

    /// <summary>A text asset embedded in this assembly (the stylesheets and the script).</summary>
    public static string Asset(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Edition.Html.Assets." + name)
                           ?? throw new InvalidOperationException("missing asset " + name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }

    /// <summary>
    /// Adds the head common to both pages: charset, viewport, a content policy that allows no network
    /// request, the title. With <paramref name="allowImages"/>, images from the page's own place (the
    /// scans, by relative URL) may load, and nothing from elsewhere.
    /// </summary>
    public static void Head(IDocument doc, string title, string css, bool allowImages = false)
    {
        var head = doc.Head!;
        head.Add("meta").Attr("charset", "utf-8");
        head.Add("meta").Attr("name", "viewport").Attr("content", "width=device-width, initial-scale=1");
        // Everything the page needs is inside it: no request leaves the file, whatever the OCR holds.
        head.Add("meta").Attr("http-equiv", "Content-Security-Policy").Attr("content",
            "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:" +
            (allowImages ? " 'self' file:" : "") + "; base-uri 'none'; form-action 'none'");
        head.Add("meta").Attr("name", "generator").Attr("content", "Edition");
        head.Add("title", null, title);
        head.Add("style", null, css);
    }
}
