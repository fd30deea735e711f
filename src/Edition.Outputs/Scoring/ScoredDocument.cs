namespace Edition.Outputs.Scoring;

/// <summary>
/// A text reduced to what is scored, in the common form (<see cref="CommonText"/>): its pages'
/// body text (notes removed), its blocks (paragraphs and headings), and its notes with where they
/// are anchored. Both the DP reference and the Markdown edition are read into this.
/// </summary>
public sealed class ScoredDocument
{
    public List<ScoredPage> Pages { get; } = new();
    public List<ScoredBlock> Blocks { get; } = new();
    public List<ScoredNote> Notes { get; } = new();

    /// <summary>Page breaks marked in the text (<c>[]{.pb}</c> spans, or DP page separators).</summary>
    public int PageBreaks { get; set; }
}

public sealed class ScoredPage
{
    /// <summary>The page's number as the text gives it (pb <c>n</c>, or the DP file's number), or null for text before the first break.</summary>
    public string? Key { get; init; }

    /// <summary>Body text: paragraphs and headings, notes and note markers removed.</summary>
    public string Body { get; set; } = "";

    /// <summary>
    /// The notes that belong to the page, whole: for the reference, the notes that begin on it
    /// (with any continuation on later pages); for the edition, the notes referenced on it.
    /// </summary>
    public string Notes { get; set; } = "";

    /// <summary>The note text printed on the page, in print order (reference only; the edition has no print order).</summary>
    public string PrintedNotes { get; set; } = "";

    public int? Number => Key != null && int.TryParse(Key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : null;
}

public sealed class ScoredBlock
{
    /// <summary>The page on which the block begins.</summary>
    public int Page { get; init; }
    public string Text { get; init; } = "";
    public bool IsHeading { get; init; }
    public int Level { get; init; }
}

public sealed class ScoredNote
{
    public string Label { get; init; } = "";
    public string Text { get; set; } = "";

    /// <summary>The page that holds the note's reference (marker), or -1 when the body has none.</summary>
    public int AnchorPage { get; set; } = -1;

    /// <summary>The word just before the marker, punctuation trimmed; null when there is no marker.</summary>
    public string? WordBefore { get; set; }

    /// <summary>The page the note is given to: its anchor's page, or where it stands when it has no anchor.</summary>
    public int Page { get; set; }
}

/// <summary>Something text in the common form is written to.</summary>
public interface ITextTarget
{
    void Append(char c);
    void Space();
}

/// <summary>Builds a <see cref="ScoredDocument"/> as the text is read: pages, blocks and a tail of the body for the word before a marker.</summary>
internal sealed class DocumentBuilder : ITextTarget
{
    private readonly ScoredDocument _doc = new();
    private readonly List<TextSink> _pages = new();
    private TextSink _page;
    private TextSink _block = new();
    private readonly TextSink _all = new();
    private int _blockPage = -1;
    private bool _blockHeading;
    private int _blockLevel;

    public DocumentBuilder()
    {
        _page = new TextSink();
        _pages.Add(_page);
        _doc.Pages.Add(new ScoredPage { Key = null });
    }

    public ScoredDocument Document => _doc;
    public int CurrentPage => _pages.Count - 1;

    /// <summary>Page <paramref name="key"/> begins here.</summary>
    public void StartPage(string? key)
    {
        if (_pages.Count == 1 && _doc.Pages[0].Key == null && _page.IsEmpty && _blockPage < 0)
        {
            _doc.Pages[0] = new ScoredPage { Key = key }; // nothing came before the first break
            return;
        }
        _page = new TextSink();
        _pages.Add(_page);
        _doc.Pages.Add(new ScoredPage { Key = key });
    }

    /// <summary>Ends the current block; the next text begins a new one.</summary>
    public void StartBlock(bool heading = false, int level = 0)
    {
        EndBlock();
        _blockHeading = heading;
        _blockLevel = level;
    }

    private void EndBlock()
    {
        string text = _block.ToString();
        if (text.Length > 0)
            _doc.Blocks.Add(new ScoredBlock { Page = _blockPage, Text = text, IsHeading = _blockHeading, Level = _blockLevel });
        _block = new TextSink();
        _blockPage = -1;
        _blockHeading = false;
        _blockLevel = 0;
        _page.Space();
        _all.Space();
    }

    public void Append(char c)
    {
        if (char.IsWhiteSpace(c)) { Space(); return; }
        if (_blockPage < 0) _blockPage = CurrentPage;
        _page.Append(c);
        _block.Append(c);
        _all.Append(c);
    }

    public void Space()
    {
        _page.Space();
        _block.Space();
        _all.Space();
    }

    /// <summary>The last word of the body so far (punctuation trimmed).</summary>
    public string LastWord() => CommonText.LastWord(_all.Tail(200));

    public ScoredDocument Finish()
    {
        EndBlock();
        for (int i = 0; i < _pages.Count; i++) _doc.Pages[i].Body = _pages[i].ToString();
        return _doc;
    }
}
