using Edition.Exchange.Xml;
using Edition.Model;

namespace Edition.Exchange;

/// <summary>The id where a page of the print begins: <c>p7</c>; <c>p7-s9</c> when two scans are cited by one number (as the HTML's).</summary>
public sealed class PageIds
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private readonly Dictionary<Page, string> _ids = new();

    public string Claim(Page page)
    {
        if (_ids.TryGetValue(page, out var id)) return id;
        id = "p" + XmlOut.Number(page.Number);
        if (!_taken.Add(id)) { id += "-s" + XmlOut.Number(page.Index); _taken.Add(id); }
        _ids[page] = id;
        return id;
    }
}
