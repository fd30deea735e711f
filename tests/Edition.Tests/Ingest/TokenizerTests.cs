using Edition.Ingest;
using Edition.Model;
using Edition.Tests.Support;

namespace Edition.Tests.Ingest;

public class TokenizerTests
{
    private static List<Piece> Tokens(string text)
    {
        var page = new Page(1);
        var pieces = new List<Piece>();
        Tokenizer.Tokenize(text, 0, text.Length, pieces.Add, _ => page);
        return pieces;
    }

    private static List<string> Readings(string text) => Tokens(text).Select(p => p.Reading).ToList();

    private static Piece Only(string text, string reading) => Tokens(text).Single(p => p.Reading == reading);

    [Fact]
    public void EveryCharacterOfThePamphletIsInExactlyOnePiece()
    {
        string text = File.ReadAllText(Books.PamphletText);
        var pieces = Tokens(text);
        int at = 0;
        foreach (var p in pieces)
        {
            Assert.Equal(at, p.Start);
            Assert.True(p.End > p.Start, $"empty piece at {p.Start}");
            Assert.Equal(text.Substring(p.Start, p.End - p.Start), p.Reading);
            at = p.End;
        }
        Assert.Equal(text.Length, at);
    }

    [Fact]
    public void EveryCharacterOfAnAwkwardStringIsInExactlyOnePiece()
    {
        string text = "\uFEFFa\u0301b\t\r\n\f—“x”\U0001F600 -)- j- |  \u00AD 6,000. 1930s";
        var pieces = Tokens(text);
        Assert.Equal(text, string.Concat(pieces.Select(p => p.Reading)));
        for (int i = 1; i < pieces.Count; i++) Assert.Equal(pieces[i - 1].End, pieces[i].Start);
    }

    [Fact]
    public void AHyphenatedWordIsOneWord()
    {
        Assert.Equal(PieceKind.Word, Only("the consumers’ co-operative movement", "co-operative").Kind);
    }

    [Fact]
    public void AnApostropheInsideAWordStaysInIt()
    {
        Assert.Equal(PieceKind.Word, Only("of People’s Commissar", "People’s").Kind);
        Assert.Equal(PieceKind.Word, Only("Stalin's method", "Stalin's").Kind);
    }

    [Fact]
    public void AnApostropheAfterAWordIsAMarkOfItsOwn()
    {
        // "consumers’ co-operative": the possessive apostrophe ends the word, it is not inside it.
        Assert.Equal(new[] { "consumers", "’", " ", "co-operative" }, Readings("consumers’ co-operative"));
    }

    [Fact]
    public void DigitSeparatorsStayInANumber()
    {
        Assert.Equal(new[] { "more", " ", "than", " ", "6,000", " ", "meetings" }, Readings("more than 6,000 meetings"));
        Assert.Equal(new[] { "p", ".", " ", "446", ",", " ", "1838", ")" }, Readings("p. 446, 1838)"));
        Assert.Equal(new[] { "2.5", "." }, Readings("2.5."));
    }

    [Fact]
    public void ALineEndHyphenIsKeptInTheWordForDehyphenationToDecide()
    {
        Assert.Equal(new[] { "go", " ", "scot-", " \n", "free" }, Readings("go scot- \nfree"));
        Assert.Equal(new[] { "scot-", "\n", "free" }, Readings("scot-\nfree"));
        Assert.Equal(new[] { "scot-" }, Readings("scot-"));
    }

    [Fact]
    public void AHyphenAfterADigitOrBeforePunctuationIsNotPartOfTheWord()
    {
        Assert.Equal(new[] { "1917", "-", " ", "18" }, Readings("1917- 18"));
        Assert.Equal(new[] { "well", "-", "—" }, Readings("well-—"));
    }

    [Fact]
    public void DashesQuotesAndGarbledMarkersAreSingleMarks()
    {
        Assert.Equal(new[] { "sentence", ".", "-", ")", "-", " ", "In" }, Readings("sentence.-)- In"));
        Assert.Equal(new[] { "Dictator", "—", "“", " ", "A" }, Readings("Dictator—“ A"));
        Assert.Equal(new[] { "USSR", ".", "j-", " ", "The" }, Readings("USSR.j- The"));
    }

    [Fact]
    public void WhitespaceRunsAreOnePiece()
    {
        var pieces = Tokens("end \n\n\n\n start");
        Assert.Equal(3, pieces.Count);
        Assert.Equal(PieceKind.Space, pieces[1].Kind);
        Assert.Equal(" \n\n\n\n ", pieces[1].Reading);
    }

    [Fact]
    public void ASurrogatePairIsOnePiece()
    {
        var pieces = Tokens("a \U0001F600 b");
        Assert.Equal("\U0001F600", pieces[2].Reading);
        Assert.Equal(PieceKind.Punctuation, pieces[2].Kind);
    }

    [Fact]
    public void ACombiningAccentStaysWithItsLetter()
    {
        Assert.Equal(new[] { "cafe\u0301", " ", "noir" }, Readings("cafe\u0301 noir"));
    }
}
