using System.CommandLine;

namespace Edition.Cli.Parsing;

/// <summary>
/// One command of the <c>edition</c> tool: its name, one line saying what it does, its arguments and options
/// (each declared once, as a field, with the kinds in <see cref="Declare"/>), and what it does with their values.
/// </summary>
/// <remarks>
/// Adding a command is one small class and one line in <see cref="Program.Commands"/>:
/// <code>
/// public sealed class HelloCommand : EditionCommand
/// {
///     private readonly Argument&lt;string&gt; _book = Declare.BookArgument("scans/BOOK", "the book to greet");
///     private readonly Option&lt;int&gt; _times = Declare.Count("--times", "how often", min: 1, defaultValue: () =&gt; 1);
///
///     public HelloCommand() : base("hello", "Greets a book.") =&gt; Add(_book, _times);
///
///     public override int Run(ParseResult parsed, TextWriter output)
///     {
///         for (int i = 0; i &lt; parsed.GetValue(_times); i++) output.WriteLine("hello " + parsed.GetValue(_book));
///         return 0;
///     }
/// }
/// </code>
/// The parser does the rest: <c>edition hello --help</c>, and every mistake in the command line as one
/// line on stderr with exit 2 (<see cref="Program.Run"/>). <see cref="Run"/> throws
/// <see cref="Edition.Ingest.InputException"/> for a bad input file or folder (one line naming it, exit 2);
/// any other exception is an internal error (exit 70).
/// </remarks>
public abstract class EditionCommand
{
    protected EditionCommand(string name, string description)
    {
        Command = new Command(name, description);
    }

    /// <summary>The parser's command, with this command's arguments and options.</summary>
    public Command Command { get; }

    public string Name => Command.Name;

    /// <summary>Declares the command's arguments (in the order they are given) and options.</summary>
    protected void Add(params Symbol[] symbols)
    {
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument: Command.Add(argument); break;
                case Option option: Command.Add(option); break;
                default: throw new ArgumentException($"{symbol.Name} is neither an argument nor an option");
            }
        }
    }

    /// <summary>Does the command, with the values of a command line already parsed and validated; returns the exit code.</summary>
    public abstract int Run(ParseResult parsed, TextWriter output);
}
