using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Edition.Cli.Commands;
using Edition.Cli.Parsing;
using Edition.Ingest;

namespace Edition.Cli;

/// <summary>
/// The <c>edition</c> command line: the commands, parsed by System.CommandLine (each command declares its
/// arguments and options once, in its own class; see <see cref="EditionCommand"/>), and the one place where
/// every error becomes one line on stderr and an exit code.
/// </summary>
/// <remarks>
/// Exit codes: 0 done; 1 a command's own "no" (check: a book is stale or fails a gate; diff: the edition
/// changes; roundtrip: over its bar); 2 the user's mistake (the command line, or an input file or folder,
/// named on the one line); 70 an internal error (a bug of ours: one line, and the way to the stack trace).
/// </remarks>
public static class Program
{
    public const int UsageError = 2;
    public const int InternalError = 70;

    /// <summary>The commands, in the order <c>edition --help</c> lists them; a new command is one line here.</summary>
    public static IReadOnlyList<EditionCommand> Commands() =>
    [
        new BuildCommand(),
        new CheckCommand(),
        new DiffCommand(),
        new ScoreCommand(),
        new BenchCommand(),
        new BenchOcrCommand(),
        new RoundTripCommand(),
    ];

    public static int Main(string[] args)
    {
        try
        {
            try
            {
                return Run(args, Console.Out);
            }
            catch (AggregateException e) when (UsersMistake(e) is { } mistake)
            {
                // Work done side by side (outputs, pages) that failed on the user's input: that input, not "internal".
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(mistake);
                throw;
            }
        }
        catch (Exception e) when (e is InputException or UsageException or FileNotFoundException)
        {
            Console.Error.WriteLine("edition: " + OneLine(e.Message));
            return UsageError;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("EDITION_DEBUG") is null or "")
        {
            // A bug of ours, not the user's mistake: one line, and the way to the details.
            Console.Error.WriteLine($"edition: internal error: {e.GetType().Name}: {OneLine(e.Message)} (set EDITION_DEBUG=1 for the stack trace, and please report it)");
            return InternalError;
        }
    }

    /// <summary>The user's mistake inside exceptions of parallel work, when every one of them is one (the first); else null.</summary>
    private static Exception? UsersMistake(AggregateException e)
    {
        var inner = e.Flatten().InnerExceptions;
        return inner.Count > 0 && inner.All(x => x is InputException or UsageException) ? inner[0] : null;
    }

    /// <summary>
    /// Parses <paramref name="args"/> and runs the command, its output (and help) to <paramref name="output"/>.
    /// A mistake in the command line throws <see cref="UsageException"/> with the one line to show.
    /// </summary>
    public static int Run(string[] args, TextWriter output)
    {
        // "edition help" and "edition help build", as git and dotnet have them.
        if (args is ["help", .. var rest]) args = [.. rest, "--help"];
        var commands = Commands();
        // A plain command as the root (not RootCommand): named "edition" however the program was started (dotnet
        // edition.dll, the tests' host), and without "[suggest]" or "[diagram]" directives: a first argument is an argument.
        var root = new Command("edition", "Edition: clean, faithful, citable editions from the scans of printed books. "
            + "Exit 0 done; 1 a command's own \"no\" (check, diff, roundtrip); 2 a mistake in the command line or an input, in one line; 70 an internal error.")
        {
            new HelpOption(),
            new VersionOption { Action = new PrintVersion() },
        };
        foreach (var command in commands)
        {
            var c = command;
            c.Command.SetAction(parsed => c.Run(parsed, output));
            root.Add(c.Command);
        }
        // No "@file" response files: a book may be called anything, and an argument is what it says.
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Action is not (HelpAction or PrintVersion) && UsageProblem(parsed) is string problem)
            throw new UsageException(problem);
        return parsed.Invoke(new InvocationConfiguration
        {
            Output = output,
            Error = Console.Error,
            EnableDefaultExceptionHandler = false, // ours are in Main
            ProcessTerminationTimeout = null,     // Ctrl+C ends the process as before; the writers are atomic
        });
    }

    /// <summary>The command line's first mistake as one line (with where to read more), or null when there is none.</summary>
    private static string? UsageProblem(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        bool atRoot = parsed.CommandResult == parsed.RootCommandResult;
        string name = atRoot ? "edition" : "edition " + command.Name;
        string see = $" (see '{name} --help')";
        if (atRoot)
        {
            var names = string.Join(", ", command.Subcommands.Select(c => c.Name));
            return parsed.UnmatchedTokens.FirstOrDefault() is not string unknown ? $"which command? ({names}; see 'edition --help')"
                : unknown.StartsWith('-') ? $"unknown option '{unknown}' (see 'edition --help')"
                : $"unknown command '{unknown}' (commands: {names}; see 'edition --help')";
        }
        if (parsed.Errors.Count == 0) return null;
        // Our own messages (Declare) come first: they say what the option or argument needs.
        var error = parsed.Errors.FirstOrDefault(e => e.SymbolResult is ArgumentResult or OptionResult) ?? parsed.Errors[0];
        if (parsed.UnmatchedTokens.Count > 0 && error.SymbolResult is not (ArgumentResult or OptionResult))
        {
            string token = parsed.UnmatchedTokens[0];
            return (token.StartsWith('-') ? $"unknown option '{token}'" : $"'{token}' is one argument too many") + see;
        }
        return OneLine(Declare.Explain(error)) + see;
    }

    private static string OneLine(string message) => string.Join(" ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary><c>edition --version</c>: the tool's version as the build stamps record it.</summary>
    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine("edition " + EditionBuild.ToolVersion);
            return 0;
        }
    }
}

/// <summary>The command line was not understood.</summary>
public sealed class UsageException(string message) : Exception(message);
