namespace Edition.Stages.Misreadings;

/// <summary>
/// Shapes an OCR engine confuses in print of this age: what it read, and what the print more likely
/// holds. General facts about OCR of Latin type, not about any one book.
/// </summary>
public static class ConfusionPairs
{
    /// <summary>Inside words: (read, meant).</summary>
    public static readonly (string Read, string Meant)[] InWords =
    {
        ("ti", "n"), ("ii", "n"), ("ri", "n"), ("rn", "m"), ("m", "rn"), ("in", "m"), ("cl", "d"), ("li", "h"),
        ("vv", "w"), ("tl", "d"), ("fi", "h"), ("c", "e"), ("e", "c"), ("1", "l"), ("1", "i"), ("0", "o"),
        ("5", "s"), ("l", "i"), ("i", "l"), ("u", "n"), ("n", "u"), ("h", "b"), ("b", "h"),
    };

    /// <summary>Letters read for digits inside a number: (read, meant).</summary>
    public static readonly Dictionary<char, char> InNumbers = new()
    {
        ['a'] = '2', ['S'] = '5', ['s'] = '5', ['O'] = '0', ['o'] = '0', ['l'] = '1', ['I'] = '1', ['i'] = '1',
        ['|'] = '1', ['Z'] = '2', ['z'] = '2', ['B'] = '8', ['g'] = '9', ['q'] = '9', ['G'] = '6', ['b'] = '6',
    };

    /// <summary>Enumeration labels read as their look-alikes: "(6)" for "(b)", "(a)" for "(2)".</summary>
    public static readonly (char Read, char Meant)[] InLabels =
    {
        ('6', 'b'), ('b', '6'), ('a', '2'), ('2', 'a'), ('8', 'B'), ('1', 'l'), ('l', '1'), ('0', 'o'), ('o', '0'),
        ('5', 's'), ('s', '5'), ('c', 'e'), ('e', 'c'), ('3', 'a'),
    };

    /// <summary>Brackets read as braces.</summary>
    public static readonly Dictionary<string, string> Brackets = new() { ["{"] = "(", ["}"] = ")" };
}
