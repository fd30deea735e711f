using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Edition.Cli.Parsing;

/// <summary>
/// The kinds of argument and option the commands take, each with its one validation and its one message
/// ("--jobs needs a whole number of 1 or more"), so that every command says the same thing about the same mistake.
/// </summary>
/// <remarks>
/// Each value parses its own token (a custom parser) and says what it needs; a value that is missing, empty
/// or wrong gets that one message (<see cref="Explain"/>), not the parser library's several wordings.
/// </remarks>
public static class Declare
{
    /// <summary>What each declared option or argument needs, for the message when it is missing or wrong.</summary>
    private static readonly ConditionalWeakTable<Symbol, string> Needs = new();

    private delegate bool Parse<T>(string token, out T value, out string? why);

    /// <summary>An option without a value: present or not.</summary>
    public static Option<bool> Flag(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.Zero };

    /// <summary>A folder: any path but an empty one (whether it must exist is the command's business).</summary>
    public static Option<string?> Folder(string name, string description) =>
        Valued<string?>(name, "DIR", description, "a folder", NonEmpty);

    /// <summary>A file: any path but an empty one.</summary>
    public static Option<string?> File(string name, string helpName, string description, string needs = "a file") =>
        Valued<string?>(name, helpName, description, needs, NonEmpty);

    /// <summary>A word or a path (a git revision, or a folder): anything but empty.</summary>
    public static Option<string?> Text(string name, string helpName, string description, string needs) =>
        Valued<string?>(name, helpName, description, needs, NonEmpty);

    /// <summary>A whole number of <paramref name="min"/> or more, <paramref name="defaultValue"/> when it is not given.</summary>
    public static Option<int> Count(string name, string description, int min, Func<int> defaultValue) =>
        Valued<int>(name, "N", description, $"a whole number of {min} or more", WholeNumber(min), defaultValue);

    /// <summary>A whole number of <paramref name="min"/> or more, or null when it is not given.</summary>
    public static Option<int?> OptionalCount(string name, string description, int min)
    {
        var whole = WholeNumber(min);
        return Valued<int?>(name, "N", description, $"a whole number of {min} or more",
            (string t, out int? v, out string? why) => { bool ok = whole(t, out int n, out why); v = n; return ok; });
    }

    /// <summary>A percentage, 0 or more, with a decimal point (not a comma); null when it is not given.</summary>
    public static Option<double?> Percent(string name, string description) =>
        Valued<double?>(name, "P", description, "a percentage, e.g. 2.5", (string t, out double? v, out string? why) =>
        {
            why = null;
            bool ok = double.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double p) && double.IsFinite(p);
            v = p;
            return ok;
        });

    /// <summary>A comma-separated list of some of <paramref name="known"/>; null when it is not given.</summary>
    public static Option<string[]?> List(string name, string description, IReadOnlyList<string> known) =>
        Valued<string[]?>(name, string.Join(",", known.Take(2)), description, $"a list, e.g. {string.Join(",", known.Take(2))}",
            (string t, out string[]? v, out string? why) =>
            {
                v = t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                string? unknown = v.FirstOrDefault(item => !known.Contains(item));
                why = unknown == null ? null : $"{name}: unknown '{unknown}' (known: {string.Join(", ", known)})";
                return v.Length > 0 && unknown == null;
            });

    /// <summary>A folder or file given by its place on the command line; with <paramref name="defaultValue"/> it may be left out.</summary>
    public static Argument<string> Place(string helpName, string description, string needs, string? defaultValue = null)
    {
        var argument = new Argument<string>(helpName)
        {
            Description = description,
            Arity = defaultValue == null ? ArgumentArity.ExactlyOne : ArgumentArity.ZeroOrOne,
            CustomParser = r => r.Tokens is [{ Value: ['-', _, ..] } option]
                    // An option this command does not have fills the argument's place otherwise ("build --fast").
                    ? Fail(r, $"unknown option '{option.Value}' (a folder or file whose name begins with '-' is written ./{option.Value})", "")
                : r.Tokens is [{ Value.Length: > 0 } token] ? token.Value
                : r.Tokens.Count == 0 && defaultValue != null ? defaultValue
                : Fail(r, $"{CommandOf(r)} needs {needs}", ""),
        };
        if (defaultValue != null) argument.DefaultValueFactory = _ => defaultValue;
        Needs.Add(argument, needs);
        return argument;
    }

    /// <summary>A parse error in the words of the option or argument it is about.</summary>
    public static string Explain(ParseError error) => error.SymbolResult switch
    {
        OptionResult { Tokens.Count: > 1 } o => $"{o.Option.Name} is given more than once",
        OptionResult { Tokens.Count: 0 } o when Needs.TryGetValue(o.Option, out var needs) => $"{o.Option.Name} needs {needs}",
        ArgumentResult { Tokens.Count: 0 } a when Needs.TryGetValue(a.Argument, out var needs) => $"{CommandOf(a)} needs {needs}",
        _ => error.Message,
    };

    private static Option<T> Valued<T>(string name, string helpName, string description, string needs, Parse<T> parse, Func<T>? defaultValue = null)
    {
        var option = new Option<T>(name)
        {
            Description = description,
            HelpName = helpName,
            Arity = ArgumentArity.ZeroOrOne, // so that "--out" without a value gets the option's message, below
            CustomParser = r => r.Tokens is [var token] && parse(token.Value, out T value, out _) ? value
                : Fail(r, r.Tokens is [var t] && !parse(t.Value, out _, out string? why) && why != null ? why : $"{name} needs {needs}", default(T)!),
        };
        if (defaultValue != null) option.DefaultValueFactory = _ => defaultValue();
        // Given without a value: the parser does not call the custom parser for an option with a default value.
        option.Validators.Add(r =>
        {
            if (!r.Implicit && r.Tokens.Count == 0 && r.Errors.Count() == 0) r.AddError($"{name} needs {needs}");
        });
        Needs.Add(option, needs);
        return option;
    }

    private static bool NonEmpty(string token, out string? value, out string? why)
    {
        value = token;
        why = null;
        return token.Length > 0;
    }

    private static Parse<int> WholeNumber(int min) => (string t, out int v, out string? why) =>
    {
        why = null;
        return int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out v) && v >= min;
    };

    private static T Fail<T>(ArgumentResult r, string message, T value)
    {
        r.AddError(message);
        return value;
    }

    private static string CommandOf(SymbolResult r)
    {
        for (var s = r.Parent; s != null; s = s.Parent)
            if (s is CommandResult c) return c.Command.Name;
        return "the command";
    }
}
