using Edition.Model;
using Edition.Tests.Support;
using static Edition.Tests.Support.Snippet;

namespace Edition.Tests.Stages;

public class MisreadingsTests
{
    private static Document Run(string text) => Books.Run(text);

    private static List<Emendation> Misreadings(Document doc) => doc.Apparatus.Where(e => e.Stage == "misreadings").ToList();

    /// <summary>The reading of a note, its spaces and line breaks as single spaces.</summary>
    private static string Note(Document doc, int i) =>
        System.Text.RegularExpressions.Regex.Replace(string.Concat(doc.Notes[i].Paragraphs.SelectMany(p => p).Select(p => p.Reading)), @"\s+", " ");

    [Fact]
    public void ABraceClosedByABracketIsABracket()
    {
        // Pamphlet lines 277–278.
        string text = Lines(
            "soviet apparatus that was completed in June 1929, in order to seat firmly ",
            "the domination that Stalin exercised in the name of the Party ” {La Revolu",
            "tion russe, vol. i, “ Les soviets,” by Henry Rollin, Paris, 1931, pp. 269-270).");
        var doc = Run(text);
        var e = Misreadings(doc).Single(e => e.Rule == "brace-for-bracket");
        Assert.Equal(("misreadings", EmendationKind.Misreading, EmendationStatus.Automatic), (e.Stage, e.Kind, e.Status));
        Assert.Equal(("{", "("), (e.Raw, e.Reading));
        Assert.Equal((2, 65), (e.Line, e.Column));
        Assert.Contains("in the name of the Party” (La Revolution russe, vol. i, “Les soviets,” by Henry Rollin, Paris, 1931, pp. 269-270).", Books.Markdown(text));
    }

    [Fact]
    public void BracesOnBothSidesAreBrackets()
    {
        var doc = Run("The official organs could do no more than that {ibid., p . 278} in the end.\n");
        var braces = Misreadings(doc).Where(e => e.Rule == "brace-for-bracket").OrderBy(e => e.Start).ToList();
        Assert.Equal(new[] { ("{", "("), ("}", ")") }, braces.Select(e => (e.Raw, e.Reading)));
        Assert.Contains("than that (ibid., p. 278) in the end.", Books.Markdown("The official organs could do no more than that {ibid., p . 278} in the end.\n"));
    }

    [Fact]
    public void ABraceThatNothingClosesIsLeftAlone()
    {
        var doc = Run("A set {of things is written with a brace.\n");
        Assert.DoesNotContain(doc.Apparatus, e => e.Rule == "brace-for-bracket");
    }

    [Fact]
    public void ALetterInsideANumberIsTheDigitItLooksLike()
    {
        // Pamphlet line 1001 (note 19): "his statement o f 185a : “  W hat I added".
        string text = "See, for instance, his statement o f 185a : “  W hat I added (to the conception of the existence) was to prove.\n";
        var doc = Run(text);
        var e = Misreadings(doc).Single(e => e.Rule == "letter-in-number");
        Assert.Equal(("185a", "1852", EmendationStatus.Automatic), (e.Raw, e.Reading, e.Status));
        Assert.Contains("his statement of 1852: “What I added", Books.Markdown(text));
    }

    [Fact]
    public void ALoneLetterInAListOfNumbersIsTheDigitItLooksLike()
    {
        // Pamphlet line 696: "Moscow, 1932, pp. S, 6."
        var doc = Run("An Interview with the German Author, Emil Ludwig, by J. Stalin, Moscow, 1932, pp. S, 6.\n");
        var e = Misreadings(doc).Single(e => e.Rule == "letter-in-number");
        Assert.Equal(("S", "5"), (e.Raw, e.Reading));
        Assert.True(e.Confidence < 0.9);
    }

    [Fact]
    public void ARomanVolumeNumberBesideAYearIsLeftAlone()
    {
        // Pamphlet line 546: "Leninism, by J. Stalin, vol. i, 1938, p. 33."
        string text = "Leninism, by J. Stalin, vol. i, 1938, p. 33.\n";
        Assert.Empty(Misreadings(Run(text)));
        Assert.Contains("vol. i, 1938, p. 33.", Books.Markdown(text));
    }

    [Fact]
    public void DecadesOrdinalsAndPenceAreLeftAlone()
    {
        string text = "In the 1930s, the 2nd and 3rd congresses, the 19th century, and a copy at 2d. were all cheap.\n";
        Assert.Empty(Misreadings(Run(text)));
        Assert.Contains("In the 1930s, the 2nd and 3rd congresses, the 19th century, and a copy at 2d. were", Books.Markdown(text));
    }

    [Fact]
    public void ALetterLabelOutOfSequenceIsItsLookAlike()
    {
        // Pamphlet note 1 (lines 90–95): "(a) ... (6) ... (c)".
        var doc = Run(Lines(
            "popular disapproval.*",
            "",
            "* It is interesting to notice that many of the advantages claimed for ",
            "rigidity in constitutions have to do either (a) with the private ownership of ",
            "land or other forms of personal wealth ; or else (6) with ",
            "the making of private profit ; or else (c) with the maintenance of ",
            "the privileges of a privileged class."));
        var e = Misreadings(doc).Single(e => e.Rule == "label-sequence");
        Assert.Equal(("6", "b", EmendationStatus.Automatic), (e.Raw, e.Reading, e.Status));
        Assert.Equal((5, 51), (e.Line, e.Column));
        Assert.Contains("(a) with the private ownership of land or other forms of personal wealth; or else (b) with the making", Note(doc, 0));
        Assert.Contains("or else (c) with the maintenance", Note(doc, 0));
    }

    [Fact]
    public void ANumberLabelOutOfSequenceIsItsLookAlike()
    {
        // Pamphlet lines 1002–1004 (note 19): "(1) ... (a) ... (3)".
        string text = Lines(
            "What I added was to prove : (1) that the ",
            "existence of classes is only bound up with certain historical struggles in the ",
            "development of production ; (a) that the class struggle necessarily leads to ",
            "the dictatorship of the proletariat ; (3) that this dictatorship is itself only a ",
            "transition to the ultimate abolition of all classes.");
        var e = Misreadings(Run(text)).Single(e => e.Rule == "label-sequence");
        Assert.Equal(("a", "2"), (e.Raw, e.Reading));
        Assert.Contains("production; (2) that the class struggle", Books.Markdown(text));
    }

    [Fact]
    public void LabelsInSequenceAreLeftAlone()
    {
        string text = "either (a) with land ; or (b) with profit ; or (c) with privilege, and (1) one, (2) two, (3) three.\n";
        Assert.DoesNotContain(Run(text).Apparatus, e => e.Rule == "label-sequence");
    }

    private static readonly string WithCommunismElsewhere = Lines(
        "In describing, in Soviet Communism, the organisation in the USSR, we ",
        "may have seemed to imply that all these separate parts of Soviet Communism ",
        "are of equal status. The Infantile Disease of Leftism in Communism, by N. Lenin.",
        "In  Soviet Commutiism, C hapter I I I ,  Part I .");

    [Fact]
    public void ANonWordIsCorrectedThroughAConfusionToAWordTheDocumentUses()
    {
        var doc = Run(WithCommunismElsewhere);
        var e = Misreadings(doc).Single(e => e.Rule == "confusion");
        Assert.Equal(("Commutiism", "Communism", EmendationKind.Misreading, EmendationStatus.Automatic), (e.Raw, e.Reading, e.Kind, e.Status));
        Assert.Contains("In Soviet Communism, Chapter III, Part I.", Books.Markdown(WithCommunismElsewhere));
    }

    [Fact]
    public void ANonWordWhoseCorrectionOnlyTheWordListKnowsIsFlaggedNotChanged()
    {
        string text = "In  Soviet Commutiism, C hapter I I I ,  Part I .\n";
        var doc = Run(text);
        var e = Misreadings(doc).Single(e => e.Rule == "confusion");
        Assert.Equal(EmendationStatus.Doubtful, e.Status);
        Assert.Equal(("Commutiism", "Commutiism"), (e.Raw, e.Reading));
        Assert.Contains("Communism", e.Why);
        Assert.Contains("In Soviet Commutiism, Chapter III", Books.Markdown(text));
    }

    [Fact]
    public void KnownWordsAndNamesAreNotCorrected()
    {
        string text = "Djerdjinsky and Osoaviakhim and Sovnarkom met the kolkhosi in Kamchatka.\n";
        Assert.DoesNotContain(Run(text).Apparatus, e => e.Stage == "misreadings" && e.ChangesReading);
    }

    [Fact]
    public void AStrayMarkAfterAHeadingIsTakenOut()
    {
        // Pamphlet line 1200.
        string text = Lines(
            "activities that the constitution definitely authorises the executive ",
            "to exercise.",
            "",
            "Is the U SSR an Autocracy ? /",
            "",
            "How far, and in what sense, the habitual action of the executive ",
            "government of the USSR is in the nature of autocracy we have now ");
        var doc = Run(text);
        var e = Misreadings(doc).Single(e => e.Rule == "stray-mark");
        Assert.Equal((" /", ""), (e.Raw, e.Reading));
        Assert.Equal((4, 28), (e.Line, e.Column));
        Assert.Contains("\n\n## Is the USSR an Autocracy?\n\n", Books.Markdown(text));
    }

    [Fact]
    public void AClosingMarkAfterAHeadingIsKept()
    {
        string text = Lines(
            "activities that the constitution definitely authorises the executive ",
            "to exercise.",
            "",
            "The Proletariat (1917 )",
            "",
            "How far, and in what sense, the habitual action of the executive ",
            "government of the USSR is in the nature of autocracy we have now ");
        Assert.DoesNotContain(Run(text).Apparatus, e => e.Rule == "stray-mark");
        Assert.Contains("\n\n## The Proletariat (1917)\n\n", Books.Markdown(text));
    }
}
