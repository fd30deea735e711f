namespace Edition.Outputs.Scoring;

/// <summary>
/// Raw OCR text as a baseline: pages split at form feeds, lines joined, whitespace collapsed and
/// the fair folds of <see cref="CommonText"/> applied; nothing else is cleaned (running heads,
/// notes, hyphenated line ends and OCR spacing all stay).
/// </summary>
public static class RawText
{
    public static List<string> Pages(string text)
    {
        var parts = text.Split('\f').ToList();
        // A form feed that ends the last page (or begins the first) does not make a page.
        if (parts.Count > 1 && string.IsNullOrWhiteSpace(parts[^1])) parts.RemoveAt(parts.Count - 1);
        if (parts.Count > 1 && string.IsNullOrWhiteSpace(parts[0])) parts.RemoveAt(0);
        return parts.Select(CommonText.Normalise).ToList();
    }
}
