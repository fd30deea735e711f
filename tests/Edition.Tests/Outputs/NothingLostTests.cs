using System.Text;
using Edition.Model;
using Edition.Outputs.Rebuild;
using Edition.Tests.Support;

namespace Edition.Tests.Outputs;

/// <summary>Principle 1: the raw input is rebuilt byte for byte from the edition's readings, the apparatus and the layout.</summary>
public class NothingLostTests
{
    [Fact]
    public void ThePamphletIsRebuiltByteForByte()
    {
        var document = Books.Pamphlet();
        var result = RawRebuilder.Rebuild(document);
        Assert.True(result.Ok, string.Join("\n", result.Problems));
        Assert.Equal(File.ReadAllBytes(Books.PamphletText), RawRebuilder.ToBytes(document, result.Text));
    }

    public static IEnumerable<object[]> Variants()
    {
        string raw = File.ReadAllText(Books.PamphletText);
        yield return new object[] { "crlf", raw.Replace("\n", "\r\n") };
        yield return new object[] { "form-feeds", raw.Replace("\n\n\n\n", "\n\f\n") };
        yield return new object[] { "tabs", raw.Replace(" the ", "\tthe ") };
        yield return new object[] { "no-trailing-spaces", string.Join("\n", raw.Split('\n').Select(l => l.TrimEnd(' '))) };
        yield return new object[] { "doubled-spaces", raw.Replace(" of ", "  of  ") };
        var shuffled = new StringBuilder();
        var random = new Random(7);
        foreach (char c in raw) { shuffled.Append(c); if (c == ' ' && random.Next(10) == 0) shuffled.Append(' '); }
        yield return new object[] { "shuffled-spacing", shuffled.ToString() };
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void VariantsOfThePamphletAreRebuilt(string name, string text)
    {
        var document = Books.Run(text);
        var result = RawRebuilder.Rebuild(document);
        Assert.True(result.Ok, name + ": " + string.Join("\n", result.Problems.Take(5)));
        Assert.Equal(text, result.Text);
    }

    [Fact]
    public void AByteOrderMarkIsRebuilt()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("T he first line.\n\nA second paragraph.\n")).ToArray();
        var source = Edition.Ingest.TextDecoder.Decode("bom.txt", bytes);
        var document = Books.Run(Edition.Ingest.TextIngest.Read(source, new Book { Id = "bom" }));
        var result = RawRebuilder.Rebuild(document);
        Assert.True(result.Ok, string.Join("\n", result.Problems));
        Assert.Equal(bytes, RawRebuilder.ToBytes(document, result.Text));
    }

    [Fact]
    public void AReadingChangedBehindTheModelsBackIsCaught()
    {
        var document = Books.Run("The Com\nmunism of the word.\n\nAnother paragraph here.\n");
        // A stage that patched a reading without an emendation would leave this behind.
        var piece = document.Body[1].Pieces.First(p => p.IsWord);
        typeof(Piece).GetProperty(nameof(Piece.Reading))!.SetValue(piece, "Altered");
        var result = RawRebuilder.Rebuild(document);
        Assert.False(result.Ok);
    }

    [Fact]
    public void APieceDroppedFromTheTextIsCaught()
    {
        var document = Books.Run("A first paragraph of words.\n\nAnother paragraph here.\n");
        document.Body[1].Pieces.RemoveAt(0);
        var result = RawRebuilder.Rebuild(document);
        Assert.False(result.Ok);
        Assert.Contains(result.Problems, p => p.Contains("lost"));
    }
}
