using System.Text.Json;
using Edition.Cli;
using Edition.Cli.Commands;
using Edition.Ingest;
using Edition.Outputs.Scoring;

namespace Edition.Tests.Scoring;

public class ScorerTests
{
    private const string Reference = """
        -----File: 001.png---------------------------------------------------------




        CHAPTER I.

        It was a dark--and stormy--night; the rain fell in
        torrents,[A] except at occasional intervals, when it was
        checked by a violent gust of wind.

        "Who is there?" said <i>he</i>.

        [Footnote A: A famous opening, often
        mocked.]
        -----File: 002.png---------------------------------------------------------

        The second page begins a paragraph that goes
        on to the next page, where it
        -----File: 003.png---------------------------------------------------------
        ends with a word split over the next page: de-*
        -----File: 004.png---------------------------------------------------------
        *termined.[1] A last line.

        [Footnote 1: The last note.]
        """;

    private const string Edition = """
        % A Test
        % Nobody

        []{.pb n="1"}

        # CHAPTER I.

        It was a dark—and stormy—night; the rain fell in torrents,[^1] except at occasional intervals, when it was checked by a violent gust of wind.

        [^1]: A famous opening, often mocked.

        “Who is there?” said he.

        []{.pb n="2"} The second page begins a paragraph that goes on to the next page, where it []{.pb n="3"} ends with a word split over the next page: determined.[^2] []{.pb n="4"} A last line.

        [^2]: The last note.
        """;

    private static ScoreReport Score(string edition, string? raw = null) =>
        Scorer.Score(EditionMarkdown.Parse(edition), DpReference.Parse(Reference), raw == null ? null : RawText.Pages(raw));

    [Fact]
    public void AnEditionScoredAgainstItselfHasNoErrors()
    {
        var doc = EditionMarkdown.Parse(Edition);
        var report = Scorer.Score(doc, EditionMarkdown.Parse(Edition));
        Assert.Equal(0, report.EditionBody.CharErrors);
        Assert.Equal(0.0, report.EditionBody.Cer);
        Assert.Equal(0.0, report.EditionAll.Cer);
        Assert.Equal(1.0, report.Paragraphs.F1);
        Assert.Equal(2, report.Notes.Matched);
        Assert.Equal(2, report.Notes.RightWord);
    }

    [Fact]
    public void TheMatchingEditionOfADpTextHasNoErrors()
    {
        var report = Score(Edition);
        Assert.True(report.EditionBody.RefChars > 300);
        Assert.Equal(0, report.EditionBody.CharErrors);
        Assert.Equal(0, report.EditionBody.WordErrors);
        Assert.Equal(0, report.EditionAll.CharErrors);
        Assert.Equal(4, report.ReferencePages);
        Assert.Equal(4, report.Alignment.ByNumber);
        Assert.All(report.EditionUnits, u => Assert.Equal(UnitKind.Number, u.Kind));

        Assert.Equal(4, report.Paragraphs.Reference);
        Assert.Equal(4, report.Paragraphs.Edition);
        Assert.Equal(4, report.Paragraphs.Matched);
        Assert.Equal(1, report.Headings.Reference);
        Assert.Equal(1, report.Headings.Matched);

        Assert.Equal(2, report.Notes.Reference);
        Assert.Equal(2, report.Notes.Edition);
        Assert.Equal(2, report.Notes.Matched);
        Assert.Equal(0, report.Notes.Text.CharErrors);
        Assert.Equal(2, report.Notes.RightPage);
        Assert.Equal(2, report.Notes.RightWord);
    }

    [Fact]
    public void AKnownSmallDifferenceGivesTheExpectedRates()
    {
        var reference = DpReference.Parse(Reference);
        // The split word "de-*termined" is scored as the edition has it: joined.
        var bodies = reference.Pages.Select(p => p.Body.Replace(CommonText.OpenHyphen.ToString(), "")).ToList();
        int chars = bodies.Sum(b => b.Length);
        int words = bodies.Sum(b => CommonText.Words(b).Count);
        // Two substitutions (dark → dork, rain → rein) and one deletion (the full stop after "line").
        string edition = Edition.Replace("a dark", "a dork").Replace("the rain", "the rein").Replace("A last line.", "A last line");
        var report = Score(edition);
        Assert.Equal(3, report.EditionBody.CharErrors);
        Assert.Equal(chars, report.EditionBody.RefChars);
        Assert.Equal(3.0 / chars, report.EditionBody.Cer, 12);
        Assert.Equal(2, report.EditionBody.WordErrors); // punctuation is not part of a word
        Assert.Equal(2.0 / words, report.EditionBody.Wer, 12);
    }

    [Fact]
    public void CaseCountsAndAMovedNoteMarkerLosesItsWord()
    {
        var report = Score(Edition.Replace("It was a dark", "It was a Dark").Replace("torrents,[^1] except", "torrents, except[^1]"));
        Assert.Equal(1, report.EditionBody.CharErrors);
        Assert.Equal(2, report.Notes.Matched);
        Assert.Equal(2, report.Notes.RightPage);
        Assert.Equal(1, report.Notes.RightWord);
    }

    [Fact]
    public void AMissingParagraphBreakAndAMissingHeadingAreCounted()
    {
        var report = Score(Edition.Replace("# CHAPTER I.", "CHAPTER I.").Replace("wind.\n\n[^1]: A famous opening, often mocked.\n\n“Who", "wind. “Who"));
        Assert.Equal(4, report.Paragraphs.Reference);
        Assert.Equal(3, report.Paragraphs.Edition);
        Assert.Equal(3, report.Paragraphs.Matched);
        Assert.Equal(0.75, report.Paragraphs.Recall, 12);
        Assert.Equal(1.0, report.Paragraphs.Precision, 12);
        Assert.Equal(0, report.Headings.Matched);
        Assert.Equal(1, report.Notes.Edition);
    }

    [Fact]
    public void AMisnumberedBreakIsPairedByPositionAndAMissingOneMergesPages()
    {
        var misnumbered = Score(Edition.Replace("[]{.pb n=\"2\"}", "[]{.pb n=\"7\"}"));
        Assert.Equal(0, misnumbered.EditionBody.CharErrors);
        Assert.Equal(3, misnumbered.Alignment.ByNumber);
        Assert.Equal(1, misnumbered.Alignment.ByPosition);

        var missing = Score(Edition.Replace("[]{.pb n=\"3\"} ", ""));
        Assert.Equal(0, missing.EditionBody.CharErrors);
        Assert.Equal(2, missing.Alignment.RefPagesMerged);
        Assert.Contains(missing.EditionUnits, u => u.Kind == UnitKind.Merged && u.ReferencePages == "2…3");
    }

    [Fact]
    public void TheRawTextIsScoredPageByPageWithItsLinesJoined()
    {
        string raw = "CHAPTER I.\n\nIt was a dark—and stormy—night; the rain fell in\ntorrents, except at occasional intervals, when it was\nchecked by a violent gust of wind.\n\n“Who is there?” said he.\n\f"
            + "The second page begins a paragraph that goes\non to the next page, where it\n\f"
            + "ends with a word split over the next page: determined.\n\f"
            + "A last line.\n\f";
        var report = Score(Edition, raw);
        Assert.Equal(4, report.RawPages);
        Assert.Equal(0, report.RawBody!.CharErrors);
        Assert.All(report.RawAlignment!.Units, u => Assert.Equal(UnitKind.Position, u.Kind));
        // Its notes are missing from the raw text: every note character is an error in the full text.
        Assert.Equal(report.RawAll!.RefChars - report.RawBody.RefChars, report.RawAll.CharErrors);
    }

    [Fact]
    public void TheCommandPrintsFiguresAndJson()
    {
        string dir = Directory.CreateTempSubdirectory("edition-score-").FullName;
        try
        {
            string md = Path.Combine(dir, "book.md"), reference = Path.Combine(dir, "reference.txt");
            File.WriteAllText(md, Edition);
            File.WriteAllText(reference, Reference);
            var text = new StringWriter();
            Assert.Equal(0, Program.Run(new[] { "score", md, reference }, text));
            Assert.Contains("body text, edition", text.ToString());
            Assert.Contains("0.00%", text.ToString());

            var json = new StringWriter();
            Assert.Equal(0, Program.Run(new[] { "score", md, reference, "--json" }, json));
            using var parsed = JsonDocument.Parse(json.ToString());
            Assert.Equal(0.0, parsed.RootElement.GetProperty("body").GetProperty("edition").GetProperty("cer").GetDouble());
            Assert.Equal(2, parsed.RootElement.GetProperty("notes").GetProperty("matched").GetInt32());

            Assert.Throws<InputException>(() => Program.Run(new[] { "score", md, Path.Combine(dir, "none.txt") }, TextWriter.Null));
            Assert.Throws<InputException>(() => Program.Run(new[] { "score", md, md }, TextWriter.Null)); // no DP page separators
            Assert.Throws<InputException>(() => Program.Run(new[] { "score", md, reference, "--raw", Path.Combine(dir, "none.txt") }, TextWriter.Null));
            Assert.Throws<UsageException>(() => Program.Run(new[] { "score", md }, TextWriter.Null));
            Assert.Throws<UsageException>(() => Program.Run(new[] { "score", md, reference, "--raw" }, TextWriter.Null));
            Assert.Throws<UsageException>(() => Program.Run(new[] { "score", md, reference, "--bogus" }, TextWriter.Null));
            Assert.Throws<UsageException>(() => Program.Run(new[] { "score", md, reference, md }, TextWriter.Null));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
