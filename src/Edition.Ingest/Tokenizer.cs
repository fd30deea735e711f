using System.Globalization;
using Edition.Model;

namespace Edition.Ingest;

/// <summary>
/// Cuts source text into leaf pieces: whitespace runs, words (letters and digits with the hyphens,
/// apostrophes and digit separators inside them, and a hyphen at their end) and single marks.
/// Every character lands in exactly one piece.
/// </summary>
public static class Tokenizer
{
    public delegate Page PageAt(int offset);

    public static void Tokenize(string text, int start, int end, Action<Piece> emit, PageAt pageAt)
    {
        // Readings recur (words, spaces): one string each, not one per occurrence.
        var pool = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        int i = start;
        while (i < end)
        {
            char c = text[i];
            int j;
            PieceKind kind;
            if (char.IsWhiteSpace(c))
            {
                j = i + 1;
                while (j < end && char.IsWhiteSpace(text[j])) j++;
                kind = PieceKind.Space;
            }
            else if (IsWordChar(text, i))
            {
                j = ScanWord(text, i, end);
                kind = PieceKind.Word;
            }
            else
            {
                j = i + (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1]) ? 2 : 1);
                kind = PieceKind.Punctuation;
            }
            var span = text.AsSpan(i, j - i);
            if (!pool.TryGetValue(span, out var reading))
            {
                reading = span.ToString();
                if (span.Length <= 32) pool[span] = reading;
            }
            emit(new Piece(kind, i, j, reading, pageAt(i)));
            i = j;
        }
    }

    /// <summary>Cuts a reading (not tied to the source) into word and non-word runs; used for evidence.</summary>
    public static bool IsWordChar(string text, int i)
    {
        char c = text[i];
        if (char.IsLetterOrDigit(c)) return true;
        if (char.IsHighSurrogate(c) && i + 1 < text.Length) return char.IsLetter(text, i);
        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    private static int ScanWord(string text, int i, int end)
    {
        int j = i;
        while (j < end)
        {
            if (IsWordChar(text, j)) { j += char.IsHighSurrogate(text[j]) ? 2 : 1; continue; }
            char c = text[j];
            bool nextIsWord = j + 1 < end && IsWordChar(text, j + 1);
            if ((c is '-' or '\'' or '’' or '\u00AD') && nextIsWord) { j++; continue; }
            if ((c is '.' or ',') && nextIsWord && char.IsDigit(text[j - 1]) && char.IsDigit(text[j + 1])) { j++; continue; }
            // A hyphen that ends the word before whitespace: the line-end hyphen the dehyphenation stage decides on.
            if (c is '-' or '\u00AD' && (j + 1 == end || char.IsWhiteSpace(text[j + 1])) && j > i && char.IsLetter(text[j - 1])) { j++; }
            break;
        }
        return j;
    }
}
