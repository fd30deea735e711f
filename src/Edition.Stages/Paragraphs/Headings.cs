using Edition.Model;

namespace Edition.Stages.Paragraphs;

/// <summary>
/// Recognises the headings the print itself has: a block of one short line, standing alone, that
/// does not read as the end of a sentence. Set in capitals it is a chapter or part title (level 1),
/// otherwise a section heading (level 2).
/// </summary>
public static class Headings
{
    public static bool IsHeading(List<Line> block, int blocksOnPage, int measure, out int level)
    {
        level = 2;
        if (block.Count != 1) return false;
        var line = block[0];
        var words = line.Pieces.Where(p => p.IsWord).ToList();
        if (words.Count == 0 || words.Count > 14) return false;
        if (measure > 0 && line.ContentLength > measure * 0.75) return false;
        string reading = line.Reading.TrimEnd();
        string core = reading.TrimEnd(' ', '/', '\\', '|', '_', '~');
        if (core.Length == 0) return false;
        char last = core[^1];
        if (last is '.' or ',' or ';' or ':' or '-' or '—' or '”' or '’') return false;
        var first = words[0].Reading;
        if (!char.IsUpper(first[0]) && !char.IsDigit(first[0])) return false;
        // A heading capitalises its words or is set in capitals; a sentence fragment does not.
        int capitalised = words.Count(w => char.IsUpper(w.Reading[0]));
        bool capitals = Text.IsAllUpper(string.Concat(words.Select(w => w.Reading)));
        if (!capitals && capitalised * 2 < words.Count(w => w.Reading.Length > 3)) return false;
        level = capitals ? 1 : 2;
        return true;
    }
}
