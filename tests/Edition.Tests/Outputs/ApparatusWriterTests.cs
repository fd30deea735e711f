using System.Text.Json;
using Edition.Model;
using Edition.Outputs.Apparatus;
using Edition.Tests.Support;
using static Edition.Tests.Support.Snippet;

namespace Edition.Tests.Outputs;

public class ApparatusWriterTests
{
    /// <summary>Two pages: a running head, a note, a drop cap, a hyphen lost at a line end, spaces before marks.</summary>
    private static readonly string TwoPages = Lines(
        "O ne difficulty of accurately assessing and defining the essential ",
        "characteristics of the constitutional structure of the USSR is the ",
        "rapidity with which it changes ; and the constitution of Soviet Com",
        "munism is, however, perplexing.* The Soviet Communism of the text. ",
        "",
        "* It is interesting to notice that many of the advantages claimed for ",
        "rigidity in constitutions have to do with private ownership.",
        "",
        "",
        "",
        "THE P O SIT IO N  OF THE P A R T Y 7",
        "",
        "Indeed, as we explained in Soviet Communism, the Communist ",
        "Party is perpetually issuing “ directives ” to its members. ");

    private static (Document Doc, JsonElement Root) Write(string text, Book? book = null)
    {
        var doc = Books.Run(Books.Read(text, book ?? new Book { Id = "webb", Title = "Dictatorship" }));
        string json = ApparatusWriter.Write(doc, "9.9.9");
        Assert.EndsWith("}\n", json);
        Assert.DoesNotContain('\r', json);
        return (doc, JsonDocument.Parse(json).RootElement.Clone());
    }

    [Fact]
    public void TheHeaderDescribesTheBookAndItsSource()
    {
        var (doc, root) = Write(TwoPages);
        Assert.Equal("edition-apparatus/1", root.GetProperty("format").GetString());
        Assert.Equal("edition 9.9.9", root.GetProperty("generator").GetString());
        Assert.Equal("webb", root.GetProperty("book").GetString());
        Assert.Equal("Dictatorship", root.GetProperty("title").GetString());
        Assert.Equal("test.txt", root.GetProperty("source").GetString());
        Assert.Equal("utf-8", root.GetProperty("encoding").GetString());
        Assert.False(root.GetProperty("byte_order_mark").GetBoolean());
        Assert.Equal(doc.Source.Length, root.GetProperty("source_length").GetInt32());
    }

    [Fact]
    public void PagesGiveTheirScanIndexCitedNumberAndWhereItCameFrom()
    {
        var (_, root) = Write(TwoPages);
        var pages = root.GetProperty("pages").EnumerateArray().ToList();
        Assert.Equal(2, pages.Count);
        Assert.Equal((1, 6, "neighbours", 1, 10), (pages[0].GetProperty("scan").GetInt32(), pages[0].GetProperty("number").GetInt32(),
            pages[0].GetProperty("number_from").GetString(), pages[0].GetProperty("first_line").GetInt32(), pages[0].GetProperty("last_line").GetInt32()));
        Assert.Equal((2, 7, "printed", 11), (pages[1].GetProperty("scan").GetInt32(), pages[1].GetProperty("number").GetInt32(),
            pages[1].GetProperty("number_from").GetString(), pages[1].GetProperty("first_line").GetInt32()));
    }

    private static readonly string[] Fields =
        { "id", "stage", "rule", "kind", "status", "page", "line", "column", "end_line", "end_column", "start", "end", "raw", "reading", "confidence", "why" };

    [Fact]
    public void EveryEmendationHasTheDocumentedFields()
    {
        var (doc, root) = Write(TwoPages);
        var records = root.GetProperty("emendations").EnumerateArray().ToList();
        Assert.Equal(doc.Apparatus.Count, records.Count);
        var kinds = new[] { "furniture", "note-marker", "hyphenation", "split-word", "spacing", "misreading", "punctuation", "editorial" };
        foreach (var r in records)
        {
            var names = r.EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(Fields, names.Where(n => n != "segments"));
            Assert.Contains(r.GetProperty("kind").GetString(), kinds);
            Assert.Contains(r.GetProperty("status").GetString(), new[] { "automatic", "editorial", "doubtful" });
            Assert.True(r.GetProperty("why").GetString()!.Length > 0);
            int start = r.GetProperty("start").GetInt32(), end = r.GetProperty("end").GetInt32();
            Assert.InRange(start, 0, end);
            if (!r.TryGetProperty("segments", out _))
                Assert.Equal(doc.Source.Slice(start, end), r.GetProperty("raw").GetString());
        }
    }

    [Fact]
    public void RecordsAreInSourceOrder()
    {
        var (_, root) = Write(TwoPages);
        var starts = root.GetProperty("emendations").EnumerateArray().Select(r => r.GetProperty("start").GetInt32()).ToList();
        Assert.Equal(starts.OrderBy(s => s), starts);
        // The stages record in their own order (furniture first); the file follows the source.
        var ids = root.GetProperty("emendations").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).ToList();
        Assert.NotEqual(ids.OrderBy(i => i), ids);
    }

    [Fact]
    public void RecordsCarryTheirRawReadingAndPlace()
    {
        var (_, root) = Write(TwoPages);
        var records = root.GetProperty("emendations").EnumerateArray().ToList();
        var head = records.Single(r => r.GetProperty("rule").GetString() == "running-head");
        Assert.Equal(("page-furniture", "furniture", "automatic", 7), (head.GetProperty("stage").GetString(), head.GetProperty("kind").GetString(),
            head.GetProperty("status").GetString(), head.GetProperty("page").GetInt32()));
        Assert.Equal(("THE P O SIT IO N  OF THE P A R T Y 7", ""), (head.GetProperty("raw").GetString(), head.GetProperty("reading").GetString()));
        Assert.Equal((11, 1, 11, 37), (head.GetProperty("line").GetInt32(), head.GetProperty("column").GetInt32(),
            head.GetProperty("end_line").GetInt32(), head.GetProperty("end_column").GetInt32()));

        var join = records.Single(r => r.GetProperty("raw").GetString() == "Com\nmunism");
        Assert.Equal(("hyphenation", "hyphenation", "Communism", 6), (join.GetProperty("stage").GetString(), join.GetProperty("kind").GetString(),
            join.GetProperty("reading").GetString(), join.GetProperty("page").GetInt32()));
        Assert.Equal((3, 65, 4, 7), (join.GetProperty("line").GetInt32(), join.GetProperty("column").GetInt32(),
            join.GetProperty("end_line").GetInt32(), join.GetProperty("end_column").GetInt32()));

        var marker = records.Single(r => r.GetProperty("rule").GetString() == "marker");
        Assert.Equal(("*", "[^1]", "note-marker"), (marker.GetProperty("raw").GetString(), marker.GetProperty("reading").GetString(), marker.GetProperty("kind").GetString()));
        Assert.Equal(0.95, marker.GetProperty("confidence").GetDouble());

        var dropCap = records.Single(r => r.GetProperty("raw").GetString() == "O ne");
        Assert.Equal(("split-words", "split-word", "One"), (dropCap.GetProperty("stage").GetString(), dropCap.GetProperty("kind").GetString(), dropCap.GetProperty("reading").GetString()));
    }

    [Fact]
    public void AChangeAcrossFurnitureListsItsSegments()
    {
        var (_, root) = Write(Lines(
            "The first page of an invented book has a few lines of text on it, ",
            "enough to give the page a measure of some sixty characters, and the ",
            "words run on from one line to the next as they should until the con-",
            "",
            "",
            "",
            "THE P O SIT IO N  OF THE P A R T Y 7",
            "",
            "stitution of the page gives out, and the second page goes on again. "));
        var join = root.GetProperty("emendations").EnumerateArray().Single(r => r.GetProperty("stage").GetString() == "hyphenation");
        var segments = join.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(new[] { "con-\n\n\n\n", "stitution" }, segments.Select(s => s.GetProperty("raw").GetString()));
        Assert.Equal(join.GetProperty("start").GetInt32(), segments[0].GetProperty("start").GetInt32());
        Assert.Equal("con-\n\n\n\nstitution", join.GetProperty("raw").GetString());
    }

    [Fact]
    public void CurlyQuotesAreWrittenAsThemselvesAndTheJsonReadsBack()
    {
        var doc = Books.Run("The price was 5 < 6 & a “ quoted ” word.\n");
        string json = ApparatusWriter.Write(doc, "1");
        Assert.Contains("\"raw\": \" \"", json);
        Assert.DoesNotContain("\\u201C", json);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal("The price was 5 < 6 & a “ quoted ” word.\n".Length, root.GetProperty("source_length").GetInt32());
        Assert.Equal(2, root.GetProperty("emendations").EnumerateArray().Count(r => r.GetProperty("rule").GetString() == "space-inside-quotes"));
    }

    [Fact]
    public void AByteOrderMarkAndLatin1AreRecorded()
    {
        var source = Edition.Ingest.TextDecoder.Decode("latin.txt", System.Text.Encoding.Latin1.GetBytes("Caf\u00e9 society.\n"), "latin-1");
        var doc = Books.Run(Edition.Ingest.TextIngest.Read(source, new Book { Id = "l" }));
        var root = JsonDocument.Parse(ApparatusWriter.Write(doc, "1")).RootElement;
        Assert.Equal("latin-1", root.GetProperty("encoding").GetString());
        Assert.Equal("latin.txt", root.GetProperty("source").GetString());
    }
}
