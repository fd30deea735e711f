using System.Text;
using Edition.Exchange.Tei;
using Edition.Exchange.Tests.Support;
using Edition.Ingest;
using Edition.Model;

namespace Edition.Exchange.Tests.Tei;

/// <summary>Principle 1 for the TEI: the raw OCR text comes back, byte for byte, from the TEI alone.</summary>
public class TeiLosslessTests
{
    [Fact]
    public void ThePamphletsOcrFileIsRebuiltFromTheTeiAlone()
    {
        var rebuilt = TeiRawText.Rebuild(Books.Tei(Books.Pamphlet));
        Assert.Equal(File.ReadAllBytes(Books.PamphletText), rebuilt.Bytes());
    }

    [Fact]
    public void TheHocrBooksRawTextIsRebuiltFromTheTeiAlone()
    {
        var document = Books.Pascal;
        Assert.Equal(document.Source.Text, TeiRawText.Rebuild(Books.Tei(document)).Text);
    }

    public static IEnumerable<object[]> Snippets()
    {
        // Layouts and characters that XML or a careless writer would lose.
        yield return new object[] { "crlf", "A first line of the text\r\nand its second line.\r\n\r\nAnother paragraph here.\r\n" };
        yield return new object[] { "form-feeds", "The first page ends here with a long enough line.\n\f4 THE RUNNING HEAD\n\nThe second page goes on with its text.\n\fThe third.\n" };
        yield return new object[] { "controls", "A word\u0001 with a control, a vertical\u000btab and a\u0000null.\n\nNext \uFFFE paragraph.\n" };
        yield return new object[] { "tabs-and-indents", "  Indented first line\twith a tab.\n\n\tAnother   with  runs of spaces ; and a colon :\n" };
        yield return new object[] { "no-final-newline", "Text without a final line break" };
        yield return new object[] { "leading-blank-lines", "\n\n\nThe text begins after blank lines.\n" };
        yield return new object[] { "markup-characters", "Ampersands & angle <brackets> and \"quotes\" ]]> stay text.\n" };
        yield return new object[] { "hyphens-and-notes", "A word broken at the end of a com-\nmunist line.* And more text after it.\n\n* The note at the foot of the page.\n" };
        yield return new object[] { "empty", "" };
        yield return new object[] { "whitespace-only", " \n\n \n" };
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void SnippetsAreRebuilt(string name, string text)
    {
        var document = Books.Snippet(text, name);
        string xml = Books.Tei(document);
        var rebuilt = TeiRawText.Rebuild(xml);
        Assert.True(rebuilt.Text == text, $"{name}: «{Show(rebuilt.Text)}» for «{Show(text)}»");
    }

    [Fact]
    public void TheEncodingAndByteOrderMarkAreRecordedAndRebuilt()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("T he first line.\n\nA second paragraph.\n")).ToArray();
        var source = TextDecoder.Decode("bom.txt", bytes);
        var document = Books.Snippet(source.Text, "bom", source.HasByteOrderMark);
        Assert.Equal(bytes, TeiRawText.Rebuild(Books.Tei(document)).Bytes());

        var latin = Encoding.Latin1.GetBytes("Caf\u00e9 cr\u00e8me, na\u00efve.\n");
        var latinDoc = Books.Snippet(Encoding.Latin1.GetString(latin), "latin", encoding: "latin-1");
        Assert.Equal(latin, TeiRawText.Rebuild(Books.Tei(latinDoc)).Bytes());
    }

    [Fact]
    public void CharactersXmlCannotHoldAreDeclaredGlyphs()
    {
        var document = Books.Snippet("A page.\n\fB\u0001c page.\n", "controls");
        var tei = new TeiDoc(Books.Tei(document));
        var chars = tei.All("char").ToDictionary(c => (string)c.Attribute(System.Xml.Linq.XNamespace.Xml + "id")!);
        Assert.Equal(new[] { "U0001", "U000C" }, chars.Keys.Order());
        Assert.Equal("U+000C", chars["U000C"].Elements().Single(e => e.Name.LocalName == "mapping").Value);
        Assert.All(tei.Body.Descendants(TeiDoc.TeiNs + "g"), g => Assert.True(chars.ContainsKey(((string)g.Attribute("ref")!)[1..])));
        // A carriage return survives parsing as a character reference.
        Assert.Contains("&#13;", Books.Tei(Books.Snippet("One\r\nTwo\r\n")));
    }

    [Fact]
    public void AChangeBehindTheTeisBackIsCaught()
    {
        // The rebuild reads what the TEI says: a raw reading edited in the file no longer gives the OCR back.
        string xml = Books.Tei(Books.Pamphlet);
        int at = xml.IndexOf("<orig>", StringComparison.Ordinal) + "<orig>".Length;
        string edited = xml[..at] + "X" + xml[(at + 1)..];
        Assert.NotEqual(Books.Pamphlet.Source.Text, TeiRawText.Rebuild(edited).Text);
    }

    private static string Show(string s) => s.Replace("\n", "⏎").Replace("\r", "␍").Replace("\f", "␌");
}
