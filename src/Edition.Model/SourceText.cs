namespace Edition.Model;

/// <summary>
/// The raw input exactly as read: the decoded characters, where each line starts, and what the
/// decoder took away (a byte order mark), so that the bytes can be rebuilt.
/// </summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string path, string text, bool hasByteOrderMark = false, string encoding = "utf-8")
    {
        Path = path;
        Encoding = encoding;
        Text = text;
        HasByteOrderMark = hasByteOrderMark;
        _lineStarts = FindLineStarts(text);
    }

    public string Path { get; }
    public string Text { get; }
    public bool HasByteOrderMark { get; }
    /// <summary>"utf-8" or "latin-1": how the bytes were decoded.</summary>
    public string Encoding { get; }
    public int Length => Text.Length;
    public int LineCount => _lineStarts.Length;

    /// <summary>Offset of the first character of 1-based line <paramref name="line"/>.</summary>
    public int LineStart(int line) => _lineStarts[line - 1];

    /// <summary>Offset just past the last character of the line, before its line break.</summary>
    public int LineEnd(int line)
    {
        int end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
        if (end > _lineStarts[line - 1] && end <= Text.Length && end > 0 && Text[end - 1] == '\n') end--;
        if (end > _lineStarts[line - 1] && Text[end - 1] == '\r') end--;
        return end;
    }

    public ReadOnlySpan<char> LineText(int line) => Text.AsSpan(LineStart(line), LineEnd(line) - LineStart(line));

    /// <summary>1-based line and column of an offset.</summary>
    public (int Line, int Column) Locate(int offset)
    {
        int i = Array.BinarySearch(_lineStarts, offset);
        if (i < 0) i = ~i - 1;
        return (i + 1, offset - _lineStarts[i] + 1);
    }

    public string Slice(int start, int end) => Text.Substring(start, end - start);

    private static int[] FindLineStarts(string text)
    {
        var starts = new List<int>(text.Length / 50 + 1) { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n') starts.Add(i + 1);
        }
        if (starts.Count > 1 && starts[^1] == text.Length) starts.RemoveAt(starts.Count - 1);
        return starts.ToArray();
    }
}
