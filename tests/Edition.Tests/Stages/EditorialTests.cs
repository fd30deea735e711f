using Edition.Model;
using Edition.Outputs.Markdown;
using Edition.Stages;
using Edition.Tests.Support;
using static Edition.Tests.Support.Snippet;

namespace Edition.Tests.Stages;

public class EditorialTests
{
    /// <summary>Pamphlet lines 585–588 (page 15), where the print lost a full stop.</summary>
    private static readonly string PageFifteen = Lines(
        "entrusts for four years to every successive president. So far as ",
        "grade or dignity is concerned, Stalin is in no sense the highest ",
        "official in the USSR, or even in the Communist Party He is not, ",
        "and has never been, President of the Presidium of the Central ");

    private static (Document Doc, StageContext Context) Run(string text, params EditorialCorrection[] corrections)
    {
        var doc = Books.Read(text, new Book { Id = "t", FirstPage = 15, Corrections = corrections });
        var context = new StageContext(Books.Words);
        Pipeline.For(doc.Book).Run(doc, context);
        return (doc, context);
    }

    [Fact]
    public void ACorrectionFromTheConfigIsAppliedAndRecordedAsEditorial()
    {
        var (doc, context) = Run(PageFifteen, new EditorialCorrection(15, "Communist Party He is", "Communist Party. He is", "full stop lost in the print"));
        Assert.Empty(context.Warnings);
        var e = doc.Apparatus.Single(e => e.Stage == "editorial");
        Assert.Equal(("editorial", EmendationKind.Editorial, EmendationStatus.Editorial), (e.Rule, e.Kind, e.Status));
        Assert.Equal("Communist Party He is", e.Raw);
        Assert.Equal("Communist Party. He is", e.Reading);
        Assert.Equal("full stop lost in the print", e.Why);
        Assert.Equal(15, e.Page.Number);
        Assert.Equal((3, 38), (e.Line, e.Column));
        Assert.Contains("or even in the Communist Party. He is not, and has never been", MarkdownWriter.Write(doc));
    }

    [Fact]
    public void ACorrectionWithoutAReasonSaysItIsTheEditors()
    {
        var (doc, _) = Run(PageFifteen, new EditorialCorrection(15, "Party He", "Party. He", ""));
        Assert.Contains("editor", doc.Apparatus.Single(e => e.Stage == "editorial").Why);
    }

    [Fact]
    public void ACorrectionMatchesAcrossALineBreak()
    {
        var (doc, context) = Run(PageFifteen, new EditorialCorrection(15, "is not, and has", "is not, nor has", "a test"));
        Assert.Empty(context.Warnings);
        var e = doc.Apparatus.Single(e => e.Stage == "editorial");
        Assert.Equal("is not, \nand has", e.Raw);
        Assert.Contains("Communist Party He is not, nor has never been", MarkdownWriter.Write(doc));
    }

    [Fact]
    public void ACorrectionMatchesTheReadingAfterTheOtherStages()
    {
        // "T he" is "The" by the time the editor's correction is applied.
        var (doc, context) = Run(Lines(
            "the question of whether or not it was in the nature of a dictatorship. T he",
            "Liquidation of the Landlord and the Capitalist."),
            new EditorialCorrection(15, "The Liquidation", "The liquidation", "lower case in the chapter's own title"));
        Assert.Empty(context.Warnings);
        var e = doc.Apparatus.Single(e => e.Stage == "editorial");
        Assert.Equal("T he\nLiquidation", e.Raw);
        Assert.Equal("The liquidation", e.Reading);
        Assert.Contains("dictatorship. The liquidation of the Landlord", MarkdownWriter.Write(doc));
    }

    [Fact]
    public void ACorrectionThatMatchesNothingIsAWarningAndChangesNothing()
    {
        var (doc, context) = Run(PageFifteen, new EditorialCorrection(15, "Communist Party She is", "Communist Party. She is", "x"));
        Assert.DoesNotContain(doc.Apparatus, e => e.Stage == "editorial");
        var warning = Assert.Single(context.Warnings);
        Assert.Contains("Communist Party She is", warning);
        Assert.Contains("page 15", warning);
        Assert.Contains("Communist Party He is not", MarkdownWriter.Write(doc));
    }

    [Fact]
    public void ACorrectionOnTheWrongPageIsAWarningAndChangesNothing()
    {
        var (doc, context) = Run(PageFifteen, new EditorialCorrection(16, "Communist Party He is", "Communist Party. He is", "x"));
        Assert.DoesNotContain(doc.Apparatus, e => e.Stage == "editorial");
        Assert.Single(context.Warnings);
    }

    [Fact]
    public void ACorrectionMustMatchWholeWords()
    {
        var (doc, context) = Run(PageFifteen, new EditorialCorrection(15, "arty He", "arty. He", "x"));
        Assert.DoesNotContain(doc.Apparatus, e => e.Stage == "editorial");
        Assert.Single(context.Warnings);
    }

    [Fact]
    public void EachCorrectionIsAppliedOnce()
    {
        var (doc, context) = Run(Lines(
            "And the Party and the Party and the Party once more, as the print has it on this page. "),
            new EditorialCorrection(15, "the Party", "the party", "x"));
        Assert.Empty(context.Warnings);
        Assert.Single(doc.Apparatus, e => e.Stage == "editorial");
        Assert.Contains("the party and the Party and the Party once more", MarkdownWriter.Write(doc));
    }
}
