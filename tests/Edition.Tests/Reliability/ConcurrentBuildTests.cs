using Edition.Tests.Support;
using Edition.Cli;
using Edition.Cli.Writing;

namespace Edition.Tests.Reliability;

/// <summary>Two builds of one book into one folder at the same time: the folder ends whole, as one build makes it.</summary>
public class ConcurrentBuildTests
{
    private const string Text =
        "T he first page of a book built twice at once, which has a few lines\nof text on it, and a note.*\n\n* The note at its foot.\n\f" +
        "2\nThe second page goes on with the argu-\nment of the first, and ends here.\n";

    private static Dictionary<string, byte[]> Files(string folder) =>
        Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f)!, File.ReadAllBytes);

    [Fact]
    public void TwoProcessesBuildingTheSameBookAtOnceLeaveOneCompleteEdition()
    {
        using var setup = new BookSetup("twice");
        setup.Write("twice.txt", Text);
        string single = Path.Combine(setup.Root, "single", "twice");
        var alone = CommandLine.OutOfProcess("build", setup.Book, "--out", single);
        Assert.True(alone.ExitCode == 0, alone.Error);
        var expected = Files(single);
        Assert.Equal(10, expected.Count); // md, apparatus, diff.txt, index.html, diff.html, pdf, xml (TEI), epub, build.json and the .edition marker

        for (int round = 0; round < 2; round++)
        {
            using var a = CommandLine.Start("build", setup.Book, "--out", setup.Out);
            using var b = CommandLine.Start("build", setup.Book, "--out", setup.Out);
            var ra = CommandLine.Finish(a);
            var rb = CommandLine.Finish(b);
            Assert.True(ra.ExitCode == 0, "first: " + ra.Error);
            Assert.True(rb.ExitCode == 0, "second: " + rb.Error);
            var got = Files(setup.Out);
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), got.Keys.Order(StringComparer.Ordinal));
            foreach (var (name, bytes) in expected) Assert.True(bytes.AsSpan().SequenceEqual(got[name]), name + " differs from a single build");
            // No temporary, old or lock file is left beside the edition.
            Assert.Equal(new[] { setup.Out }, Directory.GetFileSystemEntries(setup.OutParent));
        }
    }

    [Fact]
    public async Task ABuildWaitsWhileAnotherHoldsTheLockAndSaysSo()
    {
        using var setup = new BookSetup("waiting");
        setup.Write("waiting.txt", Text);
        Directory.CreateDirectory(setup.OutParent);
        string lockPath = OutputFolder.LockPath(setup.Out);
        Assert.Equal(Path.Combine(setup.OutParent, ".waiting.lock"), lockPath);

        // This test plays the other build: it holds the lock as OutputFolder does.
        var held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        using var build = CommandLine.Start("build", setup.Book, "--out", setup.Out, "--formats", "md,apparatus");
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        string? firstLine = await build.StandardOutput.ReadLineAsync(guard.Token);
        Assert.NotNull(firstLine);
        Assert.StartsWith("waiting for another build writing " + setup.Out, firstLine);
        Assert.Contains(lockPath, firstLine);
        Assert.False(Directory.Exists(setup.Out), "the edition was written while another build held the lock");
        Assert.False(build.HasExited);

        File.Delete(lockPath);
        held.Dispose();
        var run = CommandLine.Finish(build);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(new[] { ".edition", "apparatus.json", "waiting.md" }, Directory.GetFiles(setup.Out).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(new[] { setup.Out }, Directory.GetFileSystemEntries(setup.OutParent));
    }
}
