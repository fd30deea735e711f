using Edition.Model;
using Edition.Outputs.Markdown;
using Edition.Tests.Support;
using static Edition.Tests.Support.Snippet;

namespace Edition.Tests.Outputs;

public class MarkdownWriterTests
{
    [Fact]
    public void MarksPandocReadsAsSyntaxAreEscaped()
    {
        string md = Books.Markdown("The note says a*b, and [sic] and <script>alert(1)</script> & costs $5 or £1 at 2^3 with_under `code` @cite ~x~ a|b.\n");
        Assert.Contains("a\\*b", md);
        Assert.Contains("\\[sic\\]", md);
        Assert.Contains("\\<script\\>", md);
        Assert.DoesNotContain("<script>", md.Replace("\\<script\\>", ""));
        Assert.Contains("\\&", md);
        Assert.Contains("\\$5", md);
        Assert.Contains("2\\^3", md);
        Assert.Contains("with\\_under", md);
        Assert.Contains("\\`code\\`", md);
    }

    [Fact]
    public void EscapedMarksReadAsThemselves()
    {
        string md = Books.Markdown("The note says a*b, and [sic] and <script>alert(1)</script> & costs $5 and $6 at 2^3 with_under_scores `code` @cite ~x~ a|b.\n");
        string html = System.Text.RegularExpressions.Regex.Replace(Pandoc.Html(md), @"\s+", " ");
        Assert.Contains("a*b, and [sic] and &lt;script&gt;alert(1)&lt;/script&gt; &amp; costs $5 and $6 at 2^3 with_under_scores `code` @cite ~x~ a|b.", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<em>", html);
        Assert.DoesNotContain("<code>", html);
        Assert.DoesNotContain("<sup>", html);
    }

    [Theory]
    [InlineData("1933. The year of the second plan.", "1933\\. The year of the second plan.")]
    [InlineData("(a) with the private ownership of land.", "\\(a) with the private ownership of land.")]
    [InlineData("12) The twelfth point.", "12\\) The twelfth point.")]
    [InlineData("iv. The fourth point.", "iv\\. The fourth point.")]
    [InlineData("- and so on, the dash opening the line.", "\\- and so on, the dash opening the line.")]
    [InlineData("+ and a plus.", "\\+ and a plus.")]
    [InlineData("> and a greater-than.", "\\> and a greater-than.")]
    [InlineData("# and a hash.", "\\# and a hash.")]
    [InlineData("1933 was the year of the second plan.", "1933 was the year of the second plan.")]
    [InlineData("Mr. Webb wrote it.", "Mr. Webb wrote it.")]
    public void AParagraphIsNeverReadAsAListOrAHeading(string paragraph, string expected)
    {
        string md = Books.Markdown("The paragraph before it ends here.\n\n" + paragraph + "\n");
        var blocks = md.Split("\n\n");
        Assert.Equal(expected, blocks[1]);
        string html = Pandoc.Html(md);
        Assert.DoesNotContain("<ol", html);
        Assert.DoesNotContain("<ul", html);
        Assert.DoesNotContain("<blockquote", html);
        Assert.DoesNotContain("<h1", html);
        Assert.Equal(2, html.Split("<p>").Length - 1);
    }

    private static readonly string TwoNotes = Lines(
        "corresponds with the authoritative dictionary meaning, in strict ",
        "accord with the undoubted historical derivation* It is clear that ",
        "two of whom must agree in any decision or judgment or sentence.-)- In municipal ",
        "administration there is no arbitrary mayor.",
        "",
        "The next paragraph of the page has no note.",
        "",
        "* T he New English Dictionary gives the following meanings : Dictator.",
        "",
        "“ A dictatorship is the most natural government for seasons of extra",
        "ordinary peril ” (Arnold’s History of Rome, vol. i, p. 446, 1838).",
        "",
        "f  I t  may be added that even the Ogpu was not governed by the will of a ",
        "single person.");

    [Fact]
    public void NoteDefinitionsFollowTheParagraphThatReferencesThem()
    {
        var blocks = Books.Markdown(TwoNotes).Split("\n\n");
        Assert.Equal(5, blocks.Length);
        Assert.Equal("[]{.pb n=\"1\"} corresponds with the authoritative dictionary meaning, in strict accord with the undoubted historical derivation.[^1] It is clear that two of whom must agree in any decision or judgment or sentence.[^2] In municipal administration there is no arbitrary mayor.", blocks[0]);
        Assert.Equal("[^1]: The New English Dictionary gives the following meanings: Dictator.", blocks[1]);
        Assert.StartsWith("    “A dictatorship is the most natural government", blocks[2]);
        Assert.Equal("[^2]: It may be added that even the Ogpu was not governed by the will of a single person.", blocks[3]);
        Assert.Equal("The next paragraph of the page has no note.", blocks[4]);
        var html = Pandoc.Html(string.Join("\n\n", blocks));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(html, "<li id=\"fn[12]\"").Count);
    }

    [Fact]
    public void ContinuationParagraphsOfANoteAreIndentedFourSpaces()
    {
        string md = Books.Markdown(Lines(
            "in strict accord with the undoubted historical derivation* It is clear ",
            "that, in form, there is nothing in the constitution.",
            "",
            "* T he New English Dictionary gives the following meanings : Dictator.",
            "",
            "“ A dictatorship is the most natural government for seasons of extraordinary peril ” (Arnold’s History of Rome, vol. i, p. 446, 1838).",
            "",
            "A third paragraph of the same note."));
        var blocks = md.Split("\n\n");
        Assert.Equal(new[]
        {
            "[]{.pb n=\"1\"} in strict accord with the undoubted historical derivation.[^1] It is clear that, in form, there is nothing in the constitution.",
            "[^1]: The New English Dictionary gives the following meanings: Dictator.",
            "    “A dictatorship is the most natural government for seasons of extraordinary peril” (Arnold’s History of Rome, vol. i, p. 446, 1838).",
            "    A third paragraph of the same note.",
        }, blocks);
        string html = Pandoc.Html(md);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<li id=\"fn1\""));
        Assert.Contains("A third paragraph of the same note.", html[html.IndexOf("<li id=\"fn1\"", StringComparison.Ordinal)..]);
    }

    [Fact]
    public void ATitleBlockComesFromTheBook()
    {
        var doc = Books.Run(Books.Read("T he text.\n", new Book { Id = "b", Title = "Soviet Communism: Dictatorship or Democracy?", Authors = new[] { "Sidney Webb", "Beatrice Webb" }, Year = 1936 }));
        string md = MarkdownWriter.Write(doc);
        Assert.StartsWith("% Soviet Communism: Dictatorship or Democracy?\n% Sidney Webb; Beatrice Webb\n% 1936\n\n[]{.pb n=\"1\"} The text.\n", md);
        Assert.EndsWith(".\n", md);
        Assert.DoesNotContain("\n\n\n", md);
    }

    [Fact]
    public void TheOutputIsOneParagraphALineWithUnixLineEnds()
    {
        string md = Books.Markdown(Lines(
            "The new Constitution has been variously depicted. Some have ",
            "preferred to see in it nothing but a paper concession.",
            "",
            "There are others who welcomed it at first, but profess to have ",
            "seen in the recent trial something incompatible.").Replace("\n", "\r\n"));
        Assert.DoesNotContain('\r', md);
        Assert.Equal(new[]
        {
            "[]{.pb n=\"1\"} The new Constitution has been variously depicted. Some have preferred to see in it nothing but a paper concession.",
            "There are others who welcomed it at first, but profess to have seen in the recent trial something incompatible.",
        }, md.Split("\n\n"));
    }

    [Fact]
    public void ControlCharactersNeverReachTheMarkdown()
    {
        string md = Books.Markdown("A line with a \u0007bell and a \u001bescape in it.\n");
        Assert.DoesNotContain('\u0007', md);
        Assert.DoesNotContain('\u001b', md);
    }
}
