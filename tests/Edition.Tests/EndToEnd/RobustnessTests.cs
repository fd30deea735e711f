using System.Text;
using Edition.Ingest;
using Edition.Model;
using Edition.Outputs.Markdown;
using Edition.Tests.Support;

namespace Edition.Tests.EndToEnd;

/// <summary>The same pamphlet in another layout of its bytes reads the same.</summary>
public class RobustnessTests : IClassFixture<PamphletEdition>
{
    private readonly PamphletEdition _edition;

    public RobustnessTests(PamphletEdition edition) => _edition = edition;

    private static string Edit(byte[] bytes)
    {
        var source = TextDecoder.Decode("webb-dictatorship.txt", bytes);
        var book = BookFolder.Open(Books.PamphletFolder).Book;
        return MarkdownWriter.Write(Books.Run(TextIngest.Read(source, book)));
    }

    [Fact]
    public void CrlfLineEndsGiveTheSameEdition()
    {
        string raw = File.ReadAllText(Books.PamphletText);
        Assert.Equal(_edition.Markdown, Edit(Encoding.UTF8.GetBytes(raw.Replace("\n", "\r\n"))));
    }

    [Fact]
    public void AByteOrderMarkGivesTheSameEdition()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(File.ReadAllBytes(Books.PamphletText)).ToArray();
        Assert.Equal(_edition.Markdown, Edit(bytes));
    }

    [Fact]
    public void FormFeedsForThePageCuesGiveTheSamePages()
    {
        // Each page's first line, preceded by a form feed instead of the blank lines or the indent.
        var doc = _edition.Document;
        var lines = File.ReadAllText(Books.PamphletText).Split('\n');
        var firsts = doc.Pages.Skip(1).Select(p => p.Lines[0].Number).ToHashSet();
        var sb = new StringBuilder();
        for (int i = 0; i < lines.Length; i++)
        {
            if (firsts.Contains(i + 1)) sb.Append('\f');
            sb.Append(lines[i]);
            if (i + 1 < lines.Length) sb.Append('\n');
        }
        var starts = TextIngest.FindPageStarts(new SourceText("ff.txt", sb.ToString()));
        Assert.Equal(doc.Pages.Select(p => p.Lines[0].Number), starts);
    }
}
