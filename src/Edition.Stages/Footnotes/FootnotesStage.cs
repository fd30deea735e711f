using Edition.Model;

namespace Edition.Stages.Footnotes;

/// <summary>
/// Finds the note block at the foot of each page, splits it into notes, and links each note to its
/// marker in the page's body text, in order and by marker family. The block starts at the first
/// block below the body that opens with a marker, and takes in the blocks above it that are set in
/// smaller type (longer lines than the measure). A note continued from the page before stays one
/// note; a paragraph without a marker is the note's next paragraph, unless a marker in the body is
/// left without a note, in which case it is the note whose own marker the OCR lost. A marker with no
/// note is flagged doubtful, never deleted; a note whose marker cannot be found is anchored at the
/// end of its page's text and flagged.
/// </summary>
public sealed class FootnotesStage : IStage
{
    public string Name => "footnotes";

    private sealed class PageNote
    {
        public required Note Note { get; init; }
        public MarkerFamily Family { get; init; }
        public int? Number { get; init; }
        public bool LostMarker { get; init; }
    }

    public void Run(Document document, StageContext context)
    {
        int measure = Layout.MedianLineLength(document);
        var vocabulary = Vocabulary.OfLines(document);
        var geometry = PageGeometry.Of(document);
        Note? previousPageNote = null;
        foreach (var page in document.Pages)
        {
            var blocks = Layout.Blocks(page.Lines);
            foreach (var block in blocks) SplitLeadingNumber(block[0]);
            var candidates = FindCandidates(document, blocks, context.Words, vocabulary, geometry);
            _quoteGarbles = candidates.Any(c => c.Weak && c.Family == MarkerFamily.Number);
            int region = FindNoteRegion(blocks, previousPageNote, measure, candidates, geometry, out bool continuation);
            if (region < 0)
            {
                FlagLeftovers(document, page, candidates, new HashSet<Candidate>());
                previousPageNote = null;
                continue;
            }

            // The region's paragraphs in order, each opened by a marker or standing without one.
            var parts = new List<(List<Line> Lines, PageNote? Opened)>();
            for (int b = region; b < blocks.Count; b++)
            {
                var block = blocks[b];
                bool small = BlockIsSmall(block, measure);
                foreach (var line in block) line.Role = LineRole.Note;
                // A block split from the one before by a stray blank line: it goes on in lower case.
                if (parts.Count > 0 && NoteStart(block[0], measure, small, out _, out _) == 0
                    && !Text.EndsSentence(parts[^1].Lines[^1].Reading) && StartsLower(block[0]))
                {
                    parts[^1].Lines.AddRange(block);
                    continue;
                }
                bool blockStart = true;
                foreach (var line in block)
                {
                    int span = NoteStart(line, measure, small, out var family, out int? number);
                    bool startsNote = span > 0 && (blockStart || Text.EndsSentence(parts[^1].Lines[^1].Reading));
                    if (startsNote)
                    {
                        var note = new Note(page) { PrintedMarker = string.Concat(line.Pieces.Take(span).Select(p => p.Reading)) };
                        note.Marker = document.TakeOut(line.Pieces.Take(span).ToList(), new Decision(Name, "note-marker",
                            EmendationKind.NoteMarker, $"the printed marker of a note at the foot of the page ({Describe(family)})"));
                        parts.Add((new List<Line> { line }, new PageNote { Note = note, Family = family, Number = number }));
                    }
                    else if (blockStart) parts.Add((new List<Line> { line }, null));
                    else parts[^1].Lines.Add(line);
                    blockStart = false;
                }
            }

            var marked = parts.Where(x => x.Opened != null).Select(x => x.Opened!).ToList();
            var bodyCandidates = candidates.Where(c => c.Block < region).ToList();
            var bodyLines = blocks.Take(region).SelectMany(b => b).ToList();
            var used = Link(document, bodyLines, marked, bodyCandidates);
            var numberedNotes = marked.Where(m => m.Family == MarkerFamily.Number).Select(m => m.Note).ToHashSet();
            // Body markers left over: a paragraph without a marker after a finished note is the note whose marker was lost.
            var leftover = new Queue<Candidate>(bodyCandidates.Where(c => !used.Contains(c) && !c.Weak && !c.Stray));

            var pageNotes = new List<Note>();
            Note? current = null;
            for (int i = 0; i < parts.Count; i++)
            {
                var (lines, opened) = parts[i];
                if (opened != null)
                {
                    current = opened.Note;
                    pageNotes.Add(current);
                    AddParagraph(current, lines, false);
                }
                else if (i == 0 && continuation)
                {
                    AddParagraph(previousPageNote!, lines, carriesOn: true);
                    current = previousPageNote;
                }
                else if ((current == null || Text.EndsSentence(parts[i - 1].Lines[^1].Reading)) && leftover.Count > 0)
                {
                    var candidate = leftover.Dequeue();
                    current = new Note(page) { PrintedMarker = "" };
                    pageNotes.Add(current);
                    AddParagraph(current, lines, false);
                    used.Add(candidate);
                    LinkCandidate(document, candidate, current, "by none, its own marker lost in the note block");
                }
                else if (current != null) AddParagraph(current, lines, false);
                else
                {
                    // Smaller type with nothing before it: a note whose printed marker was lost.
                    current = new Note(page) { PrintedMarker = "" };
                    pageNotes.Add(current);
                    AddParagraph(current, lines, false);
                }
            }
            // Notes still without a reference take the garbled superscripts ("slaves.'"), when there are exactly as many.
            var waiting = pageNotes.Where(n => n.Reference == null).ToList();
            var weak = bodyCandidates.Where(c => c.Weak && c.Family == MarkerFamily.Number && !used.Contains(c)).ToList();
            if (waiting.Count > 0 && weak.Count == waiting.Count && waiting.All(n => numberedNotes.Contains(n) || n.PrintedMarker == ""))
            {
                for (int w = 0; w < waiting.Count; w++)
                {
                    used.Add(weak[w]);
                    LinkCandidate(document, weak[w], waiting[w], $"'{waiting[w].PrintedMarker}' at the foot of the page; the reference reads as a garbled superscript");
                }
            }
            foreach (var n in pageNotes.Where(n => n.Reference == null)) AnchorAtPageEnd(document, bodyLines, n);
            document.Notes.AddRange(pageNotes);
            FlagLeftovers(document, page, bodyCandidates, used);
            previousPageNote = current;
        }
        Renumber(document);
        _anchors.Clear();
    }

    private static string Describe(MarkerFamily family) => family switch
    {
        MarkerFamily.Asterisk => "an asterisk",
        MarkerFamily.Dagger => "a dagger",
        MarkerFamily.DoubleDagger => "a double dagger",
        MarkerFamily.Section => "a section mark",
        MarkerFamily.Number => "a number",
        _ => family.ToString().ToLowerInvariant(),
    };

    private static bool StartsLower(Line line)
    {
        foreach (var p in line.Pieces)
            if (p.IsWord) return Text.StartsLower(p.Reading);
        return false;
    }

    /// <summary>Lines longer than the measure: the smaller type of notes.</summary>
    private static bool BlockIsSmall(List<Line> block, int measure) =>
        measure > 0 && Layout.Median(block.Select(l => l.ContentLength).ToList()) > measure * 1.08;

    /// <summary>
    /// The index of the first block of the page's note region, or -1. It starts at the first block
    /// below the page's first that opens with a marker, and reaches up over blocks set in smaller
    /// type. Just above it, a block continues the previous page's unfinished note when the body
    /// breaks off mid-sentence above it, or it starts in lower case, or is in smaller type.
    /// </summary>
    private static int FindNoteRegion(List<List<Line>> blocks, Note? previous, int measure, List<Candidate> candidates, PageGeometry? geometry,
        out bool continuation)
    {
        continuation = false;
        int k = -1;
        for (int b = 1; b < blocks.Count; b++)
            if (NoteStart(blocks[b][0], measure, BlockIsSmall(blocks[b], measure), out _, out _) > 0) { k = b; break; }
        bool previousUnfinished = previous != null && previous.Lines.Count > 0 && !Text.EndsSentence(previous.Lines[^1].Reading);
        int start = k < 0 ? blocks.Count : k;
        // Smaller type above the first marked note: notes too (a continuation, or a note whose marker was lost).
        // Marker-less smaller type is a note only as a continuation, or where the body has a marker to spare.
        int marked = 0;
        for (int b = Math.Max(k, 0); k >= 0 && b < blocks.Count; b++)
            if (NoteStart(blocks[b][0], measure, BlockIsSmall(blocks[b], measure), out _, out _) > 0) marked++;
        while (start - 1 >= 1 && BlockIsSmall(blocks[start - 1], measure)
               && (previousUnfinished || candidates.Count(c => c.Block < start - 1 && !c.Weak && !c.Stray) > marked
                   || (OpensWithGlyph(blocks[start - 1][0]) && candidates.Count(c => c.Block < start - 1 && c.Weak && c.Family == MarkerFamily.Number) > marked)))
            start--;
        if (geometry != null)
        {
            int foot = SmallTypeAtFoot(blocks, geometry);
            if (foot < start) start = Math.Min(start, FootBlockIsNotes(blocks, foot, geometry, previousUnfinished, candidates));
        }
        if (previousUnfinished && start - 1 >= 1 && NoteStart(blocks[start - 1][0], measure, false, out _, out _) == 0)
        {
            var candidate = blocks[start - 1];
            bool bodyBreaksOff = !Text.EndsSentence(blocks[start - 2][^1].Reading);
            if (bodyBreaksOff || StartsLower(candidate[0]) || BlockIsSmall(candidate, measure)) start--;
        }
        if (start >= blocks.Count) return -1;
        continuation = previousUnfinished && NoteStart(blocks[start][0], measure, BlockIsSmall(blocks[start], measure), out _, out _) == 0;
        return start;
    }

    /// <summary>Body type is clearly larger: a block whose lines' type is this much of the body's or less is in smaller type.</summary>
    public const double SmallType = 0.88;
    /// <summary>White above a block, in body line pitches, that sets it apart from the text above.</summary>
    public const double SetApart = 1.3;

    /// <summary>The first block of the run of blocks at the foot of the page whose type the scan measures as smaller than the body's; blocks.Count when none.</summary>
    private static int SmallTypeAtFoot(List<List<Line>> blocks, PageGeometry geometry)
    {
        int foot = blocks.Count;
        while (foot - 1 >= 1 && geometry.BlockSize(blocks[foot - 1]) is double size && size <= SmallType) foot--;
        return foot;
    }

    /// <summary>
    /// The smaller type at the foot is the note block, its text cues failing (a marker garbled or lost),
    /// when white sets it apart from the body above and something asks for a note: the body breaks off
    /// into it from the previous page's note, the body holds a marker, or the block opens with a mark
    /// where a note's marker stands. Returns <paramref name="foot"/>, or blocks.Count when not.
    /// </summary>
    private static int FootBlockIsNotes(List<List<Line>> blocks, int foot, PageGeometry geometry, bool previousUnfinished, List<Candidate> candidates)
    {
        var first = blocks[foot][0];
        var scanLine = geometry.LineOf(first);
        var page = scanLine == null ? null : geometry.Scan.Pages.FirstOrDefault(p => p.Lines.Contains(scanLine));
        if (scanLine == null || page == null || geometry.PitchAbove(scanLine, page) is not double above || above < SetApart) return blocks.Count;
        bool opensWithMark = first.Pieces.Count > 0 && first.Pieces[0].Reading.Length > 0 && !char.IsLetter(first.Pieces[0].Reading[0]);
        bool bodyMarker = candidates.Any(c => c.Block < foot && !c.Stray);
        return previousUnfinished || bodyMarker || opensWithMark ? foot : blocks.Count;
    }

    /// <summary>"®There": a mark glued to a capitalised first word, where a note's number stood.</summary>
    private static bool OpensWithGlyph(Line line)
    {
        var p = line.Pieces;
        return p.Count >= 2 && p[0].Kind == PieceKind.Punctuation && p[0].Reading is not ("(" or "[" or "“" or "\"" or "—" or "-")
               && p[1].IsWord && Text.StartsUpper(p[1].Reading);
    }

    /// <summary>"2Smith": a note number printed against the note's first word. Cut it off (no reading changes).</summary>
    private static void SplitLeadingNumber(Line line)
    {
        if (line.Pieces.Count == 0) return;
        var first = line.Pieces[0];
        if (!first.IsWord || !first.IsLeaf) return;
        string r = first.Reading;
        int d = 0;
        while (d < r.Length && d < 3 && char.IsDigit(r[d])) d++;
        if (d == 0 || d >= r.Length || !char.IsUpper(r[d]) || (d < r.Length && char.IsDigit(r[d]))) return;
        line.Pieces[0] = new Piece(PieceKind.Word, first.Start, first.Start + d, r[..d], first.Page);
        line.Pieces.Insert(1, new Piece(PieceKind.Word, first.Start + d, first.End, r[d..], first.Page));
    }

    /// <summary>Does the page hold garbled superscripts, so that a quotation mark opening smaller type may be a note number?</summary>
    [ThreadStatic] private static bool _quoteGarbles;

    /// <summary>How many pieces of marker open the line as a note (0 if none): a marker, then text.</summary>
    private static int NoteStart(Line line, int measure, bool smallType, out MarkerFamily family, out int? number)
    {
        family = MarkerFamily.Asterisk;
        number = null;
        var pieces = line.Pieces;
        if (pieces.Count < 2) return 0;
        int span = Markers.Match(pieces, 0, out family);
        bool attachedNumber = false;
        bool gluedToCapital = !pieces[1].IsSpace && pieces[1].IsWord && Text.StartsUpper(pieces[1].Reading);
        // A note number: in smaller type, or glued to the note's first word ("2Smith"), which body text never is.
        if (span == 0 && (smallType || gluedToCapital) && pieces[0].IsWord && Text.IsAllDigits(pieces[0].Reading) && pieces[0].Reading.Length <= 3)
        {
            span = 1;
            family = MarkerFamily.Number;
            number = int.Parse(pieces[0].Reading);
            attachedNumber = !pieces[1].IsSpace;
        }
        // A superscript number read as an opening quotation mark glued to the note's first word, in smaller type.
        if (span == 0 && smallType && gluedToCapital && _quoteGarbles && pieces[0].Reading is "‘" or "'")
        {
            span = 1;
            family = MarkerFamily.Number;
            attachedNumber = true;
        }
        if (span == 0 || span >= pieces.Count) return 0;
        int textAt = pieces[span].IsSpace ? span + 1 : span;
        if (textAt == span && !attachedNumber) return 0;
        if (textAt >= pieces.Count) return 0;
        string next = pieces[textAt].Reading;
        if (next.Length == 0) return 0;
        char c = next[0];
        bool textFollows = char.IsLetterOrDigit(c) || c is '“' or '‘' or '"' or '\'' or '(' or '[';
        if (!textFollows) return 0;
        // A letter-shaped garble, or a number, must be followed by a capital or a quotation, as a note's first word is.
        if (Markers.IsLetterGarble(pieces[0].Reading) || pieces[0].Reading is "|" or "+" || family == MarkerFamily.Number)
            if (!(char.IsUpper(c) || c is '“' or '‘' or '"' or '(')) return 0;
        return span;
    }

    private static void AddParagraph(Note note, List<Line> lines, bool carriesOn)
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

    private sealed record Candidate(Line Line, int Index, int Span, MarkerFamily Family, int Order, int Block, bool InsideWord, bool Weak, int? Number)
    {
        /// <summary>A marker shape standing apart from any word: never linked, only flagged.</summary>
        public bool Stray { get; init; }
        /// <summary>A marker set apart from its word by a space, found raised above the line in the scan.</summary>
        public bool Spaced { get; init; }
        /// <summary>For a marker inside a word: how many characters at its end are the marker.</summary>
        public int Cut { get; init; } = 1;
        /// <summary>The marker's piece when the candidate was found: linking an earlier marker on the line may move it.</summary>
        public Piece Marker { get; } = Line.Pieces[Index];
        /// <summary>Where the marker stands in its line now, or -1 when an emendation has taken it in.</summary>
        public int CurrentIndex => Line.Pieces.IndexOf(Marker);
    }

    /// <summary>
    /// Marks in the text that may be note markers: a marker shape against the word or mark before
    /// it; a dagger read as a letter stuck to a word ("Farmsf"); a number or superscript against the
    /// end of a word. Weak candidates (a quotation mark or "?" after a full stop) count only for
    /// numbered notes, and only when their count fits.
    /// </summary>
    private List<Candidate> FindCandidates(Document document, List<List<Line>> blocks, WordList words, Vocabulary vocabulary, PageGeometry? geometry)
    {
        var found = new List<Candidate>();
        int order = 0;
        for (int b = 0; b < blocks.Count; b++)
        foreach (var line in blocks[b])
        {
            var pieces = line.Pieces;
            for (int i = 0; i < pieces.Count; i++)
            {
                var p = pieces[i];
                bool attached = i > 0 && !pieces[i - 1].IsSpace;
                bool endsHere = i + 1 == pieces.Count || pieces[i + 1].IsSpace;
                int span = Markers.Match(pieces, i, out var family);
                if (span > 0)
                {
                    // A marker follows the word or mark it annotates; a letter garble must follow punctuation.
                    bool letter = Markers.IsLetterGarble(p.Reading);
                    bool ok = attached && (!letter || pieces[i - 1].Kind == PieceKind.Punctuation)
                              && (i + span == pieces.Count || pieces[i + span].IsSpace || pieces[i + span].Kind == PieceKind.Punctuation);
                    int? number = family == MarkerFamily.Number ? SuperscriptValue(p.Reading) : null;
                    var (raised, garbled) = geometry == null ? default : MarkerShape(geometry, line, p);
                    if (ok) { found.Add(new Candidate(line, i, span, family, order++, b, false, letter || p.Reading is "|" or "+", number)); i += span - 1; continue; }
                    // Set apart by a space but raised above the line like a superscript: a marker all the same.
                    if (raised && !letter && i > 0 && pieces[i - 1].IsSpace && i >= 2 && !pieces[i - 2].IsSpace)
                    {
                        found.Add(new Candidate(line, i, span, family, order++, b, false, false, number) { Spaced = true });
                        i += span - 1;
                        continue;
                    }
                    if (garbled is { } g)
                    {
                        // As tall as the letters around it and read with no confidence: a misread letter or quotation, not a marker.
                        document.Flag(p, new Decision(Name, "garbled-mark", EmendationKind.Misreading,
                            $"'{p.Reading}' is as tall as the line's letters (box {g.Box.Width}×{g.Box.Height} px), not raised like a marker, and the OCR read its word with confidence {PageGeometry.Percent(g.Confidence ?? 0)}: a misreading left for a human",
                            0.3));
                        continue;
                    }
                    if (p.Reading == "*") found.Add(new Candidate(line, i, 1, family, order++, b, false, false, null) { Stray = true });
                    continue;
                }
                if (!attached || !endsHere) { }
                else if (p.IsWord && Text.IsAllDigits(p.Reading) && p.Reading.Length <= 3 && pieces[i - 1].Kind == PieceKind.Punctuation
                         && pieces[i - 1].Reading is "." or "," or ";" or ":" or "”" or "’" or "\"")
                {
                    found.Add(new Candidate(line, i, 1, MarkerFamily.Number, order++, b, false, false, int.Parse(p.Reading)));
                    continue;
                }
                else if (p.Kind == PieceKind.Punctuation && p.Reading is "'" or "’" or "?" or "®" or "°" or "¹" && i >= 2
                         && pieces[i - 1].Reading is "." or "," && pieces[i - 2].IsWord)
                {
                    found.Add(new Candidate(line, i, 1, MarkerFamily.Number, order++, b, false, true, null));
                    continue;
                }
                // A dagger read as a letter stuck to the word before it: "Farmsf" where "Farms" is a word and "Farmsf" is not.
                if (p.IsWord && p.IsLeaf && p.Reading.Length >= 4 && p.Reading[^1] is 'f' or 't'
                    && !words.Contains(p.Reading) && vocabulary.CountAnyCase(p.Reading) <= 1)
                {
                    string stem = p.Reading[..^1];
                    if (words.Contains(stem) || vocabulary.CountAnyCase(stem) > 1)
                        found.Add(new Candidate(line, i, 1, MarkerFamily.Dagger, order++, b, true, true, null));
                }
                // A note number printed against the word it follows: "slaves12" where "slaves" is a word.
                else if (p.IsWord && p.IsLeaf && p.Reading.Length >= 3 && char.IsDigit(p.Reading[^1]) && endsHere)
                {
                    int d = 0;
                    while (d < p.Reading.Length && d < 3 && char.IsDigit(p.Reading[^(d + 1)])) d++;
                    string stem = p.Reading[..^d];
                    if (stem.Length >= 2 && Text.IsAllLetters(stem) && (words.Contains(stem) || vocabulary.CountAnyCase(stem) > 1))
                        found.Add(new Candidate(line, i, 1, MarkerFamily.Number, order++, b, true, false, int.Parse(p.Reading[^d..])) { Cut = d });
                }
            }
        }
        return found;
    }

    /// <summary>
    /// What the scan says of a marker-shaped mark: raised (small, above the baseline, as a printed
    /// marker is), or garbled (its word as tall as the line's letters and read with low confidence).
    /// </summary>
    private static (bool Raised, ScanWord? Garbled) MarkerShape(PageGeometry geometry, Line line, Piece mark)
    {
        var word = geometry.WordOf(mark);
        var scanLine = word == null ? null : geometry.Scan.LineAt(word.Start);
        if (word == null || scanLine == null) return (false, null);
        // The mark alone in its word box, or the box's first characters: the box then measures the mark.
        if (word.End - word.Start <= 2 && geometry.IsRaised(word, scanLine)) return (true, null);
        var (height, _) = geometry.WordMetrics(scanLine);
        bool tall = word.Box.Height >= 0.8 * height;
        bool unsure = word.Confidence is double c && c < 0.3;
        return (false, tall && unsure && word.End - word.Start >= 2 ? word : null);
    }

    private static int? SuperscriptValue(string s)
    {
        int v = 0;
        foreach (char c in s)
        {
            int d = c switch { '⁰' => 0, '¹' => 1, '²' => 2, '³' => 3, >= '⁴' and <= '⁹' => c - '⁴' + 4, _ => -1 };
            if (d < 0) return null;
            v = v * 10 + d;
        }
        return v;
    }

    /// <summary>Links the page's notes to body markers: by family in order; numbers by their value; weak marks only when they fit.</summary>
    private HashSet<Candidate> Link(Document document, List<Line> bodyLines, List<PageNote> notes, List<Candidate> candidates)
    {
        var used = new HashSet<Candidate>();
        int after = -1;
        foreach (var pn in notes)
        {
            Candidate? match = null;
            if (pn.Family == MarkerFamily.Number && pn.Number != null)
                match = candidates.FirstOrDefault(c => c.Order > after && !used.Contains(c) && !c.Stray && c.Number == pn.Number);
            match ??= candidates.FirstOrDefault(c => c.Order > after && !used.Contains(c) && !c.Stray && c.Family == pn.Family && !(c.Weak && pn.Family == MarkerFamily.Number));
            if (match == null) continue;
            used.Add(match);
            after = match.Order;
            LinkCandidate(document, match, pn.Note, $"'{pn.Note.PrintedMarker}' at the foot of the page");
        }
        return used;
    }

    private void LinkCandidate(Document document, Candidate c, Note note, string evidence)
    {
        var pieces = c.Line.Pieces;
        int index = c.CurrentIndex;
        if (index < 0) return;
        if (c.InsideWord)
        {
            // Cut the marker off the word's end: the word stays as printed, the cut characters become the marker.
            var word = pieces[index];
            int cut = c.Cut;
            pieces[index] = new Piece(PieceKind.Word, word.Start, word.End - cut, word.Reading[..^cut], word.Page);
            pieces.Insert(index + 1, new Piece(PieceKind.Punctuation, word.End - cut, word.End, word.Reading[^cut..], word.Page));
            index++;
        }
        string raw = string.Concat(pieces.Skip(index).Take(c.Span).Select(p => p.Reading));
        string restored = "";
        string why = $"the printed marker '{raw}' of the note marked {evidence} (page {note.Page.Number})";
        int span = c.Span;
        if (c.Spaced && index > 0 && pieces[index - 1].IsSpace)
        {
            // The space the OCR put before a raised marker goes with it.
            index--;
            span++;
            why += "; set apart by a space in the OCR text, but its box is small and raised above the line like a superscript";
        }
        var before = index > 0 ? pieces[index - 1] : null;
        if (before is { Kind: PieceKind.Word } && !c.InsideWord && c.Family == MarkerFamily.Asterisk && NextStartsSentence(c.Line, index + span))
        {
            restored = ".";
            why += "; the full stop it hid is restored, as the next word opens a sentence";
        }
        var piece = document.Emend(pieces, index, span, restored, PieceKind.NoteReference,
            new Decision(Name, c.InsideWord ? "marker-in-word" : c.Weak && c.Family == MarkerFamily.Number ? "garbled-superscript" : "marker", EmendationKind.NoteMarker, why,
                c.InsideWord || c.Weak ? 0.8 : 0.95));
        piece.Note = note;
        note.Reference = piece;
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

    private void FlagLeftovers(Document document, Page page, List<Candidate> candidates, HashSet<Candidate> used)
    {
        foreach (var c in candidates)
        {
            if (used.Contains(c) || c.Weak || c.CurrentIndex < 0) continue;
            document.Flag(c.Marker, new Decision(Name, "marker-without-note", EmendationKind.NoteMarker,
                $"'{c.Marker.Reading}' looks like a note marker but page {page.Number} has no note left for it; kept as printed",
                0.3));
        }
    }

    private void AnchorAtPageEnd(Document document, List<Line> bodyLines, Note note)
    {
        var line = bodyLines.LastOrDefault(l => l.Pieces.Count > 0);
        if (line == null) return;
        int at = line.Pieces[^1].End;
        var anchor = new Piece(PieceKind.NoteReference, at, at, "", line.Page) { Note = note };
        line.Pieces.Add(anchor);
        note.Reference = anchor;
        _anchors[note] = _anchors.Count + 1;
        document.Flag(anchor, new Decision(Name, "note-without-marker", EmendationKind.NoteMarker,
            $"no marker for the note marked '{note.PrintedMarker}' was found in the text of page {note.Page.Number}; the reference is placed at the end of the page's text", 0.3));
    }

    /// <summary>Notes anchored at a page's end, in the order their anchors were placed there.</summary>
    private readonly Dictionary<Note, int> _anchors = new();

    private int AnchorOrder(Note note) => _anchors.TryGetValue(note, out int n) ? n : 0;

    /// <summary>Notes count through the book in reading order; each linked marker's reading names its note.</summary>
    private void Renumber(Document document)
    {
        // Reading order: by page, then by where the reference stands (a note anchored at the page's end comes last).
        var order = document.Notes
            .Select((n, i) => (Note: n, Key: (n.Page.Index, n.Reference?.Start ?? int.MaxValue, AnchorOrder(n), i)))
            .OrderBy(x => x.Key)
            .Select(x => x.Note)
            .ToList();
        document.Notes.Clear();
        document.Notes.AddRange(order);
        for (int i = 0; i < document.Notes.Count; i++)
        {
            var note = document.Notes[i];
            note.Number = i + 1;
            if (note.Reference?.Emendation is { Stage: "footnotes" } e)
                e.Reading = note.Reference.Reading + $"[^{note.Number}]";
        }
    }
}
