using System.Globalization;
using System.Text;

namespace Edition.Exchange.Xml;

/// <summary>
/// A small XML writer with exact control of every character: no whitespace is added unless asked for,
/// because in the TEI body the whitespace is the source's own. Characters XML 1.0 cannot hold (most
/// C0 controls, U+FFFE, U+FFFF, a lone surrogate) go to <see cref="Forbidden"/>, which writes them as
/// markup; a carriage return is written <c>&amp;#13;</c> so that parsers do not turn it into a line feed.
/// </summary>
public sealed class XmlOut
{
    private readonly StringBuilder _sb;
    private readonly Stack<string> _open = new();

    public XmlOut(int capacity = 4096) => _sb = new StringBuilder(capacity);

    /// <summary>Writes a character XML cannot hold, inside text; by default as its Unicode picture (a control's symbol) or U+FFFD.</summary>
    public Action<XmlOut, int>? Forbidden { get; set; }

    public int Depth => _open.Count;
    /// <summary>Characters written so far.</summary>
    public int Length => _sb.Length;
    public string? Current => _open.Count > 0 ? _open.Peek() : null;

    public XmlOut Declaration()
    {
        _sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        return this;
    }

    public XmlOut Open(string name, params (string Name, string? Value)[] attributes)
    {
        Start(name, attributes);
        _sb.Append('>');
        _open.Push(name);
        return this;
    }

    public XmlOut Empty(string name, params (string Name, string? Value)[] attributes)
    {
        Start(name, attributes);
        _sb.Append("/>");
        return this;
    }

    public XmlOut Close(string name)
    {
        if (_open.Count == 0 || _open.Peek() != name) throw new InvalidOperationException($"closing <{name}> inside <{Current}>");
        _open.Pop();
        _sb.Append("</").Append(name).Append('>');
        return this;
    }

    /// <summary>An element holding only text.</summary>
    public XmlOut Element(string name, string text, params (string Name, string? Value)[] attributes)
    {
        Open(name, attributes);
        Text(text);
        return Close(name);
    }

    /// <summary>A line break and indentation, for the parts of a document where whitespace is not data.</summary>
    public XmlOut Line(int indent = -1)
    {
        _sb.Append('\n');
        _sb.Append(' ', 2 * (indent >= 0 ? indent : _open.Count));
        return this;
    }

    public XmlOut Text(string text)
    {
        if (text.Length == 0) return this;
        int from = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            string? escape = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '\r' => "&#13;",
                _ => null,
            };
            int forbidden = -1;
            int width = 1;
            if (escape == null)
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
                if (!Allowed(c)) forbidden = c;
            }
            if (escape == null && forbidden < 0) continue;
            _sb.Append(text, from, i - from);
            if (escape != null) _sb.Append(escape);
            else WriteForbidden(forbidden);
            from = i + width;
        }
        _sb.Append(text, from, text.Length - from);
        return this;
    }

    /// <summary>Markup written as is (the caller vouches for it).</summary>
    public XmlOut Raw(string xml)
    {
        _sb.Append(xml);
        return this;
    }

    public override string ToString()
    {
        if (_open.Count > 0) throw new InvalidOperationException($"<{Current}> is still open");
        return _sb.ToString();
    }

    /// <summary>May XML 1.0 hold this UTF-16 code unit as text (a surrogate only as part of a pair)?</summary>
    public static bool Allowed(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c <= 0xFFFD);

    /// <summary>The text with every character XML cannot hold shown as its picture (U+2400 + the control) or U+FFFD.</summary>
    public static string Printable(string text)
    {
        bool clean = true;
        for (int i = 0; i < text.Length && clean; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            clean = Allowed(c) && c != '\r';
        }
        if (clean) return text;
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { sb.Append(c).Append(text[i + 1]); i++; continue; }
            sb.Append(Picture(c));
        }
        return sb.ToString();
    }

    private static char Picture(char c) => c < 0x20 ? (char)(0x2400 + c) : Allowed(c) ? c : '\uFFFD';

    private void WriteForbidden(int c)
    {
        if (Forbidden != null) Forbidden(this, c);
        else _sb.Append(Picture((char)c));
    }

    private void Start(string name, (string Name, string? Value)[] attributes)
    {
        _sb.Append('<').Append(name);
        foreach (var (n, v) in attributes)
        {
            if (v == null) continue;
            _sb.Append(' ').Append(n).Append("=\"");
            foreach (char c in Printable(v))
            {
                switch (c)
                {
                    case '&': _sb.Append("&amp;"); break;
                    case '<': _sb.Append("&lt;"); break;
                    case '>': _sb.Append("&gt;"); break;
                    case '"': _sb.Append("&quot;"); break;
                    case '\t': _sb.Append("&#9;"); break;
                    case '\n': _sb.Append("&#10;"); break;
                    default: _sb.Append(c); break;
                }
            }
            _sb.Append('"');
        }
    }

    public static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
