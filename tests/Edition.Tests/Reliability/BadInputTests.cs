using System.Diagnostics;
using System.Text;
using Edition.Ingest;
using Edition.Tests.Support;

namespace Edition.Tests.Reliability;

/// <summary>
/// Bad input through the real command line: one line naming the file, exit code 2, nothing written.
/// The cases already covered by Cli/BuildCommandTests (empty, binary and Latin-1 text, a book.toml with
/// an unknown key, a wrong type or a source of "../../etc/passwd", a missing folder, a failed rebuild
/// leaving the old edition) are not repeated here.
/// </summary>
[Collection("Console")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class BadInputTests
{
    private const string Text = "A first line of a little book, with some words\non a second line.\n";

    [Fact]
    public void AFiftyMegabyteSingleLineIsRefusedQuicklyNamingTheLimit()
    {
        using var setup = new BookSetup();
        var bytes = new byte[50 * 1024 * 1024];
        var words = Encoding.ASCII.GetBytes("word and another ");
        for (int i = 0; i < bytes.Length; i++) bytes[i] = words[i % words.Length];
        string text = setup.Write("book.txt", bytes);
        var run = CommandLine.InProcess("build", setup.Book, "--out", setup.Out);
        CommandLine.AssertOneLineNaming(run, text);
        Assert.Contains($"line 1 is {50 * 1024 * 1024} characters long", run.Error);
        Assert.Contains(TextDecoder.MaxLineLength.ToString(), run.Error);
        setup.AssertNothingWritten();
    }

    [Fact]
    public void ALineJustUnderTheLimitIsRead()
    {
        // Line 2 is exactly the longest allowed, line 3 one more: the limit is on characters, line by line.
        string ok = "x\n" + new string('a', TextDecoder.MaxLineLength) + "\n";
        Assert.Equal(ok, TextDecoder.Decode("ok.txt", Encoding.ASCII.GetBytes(ok)).Text);
        var e = Assert.Throws<InputException>(() => TextDecoder.Decode("long.txt", Encoding.ASCII.GetBytes(ok + new string('b', TextDecoder.MaxLineLength + 1))));
        Assert.Contains("line 3 is", e.Message);
    }

    [Fact]
    public void EncodedSurrogatesAreRefusedAsSuch()
    {
        using var setup = new BookSetup();
        // "ED A0 80" is U+D800 written as if it were a character: impossible in UTF-8.
        var bytes = Encoding.ASCII.GetBytes("The surrogate ").Concat(new byte[] { 0xED, 0xA0, 0x80 }).Concat(Encoding.ASCII.GetBytes(" here.\n")).ToArray();
        string text = setup.Write("book.txt", bytes);
        var run = CommandLine.InProcess("build", setup.Book, "--out", setup.Out);
        CommandLine.AssertOneLineNaming(run, text);
        Assert.Contains("at byte 14", run.Error);
        Assert.Contains("surrogate", run.Error);
        Assert.DoesNotContain("Latin-1", run.Error);
        setup.AssertNothingWritten();
    }

    [Fact]
    public void AFolderWithNothingUsableIsAnErrorNamingIt()
    {
        using var setup = new BookSetup();
        setup.Write("README.md", "Scans to come.\n");
        setup.Write("notes.docx", "PK not really a document\n");
        var run = CommandLine.InProcess("build", setup.Book, "--out", setup.Out);
        CommandLine.AssertOneLineNaming(run, setup.Book);
        Assert.Contains("holds no book", run.Error);
        setup.AssertNothingWritten();

        // With a book.toml it is a book, and the error says what it lacks.
        setup.Write("book.toml", "title = \"Nothing Yet\"\n");
        run = CommandLine.InProcess("build", setup.Book, "--out", setup.Out);
        CommandLine.AssertOneLineNaming(run, setup.Book);
        Assert.Contains("holds no OCR text", run.Error);
        setup.AssertNothingWritten();
    }

    [Fact]
    public void ADanglingSymlinkForTheTextIsAnErrorNamingIt()
    {
        using var setup = new BookSetup();
        string link = Path.Combine(setup.Book, "book.txt");
        File.CreateSymbolicLink(link, Path.Combine(setup.Book, "gone", "book.txt"));
        var run = CommandLine.InProcess("build", setup.Book, "--out", setup.Out);
        CommandLine.AssertOneLineNaming(run, link);
        Assert.Contains("cannot be read", run.Error);
        setup.AssertNothingWritten();
    }

    [Fact]
    public void ALinkOutOfTheBookFolderIsRefusedAndOneInsideItIsFollowed()
    {
        using var setup = new BookSetup();
        string secret = Path.Combine(setup.Root, "secret.txt");
        File.WriteAllText(secret, "A private file of the machine that builds.\n");
        string link = Path.Combine(setup.Book, "book.txt");
        File.CreateSymbolicLink(link, secret);
        var run = CommandLine.InProcess("build", setup.Book, "--out", setup.Out);
        CommandLine.AssertOneLineNaming(run, link);
        Assert.Contains("outside the book's folder", run.Error);
        setup.AssertNothingWritten();

        // Through a linked folder too.
        File.Delete(link);
        string outside = Path.Combine(setup.Root, "elsewhere");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "book.txt"), "Text kept elsewhere.\n");
        Directory.CreateSymbolicLink(Path.Combine(setup.Book, "text"), outside);
        setup.Write("book.toml", "source = \"text/book.txt\"\n");
        run = CommandLine.InProcess("build", setup.Book, "--out", setup.Out);
        Assert.Contains("outside the book's folder", run.Error);
        setup.AssertNothingWritten();

        // A link that stays inside the folder is an ordinary input.
        Directory.Delete(Path.Combine(setup.Book, "text"));
        Directory.CreateDirectory(Path.Combine(setup.Book, "real"));
        File.WriteAllText(Path.Combine(setup.Book, "real", "book.txt"), "Text kept inside.\n");
        File.CreateSymbolicLink(Path.Combine(setup.Book, "book.txt"), Path.Combine(setup.Book, "real", "book.txt"));
        setup.Write("book.toml", "source = \"book.txt\"\n");
        run = CommandLine.InProcess("build", setup.Book, "--out", setup.Out);
        Assert.True(run.ExitCode == 0, run.Error);
    }

    [Fact]
    public void AFolderWhereTheTextShouldBeIsAnErrorNamingIt()
    {
        using var setup = new BookSetup();
        Directory.CreateDirectory(Path.Combine(setup.Book, "text.txt"));
        setup.Write("book.toml", "source = \"text.txt\"\n");
        var run = CommandLine.InProcess("build", setup.Book, "--out", setup.Out);
        CommandLine.AssertOneLineNaming(run, Path.Combine(setup.Book, "text.txt"));
        setup.AssertNothingWritten();
    }

    [Fact]
    public void AFileWithoutReadPermissionIsAnErrorUnlessRootCanReadIt()
    {
        using var setup = new BookSetup();
        string text = setup.Write("book.txt", Text);
        File.SetUnixFileMode(text, UnixFileMode.None);
        var run = CommandLine.InProcess("build", setup.Book, "--out", setup.Out, "--formats", "md");
        if (CommandLine.IsRoot)
        {
            // Root reads a file whatever its mode says (CI runs as root): the book builds.
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Contains("with some words on a second line", File.ReadAllText(Path.Combine(setup.Out, "book.md")));
        }
        else
        {
            CommandLine.AssertOneLineNaming(run, text);
            Assert.Contains("cannot be read", run.Error);
            setup.AssertNothingWritten();
        }
    }

    [Fact]
    public void ASourceOutsideTheFolderByAnAbsolutePathIsRefused()
    {
        using var setup = new BookSetup();
        setup.Write("book.txt", Text);
        string config = setup.Write("book.toml", "source = \"/etc/passwd\"\n");
        var run = CommandLine.InProcess("build", setup.Book, "--out", setup.Out);
        CommandLine.AssertOneLineNaming(run, config);
        Assert.Contains("inside the book's folder", run.Error);
        setup.AssertNothingWritten();
    }

    [Theory]
    [InlineData("[[correction]]\npage = \"one\"\nfind = \"a\"\nreplace = \"b\"\n", "'page'")]
    [InlineData("[[correction]]\npage = 1\nfind = \"a\"\nreplace = \"b\"\nreason = \"x\"\n", "unknown key 'reason'")]
    [InlineData("authors = [\"A\", 2]\n", "'authors'")]
    [InlineData("[metadata]\ntitle = \"x\"\n", "unknown key 'metadata'")]
    public void AConfigWithUnknownKeysOrWrongTypesInTablesIsAnErrorNamingIt(string toml, string problem)
    {
        using var setup = new BookSetup();
        setup.Write("book.txt", Text);
        string config = setup.Write("book.toml", toml);
        var run = CommandLine.InProcess("build", setup.Book, "--out", setup.Out);
        CommandLine.AssertOneLineNaming(run, config);
        Assert.Contains(problem, run.Error);
        setup.AssertNothingWritten();
    }

    [Fact]
    public void AnOutputFolderThatCannotBeMadeIsAnErrorNamingIt()
    {
        using var setup = new BookSetup();
        setup.Write("book.txt", Text);
        // A path under a regular file cannot be written, by root either.
        string file = Path.Combine(setup.Root, "a-file");
        File.WriteAllText(file, "not a folder");
        string target = Path.Combine(file, "editions", "book");
        var run = CommandLine.InProcess("build", setup.Book, "--out", target);
        CommandLine.AssertOneLineNaming(run, target);
        Assert.Contains("cannot write the edition here", run.Error);
        Assert.Equal("not a folder", File.ReadAllText(file));
        Assert.Equal(new[] { "a-file", "books" }, Directory.GetFileSystemEntries(setup.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AnOutputFolderInAReadOnlyFolderIsAnErrorUnlessRootCanWriteThere()
    {
        using var setup = new BookSetup();
        setup.Write("book.txt", Text);
        Directory.CreateDirectory(setup.OutParent);
        File.SetUnixFileMode(setup.OutParent, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var run = CommandLine.InProcess("build", setup.Book, "--out", setup.Out, "--formats", "md");
            if (CommandLine.IsRoot)
            {
                Assert.True(run.ExitCode == 0, run.Error);
                Assert.Equal(new[] { setup.Out }, Directory.GetFileSystemEntries(setup.OutParent));
            }
            else
            {
                CommandLine.AssertOneLineNaming(run, setup.Out);
                setup.AssertNothingWritten();
            }
        }
        finally
        {
            File.SetUnixFileMode(setup.OutParent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    // Books of page images: run as a real process, so that what Tesseract, Leptonica or libpng print
    // on the process's own standard error is seen too.

    [Fact]
    public void ACorruptPngIsAnErrorNamingItAndNothingElse()
    {
        using var setup = new BookSetup();
        // A PNG signature, then zeros: libpng would say "invalid chunk type" on its own.
        var bytes = new byte[500];
        new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        string image = setup.Write("001.png", bytes);
        var run = CommandLine.OutOfProcess("build", setup.Book, "--out", setup.Out, "--cache", setup.Cache);
        CommandLine.AssertOneLineNaming(run, image);
        Assert.Contains("cannot be read as an image", run.Error);
        setup.AssertNothingWritten();
    }

    [Fact]
    public void ATruncatedPngIsAnErrorNamingIt()
    {
        using var setup = new BookSetup();
        var page = File.ReadAllBytes(Directory.GetFiles(Path.Combine(Books.RepositoryRoot, "scans", "thornton", "pages"), "*.png").Order(StringComparer.Ordinal).First());
        string image = setup.Write("001.png", page[..(page.Length / 2)]);
        var run = CommandLine.OutOfProcess("build", setup.Book, "--out", setup.Out, "--cache", setup.Cache);
        CommandLine.AssertOneLineNaming(run, image);
        Assert.Contains("truncated", run.Error);
        setup.AssertNothingWritten();
    }

    [Fact]
    public void AZeroByteImageIsAnErrorNamingIt()
    {
        using var setup = new BookSetup();
        string image = setup.Write("001.png", Array.Empty<byte>());
        var run = CommandLine.OutOfProcess("build", setup.Book, "--out", setup.Out, "--cache", setup.Cache);
        CommandLine.AssertOneLineNaming(run, image);
        Assert.Contains("zero bytes", run.Error);
        setup.AssertNothingWritten();
    }

    [Fact]
    public void MissingTesseractLanguageDataIsAnErrorNamingTheFile()
    {
        using var setup = new BookSetup();
        File.Copy(Directory.GetFiles(Path.Combine(Books.RepositoryRoot, "scans", "thornton", "pages"), "*.png").Order(StringComparer.Ordinal).First(),
            Path.Combine(setup.Book, "001.png"));
        // "qaa" is a code reserved for local use: no Tesseract language data has it.
        setup.Write("book.toml", "language = \"qaa\"\n");
        var run = CommandLine.OutOfProcess("build", setup.Book, "--out", setup.Out, "--cache", setup.Cache);
        CommandLine.AssertOneLineNaming(run, "qaa.traineddata");
        Assert.Contains("cannot load language 'qaa'", run.Error);
        setup.AssertNothingWritten();
    }
}
