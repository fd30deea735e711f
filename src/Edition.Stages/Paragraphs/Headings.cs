using Edition.Model;

namespace Edition.Stages.Paragraphs;

/// <summary>
/// Recognises the headings the print itself has. A block set wholly in capitals, of up to four
/// lines, is a chapter or part title (level 1), whatever punctuation ends it (<c>LETTER I.</c>). A
/// block of one short line, standing alone, with its words capitalised and not ending like a
/// sentence or a clause, is a section heading (level 2).
/// </summary>
public static class Headings
{
    private static bool HasLowerCase(Line line)
    {
        foreach (var p in line.Pieces)
            if (p.IsWord)
                foreach (char c in p.Reading)
                    if (char.IsLower(c)) return true;
        return false;
    }

    public static bool IsHeading(List<Line> block, int blocksOnPage, int measure, out int level)
    {
        level = 2;
        if (block.Count == 0 || block.Count > 4) return false;
        // Most blocks are paragraphs: a long first line, or a lower-case letter in a long block, says so at once.
        if (block.Count > 1 && HasLowerCase(block[0])) return false;
        var words = block.SelectMany(l => l.Pieces).Where(p => p.IsWord).ToList();
        if (words.Count == 0 || words.Count > 40) return false;
        string letters = string.Concat(words.Select(w => w.Reading));
        int letterCount = letters.Count(char.IsLetter);
        bool capitals = letterCount >= 3 && Text.IsAllUpper(letters);
        if (capitals)
        {
            // Capitals over several lines must still be a title, not a shouted paragraph.
            if (block.Count > 1 && words.Count > 30) return false;
            level = 1;
            return true;
        }

        if (block.Count != 1 || words.Count > 14) return false;
        if (measure > 0 && block[0].ContentLength > measure * 0.75) return false;
        var line = block[0];
        if (measure > 0 && line.ContentLength > measure * 0.75) return false;
        string reading = line.Reading.TrimEnd();
        string core = reading.TrimEnd(' ', '/', '\\', '|', '_', '~');
        if (core.Length == 0) return false;
        char last = core[^1];
        if (last is '.' or ',' or ';' or ':' or '-' or '—' or '”' or '’' or '"' or '\'') return false;
        var first = words[0].Reading;
        if (!char.IsUpper(first[0]) && !char.IsDigit(first[0])) return false;
        // A heading capitalises its words; a sentence fragment does not.
        int capitalised = words.Count(w => char.IsUpper(w.Reading[0]));
        if (capitalised * 2 < words.Count(w => w.Reading.Length > 3)) return false;
        return true;
    }
}
