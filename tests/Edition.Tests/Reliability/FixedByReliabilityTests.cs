using Edition.Outputs.Diff;
using Edition.Tests.Support;

namespace Edition.Tests.Reliability;

/// <summary>Regression tests for what the reliability suite and the fuzzer found.</summary>
public class FixedByReliabilityTests
{
    [Fact]
    public void TheTextDiffShowsControlCharactersAsTheirPictures()
    {
        // Found by HostileTextTests: a NUL in the OCR went into diff.txt as it was, which makes it binary to git.
        string diff = EditionDiff.WriteText(Books.Run("A NUL \0 here, an escape \u001B[31m and a DEL \u007F, in a line of words.\n"));
        Assert.DoesNotContain('\0', diff);
        Assert.DoesNotContain('\u001B', diff);
        Assert.DoesNotContain('\u007F', diff);
        Assert.Contains("A NUL \u2400 here, an escape \u241B[31m and a DEL \u2421, in a line", diff);
    }

    [Fact]
    public void TheHtmlShowsControlCharactersAsTheirPictures()
    {
        // Found by HostileTextTests: a NUL or an escape in the OCR went into index.html and diff.html as it was (a parse error).
        var document = Books.Run("A NUL \0 here, an escape \u001B[31m and a DEL \u007F, in a line of words.\n");
        foreach (var (name, html) in Edition.Html.HtmlOutputs.Render(document))
        {
            Assert.DoesNotContain('\0', html);
            Assert.DoesNotContain('\u001B', html);
            Assert.DoesNotContain('\u007F', html);
            var parsed = new AngleSharp.Html.Parser.HtmlParser(new AngleSharp.Html.Parser.HtmlParserOptions { IsStrictMode = true }).ParseDocument(html);
            Assert.True(parsed.Body!.TextContent.Contains("A NUL \u2400 here, an escape \u241B[31m and a DEL \u2421,"), name);
        }
    }
}
