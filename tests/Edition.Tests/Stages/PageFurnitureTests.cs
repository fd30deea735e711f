using Edition.Model;
using Edition.Stages;
using Edition.Tests.Support;
using static Edition.Tests.Support.Snippet;

namespace Edition.Tests.Stages;

public class PageFurnitureTests
{
    private static (Document Doc, StageContext Context) Run(string text, Book? book = null)
    {
        var doc = Books.Read(text, book);
        var context = new StageContext(Books.Words);
        Books.StageByName("page-furniture").Run(doc, context);
        return (doc, context);
    }

    /// <summary>The end of page 6, page 7 under its letter-spaced running head, the start of page 8 (pamphlet lines 224–290).</summary>
    private static readonly string PagesSixToEight = Lines(
        "initiated within the Politbureau of the Communist Party ; and they ",
        "receive in due course the endorsement either of the Central ",
        "Committee or of the All-Union Congress of the Communist Party.",
        "",
        "",
        "",
        "THE P O SIT IO N  OF THE P A R T Y 7",
        "",
        "Indeed, as we explained in Soviet Communism, the Communist ",
        "Party is perpetually issuing “ directives,” great or small, to its ",
        "members exercising authority or influence within all the other ",
        "organisations of the state. In the present connection it must be ",
        "recalled that this remarkable companionship is not, in theory, an ",
        "organisation within the USSR.",
        " We have to add, as a further elaboration of the constitution of ",
        "the USSR, some reference to the circumambient atmosphere of ",
        "voluntary organisation which it is perpetually creating and ");

    [Fact]
    public void ALetterSpacedRunningHeadIsTakenOutAndNumbersItsPage()
    {
        var (doc, _) = Run(PagesSixToEight);
        Assert.Equal(3, doc.Pages.Count);
        var page = doc.Pages[1];
        Assert.Equal(7, page.PrintedNumber);
        Assert.Equal(7, page.Number);
        Assert.Equal(PageNumberSource.Printed, page.NumberSource);
        var head = page.Lines.First(l => !l.IsBlank);
        Assert.Equal(LineRole.RunningHead, head.Role);

        var e = doc.Apparatus.Single(e => e.Rule == "running-head");
        Assert.Equal("page-furniture", e.Stage);
        Assert.Equal(EmendationKind.Furniture, e.Kind);
        Assert.Equal(EmendationStatus.Automatic, e.Status);
        Assert.Equal("THE P O SIT IO N  OF THE P A R T Y 7", e.Raw);
        Assert.Equal("", e.Reading);
        Assert.Equal(7, e.Page.Number);
        Assert.Equal((7, 1, 7, 37), (e.Line, e.Column, e.EndLine, e.EndColumn));
        Assert.Contains("page number 7", e.Why);
        // The running head is kept as furniture, out of the text.
        Assert.Equal("THE P O SIT IO N  OF THE P A R T Y 7", doc.Furniture.Single().Raw(doc.Source));
    }

    [Fact]
    public void PagesWithoutAPrintedNumberAreCountedFromTheirNeighbours()
    {
        var (doc, context) = Run(PagesSixToEight);
        Assert.Equal(new[] { 6, 7, 8 }, doc.Pages.Select(p => p.Number));
        Assert.Equal(new[] { PageNumberSource.Neighbours, PageNumberSource.Printed, PageNumberSource.Neighbours },
            doc.Pages.Select(p => p.NumberSource));
        Assert.Empty(context.Warnings);
    }

    [Fact]
    public void TheBodyLinesAreLeftInTheText()
    {
        var (doc, _) = Run(PagesSixToEight);
        Assert.All(doc.Pages.SelectMany(p => p.Lines).Where(l => !l.IsBlank && l.Role != LineRole.RunningHead),
            l => Assert.Equal(LineRole.Body, l.Role));
        Assert.Single(doc.Apparatus);
    }

    [Fact]
    public void AHeadingAtThePageTopIsNotFurniture()
    {
        // Pamphlet lines 49–58: the title of the pamphlet opens page 3 after three blank lines.
        var (doc, _) = Run(Lines(
            "a p a r t: Soviet Communism, by Sidney and Beatrice Webb. It will ",
            "be many, many years before it is supplanted from its proud position ",
            "as the most comprehensive and authentic work on the USSR.",
            "",
            "",
            "",
            "DICTATORSHIP OR DEMOCRACY?",
            "",
            "O ne difficulty of accurately assessing and defining the essential ",
            "characteristics of the constitutional structure of the USSR is the "));
        Assert.Equal(2, doc.Pages.Count);
        var top = doc.Pages[1].Lines.First(l => !l.IsBlank);
        Assert.Equal("DICTATORSHIP OR DEMOCRACY?", top.Reading);
        Assert.Equal(LineRole.Body, top.Role);
        Assert.Empty(doc.Apparatus);
        Assert.Empty(doc.Furniture);
    }

    [Fact]
    public void ASentenceEndingInAYearAtThePageTopIsNotFurniture()
    {
        var (doc, _) = Run(Lines(
            "The first page of an invented book has a few lines of text on it,",
            "enough to give the page a measure of some sixty characters or so.",
            "",
            "",
            "",
            "The conference met again in the spring of 1935",
            "and its delegates came from every republic of the Union."));
        Assert.Equal(2, doc.Pages.Count);
        Assert.Empty(doc.Apparatus);
        Assert.Null(doc.Pages[1].PrintedNumber);
    }

    private static readonly string[] PageText =
    {
        "The first page of an invented book has a few lines of text on it,",
        "enough to give the page a measure of some sixty characters or so,",
        "and the words run on from one line to the next as they should do",
        "in any book, until the page comes to an end with a full stop.",
    };

    private static string Pages(params string?[][] pages) =>
        string.Join("\n\n\n\n", pages.Select(p => string.Join("\n", p.Where(l => l != null)))) + "\n";

    private static string?[] Page(string? head = null, string? foot = null)
    {
        var lines = new List<string?>();
        if (head != null) { lines.Add(head); lines.Add(""); }
        lines.AddRange(PageText);
        if (foot != null) { lines.Add(""); lines.Add(foot); }
        return lines.ToArray();
    }

    [Fact]
    public void ABarePageNumberLineIsTakenOut()
    {
        var (doc, _) = Run(Pages(Page(), Page(head: "12"), Page(foot: "13"), Page()));
        Assert.Equal(new[] { 11, 12, 13, 14 }, doc.Pages.Select(p => p.Number));
        Assert.Equal(new[] { PageNumberSource.Neighbours, PageNumberSource.Printed, PageNumberSource.Printed, PageNumberSource.Neighbours },
            doc.Pages.Select(p => p.NumberSource));
        var numbers = doc.Apparatus.Where(e => e.Rule == "page-number").ToList();
        Assert.Equal(new[] { "12", "13" }, numbers.Select(e => e.Raw));
        Assert.All(numbers, e => Assert.Equal("", e.Reading));
        Assert.Contains("top", numbers[0].Why);
        Assert.Contains("foot", numbers[1].Why);
        Assert.Equal(LineRole.PageNumber, doc.Pages[1].Lines[0].Role);
        Assert.Equal(LineRole.PageNumber, doc.Pages[2].Lines.Last(l => !l.IsBlank).Role);
    }

    [Fact]
    public void APageNumberBetweenDashesIsTakenOut()
    {
        var (doc, _) = Run(Pages(Page(), Page(head: "- 4 -")));
        Assert.Equal(new[] { 3, 4 }, doc.Pages.Select(p => p.Number));
        Assert.Equal("- 4 -", doc.Apparatus.Single(e => e.Rule == "page-number").Raw);
    }

    [Fact]
    public void ACapitalisedHeadRepeatedOnEveryPageIsTakenOutEvenWithoutANumber()
    {
        var (doc, _) = Run(Pages(Page(head: "SOVIET COMMUNISM"), Page(head: "SOVIET COMMUNISM"), Page(head: "SOVIET COMMUNISM")));
        var heads = doc.Apparatus.Where(e => e.Rule == "running-head").ToList();
        Assert.Equal(3, heads.Count);
        Assert.All(heads, e => Assert.Contains("repeated", e.Why));
        Assert.Equal(new[] { 1, 2, 3 }, doc.Pages.Select(p => p.Number));
    }

    [Fact]
    public void AMixedCaseHeadWithANumberSetApartIsTakenOut()
    {
        var (doc, _) = Run(Pages(Page(), Page(head: "Is Stalin a Dictator? 15")));
        Assert.Equal("Is Stalin a Dictator? 15", doc.Apparatus.Single(e => e.Rule == "running-head").Raw);
        Assert.Equal(new[] { 14, 15 }, doc.Pages.Select(p => p.Number));
    }

    [Fact]
    public void APrintedNumberOutOfStepWithItsNeighboursIsTakenAsMisread()
    {
        var (doc, context) = Run(Pages(Page(head: "THE POSITION OF THE PARTY 7"), Page(head: "THE POSITION OF THE PARTY 18"),
            Page(head: "THE POSITION OF THE PARTY 9")));
        Assert.Equal(new[] { 7, 8, 9 }, doc.Pages.Select(p => p.Number));
        Assert.Equal(PageNumberSource.Neighbours, doc.Pages[1].NumberSource);
        Assert.Contains(context.Warnings, w => w.Contains("18") && w.Contains("cited as 8"));
        // The misread head is still furniture.
        Assert.Equal(3, doc.Apparatus.Count(e => e.Rule == "running-head"));
    }

    [Fact]
    public void WithoutPrintedNumbersTheConfigsFirstPageCounts()
    {
        var (doc, context) = Run(Pages(Page(), Page(), Page()), new Book { Id = "t", FirstPage = 2 });
        Assert.Equal(new[] { 2, 3, 4 }, doc.Pages.Select(p => p.Number));
        Assert.All(doc.Pages, p => Assert.Equal(PageNumberSource.Config, p.NumberSource));
        Assert.Empty(context.Warnings);
    }

    [Fact]
    public void WithNoEvidenceAtAllTheScanOrderCounts()
    {
        var (doc, _) = Run(Pages(Page(), Page()));
        Assert.Equal(new[] { 1, 2 }, doc.Pages.Select(p => p.Number));
        Assert.All(doc.Pages, p => Assert.Equal(PageNumberSource.Scan, p.NumberSource));
    }

    [Fact]
    public void PrintedNumbersWinOverTheConfigWithAWarning()
    {
        var (doc, context) = Run(PagesSixToEight, new Book { Id = "t", FirstPage = 1 });
        Assert.Equal(new[] { 6, 7, 8 }, doc.Pages.Select(p => p.Number));
        Assert.Contains(context.Warnings, w => w.Contains("book.toml") && w.Contains("6"));
    }

    [Fact]
    public void ThePamphletsThreeRunningHeadsAreTakenOut()
    {
        var doc = Books.Run(File.ReadAllText(Books.PamphletText), "page-furniture");
        var heads = doc.Apparatus.Where(e => e.Rule == "running-head").Select(e => e.Raw).ToList();
        Assert.Equal(new[] { "THE P O SIT IO N  OF THE P A R T Y 7", "I S  THE P A R T Y  A  D IC TATOR? 13", "S T A L IN  IRREM O VABLE  ? 21" }, heads);
        Assert.Equal(Enumerable.Range(2, 31), doc.Pages.Select(p => p.Number));
    }
}
