using Edition.Cli.Commands;
using Edition.Ingest;

namespace Edition.Cli;

public static class Program
{
    public const string Usage = """
        usage: edition build <scans/BOOK | scans/> [--out DIR] [--formats md,apparatus,diff,html,pdf]   build editions (default out: editions/BOOK)
                     [--jobs N] [--cache DIR] [--keep-going]   page images: OCR jobs (default: cores), OCR cache, empty page for an unreadable image
               edition check [scans/ | scans/BOOK] [--all] [--json] [--junit FILE] [--editions DIR]
                     rebuild books whose inputs or tool changed (every book with --all), compare with the committed editions,
                     apply each book's [gates]; exit 0 all good, 1 a book is stale, fails to build or fails a gate, 2 usage or input error
               edition diff <scans/BOOK | BOOK> [--against REV|DIR]   what a fresh build changes in an edition, against the one
                     committed at HEAD (or a git rev, or an editions folder); exit 0 no change, 1 changes, 2 error
               edition bench [--pages N] [--runs N] [--pdf] [BOOK]       time the text stages on a book replicated to N pages
               edition bench-ocr [BOOK] [--pages N]             OCR speed on an image book (default scans/thornton) against the tesseract CLI
               edition roundtrip [BOOK] [--pages N] [--degrade] [--seed S] [--max-wer P]   edition -> PDF -> page images -> OCR -> edition: word error rates
               edition score EDITION.md REFERENCE.txt [--raw RAW.txt] [--json]   measure an edition against DP proofread text
               edition --version | --help
        """;

    public static int Main(string[] args)
    {
        try
        {
            if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
            {
                Console.WriteLine(Usage);
                return args.Length == 0 ? 2 : 0;
            }
            if (args[0] is "--version") { Console.WriteLine("edition " + EditionBuild.ToolVersion); return 0; }
            return args[0] switch
            {
                "build" => BuildCommand.Run(args[1..], Console.Out),
                "bench" => BenchCommand.Run(args[1..], Console.Out),
                "check" => CheckCommand.Run(args[1..], Console.Out),
                "diff" => DiffCommand.Run(args[1..], Console.Out),
                "score" => ScoreCommand.Run(args[1..], Console.Out),
                "bench-ocr" => BenchOcrCommand.Run(args[1..], Console.Out),
                "roundtrip" => RoundTripCommand.Run(args[1..], Console.Out),
                _ => Fail($"unknown command '{args[0]}'\n{Usage}"),
            };
        }
        catch (InputException e)
        {
            Console.Error.WriteLine("edition: " + e.Message);
            return 2;
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine("edition: " + e.Message);
            return 2;
        }
        catch (FileNotFoundException e)
        {
            Console.Error.WriteLine("edition: " + e.Message);
            return 2;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("EDITION_DEBUG") is null or "")
        {
            // A bug of ours, not the user's mistake: one line, and the way to the details.
            Console.Error.WriteLine($"edition: internal error: {e.GetType().Name}: {e.Message} (set EDITION_DEBUG=1 for the stack trace, and please report it)");
            return 70;
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("edition: " + message);
        return 2;
    }
}

/// <summary>The command line was not understood.</summary>
public sealed class UsageException(string message) : Exception(message);
