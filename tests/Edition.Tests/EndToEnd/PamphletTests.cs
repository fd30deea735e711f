using System.Text.RegularExpressions;
using Edition.Model;
using Edition.Outputs.Markdown;
using Edition.Tests.Support;

namespace Edition.Tests.EndToEnd;

/// <summary>The bundled pamphlet through every stage, edited once for all these tests.</summary>
public sealed class PamphletEdition
{
    public PamphletEdition()
    {
        Document = Books.Pamphlet();
        Markdown = MarkdownWriter.Write(Document);
        Blocks = Markdown.TrimEnd('\n').Split("\n\n");
    }

    public Document Document { get; }
    public string Markdown { get; }
    public string[] Blocks { get; }
}

public class PamphletTests : IClassFixture<PamphletEdition>
{
    private readonly PamphletEdition _edition;

    public PamphletTests(PamphletEdition edition) => _edition = edition;

    private string Md => _edition.Markdown;

    // Copied from /work/shared/docs/edition-markdown-example.md, checked by eye against pamphlet lines 419–467;
    // the example cuts its paragraph short with "…" after "continuously consulted by its president;".
    private const string ExampleOpening = "[]{.pb n=\"11\"}\n\n## The Meaning of Dictatorship\n\n";
    private const string ExampleParagraphUpToItsEllipsis =
        "Can the constitution of the USSR, as analysed in the Soviet Communism, be correctly described as a dictatorship? Here we must deal one by one with the various meanings given to this word. In the popular British use of the term, a dictatorship means government by the will of a single person; and this, as it happens, corresponds with the authoritative dictionary meaning, in strict accord with the undoubted historical derivation.[^7] It is clear that, in form, there is nothing in the constitution of the USSR at all resembling the Roman office of dictator; or, indeed, any kind of government by the will of a single person. On the contrary, the universal pattern shows even an exaggerated devotion to collegiate decision. In the judicial system, from the highest court to the lowest, there is nowhere an arbitrator, a magistrate or a judge sitting alone, but always a bench of three, two of whom at least must agree in any decision or judgment or sentence.[^8] In municipal administration there is no arbitrary mayor or burgomaster or “city manager”—not even a high salaried official wielding the authority of a British Town Clerk—but always a presidium and one or more standing committees, the members of each of which have to be []{.pb n=\"12\"} continuously consulted by its president;";
    private const string ExampleNote7 =
        "[^7]: The New English Dictionary gives the following meanings: Dictator—“A ruler or governor whose word is law; an absolute ruler of a state . . . a person exercising absolute authority of any kind or in any sphere; one who authoritatively prescribes a course of action or dictates what is to be done.” Dictatorship—“The office or dignity of a dictator.”\n\n    “A dictatorship is the most natural government for seasons of extraordinary peril, when there appears a man fit to wield it” (Arnold’s History of Rome, vol. i, p. 446, 1838).";
    private const string ExampleNote8 =
        "[^8]: It may be added that even the Ogpu was not governed by the will of a single person. It was a commission of persons, appointed annually by the USSR Sovnarkom (or Cabinet). Its last president was reported to be somewhat infirm, who, far from being even as much of a personal influence as his predecessor Djerdjinsky, was reported to leave the control rather too much to the other members of the commission. Its practice was never to condemn people to death, exile or imprisonment without formal trial by a collegium of three judges; and even then the sentences had to be confirmed by the commission as a whole, whilst clemency could always be exercised by a decision of the Central Executive Committee (TSIK) of the All-Union Congress of Soviets. The fact that the Ogpu trials, and all its other proceedings, were behind closed doors—like the British proceedings against spies in war-time—may be abhorrent to us, but is not relevant to the question of whether or not it was in the nature of a dictatorship, in the strict sense of government by a single person. We refer to this in Chapter VII in Part II, “The Liquidation of the Landlord and the Capitalist.”";

    [Fact]
    public void ItOpensWithTheTitleBlockFromBookToml()
    {
        Assert.StartsWith("% Soviet Communism: Dictatorship or Democracy?\n% Sidney Webb; Beatrice Webb\n% 1936\n\n[]{.pb n=\"2\"}\n\n# PUBLISHER'S NOTE\n\n", Md);
    }

    [Fact]
    public void ThereAreTwentyFourNotesEachReferencedOnceInOrder()
    {
        Assert.Equal(24, _edition.Document.Notes.Count);
        var references = Regex.Matches(Md, @"\[\^(\d+)\](?!:)").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(Enumerable.Range(1, 24), references);
        var definitions = Regex.Matches(Md, @"^\[\^(\d+)\]: ", RegexOptions.Multiline).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(Enumerable.Range(1, 24), definitions);
        Assert.All(_edition.Document.Notes, n => Assert.NotNull(n.Reference));
        Assert.DoesNotContain(_edition.Document.Apparatus, e => e.Rule == "note-without-marker");
    }

    [Fact]
    public void EveryNoteFollowsTheParagraphThatReferencesIt()
    {
        var blocks = _edition.Blocks;
        for (int n = 1; n <= 24; n++)
        {
            int definition = Array.FindIndex(blocks, b => b.StartsWith($"[^{n}]: ", StringComparison.Ordinal));
            int reference = Array.FindIndex(blocks, b => !b.StartsWith("[^", StringComparison.Ordinal) && b.Contains($"[^{n}]", StringComparison.Ordinal));
            Assert.True(reference >= 0 && reference < definition, $"note {n}: reference in block {reference}, definition in block {definition}");
            for (int b = reference + 1; b < definition; b++)
                Assert.True(blocks[b].StartsWith("[^", StringComparison.Ordinal) || blocks[b].StartsWith("    ", StringComparison.Ordinal),
                    $"note {n}: block {b} between its reference and its definition is not a note: {blocks[b][..Math.Min(60, blocks[b].Length)]}");
        }
    }

    [Fact]
    public void PagesTwoToThirtyTwoEachBeginOnceInOrder()
    {
        var spans = Regex.Matches(Md, @"\[\]\{\.pb n=""(\d+)""\}").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(Enumerable.Range(2, 31), spans);
    }

    [Fact]
    public void APageBreakInsideAParagraphStandsBetweenTwoWords()
    {
        Assert.Contains("the constantly rising total of []{.pb n=\"4\"} votes cast at the innumerable electoral meetings", Md);
        Assert.Contains("“in the land where []{.pb n=\"13\"} the dictatorship of the proletariat is in force", Md);
        Assert.Contains("\n\n[]{.pb n=\"8\"} We have to add, as a further elaboration", Md);
    }

    [Fact]
    public void NoRunningHeadTextIsLeftInTheReadingText()
    {
        foreach (var furniture in new[] { "P O SIT", "POSIT", "THE P A R T Y", "D IC TATOR", "DICTATOR? 13", "IRREM", "VABLE", "? 21", "PARTY 7" })
            Assert.DoesNotContain(furniture, Md);
        Assert.Equal(3, _edition.Document.Apparatus.Count(e => e.Rule == "running-head"));
    }

    [Fact]
    public void PandocReadsItWithoutWarnings()
    {
        var result = Pandoc.ToHtml(Md);
        Assert.True(result.ExitCode == 0, $"pandoc exited {result.ExitCode}: {result.Errors}");
        Assert.Equal("", result.Errors);
        string html = Regex.Replace(result.Output, @"\s+", " ");
        Assert.Equal(24, Regex.Matches(html, "<li id=\"fn\\d+\"").Count);
        Assert.Equal(31, Regex.Matches(html, "<span class=\"pb\" data-n=\"\\d+\"></span>").Count);
        // No paragraph was read as a list: the only list is the notes' own, in their section at the end.
        int notes = html.IndexOf("<section", StringComparison.Ordinal);
        Assert.True(notes > 0);
        Assert.DoesNotContain("<ol", html[..notes]);
        Assert.DoesNotContain("<ul", html[..notes]);
    }

    [Fact]
    public void TheWorkedExamplesPageElevenOpensAsInTheFormatNote()
    {
        int at = Md.IndexOf(ExampleOpening + ExampleParagraphUpToItsEllipsis, StringComparison.Ordinal);
        Assert.True(at >= 0, "page 11 does not open as in the worked example");
    }

    [Fact]
    public void TheWorkedExamplesNotesSevenAndEightAreAsInTheFormatNote()
    {
        Assert.Contains("\n\n" + ExampleNote7 + "\n\n" + ExampleNote8 + "\n\n", Md);
    }

    [Fact]
    public void TheMarkdownIsOneParagraphALine()
    {
        Assert.DoesNotContain("\n\n\n", Md);
        Assert.DoesNotContain('\r', Md);
        Assert.EndsWith(".\n", Md);
        // Every line is a block of its own: the next line is blank, or the file ends.
        var lines = Md.Split('\n');
        for (int i = 3; i + 1 < lines.Length; i++) // after the three lines of the title block
            if (lines[i].Length > 0) Assert.True(lines[i + 1].Length == 0, $"line {i + 1} runs on into the next: {lines[i][..Math.Min(60, lines[i].Length)]}");
    }

    [Fact]
    public void HeadingsAreThePrintsOwn()
    {
        var headings = Regex.Matches(Md, @"^(#+) (.*)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value + " " + m.Groups[2].Value).ToList();
        Assert.Equal(new[]
        {
            "# PUBLISHER'S NOTE",
            "# DICTATORSHIP OR DEMOCRACY?",
            "## The Meaning of Dictatorship",
            "## Is the Party a Dictator?",
            "## Is Stalin a Dictator?",
            "## The Dictatorship of the Proletariat",
            "## Is the USSR an Autocracy?",
            "## In whose Interest does the Government act?",
            "## A New Social Form?",
        }, headings);
    }

    [Fact]
    public void EveryApparatusRecordPointsAtItsRawText()
    {
        var source = _edition.Document.Source;
        var apparatus = _edition.Document.Apparatus;
        Assert.Equal(Enumerable.Range(1, apparatus.Count), apparatus.Select(e => e.Id));
        foreach (var e in apparatus)
        {
            Assert.False(string.IsNullOrEmpty(e.Why), $"#{e.Id} has no evidence");
            foreach (var segment in e.RawSegments) Assert.Equal(source.Slice(segment.Start, segment.End), segment.Text);
            Assert.Equal(string.Concat(e.RawSegments.Select(s => s.Text)), e.Raw);
            if (e.RawSegments.Count == 1) Assert.Equal(source.Slice(e.Start, e.End), e.Raw);
            Assert.Equal(source.Locate(e.Start), (e.Line, e.Column));
        }
    }
}
