using Edition.Model;

namespace Edition.Stages.Footnotes;

/// <summary>The family a printed note marker belongs to; an OCR garble keeps its family.</summary>
public enum MarkerFamily { Asterisk, Dagger, DoubleDagger, Section, Parallel, Paragraph, Number }

/// <summary>
/// Printed note markers and the shapes the OCR turns them into: a dagger is often read as
/// <c>f</c>, <c>t</c>, <c>|</c>, <c>+</c>, <c>j-</c> or <c>-)-</c>. These are typographic facts of OCR,
/// not of any one book.
/// </summary>
public static class Markers
{
    private static readonly (string[] Shape, MarkerFamily Family)[] Shapes =
    {
        (new[] { "*" }, MarkerFamily.Asterisk),
        (new[] { "†" }, MarkerFamily.Dagger),
        (new[] { "-", ")", "-" }, MarkerFamily.Dagger),
        (new[] { "-", "|", "-" }, MarkerFamily.Dagger),
        (new[] { "j-" }, MarkerFamily.Dagger),
        (new[] { "|" }, MarkerFamily.Dagger),
        (new[] { "+" }, MarkerFamily.Dagger),
        (new[] { "f" }, MarkerFamily.Dagger),
        (new[] { "t" }, MarkerFamily.Dagger),
        (new[] { "‡" }, MarkerFamily.DoubleDagger),
        (new[] { "§" }, MarkerFamily.Section),
        (new[] { "‖" }, MarkerFamily.Parallel),
        (new[] { "|", "|" }, MarkerFamily.Parallel),
        (new[] { "¶" }, MarkerFamily.Paragraph),
    };

    private const string FirstChars = "*†-j|+ft‡§‖¶¹²³⁰⁴⁵⁶⁷⁸⁹";

    /// <summary>Garbles that are also letters: accepted only where a letter cannot be meant.</summary>
    public static bool IsLetterGarble(string s) => s is "f" or "t" or "j-";

    /// <summary>Does a marker start at piece <paramref name="i"/>? Returns how many pieces it spans.</summary>
    public static int Match(IReadOnlyList<Piece> pieces, int i, out MarkerFamily family)
    {
        family = MarkerFamily.Asterisk;
        string first = pieces[i].Reading;
        if (first.Length == 0 || first.Length > 2 || !FirstChars.Contains(first[0])) return 0;
        int best = 0;
        foreach (var (shape, fam) in Shapes)
        {
            if (shape.Length <= best || i + shape.Length > pieces.Count) continue;
            bool ok = true;
            for (int k = 0; k < shape.Length && ok; k++) ok = pieces[i + k].Reading == shape[k] && pieces[i + k].Kind != PieceKind.Space;
            if (ok) { best = shape.Length; family = fam; }
        }
        if (best == 0 && IsSuperscriptNumber(pieces[i].Reading)) { family = MarkerFamily.Number; best = 1; }
        return best;
    }

    public static bool IsSuperscriptNumber(string s)
    {
        if (s.Length == 0) return false;
        foreach (char c in s) if (c is not ('¹' or '²' or '³' or (>= '⁰' and <= '⁹'))) return false;
        return true;
    }
}
