using Edition.Exchange.Xml;

namespace Edition.Exchange.Epub;

/// <summary>An XHTML content document of the EPUB: the shell around a body.</summary>
internal static class XhtmlPage
{
    public const string Ops = "http://www.idpf.org/2007/ops";

    public static string Write(string language, string title, string bodyType, string body)
    {
        var x = new XmlOut(body.Length + 1024).Declaration();
        x.Raw("<!DOCTYPE html>\n");
        x.Open("html", ("xmlns", "http://www.w3.org/1999/xhtml"), ("xmlns:epub", Ops), ("xml:lang", language), ("lang", language));
        x.Line(1).Open("head");
        x.Line(2).Empty("meta", ("charset", "utf-8"));
        x.Line(2).Element("title", title);
        x.Line(2).Empty("link", ("rel", "stylesheet"), ("type", "text/css"), ("href", "style.css"));
        x.Line(1).Close("head");
        x.Line(1).Open("body", ("epub:type", bodyType));
        x.Raw(body);
        x.Line(1).Close("body");
        x.Line(0).Close("html");
        x.Raw("\n");
        return x.ToString();
    }
}
