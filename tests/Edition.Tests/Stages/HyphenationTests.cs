using Edition.Model;
using Edition.Tests.Support;
using static Edition.Tests.Support.Snippet;

namespace Edition.Tests.Stages;

public class HyphenationTests
{
    private static Document Run(string text) => Books.Run(text, "page-furniture", "footnotes", "paragraphs", "split-words", "hyphenation");

    private static string Body(Document doc) => string.Join("\n\n", doc.Body.Select(b => b.Reading));

    private static Emendation Change(Document doc, string raw) => doc.Apparatus.Single(e => e.Stage == "hyphenation" && e.Raw == raw);

    [Fact]
    public void ABreakWhoseHyphenWasLostIsJoinedWhenTheDocumentPrintsTheWordWhole()
    {
        // Pamphlet lines 82–83, and "Soviet Communism" printed whole elsewhere on the page.
        var doc = Run(Lines(
            "In describing, in Soviet Communism, the organisation in the ",
            "USSR of Man as a Citizen, we may have seemed sometimes to imply ",
            "",
            "The characteristic mobility of the constitution of Soviet Com",
            "munism is, however, all the more perplexing to the student in that ",
            "the several parts of the constitution change independently of each "));
        Assert.Contains("constitution of Soviet Communism is, however,", Body(doc));
        var e = Change(doc, "Com\nmunism");
        Assert.Equal(("hyphenation", "join-lost-hyphen", EmendationKind.Hyphenation, EmendationStatus.Automatic), (e.Stage, e.Rule, e.Kind, e.Status));
        Assert.Equal("Communism", e.Reading);
        Assert.Contains("the document prints 'Communism' whole elsewhere", e.Why);
        Assert.Equal((4, 59, 5, 7), (e.Line, e.Column, e.EndLine, e.EndColumn));
    }

    [Fact]
    public void AHyphenBetweenTwoWordsIsKept()
    {
        // Pamphlet lines 691–692: "the well- " / "known decision".
        var doc = Run(Lines(
            "Thus, in describing his momentous article known as “ Dizzy with ",
            "Success,” he expressly states that this was written on “ the well- ",
            "known decision of the Central Committee regarding the ‘ Fight "));
        Assert.Contains("“ the well-known decision", Body(doc));
        var e = Change(doc, "well- \nknown");
        Assert.Equal(("keep-hyphen", "well-known"), (e.Rule, e.Reading));
    }

    [Fact]
    public void AWordBrokenWithoutTheTrailingSpaceOtherLinesHaveIsJoined()
    {
        // Pamphlet lines 447–448 (note 7): "extra" ends its line with no trailing space; "extra" and "ordinary" are both words.
        var doc = Run(Lines(
            "“ A dictatorship is the most natural government for seasons of extra",
            "ordinary peril, when there appears a man fit to wield it ” (Arnold’s History ",
            "of Rome, vol. i, p. 446, 1838). It is a sentence that runs on and on ",
            "for a line or two more, as the lines of the note do in the print ",
            "until it comes to an end with the last line of the page. "));
        Assert.Contains("seasons of extraordinary peril", Body(doc));
        var e = Change(doc, "extra\nordinary");
        Assert.Equal(("join-lost-hyphen", "extraordinary", EmendationStatus.Automatic), (e.Rule, e.Reading, e.Status));
        Assert.Contains("trailing space", e.Why);
    }

    [Fact]
    public void TwoWordsAtALineEndWithTheUsualTrailingSpaceStayApart()
    {
        var doc = Run(Lines(
            "for seasons of extra ",
            "ordinary peril, when there appears a man fit to wield it ",
            "and the lines of the note all end with a space as they do ",
            "in the raw text of the pamphlet. "));
        Assert.Contains("seasons of extra \nordinary peril", Body(doc));
        Assert.DoesNotContain(doc.Apparatus, e => e.Stage == "hyphenation");
    }

    [Fact]
    public void TradeUnionStaysTwoWords()
    {
        // Pamphlet line 144 ends "to the trade" without its trailing space; "tradeunion" is no word.
        var doc = Run(Lines(
            "the republic and municipal soviets which multiply their retail ",
            "“ selling points ” ; and partly, as elsewhere described, to the trade",
            "union hierarchy so far as concerns not only the retailing of household ",
            "commodities but also the production of foodstuffs for the workers "));
        Assert.Contains("to the trade\nunion hierarchy", Body(doc));
        Assert.DoesNotContain(doc.Apparatus, e => e.Stage == "hyphenation");
    }

    [Fact]
    public void CoOperativeKeepsItsHyphenWhenTheDocumentPrintsItSo()
    {
        var doc = Run(Lines(
            "In the consumers’ co-operative movement, the rate and kind of change ",
            "is difficult to assess with precision, and the consumers’ co-",
            "operative societies each function as an association of consumers. "));
        Assert.Contains("the consumers’ co-operative societies", Body(doc));
        var e = Change(doc, "co-\noperative");
        Assert.Equal(("keep-hyphen", "co-operative"), (e.Rule, e.Reading));
        Assert.Contains("'co-operative' with its hyphen elsewhere", e.Why);
    }

    [Fact]
    public void ToDayKeepsItsHyphenWhenTheDocumentPrintsItSo()
    {
        var doc = Run(Lines(
            "We cannot to-day simply take it for granted that it is supremely important ",
            "that a constitution should be rigid ; and the order which to-",
            "day dominates the situation may be left to the sociologist. "));
        Assert.Contains("the order which to-day dominates", Body(doc));
        Assert.Equal("to-day", Change(doc, "to-\nday").Reading);
        Assert.Equal("keep-hyphen", Change(doc, "to-\nday").Rule);
    }

    [Fact]
    public void AHyphenBeforeALineEndIsDroppedWhenTheJoinedWordIsKnown()
    {
        var doc = Run(Lines(
            "and even then the sentences had to be con-",
            "firmed by the commission as a whole. "));
        Assert.Contains("had to be confirmed by", Body(doc));
        var e = Change(doc, "con-\nfirmed");
        Assert.Equal(("join", "confirmed"), (e.Rule, e.Reading));
    }

    [Fact]
    public void AHyphenatedCompoundOfTwoWordsKeepsItsHyphen()
    {
        // Pamphlet lines 361–362: "to go scot- " / "free".
        var doc = Run(Lines(
            "or the new which provides for terrorists being allowed to go scot- ",
            "free if caught red-handed. "));
        Assert.Contains("to go scot-free if caught", Body(doc));
        Assert.Equal(("keep-hyphen", "scot-free"), (Change(doc, "scot- \nfree").Rule, Change(doc, "scot- \nfree").Reading));
    }

    [Fact]
    public void TwoWordsAreJoinedWhenTheDocumentPrintsTheWholeWordAndTheLineLostItsSpace()
    {
        // Pamphlet lines 1340–1341: "Dictator" / "ship", both words; the document prints "Dictatorship".
        var doc = Run(Lines(
            "There is, however, yet another view of the much-debated phrase, ",
            "the Dictatorship of the Proletariat, which must not be overlooked ; ",
            "or communists talk about the Dictator",
            "ship of the Proletariat, they mean something else. "));
        Assert.Contains("talk about the Dictatorship of the Proletariat, they", Body(doc));
        Assert.Equal("join-lost-hyphen", Change(doc, "Dictator\nship").Rule);
    }

    [Fact]
    public void AJoinOnlyTheLayoutSuggestsIsMadeButFlaggedDoubtful()
    {
        // Pamphlet lines 344–345: "heathen" / "dom", no trailing space, "heathendom" in no list.
        var doc = Run(Lines(
            "conducted by these militant atheists, if we compared it with anything ",
            "less than the campaign against atheism and heathen",
            "dom carried on in all their fields of action by all the missionary ",
            "societies and religious orders of all the Christian churches. "));
        var e = Change(doc, "heathen\ndom");
        Assert.Equal("heathendom", e.Reading);
        Assert.Equal(EmendationStatus.Doubtful, e.Status);
        Assert.Contains("atheism and heathendom carried on", Body(doc));
    }

    [Fact]
    public void ALetterSpacedFragmentAtALineEndIsWholeBeforeTheBreakIsDecided()
    {
        // Pamphlet lines 618–626: "the T hird  In te r" / "national" (split words run first); most lines end with a space.
        var doc = Run(Lines(
            "following question : “ Placed around the table at which we are ",
            "now seated there are sixteen chairs. Abroad it is known, on the ",
            "one hand, that the USSR is a country in which everything is ",
            "supposed to be decided by collegiums ; but, on the other hand, it ",
            "is known that everything is decided by individual persons. Who ",
            "really decides ? ” He is also a member of the Executive Committee of the T hird  In te r",
            "national (Comintern), which is, like the Communist Party of the USSR, ",
            "formally outside the state constitution."));
        Assert.Contains("the Third  International (Comintern)", Body(doc));
        Assert.Equal("International", Change(doc, "In te r\nnational").Reading);
    }

    [Fact]
    public void ABreakInANoteIsDecidedToo()
    {
        var doc = Run(Lines(
            "the mobility of the working constitution has incurred popular disapproval.*",
            "",
            "* It is interesting to notice that many of the advantages claimed for ",
            "rigidity in constitutions have to do with the private ownership of land, ",
            "and no class has legal privileges, con",
            "stitutional rigidity loses many of its supporters. "));
        var note = Assert.Single(doc.Notes);
        Assert.Contains("privileges, constitutional rigidity", string.Concat(note.Paragraphs[0].Select(p => p.Reading)));
        Assert.Equal("constitutional", Change(doc, "con\nstitutional").Reading);
    }

    [Fact]
    public void ABreakAcrossAPageTurnIsRecordedWithTheFurnitureBetweenAsSegments()
    {
        var doc = Run(Lines(
            "The first page of an invented book has a few lines of text on it, ",
            "enough to give the page a measure of some sixty characters, and the ",
            "words run on from one line to the next as they should until the con-",
            "",
            "",
            "",
            "THE P O SIT IO N  OF THE P A R T Y 7",
            "",
            "stitution of the page gives out, and the second page goes on again. "));
        Assert.Contains("until the constitution of the page", Body(doc));
        var e = doc.Apparatus.Single(e => e.Stage == "hyphenation");
        Assert.Equal("constitution", e.Reading);
        // Two raw segments: the break with the blank lines after it, and the word's end under the running head.
        Assert.Equal(new[] { "con-\n\n\n\n", "stitution" }, e.RawSegments.Select(s => s.Text));
        Assert.Equal(3, e.Line);
        Assert.Equal(9, e.EndLine);
        Assert.DoesNotContain("P A R T Y", e.Raw);
    }
}
