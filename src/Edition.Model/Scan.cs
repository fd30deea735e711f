namespace Edition.Model;

/// <summary>A rectangle on a page image, in the image's pixels: left and top inclusive, right and bottom exclusive.</summary>
public readonly record struct Box(int Left, int Top, int Right, int Bottom)
{
    public int Width => Right - Left;
    public int Height => Bottom - Top;

    /// <summary>The smallest box holding both.</summary>
    public Box Union(Box other) => new(Math.Min(Left, other.Left), Math.Min(Top, other.Top),
        Math.Max(Right, other.Right), Math.Max(Bottom, other.Bottom));

    public override string ToString() => $"{Left},{Top},{Right},{Bottom}";
}

/// <summary>
/// One word the OCR found on a page image: the characters of the source it became
/// (<see cref="Start"/>..<see cref="End"/>), where it stands, and how sure the engine was.
/// <see cref="Confidence"/> is on one scale, 0..1, whatever the OCR wrote (hOCR <c>x_wconf</c> 0..100 is
/// divided by 100; ALTO <c>WC</c> is already 0..1); null when the OCR gave none.
/// </summary>
public sealed record ScanWord(int Start, int End, Box Box, double? Confidence)
{
    /// <summary>Height of the word's first letter when the OCR measured it separately (a drop cap), else null.</summary>
    public int? FirstLetterHeight { get; init; }
}

/// <summary>One line of words on a page image, with the type size the OCR measured.</summary>
public sealed record ScanLine(int Start, int End, Box Box)
{
    /// <summary>The x-height or body size in pixels (hOCR <c>x_size</c>, ALTO line height), when known.</summary>
    public double? Size { get; init; }
    /// <summary>The block or paragraph the OCR put the line in, numbered from 1 on its page (0 when unknown).</summary>
    public int Block { get; init; }
}

/// <summary>One page image and what the OCR found on it.</summary>
public sealed class ScanPage
{
    public ScanPage(int index, string? imagePath, int width, int height)
    {
        Index = index;
        ImagePath = imagePath;
        Width = width;
        Height = height;
    }

    /// <summary>1-based position in the scan; matches <see cref="Page.Index"/>.</summary>
    public int Index { get; }
    /// <summary>The page image as found from the working folder (e.g. <c>scans/book/pages/p001.png</c>); null when the OCR came without its image.</summary>
    public string? ImagePath { get; }
    public int Width { get; }
    public int Height { get; }
    /// <summary>Lines in source order.</summary>
    public List<ScanLine> Lines { get; } = new();
    /// <summary>Words in source order.</summary>
    public List<ScanWord> Words { get; } = new();
}

/// <summary>
/// The geometry behind a document read from page images or from hOCR/ALTO: for every page its image,
/// and for every word and line the box it stands in, found by source offset. Absent (null on
/// <see cref="Document.Scan"/>) for plain OCR text.
/// </summary>
public sealed class ScanGeometry
{
    // Built on first use, whole, then published by one reference write: safe for outputs made on several threads.
    private Tuple<ScanWord[], int[]>? _wordIndex;
    private Tuple<ScanLine[], int[]>? _lineIndex;

    /// <summary>Pages in scan order.</summary>
    public List<ScanPage> Pages { get; } = new();

    /// <summary>The page with this 1-based scan index, or null.</summary>
    public ScanPage? Page(int index) => index >= 1 && index <= Pages.Count && Pages[index - 1].Index == index
        ? Pages[index - 1]
        : Pages.FirstOrDefault(p => p.Index == index);

    /// <summary>The word whose source characters hold <paramref name="offset"/>, or null.</summary>
    public ScanWord? WordAt(int offset)
    {
        var (words, _) = WordIndex();
        int i = Find(words, offset, w => w.Start);
        return i >= 0 && offset < words[i].End ? words[i] : null;
    }

    /// <summary>The page a word belongs to.</summary>
    public ScanPage? PageOf(ScanWord word)
    {
        var (words, pages) = WordIndex();
        int i = Find(words, word.Start, w => w.Start);
        return i >= 0 && ReferenceEquals(words[i], word) ? Pages[pages[i]] : Pages.FirstOrDefault(p => p.Words.Contains(word));
    }

    /// <summary>The line whose source characters hold <paramref name="offset"/>, or null.</summary>
    public ScanLine? LineAt(int offset)
    {
        var (lines, _) = LineIndex();
        int i = Find(lines, offset, l => l.Start);
        return i >= 0 && offset < lines[i].End ? lines[i] : null;
    }

    /// <summary>The words that overlap source characters <paramref name="start"/>..<paramref name="end"/>, in order.</summary>
    public IEnumerable<ScanWord> WordsIn(int start, int end)
    {
        var (words, _) = WordIndex();
        int i = Math.Max(0, Find(words, start, w => w.Start));
        for (; i < words.Length && words[i].Start < end; i++)
            if (words[i].End > start) yield return words[i];
    }

    /// <summary>The lowest OCR confidence of the words behind source characters <paramref name="start"/>..<paramref name="end"/>, or null.</summary>
    public double? ConfidenceOf(int start, int end)
    {
        double? min = null;
        foreach (var w in WordsIn(start, end))
            if (w.Confidence is double c && (min == null || c < min)) min = c;
        return min;
    }

    private (ScanWord[], int[]) WordIndex() => (_wordIndex ??= Index(p => p.Words)).ToValueTuple();

    private (ScanLine[], int[]) LineIndex() => (_lineIndex ??= Index(p => p.Lines)).ToValueTuple();

    private Tuple<T[], int[]> Index<T>(Func<ScanPage, List<T>> items)
    {
        var all = new List<T>();
        var pages = new List<int>();
        for (int p = 0; p < Pages.Count; p++)
            foreach (var item in items(Pages[p])) { all.Add(item); pages.Add(p); }
        return Tuple.Create(all.ToArray(), pages.ToArray());
    }

    /// <summary>Index of the last item starting at or before <paramref name="offset"/>, or -1.</summary>
    private static int Find<T>(T[] items, int offset, Func<T, int> start)
    {
        int lo = 0, hi = items.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (start(items[mid]) <= offset) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }
}
