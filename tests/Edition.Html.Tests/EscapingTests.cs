using AngleSharp.Html.Dom;
using Edition.Html.Tests.Support;
using Edition.Model;

namespace Edition.Html.Tests;

/// <summary>Whatever the OCR holds is text: markup in a book's OCR or config never becomes markup in the edition.</summary>
public sealed class EscapingTests
{
    internal const string Hostile =
        " THE TITLE & <b>BOLD</b> PAGE\n" +
        "\n" +
        "The first paragraph says <script>alert(1)</script> and Tom & Jerry\n" +
        "quarrel over &amp; and &lt;b&gt; entities, then a note.* It goes on\n" +
        "for a while with <img src=x onerror=alert(2)> in the middle of it.\n" +
        "\n" +
        "* A note with <a href=\"javascript:alert(3)\">a link</a> & more.\n" +
        "\n" +
        "\n" +
        "\n" +
        " 2 THE RUNNING HEAD\n" +
        "\n" +
        "Second page: </p></section><h1 id=\"p2\">forged</h1> & done.\n";

    private static readonly Book HostileBook = new()
    {
        Id = "hostile",
        Title = "A <script>alert('title')</script> & Co",
        Authors = new[] { "Ann <i>Author</i>" },
        Year = 1900,
        Language = "en-GB",
    };

    private static (Document Document, IHtmlDocument Index, IHtmlDocument Diff) Build()
    {
        var document = Books.Run(Hostile, HostileBook);
        return (document, Books.Parse(HtmlEdition.Write(document)), Books.Parse(HtmlDiff.Write(document)));
    }

    [Fact]
    public void MarkupInTheOcrIsShownAsText()
    {
        var (_, index, diff) = Build();
        foreach (var html in new[] { index, diff })
        {
            // The only script is the edition's own; no element came from the OCR.
            Assert.True(html.Scripts.Length <= 1);
            Assert.All(html.Scripts, s => Assert.DoesNotContain("alert", s.TextContent));
            Assert.Empty(html.QuerySelectorAll("b, img, i, a[href^='javascript'], h1#p2"));
            string text = html.Body!.TextContent;
            Assert.Contains("<script>alert(1)</script>", text);
            Assert.Contains("Tom & Jerry", text);
            Assert.Contains("&amp;", text);
            Assert.Contains("<img src=x onerror=alert(2)>", text);
            Assert.Contains("</p></section><h1 id=\"p2\">forged</h1>", text);
        }
        // The reading text holds the words, escaped, in their paragraphs.
        Assert.Contains(index.QuerySelectorAll("main p"), p => p.TextContent.Contains("says <script>alert(1)</script> and Tom & Jerry"));
        Assert.Contains(diff.QuerySelectorAll("td.raw"), td => td.TextContent.Contains("says <script>alert(1)</script> and Tom & Jerry"));
    }

    [Fact]
    public void MarkupInTheConfigIsShownAsText()
    {
        var (_, index, diff) = Build();
        Assert.Equal("A <script>alert('title')</script> & Co", index.QuerySelector("h1")!.TextContent);
        Assert.Equal("Ann <i>Author</i>", index.QuerySelector(".authors")!.TextContent);
        Assert.StartsWith("A <script>alert('title')</script> & Co", index.Title);
        Assert.StartsWith("A <script>alert('title')</script> & Co", diff.Title);
        Assert.Empty(index.QuerySelectorAll("i"));
    }

    [Fact]
    public void TheSerializedFileEscapesWhatItMust()
    {
        var document = Books.Run(Hostile, HostileBook);
        string html = HtmlEdition.Write(document);
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("Tom &amp; Jerry", html);
        Assert.Contains("&amp;amp;", html);
    }
}

/// <summary>Books at the edge: almost nothing in them, no title, no change to record.</summary>
public sealed class SmallBookTests
{
    [Theory]
    [InlineData("A single line of text.\n")]
    [InlineData("\n\n\n")]
    [InlineData("T he first line.\n\nA second paragraph with a note.*\n\n* The note.\n")]
    public void ASmallBookGivesWellFormedPages(string text)
    {
        var document = Books.Run(text, new Book { Id = "small" });
        var index = Books.Parse(HtmlEdition.Write(document));
        var diff = Books.Parse(HtmlDiff.Write(document));
        Assert.Equal("small", index.QuerySelector("h1")!.TextContent);
        Assert.Equal("en", index.DocumentElement.GetAttribute("lang"));
        foreach (var html in new[] { index, diff })
        {
            var ids = html.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            var idSet = ids.ToHashSet();
            Assert.All(html.QuerySelectorAll("a[href^='#']"), a => Assert.Contains(a.GetAttribute("href")![1..], idSet));
        }
        Assert.Equal(document.Apparatus.Count, index.QuerySelectorAll("#apparatus li[id]").Length);
    }

    [Fact]
    public void A_right_to_left_override_from_the_ocr_is_isolated_in_its_own_bdi()
    {
        var document = Books.Run("A line with \u202Ereversed\u202C text and a plain tail.\n\nThe next paragraph.\n",
            new Book { Id = "bidi", Language = "en-GB" });
        foreach (var html in new[] { Books.Parse(HtmlEdition.Write(document)), Books.Parse(HtmlDiff.Write(document)) })
        {
            var bdis = html.QuerySelectorAll("bdi");
            Assert.NotEmpty(bdis);
            // Every override in the page stands inside a bdi, and nothing after it on the line does.
            foreach (var text in AngleSharp.Dom.NodeExtensions.GetDescendants(html.Body!).OfType<AngleSharp.Dom.IText>().Where(t => t.Data.Contains('\u202E')))
                Assert.Equal("BDI", text.ParentElement!.TagName);
            Assert.All(bdis, b => Assert.DoesNotContain("plain tail", b.TextContent));
            Assert.Contains("plain tail", html.Body!.TextContent);
        }
    }
}
