using Edition.Model;

namespace Edition.Html;

/// <summary>
/// The edition's reading of a change as the HTML shows it. A printed note marker's emendation records
/// its reading in the Markdown's terms (restored punctuation, then <c>[^N]</c>); the HTML shows the
/// restored punctuation and the note's number as a superscript instead.
/// </summary>
internal sealed class Readings
{
    private readonly Dictionary<Emendation, Note> _references;

    public Readings(Document document)
    {
        _references = new Dictionary<Emendation, Note>();
        foreach (var note in document.Notes)
            if (note.Reference?.Emendation is Emendation e) _references.TryAdd(e, note);
    }

    /// <summary>The note whose reference this change made, if any.</summary>
    public Note? NoteOf(Emendation e) => _references.GetValueOrDefault(e);

    /// <summary>The reading without the note reference, which is shown apart.</summary>
    public string Text(Emendation e) => NoteOf(e) is Note note ? note.Reference!.Reading : e.Reading;
}
