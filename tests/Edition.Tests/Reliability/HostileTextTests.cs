using System.Diagnostics;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Edition.Tests.Support;

namespace Edition.Tests.Reliability;

/// <summary>
/// OCR text that looks like markup, control sequences or bidi tricks goes through a whole build (every
/// format) and comes out well-formed and escaped; a page of 10,000 note markers builds in bounded time.
/// Markup alone is covered in Edition.Html.Tests/EscapingTests; here every output of the real command is read back.
/// </summary>
public class HostileTextTests
{
    private const string Hostile =
        "# Not a heading, but the OCR of a page\n" +
        "> not a quotation, and <script>alert(1)</script> is text, as is </p> & &amp; and\n" +
        "*stars* and _underscores_ and [a link](http://example.com) and `code` and | a | table |\n" +
        "<!-- not a comment --> and a footnote-looking [^1] and {.pb n=\"9\"} and \\ backslash\n" +
        "- not a list item\n" +
        "1. not a numbered item\n" +
        "+ nor this, nor ~~strike~~ nor $math$ nor ^sup^ nor @cite nor <http://auto.link>\n" +
        "Control characters: a NUL \0 here, a bell \u0007, an escape \u001B[31m red, a DEL \u007F.\n" +
        "Right to left: \u202Eevil override\u202C and isolates \u2066one\u2069 \u2067two\u2069 \u2068three\u2069 and a lone \u202E at the end\n" +
        "\n" +
        "=== a setext underline?\n" +
        "---\n" +
        "    an indented code block?\n" +
        "| a | b |\n" +
        "|---|---|\n" +
        "The last line of the page.*\n" +
        "\n" +
        "* A note with <b>bold</b> and *emphasis* and a \0 NUL.\n";

    private static BookSetup Write(string name, string text)
    {
        var setup = new BookSetup(name);
        setup.Write(name + ".txt", text);
        return setup;
    }

    /// <summary>Builds with the real command, in a process killed after two minutes (a hang fails the test).</summary>
    private static Dictionary<string, byte[]> Build(BookSetup setup)
    {
        var run = CommandLine.OutOfProcess("build", setup.Book, "--out", setup.Out);
        Assert.True(run.ExitCode == 0, run.Error);
        return Directory.GetFiles(setup.Out).ToDictionary(f => Path.GetFileName(f)!, File.ReadAllBytes);
    }

    private static string Utf8(byte[] bytes) => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);

    private static void AssertWellFormed(Dictionary<string, byte[]> files, string id, string? source = null)
    {
        // Markdown: Pandoc reads it without a warning.
        string html = Pandoc.Html(Utf8(files[id + ".md"]));
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<b>", html);

        // The apparatus is JSON.
        using (var json = JsonDocument.Parse(files["apparatus.json"])) Assert.Equal(id, json.RootElement.GetProperty("book").GetString());

        // The diff is UTF-8 text with no NUL in it.
        Assert.DoesNotContain('\0', Utf8(files["diff.txt"]));

        // The HTML parses without a single parse error, and no element came from the OCR.
        foreach (var name in new[] { "index.html", "diff.html" })
        {
            var parser = new HtmlParser(new HtmlParserOptions { IsStrictMode = true });
            var document = parser.ParseDocument(Utf8(files[name]));
            Assert.All(document.Scripts, s => Assert.DoesNotContain("alert", s.TextContent));
            Assert.Empty(document.QuerySelectorAll("body b, body h1 + h1"));
        }

        // The TEI is XML, holds no element from the OCR, and gives back the OCR text; every document of the EPUB is XML.
        var tei = System.Xml.Linq.XDocument.Parse(Utf8(files[id + ".xml"]));
        Assert.DoesNotContain(tei.Descendants(), e => e.Name.LocalName is "b" or "script");
        if (source != null) Assert.Equal(source, Edition.Exchange.Tei.TeiRawText.Rebuild(Utf8(files[id + ".xml"])).Text);
        using (var epub = new System.IO.Compression.ZipArchive(new MemoryStream(files[id + ".epub"])))
            foreach (var entry in epub.Entries.Where(e => e.FullName.EndsWith(".xhtml", StringComparison.Ordinal)))
            {
                using var stream = entry.Open();
                var xhtml = System.Xml.Linq.XDocument.Load(stream);
                Assert.DoesNotContain(xhtml.Descendants(), e => e.Name.LocalName is "b" or "script");
            }

        // The PDF: poppler reads it and finds text.
        string pdf = Path.Combine(Path.GetTempPath(), $"edition-hostile-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(pdf, files[id + ".pdf"]);
        try
        {
            Assert.Contains("Pages:", Tool("pdfinfo", pdf));
            Assert.Contains("last line of the page", Tool("pdftotext", pdf, "-").Replace("\n", " "), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(pdf);
        }
    }

    private static string Tool(string name, params string[] args)
    {
        var start = new ProcessStartInfo(name) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), name + " did not finish");
        Assert.True(process.ExitCode == 0 && error.Result.Length == 0, $"{name}: exit {process.ExitCode}: {error.Result}");
        return output.Result;
    }

    [Fact]
    public void MarkupControlCharactersAndBidiOverridesComeOutEscapedAndWellFormed()
    {
        using var setup = Write("hostile", Hostile);
        var files = Build(setup);
        AssertWellFormed(files, "hostile", Hostile);

        // What the OCR said is still there as text: escaped, not interpreted.
        string md = Utf8(files["hostile.md"]);
        string html = Pandoc.Html(md);
        // The notes section Pandoc makes (an <hr> and an <ol>) is the edition's own; the OCR's text is before it.
        int notes = html.IndexOf("<section", StringComparison.Ordinal);
        Assert.True(notes > 0, "the note was not recognised");
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", html[notes..]);
        html = html[..notes];
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("*stars*", html);
        Assert.Contains("[a link](http://example.com)", html);
        Assert.DoesNotContain("<h1", html);
        Assert.DoesNotContain("<blockquote", html);
        Assert.DoesNotContain("<ul", html);
        Assert.DoesNotContain("<ol", html);
        Assert.DoesNotContain("<table", html);
        Assert.DoesNotContain("<pre", html);
        Assert.DoesNotContain("<hr", html);
        Assert.DoesNotContain("<a href", html.Replace("<a href=\"#fn", "").Replace("<a href=\"#fnref", ""));

        // Every character of the raw text, controls and overrides too, is in the apparatus or the reading text (principle 1).
        var index = new HtmlParser().ParseDocument(Utf8(files["index.html"]));
        string shown = index.Body!.TextContent;
        Assert.Contains("<script>alert(1)</script>", shown);
        Assert.Contains("evil override", shown);
    }

    [Fact]
    public void TenThousandNoteMarkersOnOnePageBuildInBoundedTime()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 10_000; i++)
        {
            sb.Append("word* ");
            if (i % 10 == 9) sb.Append('\n');
        }
        sb.Append("The last line of the page.\n\n* The one note at the foot.\n");
        using var setup = Write("markers", sb.ToString());
        var files = Build(setup);
        AssertWellFormed(files, "markers");
        string md = Utf8(files["markers.md"]);
        Assert.Contains("The one note at the foot.", md);
    }
}
