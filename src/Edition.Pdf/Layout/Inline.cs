using Edition.Pdf.Shaping;

namespace Edition.Pdf.Layout;

/// <summary>
/// A paragraph's content before breaking: words (each one or more runs of text in a style, set
/// without space between them) separated by word spaces. Anchors ride on characters: where a
/// source page begins, a note is referenced, an emendation stands, a link points.
/// </summary>
public sealed class InlineText
{
    public List<Word> Words { get; } = new();
    private readonly List<object> _pendingAnchors = new();
    private bool _spacePending;

    /// <summary>Text set against what comes before it unless a space was added in between.</summary>
    public InlineText Add(string text, TextStyle style, object? anchor = null, bool hyphenate = true, LinkTarget? link = null)
    {
        if (text.Length == 0 && anchor == null && link == null) return this;
        Word word;
        if (_spacePending || Words.Count == 0)
        {
            word = new Word();
            Words.Add(word);
            _spacePending = false;
        }
        else word = Words[^1];
        Run run;
        if (word.Runs.Count > 0 && word.Runs[^1].Style == style && word.Runs[^1].Link == link && link == null)
            run = word.Runs[^1];
        else
        {
            run = new Run(style) { Link = link };
            word.Runs.Add(run);
        }
        int at = run.Text.Length;
        if (_pendingAnchors.Count > 0)
        {
            foreach (var a in _pendingAnchors) run.Anchors.Add((at, a));
            _pendingAnchors.Clear();
        }
        if (anchor != null) run.Anchors.Add((at, anchor));
        run.Text = at == 0 ? text : run.Text + text;
        if (!hyphenate) run.Hyphenate = false;
        return this;
    }

    /// <summary>A word space (several in a row count as one; none at the start).</summary>
    public InlineText Space()
    {
        if (Words.Count > 0) _spacePending = true;
        return this;
    }

    /// <summary>An anchor on the next character set (or the last, at the end of the paragraph).</summary>
    public InlineText Anchor(object anchor)
    {
        _pendingAnchors.Add(anchor);
        return this;
    }

    /// <summary>Anchors still waiting for a character go on the paragraph's end.</summary>
    public void Finish()
    {
        if (_pendingAnchors.Count == 0) return;
        if (Words.Count == 0) return;
        var run = Words[^1].Runs[^1];
        foreach (var a in _pendingAnchors) run.Anchors.Add((run.Text.Length, a));
        _pendingAnchors.Clear();
    }

    /// <summary>
    /// Plain prose: words parted by spaces, with the stretches between asterisks in
    /// <paramref name="italic"/> (a title of a work, say).
    /// </summary>
    public static InlineText Prose(string text, TextStyle roman, TextStyle italic, bool hyphenate = true)
    {
        var result = new InlineText();
        var parts = text.Split('*');
        for (int k = 0; k < parts.Length; k++)
        {
            var style = k % 2 == 1 ? italic : roman;
            var words = parts[k].Split(' ');
            for (int w = 0; w < words.Length; w++)
            {
                if (w > 0) result.Space();
                if (words[w].Length > 0) result.Add(words[w], style, hyphenate: hyphenate);
            }
        }
        return result;
    }

    public bool IsEmpty => Words.All(w => w.Runs.All(r => r.Text.Length == 0));

    public string PlainText => string.Join(" ", Words.Select(w => string.Concat(w.Runs.Select(r => r.Text))));

    public sealed class Word
    {
        public List<Run> Runs { get; } = new();
    }

    public sealed class Run(TextStyle style)
    {
        public TextStyle Style { get; } = style;
        public string Text { get; set; } = "";
        public bool Hyphenate { get; set; } = true;
        private List<(int At, object Anchor)>? _anchors;
        /// <summary>Anchors at character offsets of <see cref="Text"/>.</summary>
        public List<(int At, object Anchor)> Anchors => _anchors ??= new();
        public bool HasAnchors => _anchors is { Count: > 0 };
        /// <summary>Where a click on this run leads.</summary>
        public LinkTarget? Link { get; set; }
    }
}

/// <summary>A link from a run of text to a named destination in the document.</summary>
public sealed record LinkTarget(string Destination);

/// <summary>Where source page <see cref="Number"/> begins.</summary>
public sealed record SourcePageMark(int Number);

/// <summary>A named destination: a place links lead to.</summary>
public sealed record DestinationMark(string Name);
