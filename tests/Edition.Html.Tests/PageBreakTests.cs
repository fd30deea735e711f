using Edition.Html.Tests.Support;
using Edition.Model;

namespace Edition.Html.Tests;

/// <summary>Page markers stand between words: a page that turns inside a word is marked after it.</summary>
public sealed class PageBreakTests
{
    /// <summary>A one-paragraph document whose page 8 begins inside "Communism".</summary>
    private static Document TurnInsideAWord()
    {
        const string text = "Commu\nnism, is here. Next words.";
        var document = new Document(new SourceText("t.txt", text), new Book { Id = "t" });
        var p7 = new Page(1) { Number = 7 };
        var p8 = new Page(2) { Number = 8 };
        document.Pages.Add(p7);
        document.Pages.Add(p8);
        var paragraph = new Paragraph(p7);
        paragraph.Pieces.Add(Piece.PageBreakAt(0, p7));
        paragraph.Pieces.Add(new Piece(PieceKind.Word, 0, 5, "Commu", p7));
        paragraph.Pieces.Add(Piece.PageBreakAt(6, p8));
        paragraph.Pieces.Add(new Piece(PieceKind.Word, 6, 10, "nism", p8));
        paragraph.Pieces.Add(new Piece(PieceKind.Punctuation, 10, 11, ",", p8));
        paragraph.Pieces.Add(new Piece(PieceKind.Space, 11, 12, " ", p8));
        paragraph.Pieces.Add(new Piece(PieceKind.Word, 12, 14, "is", p8));
        paragraph.Pieces.Add(new Piece(PieceKind.Space, 14, 15, " ", p8));
        paragraph.Pieces.Add(new Piece(PieceKind.Word, 15, 19, "here", p8));
        paragraph.Pieces.Add(new Piece(PieceKind.Punctuation, 19, 20, ".", p8));
        document.Body.Add(paragraph);
        return document;
    }

    [Fact]
    public void AMarkerForAPageTurningInsideAWordFollowsTheWord()
    {
        var html = Books.Parse(HtmlEdition.Write(TurnInsideAWord()));
        var p = html.QuerySelector("main p")!;
        Assert.Equal("[7] Communism, [8] is here.", p.TextContent);
        Assert.NotNull(html.GetElementById("p8"));
        Assert.Equal("[8]", html.GetElementById("p8")!.TextContent);
    }

    [Fact]
    public void AMarkerBetweenWordsStaysWhereThePageBegins()
    {
        var document = TurnInsideAWord();
        var pieces = document.Body[0].Pieces;
        // Move page 8's start to between "is" and "here".
        var brk = pieces[2];
        pieces.RemoveAt(2);
        pieces.Insert(pieces.FindIndex(x => x.Reading == "here"), brk);
        var p = Books.Parse(HtmlEdition.Write(document)).QuerySelector("main p")!;
        Assert.Equal("[7] Communism, is [8] here.", p.TextContent);
    }
}
