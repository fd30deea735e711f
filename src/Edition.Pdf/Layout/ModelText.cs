using System.Globalization;
using Edition.Model;
using Edition.Pdf.Shaping;

namespace Edition.Pdf.Layout;

/// <summary>A note as printed: its number, where links to it and back lead, and its lines once set.</summary>
public sealed class NoteInstance(Note note, int number)
{
    public Note Note { get; } = note;
    public int Number { get; } = number;
    public int Serial { get; init; }
    public string Destination => "note-" + Serial.ToString(CultureInfo.InvariantCulture);
    public string ReferenceDestination => "ref-" + Serial.ToString(CultureInfo.InvariantCulture);
    public List<LaidLine> Lines { get; } = new();
}

/// <summary>Where a note referenced on a line is printed (at the foot of that line's page).</summary>
public sealed record NoteReferenceMark(NoteInstance Note);

/// <summary>Where the reading that an emendation made stands.</summary>
public sealed record EmendationMark(Emendation Emendation);

/// <summary>
/// Turns the model's pieces into inline text the way the Markdown edition reads them: a space
/// piece is one space unless an emendation gave it another reading; a note reference is its
/// restored reading, then the note's number as a superior figure linked to the note; a page
/// break is an anchor where the source page begins.
/// </summary>
public sealed class ModelText
{
    private readonly Dictionary<Note, NoteInstance> _notes = new(ReferenceEqualityComparer.Instance);
    private readonly Func<Emendation, bool> _recorded;
    private int _serial;

    public ModelText(Func<Emendation, bool> recorded) => _recorded = recorded;

    /// <summary>The printed note for <paramref name="note"/>, made on first sight.</summary>
    public NoteInstance Instance(Note note)
    {
        if (_notes.TryGetValue(note, out var inst)) return inst;
        inst = new NoteInstance(note, note.Number) { Serial = ++_serial };
        _notes[note] = inst;
        return inst;
    }

    /// <summary>A fresh printed note each time (a book replicated for a benchmark prints its notes once per copy).</summary>
    public IReadOnlyCollection<NoteInstance> Notes => _notes.Values;

    public InlineText Build(IReadOnlyList<Piece> pieces, TextStyle main, TextStyle superior, int from = 0, InlineText? into = null)
    {
        var text = into ?? new InlineText();
        for (int i = from; i < pieces.Count; i++)
        {
            var p = pieces[i];
            switch (p.Kind)
            {
                case PieceKind.Space:
                    if (p.Emendation == null) { text.Space(); continue; }
                    AnchorEmendations(text, p);
                    if (p.Reading.Length > 0 && string.IsNullOrWhiteSpace(p.Reading)) text.Space();
                    else if (p.Reading.Length > 0) text.Add(p.Reading, main);
                    continue;
                case PieceKind.PageBreak:
                    if (p.BreakPage != null) text.Anchor(new SourcePageMark(p.BreakPage.Number));
                    continue;
                case PieceKind.NoteReference:
                    AnchorEmendations(text, p);
                    if (p.Reading.Length > 0) text.Add(p.Reading, main);
                    if (p.Note != null)
                    {
                        var inst = Instance(p.Note);
                        bool placed = p.Note.Reference == p || p.Note.Reference == null;
                        if (placed)
                        {
                            text.Anchor(new NoteReferenceMark(inst));
                            text.Anchor(new DestinationMark(inst.ReferenceDestination));
                        }
                        text.Add(inst.Number.ToString(CultureInfo.InvariantCulture), superior, hyphenate: false, link: new LinkTarget(inst.Destination));
                    }
                    continue;
                default:
                    AnchorEmendations(text, p);
                    if (p.Reading.Length > 0) text.Add(p.Reading, main);
                    continue;
            }
        }
        text.Finish();
        return text;
    }

    private void AnchorEmendations(InlineText text, Piece p)
    {
        if (p.Emendation == null && p.IsLeaf) return;
        foreach (var e in Emendations(p))
            if (_recorded(e)) text.Anchor(new EmendationMark(e));
    }

    /// <summary>Every emendation in a piece and the pieces it was joined from, outermost first.</summary>
    public static IEnumerable<Emendation> Emendations(Piece p)
    {
        if (p.Emendation != null) yield return p.Emendation;
        foreach (var part in p.Parts)
            foreach (var e in Emendations(part)) yield return e;
    }
}
