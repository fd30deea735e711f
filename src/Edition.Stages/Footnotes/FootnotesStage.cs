using Edition.Model;

namespace Edition.Stages.Footnotes;

/// <summary>
/// Finds the note block at the foot of each page, splits it into notes, and links each note to its
/// marker in the page's body text, in order and by marker family. A note continued from the page
/// before stays one note; a paragraph without a marker inside the block is the note's next
/// paragraph. A marker with no note is flagged doubtful, never deleted; a note whose marker cannot
/// be found is anchored at the end of its page's text and flagged.
/// </summary>
public sealed class FootnotesStage : IStage
{
    public string Name => "footnotes";

    public void Run(Document document, StageContext context)
    {
        int measure = Layout.MedianLineLength(document);
        var vocabulary = Vocabulary.OfLines(document);
        Note? previousPageNote = null;
        foreach (var page in document.Pages)
        {
            var blocks = Layout.Blocks(page.Lines);
            int region = FindNoteRegion(blocks, previousPageNote, measure, out bool continuation);
            if (region < 0)
            {
                // No notes here: any marker on the page is a doubtful reading.
                LinkReferences(document, page, blocks, new List<Note>(), context, vocabulary);
                previousPageNote = null;
                continue;
            }

            var notesHere = new List<Note>();
            Note? current = continuation ? previousPageNote : null;
            bool firstParagraph = true;
            for (int b = region; b < blocks.Count; b++)
            {
                List<Line>? paragraph = null;
                foreach (var line in blocks[b])
                {
                    line.Role = LineRole.Note;
                    int span = NoteStart(line, out var family);
                    bool startsNote = span > 0 && (paragraph == null || Text.EndsSentence(paragraph[^1].Reading));
                    if (startsNote)
                    {
                        if (paragraph != null && current != null) AddParagraph(document, current, paragraph, false);
                        current = new Note(page) { PrintedMarker = string.Concat(line.Pieces.Take(span).Select(p => p.Reading)) };
                        current.Marker = document.TakeOut(line.Pieces.Take(span).ToList(), new Decision(Name, "note-marker",
                            EmendationKind.NoteMarker, $"the printed marker of the note at the foot of the page ({family})"));
                        Family[current] = family;
                        notesHere.Add(current);
                        document.Notes.Add(current);
                        current.Number = document.Notes.Count;
                        paragraph = new List<Line> { line };
                        continue;
                    }
                    paragraph ??= new List<Line>();
                    paragraph.Add(line);
                }
                if (paragraph != null && current != null)
                {
                    // The first paragraph of a continuation carries on the note's last paragraph.
                    bool carriesOn = continuation && firstParagraph && current == previousPageNote && NoteStart(paragraph[0], out _) == 0;
                    AddParagraph(document, current, paragraph, carriesOn);
                }
                firstParagraph = false;
            }
            LinkReferences(document, page, blocks.Take(region).ToList(), notesHere, context, vocabulary);
            previousPageNote = current;
        }
        Family.Clear();
    }

    private readonly Dictionary<Note, MarkerFamily> Family = new();

    /// <summary>
    /// The index of the first block of the page's note region, or -1. The region starts at the first
    /// block (not the page's first) that opens with a marker; a block just before it, or at the foot
    /// of a page with no marked note, continues the previous page's note when that note is unfinished
    /// and the block cannot be body text (the body before it breaks off mid-sentence, or its lines are
    /// set in smaller type, that is, are longer than the measure).
    /// </summary>
    private static int FindNoteRegion(List<List<Line>> blocks, Note? previous, int measure, out bool continuation)
    {
        continuation = false;
        int k = -1;
        for (int b = 1; b < blocks.Count; b++)
            if (NoteStart(blocks[b][0], out _) > 0) { k = b; break; }
        if (previous != null && previous.Lines.Count > 0 && !Text.EndsSentence(previous.Lines[^1].Reading))
        {
            int candidate = (k < 0 ? blocks.Count : k) - 1;
            if (candidate >= 1 && NoteStart(blocks[candidate][0], out _) == 0)
            {
                bool bodyBreaksOff = !Text.EndsSentence(blocks[candidate - 1][^1].Reading);
                bool smallerType = Layout.Median(blocks[candidate].Select(l => l.ContentLength).ToList()) > measure * 1.08;
                if (bodyBreaksOff || smallerType)
                {
                    continuation = true;
                    return candidate;
                }
            }
        }
        return k;
    }

    /// <summary>How many pieces of marker open the line as a note (0 if none): a marker, a space, then text.</summary>
    private static int NoteStart(Line line, out MarkerFamily family)
    {
        family = MarkerFamily.Asterisk;
        var pieces = line.Pieces;
        if (pieces.Count < 3) return 0;
        int span = Markers.Match(pieces, 0, out family);
        if (span == 0 || span + 1 >= pieces.Count || !pieces[span].IsSpace) return 0;
        string next = pieces[span + 1].Reading;
        if (next.Length == 0) return 0;
        char c = next[0];
        bool textFollows = char.IsLetterOrDigit(c) || c is '“' or '‘' or '"' or '\'' or '(' or '[';
        if (!textFollows) return 0;
        // A letter-shaped garble must be followed by a capital or a quotation, as a note's first word is.
        if (Markers.IsLetterGarble(pieces[0].Reading) || pieces[0].Reading is "|" or "+")
            if (!(char.IsUpper(c) || c is '“' or '‘' or '"' or '(')) return 0;
        return span;
    }

    private static void AddParagraph(Document document, Note note, List<Line> lines, bool carriesOn)
    {
        List<Piece> flow;
        if (carriesOn && note.Paragraphs.Count > 0)
        {
            flow = note.Paragraphs[^1];
            var gap = note.Lines[^1].Break;
            if (gap != null) flow.Add(gap);
        }
        else
        {
            flow = new List<Piece>();
            note.Paragraphs.Add(flow);
        }
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var pieces = line.Pieces.AsEnumerable();
            if (note.Marker != null && line.Pieces.Count > 0 && note.Marker.Parts.Contains(line.Pieces[0]))
                pieces = line.Pieces.SkipWhile(p => note.Marker.Parts.Contains(p)).SkipWhile(p => p.IsSpace);
            flow.AddRange(pieces);
            if (i + 1 < lines.Count && line.Break != null) flow.Add(line.Break);
            note.Lines.Add(line);
        }
    }

    private void LinkReferences(Document document, Page page, List<List<Line>> bodyBlocks, List<Note> notes,
        StageContext context, Vocabulary vocabulary)
    {
        var bodyLines = bodyBlocks.SelectMany(b => b).ToList();
        var candidates = FindCandidates(bodyLines, notes.Any(n => Family[n] == MarkerFamily.Dagger), context.Words, vocabulary);
        int after = -1;
        var used = new HashSet<Candidate>();
        foreach (var note in notes)
        {
            var family = Family[note];
            var match = candidates.FirstOrDefault(c => c.Order > after && c.Family == family && !used.Contains(c));
            if (match == null)
            {
                AnchorAtPageEnd(document, bodyLines, note);
                continue;
            }
            used.Add(match);
            after = match.Order;
            Link(document, match, note);
        }
        foreach (var c in candidates)
        {
            if (used.Contains(c) || c.InsideWord) continue;
            document.Flag(c.Line.Pieces[c.Index], new Decision(Name, "marker-without-note", EmendationKind.NoteMarker,
                $"'{c.Line.Pieces[c.Index].Reading}' looks like a note marker but page {page.Number} has no note left for it; kept as printed",
                0.3));
        }
    }

    private sealed record Candidate(Line Line, int Index, int Span, MarkerFamily Family, int Order, bool InsideWord);

    private static List<Candidate> FindCandidates(List<Line> lines, bool daggerNotes, WordList words, Vocabulary vocabulary)
    {
        var found = new List<Candidate>();
        int order = 0;
        foreach (var line in lines)
        {
            var pieces = line.Pieces;
            for (int i = 0; i < pieces.Count; i++)
            {
                var p = pieces[i];
                bool attached = i > 0 && !pieces[i - 1].IsSpace;
                int span = Markers.Match(pieces, i, out var family);
                if (span > 0)
                {
                    // A marker follows the word or mark it annotates; a letter garble must follow punctuation.
                    bool letter = Markers.IsLetterGarble(p.Reading);
                    bool ok = attached && (!letter || pieces[i - 1].Kind == PieceKind.Punctuation)
                              && (i + span == pieces.Count || pieces[i + span].IsSpace || pieces[i + span].Kind == PieceKind.Punctuation);
                    if (letter && !daggerNotes) ok = false;
                    if (p.Reading is "|" or "+" && !daggerNotes) ok = false;
                    if (ok) { found.Add(new Candidate(line, i, span, family, order++, false)); i += span - 1; continue; }
                    if (p.Reading == "*") found.Add(new Candidate(line, i, 1, family, order++, false));
                    continue;
                }
                // A dagger read as a letter stuck to the word before it: "Farmsf" where "Farms" is a word and "Farmsf" is not.
                if (daggerNotes && p.IsWord && p.IsLeaf && p.Reading.Length >= 4 && p.Reading[^1] is 'f' or 't'
                    && !words.Contains(p.Reading) && vocabulary.CountAnyCase(p.Reading) <= 1)
                {
                    string stem = p.Reading[..^1];
                    if (words.Contains(stem) || vocabulary.CountAnyCase(stem) > 0)
                        found.Add(new Candidate(line, i, 1, MarkerFamily.Dagger, order++, true));
                }
            }
        }
        return found;
    }

    private void Link(Document document, Candidate c, Note note)
    {
        var pieces = c.Line.Pieces;
        int index = c.Index;
        if (c.InsideWord)
        {
            // Cut the last letter off the word: the word stays as printed, the letter becomes the marker.
            var word = pieces[index];
            var stem = new Piece(PieceKind.Word, word.Start, word.End - 1, word.Reading[..^1], word.Page);
            var mark = new Piece(PieceKind.Punctuation, word.End - 1, word.End, word.Reading[^1..], word.Page);
            pieces[index] = stem;
            pieces.Insert(index + 1, mark);
            index++;
        }
        string raw = string.Concat(pieces.Skip(index).Take(c.Span).Select(p => p.Reading));
        string restored = "";
        string why = $"the printed marker '{raw}' of note {note.Number} ('{note.PrintedMarker}' at the foot of page {note.Page.Number})";
        var before = index > 0 ? pieces[index - 1] : null;
        if (before is { Kind: PieceKind.Word } && !c.InsideWord && c.Family == MarkerFamily.Asterisk && NextStartsSentence(c.Line, index + c.Span))
        {
            restored = ".";
            why += "; the full stop it hid is restored, as the next word opens a sentence";
        }
        var piece = document.Emend(pieces, index, c.Span, restored, PieceKind.NoteReference,
            new Decision(Name, c.InsideWord ? "marker-in-word" : "marker", EmendationKind.NoteMarker, why, c.InsideWord ? 0.8 : 0.95));
        piece.Note = note;
        note.Reference = piece;
        piece.Emendation!.Reading = restored + $"[^{note.Number}]";
    }

    private static bool NextStartsSentence(Line line, int from)
    {
        var pieces = line.Pieces;
        for (int i = from; i < pieces.Count; i++)
        {
            if (pieces[i].IsSpace) continue;
            string r = pieces[i].Reading;
            if (r is "“" or "‘" or "\"") continue;
            return r.Length > 0 && char.IsUpper(r[0]) && pieces[i].IsWord && r != "I";
        }
        return false;
    }

    private void AnchorAtPageEnd(Document document, List<Line> bodyLines, Note note)
    {
        var line = bodyLines.LastOrDefault(l => l.Pieces.Count > 0);
        if (line == null) return;
        int at = line.Pieces[^1].End;
        var anchor = new Piece(PieceKind.NoteReference, at, at, "", line.Page) { Note = note };
        line.Pieces.Add(anchor);
        note.Reference = anchor;
        document.Flag(anchor, new Decision(Name, "note-without-marker", EmendationKind.NoteMarker,
            $"no marker for note {note.Number} ('{note.PrintedMarker}') was found in the text of page {note.Page.Number}; the reference is placed at the end of the page's text", 0.3));
    }
}
