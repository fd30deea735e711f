using System.Text;
using Edition.Ingest;
using Edition.Tests.Support;

namespace Edition.Tests.Ingest;

public class TextDecoderTests
{
    [Fact]
    public void AnEmptyFileIsAnInputError()
    {
        var e = Assert.Throws<InputException>(() => TextDecoder.Decode("scans/x/x.txt", Array.Empty<byte>()));
        Assert.Equal("scans/x/x.txt", e.FilePath);
        Assert.StartsWith("scans/x/x.txt: ", e.Message);
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void AFileOfOnlyWhitespaceIsAnInputError()
    {
        var e = Assert.Throws<InputException>(() => TextDecoder.Decode("w.txt", Encoding.UTF8.GetBytes(" \n\n\t \r\n")));
        Assert.Contains("whitespace", e.Message);
    }

    [Fact]
    public void ABinaryFileIsAnInputError()
    {
        var bytes = new byte[4096];
        new Random(1).NextBytes(bytes);
        bytes[0] = 0x89; bytes[1] = (byte)'P'; bytes[2] = (byte)'N'; bytes[3] = (byte)'G'; bytes[10] = 0;
        var e = Assert.Throws<InputException>(() => TextDecoder.Decode("scan.txt", bytes));
        Assert.Equal("scan.txt", e.FilePath);
        Assert.Contains("binary", e.Message);
    }

    [Fact]
    public void TextWithNulBytesIsBinary()
    {
        var bytes = Encoding.Unicode.GetBytes("This is UTF-16 text, which is full of NUL bytes.\n");
        var e = Assert.Throws<InputException>(() => TextDecoder.Decode("utf16.txt", bytes));
        Assert.Contains("binary", e.Message);
    }

    [Fact]
    public void InvalidUtf8SaysItReadsAsLatin1()
    {
        var bytes = Encoding.Latin1.GetBytes("The caf\u00e9 at the corner of the street.\n");
        var e = Assert.Throws<InputException>(() => TextDecoder.Decode("latin.txt", bytes));
        Assert.Equal("latin.txt", e.FilePath);
        Assert.Contains("UTF-8", e.Message);
        Assert.Contains("Latin-1", e.Message);
        Assert.Contains("encoding = \"latin-1\"", e.Message);
        Assert.Contains("byte 7 (0xE9)", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Latin1IsReadWhenTheConfigSaysSo()
    {
        var bytes = Encoding.Latin1.GetBytes("The caf\u00e9 \u00a3 5.\n");
        var source = TextDecoder.Decode("latin.txt", bytes, "latin-1");
        Assert.Equal("The caf\u00e9 \u00a3 5.\n", source.Text);
        Assert.Equal("latin-1", source.Encoding);
        Assert.False(source.HasByteOrderMark);
    }

    [Fact]
    public void Utf8WithAByteOrderMarkIsReadWithoutIt()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("People’s Commissar\n")).ToArray();
        var source = TextDecoder.Decode("bom.txt", bytes);
        Assert.True(source.HasByteOrderMark);
        Assert.Equal("People’s Commissar\n", source.Text);
        Assert.Equal("utf-8", source.Encoding);
    }

    [Fact]
    public void FormFeedsTabsAndCarriageReturnsAreText()
    {
        var source = TextDecoder.Decode("ok.txt", Encoding.UTF8.GetBytes("one\tpage\r\n\ftwo\r\n"));
        Assert.Equal("one\tpage\r\n\ftwo\r\n", source.Text);
    }

    [Fact]
    public void AMissingFileIsAnInputErrorNamingIt()
    {
        string path = Path.Combine(Path.GetTempPath(), "edition-tests-missing-" + Guid.NewGuid().ToString("N"), "gone.txt");
        var e = Assert.Throws<InputException>(() => TextDecoder.Read(path));
        Assert.Equal(path, e.FilePath);
    }

    [Fact]
    public void ThePamphletReadsAsUtf8()
    {
        var source = TextDecoder.Read(Books.PamphletText);
        Assert.Equal(File.ReadAllText(Books.PamphletText), source.Text);
        Assert.Contains("People’s", source.Text);
        // 1399 line feeds, and a last "line" holding one space after the final one.
        Assert.Equal(1400, source.LineCount);
    }
}
