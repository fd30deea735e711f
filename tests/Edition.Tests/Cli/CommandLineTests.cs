using Edition.Tests.Support;

namespace Edition.Tests.Cli;

/// <summary>
/// The command line as a user meets it: <c>edition COMMAND --help</c> for every command, and every mistake in
/// the command line one line on stderr ("edition: ..."), exit 2, nothing on stdout, no stack trace.
/// </summary>
[Collection("Console")]
public class CommandLineTests
{
    /// <summary>Each command and the options its help must list (written out here, not read from the program).</summary>
    public static TheoryData<string, string[]> Commands => new()
    {
        { "build", ["<BOOK>", "--out <DIR>", "--formats", "md,apparatus,diff,html,pdf,tei,epub", "--jobs <N>", "--cache <DIR>", "--keep-going"] },
        { "check", ["<BOOKS>", "--all", "--json", "--junit <FILE>", "--editions <DIR>", "--cache <DIR>", "Exit 0"] },
        { "diff", ["<BOOK>", "--against <REV|DIR>", "Exit 0"] },
        { "score", ["<EDITION.md>", "<REFERENCE.txt>", "--raw <RAW.txt>", "--json"] },
        { "bench", ["<BOOK>", "--pages <N>", "--runs <N>", "--pdf"] },
        { "bench-ocr", ["<BOOK>", "--pages <N>"] },
        { "roundtrip", ["<BOOK>", "--pages <N>", "--dpi <N>", "--jobs <N>", "--seed <N>", "--degrade", "--keep <DIR>", "--cache <DIR>", "--max-wer <P>"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void EachCommandHasItsHelp(string command, string[] listed)
    {
        foreach (var help in new[] { "--help", "-h" })
        {
            var run = CommandLine.InProcess(command, help);
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Equal("", run.Error);
            Assert.Contains($"edition {command} ", run.Out);
            foreach (var item in listed) Assert.Contains(item, run.Out);
            Assert.Contains("--help", run.Out);
        }
        // "edition help COMMAND" is the same page.
        Assert.Equal(CommandLine.InProcess(command, "--help").Out, CommandLine.InProcess("help", command).Out);
    }

    [Fact]
    public void TheToolsHelpListsEveryCommand()
    {
        var run = CommandLine.InProcess("--help");
        Assert.Equal(0, run.ExitCode);
        foreach (var command in Commands.Select(row => (string)row[0])) Assert.Contains($"  {command} ", run.Out);
        Assert.Contains("--version", run.Out);
        Assert.Equal(run.Out, CommandLine.InProcess("help").Out);
    }

    [Fact]
    public void VersionIsTheToolsVersion()
    {
        var run = CommandLine.InProcess("--version");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"edition {Edition.Cli.EditionBuild.ToolVersion}\n", run.Out);
    }

    /// <summary>A mistake, and what the one line must say.</summary>
    public static TheoryData<string[], string> Mistakes => new()
    {
        { [], "which command?" },
        { ["publish"], "unknown command 'publish'" },
        { ["--fast"], "unknown option '--fast'" },
        { ["build"], "build needs a book folder" },
        { ["build", ""], "build needs a book folder" },
        { ["build", "scans/x", "y"], "'y' is one argument too many" },
        { ["build", "scans/x", "--fast"], "unknown option '--fast'" },
        { ["build", "--fast"], "unknown option '--fast'" },
        { ["build", "--version"], "unknown option '--version'" },
        { ["score", "-x", "b.txt"], "unknown option '-x'" },
        { ["build", "scans/x", "--out"], "--out needs a folder" },
        { ["build", "scans/x", "--out", ""], "--out needs a folder" },
        { ["build", "scans/x", "--out", "a", "--out", "b"], "--out is given more than once" },
        { ["build", "scans/x", "--jobs"], "--jobs needs a whole number of 1 or more" },
        { ["build", "scans/x", "--jobs", "0"], "--jobs needs a whole number of 1 or more" },
        { ["build", "scans/x", "--jobs", "two"], "--jobs needs a whole number of 1 or more" },
        { ["build", "scans/x", "--jobs", "99999999999"], "--jobs needs a whole number of 1 or more" },
        { ["build", "scans/x", "--formats", ""], "--formats needs a list" },
        { ["build", "scans/x", "--formats", "md,docx"], "--formats: unknown 'docx'" },
        { ["build", "scans/x", "--cache", ""], "--cache needs a folder" },
        { ["build", "scans/x", "--keep-going=yes"], "'yes' is one argument too many" },
        { ["check", "--junit"], "--junit needs a file" },
        { ["check", "--junit", ""], "--junit needs a file" },
        { ["check", "--editions", ""], "--editions needs a folder" },
        { ["check", "scans", "scans"], "'scans' is one argument too many" },
        { ["diff"], "diff needs a book" },
        { ["diff", "x", "--against"], "--against needs a git rev" },
        { ["diff", "x", "--against", ""], "--against needs a git rev" },
        { ["score"], "score needs an edition and a reference" },
        { ["score", "a.md"], "score needs an edition and a reference" },
        { ["score", "a.md", "b.txt", "c.txt"], "'c.txt' is one argument too many" },
        { ["score", "a.md", "b.txt", "--raw"], "--raw needs the raw OCR text file" },
        { ["bench", "--runs", "0"], "--runs needs a whole number of 1 or more" },
        { ["bench", "--pages", "-5"], "--pages needs a whole number of 1 or more" },
        { ["bench-ocr", "--pages", "0"], "--pages needs a whole number of 1 or more" },
        { ["roundtrip", "--dpi", "71"], "--dpi needs a whole number of 72 or more" },
        { ["roundtrip", "--seed", "-1"], "--seed needs a whole number of 0 or more" },
        { ["roundtrip", "--max-wer", "1,5"], "--max-wer needs a percentage" },
        { ["roundtrip", "--max-wer", "-1"], "--max-wer needs a percentage" },
        { ["roundtrip", "--max-wer", "NaN"], "--max-wer needs a percentage" },
        { ["roundtrip", "--keep", ""], "--keep needs a folder" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void EveryUsageErrorIsOneLineAndExitTwo(string[] args, string says)
    {
        var run = CommandLine.InProcess(args);
        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.Error}");
        Assert.Equal("", run.Out);
        var lines = run.Error.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length == 1, "more than one line: " + run.Error);
        Assert.StartsWith("edition: ", lines[0]);
        Assert.Contains(says, lines[0]);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.DoesNotContain("internal error", run.Error);
        // Where to read more: the help of the command the mistake is in.
        Assert.Matches(@"see 'edition( [a-z-]+)? --help'\)$", lines[0]);
    }

    [Fact]
    public void OneOptionOneMessageInEveryCommand()
    {
        // --jobs in build and in roundtrip, --pages in bench, bench-ocr and roundtrip: the same words.
        string Line(params string[] args) => CommandLine.InProcess(args).Error.Split(" (see ")[0];
        Assert.Equal(Line("build", "x", "--jobs", "0"), Line("roundtrip", "--jobs", "0"));
        Assert.Equal(Line("bench", "--pages", "0"), Line("bench-ocr", "--pages", "0"));
        Assert.Equal(Line("bench", "--pages", "0"), Line("roundtrip", "--pages", "0"));
        Assert.Equal(Line("build", "x", "--cache", ""), Line("check", "--cache", ""));
    }

    [Fact]
    public void AnArgumentBeginningWithAnAtSignIsAPathNotAResponseFile()
    {
        using var temp = new TempFolder();
        string book = Path.Combine(temp.Root, "@book");
        var run = CommandLine.InProcess("build", book);
        CommandLine.AssertOneLineNaming(run, book);
        Assert.Contains("no such folder", run.Error);
    }

    [Fact]
    public void UsageErrorsFromTheBuiltProgramToo()
    {
        // The real process: the exit code and the one line reach the shell.
        var run = CommandLine.OutOfProcess("build", "scans/x", "--out", "");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("edition: --out needs a folder (see 'edition build --help')\n", run.Error);
        Assert.Equal("", run.Out);
    }
}
