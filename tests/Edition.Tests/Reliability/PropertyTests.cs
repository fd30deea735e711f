using System.Text.Json;
using CsCheck;
using Edition.Ingest;
using Edition.Model;
using Edition.Outputs.Apparatus;
using Edition.Outputs.Diff;
using Edition.Outputs.Markdown;
using Edition.Outputs.Rebuild;
using Edition.Stages;
using Edition.Tests.Support;

namespace Edition.Tests.Reliability;

/// <summary>Over generated OCR-like pages: no stage throws, and the raw input is rebuilt from the edition and its apparatus.</summary>
public class PropertyTests
{
    /// <summary>Enough to meet every generator branch many times; the fuzzer (tests/Edition.Fuzz) runs millions.</summary>
    private const int Iterations = 300;

    private static string Show(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private static Document Edit(string text)
    {
        var document = TextIngest.Read(new SourceText("generated.txt", text), new Book { Id = "generated" });
        var context = new StageContext(Books.Words);
        Pipeline.Default().Run(document, context);
        return document;
    }

    [Fact]
    public void NoStageThrowsAndNothingIsLost()
    {
        OcrPages.Text.Sample(text =>
        {
            var document = Edit(text);
            var rebuilt = RawRebuilder.Rebuild(document);
            Assert.True(rebuilt.Ok, string.Join("\n", rebuilt.Problems.Take(5)));
            Assert.Equal(text, rebuilt.Text);
        }, iter: Iterations, threads: 1, print: Show);
    }

    [Fact]
    public void EveryTextOutputIsWrittenAndTheApparatusIsJson()
    {
        OcrPages.Text.Sample(text =>
        {
            var document = Edit(text);
            string md = MarkdownWriter.Write(document);
            Assert.DoesNotContain('\0', md);
            using var json = JsonDocument.Parse(ApparatusWriter.Write(document, "test"));
            Assert.Equal("generated", json.RootElement.GetProperty("book").GetString());
            Assert.NotNull(EditionDiff.WriteText(document));
        }, iter: Iterations / 3, threads: 1, print: Show);
    }

    [Fact]
    public void TheGeneratorMakesWhatItClaims()
    {
        // A property over texts that never hold a hyphenated line end or a note proves little: check the mix.
        var texts = OcrPages.Text.Array[200].Single();
        Assert.Contains(texts, t => t.Contains("-\n") || t.Contains("-\r\n"));
        Assert.Contains(texts, t => t.Contains('\f'));
        Assert.Contains(texts, t => t.Contains("\r\n"));
        Assert.Contains(texts, t => t.Contains('\t'));
        Assert.Contains(texts, t => t.Contains("\n* ") || t.Contains("\n† ") || t.Contains("\n¹ "));
        Assert.Contains(texts, t => t.Contains('\u202E'));
        Assert.Contains(texts, t => System.Text.RegularExpressions.Regex.IsMatch(t, @"\b[A-Z] [A-Z] [A-Z]\b"));
    }
}
