using System.Diagnostics;
using System.Security.Cryptography;
using Edition.Cli.Writing;
using Edition.Tests.Support;

namespace Edition.Tests.Reliability;

/// <summary>
/// The edition writer touches only what it wrote: an --out that is not an edition of ours is refused with one
/// line and nothing touched (not even a lock file beside it); an edition of ours is replaced whole, files of
/// the user's in it carried over; leftovers of killed builds are cleaned up by the next build. Reports
/// (--junit) are written to regular files only. All through the real command line.
/// </summary>
[Collection("Console")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class EditionWriterTests
{
    private const string Text = "A first line of a little book, with some words\non a second line.\n";

    /// <summary>Every entry under <paramref name="root"/> (hidden ones too) with its kind and, for a regular file, its hash; links are not followed.</summary>
    private static List<string> Snapshot(string root)
    {
        var entries = new List<string>();
        foreach (var path in Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var kind = Posix.Kind(path);
            string what = kind switch
            {
                PathKind.Regular => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))),
                PathKind.SymbolicLink => "-> " + new FileInfo(path).LinkTarget,
                _ => kind.ToString(),
            };
            entries.Add(Path.GetRelativePath(root, path) + " " + what);
        }
        entries.Sort(StringComparer.Ordinal);
        return entries;
    }

    private static BookSetup Book(string name = "book")
    {
        var setup = new BookSetup(name);
        setup.Write(name + ".txt", Text);
        return setup;
    }

    /// <summary>The build is refused, one line naming <paramref name="target"/>, and nothing under the test's folder changed.</summary>
    private static void AssertRefused(BookSetup setup, string target, string says, params string[] extra)
    {
        var before = Snapshot(setup.Root);
        var run = CommandLine.InProcess(["build", setup.Book, "--out", target, .. extra]);
        CommandLine.AssertOneLineNaming(run, target);
        Assert.Contains(says, run.Error);
        Assert.Contains("nothing was written", run.Error);
        Assert.Equal(before, Snapshot(setup.Root));
    }

    [Fact]
    public void TheParentOfTheEditionsIsRefused()
    {
        // "edition build scans/BOOK --out editions", forgetting the book's name: the other editions stay.
        using var setup = Book();
        string editions = Path.Combine(setup.Root, "editions");
        foreach (var other in new[] { "one", "two" })
        {
            using var book = Book(other);
            var built = CommandLine.InProcess("build", book.Book, "--out", Path.Combine(editions, other), "--formats", "md");
            Assert.True(built.ExitCode == 0, built.Error);
        }
        AssertRefused(setup, editions, "is not an edition folder of ours");
        Assert.Equal(new[] { "one", "two" }, Directory.GetDirectories(editions).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ABooksOwnFolderIsRefused()
    {
        using var setup = Book();
        using var other = Book("other");
        File.WriteAllText(Path.Combine(other.Book, "book.toml"), "title = \"Other\"\n");
        Directory.CreateDirectory(Path.Combine(other.Book, "hocr"));
        File.Copy(Path.Combine(other.Book, "other.txt"), Path.Combine(other.Book, "hocr", "001.txt"));
        var before = Snapshot(other.Root);
        var run = CommandLine.InProcess("build", setup.Book, "--out", other.Book);
        CommandLine.AssertOneLineNaming(run, other.Book);
        Assert.Contains("is not an edition folder of ours", run.Error);
        Assert.Equal(before, Snapshot(other.Root));
    }

    [Fact]
    public void TheBooksOwnFolderAndAFolderInsideItAreRefused()
    {
        using var setup = Book();
        AssertRefused(setup, setup.Book, "is not an edition folder of ours");
        AssertRefused(setup, Path.Combine(setup.Book, "out"), "inside the book's folder");
    }

    [Fact]
    public void AProjectFolderIsRefused()
    {
        using var setup = Book();
        string project = Path.Combine(setup.Root, "project");
        Directory.CreateDirectory(Path.Combine(project, "src"));
        File.WriteAllText(Path.Combine(project, "src", "Program.cs"), "class P {}\n");
        File.WriteAllText(Path.Combine(project, "README.md"), "# mine\n");
        AssertRefused(setup, project, "is not an edition folder of ours");
        AssertRefused(setup, Path.Combine(project, "src"), "is not an edition folder of ours");
    }

    [Fact]
    public void AnotherBooksEditionIsRefused()
    {
        using var setup = Book();
        using var other = Book("other");
        Assert.Equal(0, CommandLine.InProcess("build", other.Book, "--out", setup.Out, "--formats", "md").ExitCode);
        AssertRefused(setup, setup.Out, "holds the edition of other, not of book");
    }

    [Fact]
    public void ALinkAFifoAndAFileAreRefused()
    {
        using var setup = Book();
        string real = Path.Combine(setup.Root, "real");
        Directory.CreateDirectory(real);
        string link = Path.Combine(setup.Root, "link");
        File.CreateSymbolicLink(link, real);
        AssertRefused(setup, link, "is a symbolic link");
        string fifo = Path.Combine(setup.Root, "fifo");
        Process.Start("mkfifo", fifo)!.WaitForExit();
        Assert.Equal(PathKind.Fifo, Posix.Kind(fifo));
        AssertRefused(setup, fifo, "is a FIFO (named pipe), not a folder");
        string file = Path.Combine(setup.Root, "file");
        File.WriteAllText(file, "mine\n");
        AssertRefused(setup, file, "is a regular file, not a folder");
    }

    [Fact]
    public void AnEditionHoldingAFolderOrLinkOfTheUsersIsRefused()
    {
        using var setup = Book();
        Assert.Equal(0, CommandLine.InProcess("build", setup.Book, "--out", setup.Out, "--formats", "md").ExitCode);
        string sub = Path.Combine(setup.Out, "my-notes");
        Directory.CreateDirectory(sub);
        File.WriteAllText(Path.Combine(sub, "note.txt"), "mine\n");
        AssertRefused(setup, setup.Out, "holds my-notes, a folder, which no build writes");
    }

    [Fact]
    public void AnEmptyFolderANewOneAndOurOwnEditionAreWritten()
    {
        using var setup = Book();
        Directory.CreateDirectory(setup.Out);
        var run = CommandLine.InProcess("build", setup.Book, "--out", setup.Out, "--formats", "md");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("{\"edition_folder\":1,\"book\":\"book\",\"note\":\"made by edition build; the next build of this book replaces this folder whole\"}\n",
            File.ReadAllText(Path.Combine(setup.Out, ".edition")));
        // A file of the user's put into the edition is carried over, not lost, when the edition is replaced.
        File.WriteAllText(Path.Combine(setup.Out, "my-notes.txt"), "mine\n");
        setup.Write("book.txt", Text.Replace("second", "third"));
        run = CommandLine.InProcess("build", setup.Book, "--out", setup.Out, "--formats", "md,apparatus");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(new[] { ".edition", "apparatus.json", "book.md", "my-notes.txt" }, Directory.GetFiles(setup.Out).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("mine\n", File.ReadAllText(Path.Combine(setup.Out, "my-notes.txt")));
        Assert.Contains("third line", File.ReadAllText(Path.Combine(setup.Out, "book.md")));
        Assert.Equal(new[] { setup.Out }, Directory.GetFileSystemEntries(setup.OutParent));
    }

    [Fact]
    public void AnEditionStampedByBuildJsonAloneIsOurs()
    {
        // Editions committed before the .edition marker have our build.json: they are replaced as before.
        using var setup = Book();
        Assert.Equal(0, CommandLine.InProcess("build", setup.Book, "--out", setup.Out).ExitCode);
        File.Delete(Path.Combine(setup.Out, ".edition"));
        var run = CommandLine.InProcess("build", setup.Book, "--out", setup.Out, "--formats", "md");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(File.Exists(Path.Combine(setup.Out, ".edition")));
        // A build.json that is not ours (not our schema) makes no edition of ours.
        File.Delete(Path.Combine(setup.Out, ".edition"));
        File.WriteAllText(Path.Combine(setup.Out, "build.json"), "{\"book\": \"book\"}\n");
        AssertRefused(setup, setup.Out, "is not an edition folder of ours", "--formats", "md");
    }

    [Fact]
    public void LeftoversOfKilledBuildsAreCleanedUpByTheNextBuild()
    {
        using var setup = Book();
        Assert.Equal(0, CommandLine.InProcess("build", setup.Book, "--out", setup.Out, "--formats", "md").ExitCode);
        string hex = new('a', 32);
        // What builds killed at each moment leave: a half-written new edition, an old one swapped out and not
        // yet deleted, and the lock file.
        foreach (var left in new[] { $".book.tmp-4242-{hex}", $".book.tmp-4343-{new string('b', 32)}" })
        {
            Directory.CreateDirectory(Path.Combine(setup.OutParent, left));
            File.WriteAllText(Path.Combine(setup.OutParent, left, "book.md"), "half\n");
        }
        File.WriteAllText(Path.Combine(setup.OutParent, ".book.lock"), "");
        // Not ours: names a build never makes, and another edition's leftovers.
        foreach (var mine in new[] { ".book.tmp-mine", $".other.tmp-4242-{hex}", $"book.tmp-4242-{hex}" })
            Directory.CreateDirectory(Path.Combine(setup.OutParent, mine));
        var run = CommandLine.InProcess("build", setup.Book, "--out", setup.Out, "--formats", "md");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(new[] { ".book.tmp-mine", $".other.tmp-4242-{hex}", "book", $"book.tmp-4242-{hex}" },
            Directory.GetFileSystemEntries(setup.OutParent).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AnEditionSetAsideByAKilledTwoRenameBuildIsPutBack()
    {
        // On a file system without RENAME_EXCHANGE a build killed between its two renames leaves the old
        // edition aside and none in place: the next build puts it back, then replaces it as usual.
        using var setup = Book();
        Assert.Equal(0, CommandLine.InProcess("build", setup.Book, "--out", setup.Out, "--formats", "md").ExitCode);
        File.WriteAllText(Path.Combine(setup.Out, "my-notes.txt"), "mine\n");
        string aside = Path.Combine(setup.OutParent, $".book.old-4242-{new string('c', 32)}");
        Directory.Move(setup.Out, aside);
        var run = CommandLine.InProcess("build", setup.Book, "--out", setup.Out, "--formats", "md");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("mine\n", File.ReadAllText(Path.Combine(setup.Out, "my-notes.txt")));
        Assert.Equal(new[] { setup.Out }, Directory.GetFileSystemEntries(setup.OutParent));
    }

    // Reports.

    private static CommandLine.Run Check(TempFolder books, string junit) =>
        CommandLine.InProcess("check", Path.Combine(books.Root, "scans", "webb-dictatorship"), "--junit", junit);

    [Fact]
    public void AReportIsNeverWrittenOverAFifoADeviceAFolderOrADanglingLink()
    {
        using var temp = new TempFolder();
        string fifo = Path.Combine(temp.Root, "fifo.xml");
        Process.Start("mkfifo", fifo)!.WaitForExit();
        string folder = Path.Combine(temp.Root, "folder.xml");
        Directory.CreateDirectory(folder);
        string dangling = Path.Combine(temp.Root, "dangling.xml");
        File.CreateSymbolicLink(dangling, Path.Combine(temp.Root, "nowhere.xml"));
        string toDevice = Path.Combine(temp.Root, "device-link.xml");
        File.CreateSymbolicLink(toDevice, "/dev/full");
        var cases = new List<(string Path, string Says)>
        {
            (fifo, "is a FIFO (named pipe), not a regular file: --junit writes a regular file only"),
            (folder, "is a folder, not a regular file"),
            (dangling, "is a symbolic link to nothing"),
            (toDevice, "is a symbolic link to a character device"),
        };
        if (CommandLine.IsRoot)
        {
            // A device node of our own (the one /dev/full is), not the machine's: a regression must not replace that.
            string device = Path.Combine(temp.Root, "full.xml");
            Process.Start("mknod", [device, "c", "1", "7"])!.WaitForExit();
            Assert.Equal(PathKind.CharacterDevice, Posix.Kind(device));
            cases.Add((device, "is a character device, not a regular file"));
        }
        var before = Snapshot(temp.Root);
        foreach (var (path, says) in cases)
        {
            var run = CommandLine.InProcess("check", Books.PamphletFolder, "--junit", path);
            CommandLine.AssertOneLineNaming(run, path);
            Assert.Contains(says, run.Error);
            Assert.Equal(before, Snapshot(temp.Root));
        }
    }

    [Fact]
    public void AReportIsWrittenThroughALinkToARegularFile()
    {
        using var books = Cli.Check.CheckFixture.CopyBook();
        string target = Path.Combine(books.Root, "reports", "junit.xml");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, "old report\n");
        string link = Path.Combine(books.Root, "junit.xml");
        File.CreateSymbolicLink(link, Path.Combine("reports", "junit.xml"));
        var run = Check(books, link);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(Path.Combine("reports", "junit.xml"), new FileInfo(link).LinkTarget);
        Assert.StartsWith("<?xml", File.ReadAllText(target));
        Assert.Contains("<testsuite name=\"webb-dictatorship\"", File.ReadAllText(target));
        Assert.Equal(new[] { "junit.xml" }, Directory.GetFiles(Path.GetDirectoryName(target)!).Select(Path.GetFileName));
    }
}
