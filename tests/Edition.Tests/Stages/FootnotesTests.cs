using Edition.Model;
using Edition.Outputs.Markdown;
using Edition.Tests.Support;
using static Edition.Tests.Support.Snippet;

namespace Edition.Tests.Stages;

public class FootnotesTests
{
    private static Document Run(string text) => Books.Run(text, "page-furniture", "footnotes");

    private static string NoteText(Note note, int paragraph = 0) => string.Concat(note.Paragraphs[paragraph].Select(p => p.Reading));

    /// <summary>Page 11 of the pamphlet, shortened: an asterisk lost in a full stop, a dagger read as "-)-", and the notes "*" and "f".</summary>
    private static readonly string PageEleven = Lines(
        " The Meaning of Dictatorship",
        "",
        "Can the constitution of the USSR, as analysed in the Soviet ",
        "Communism, be correctly described as a dictatorship ? Here we must ",
        "deal one by one with the various meanings given to this word. ",
        "In the popular British use of the term, a dictatorship means ",
        "government by the will of a single person ; and this, as it happens, ",
        "corresponds with the authoritative dictionary meaning, in strict ",
        "accord with the undoubted historical derivation* It is clear ",
        "that, in form, there is nothing in the constitution of the USSR at ",
        "all resembling the Roman office of dictator ; or, indeed, any kind ",
        "of government by the will of a single person. On the contrary, the ",
        "sitting alone, but always a bench of three, two of whom at least ",
        "must agree in any decision or judgment or sentence.-)- In municipal ",
        "administration there is no arbitrary mayor or burgomaster or “ city ",
        "manager ”—not even a high salaried official wielding the authority ",
        "",
        "* T he New English Dictionary gives the following meanings : Dictator— ",
        "“ A ruler or governor whose word is law ; an absolute ruler of a state . . . ",
        "done.” Dictatorship—“ T he office or dignity of a dictator.”",
        "",
        "“ A dictatorship is the most natural government for seasons of extra",
        "ordinary peril, when there appears a man fit to wield it ” (Arnold’s History ",
        "of Rome, vol. i, p. 446, 1838).",
        "",
        "f  I t  may be added that even the Ogpu was not governed by the will of a ",
        "single person. I t was a commission of persons, appointed annually by the ",
        "U SSR Sovnarkom (or Cabinet).");

    [Fact]
    public void AnAsteriskAndAGarbledDaggerAreLinkedToTheirNotesInOrder()
    {
        var doc = Run(PageEleven);
        Assert.Equal(2, doc.Notes.Count);
        Assert.Equal(new[] { "*", "f" }, doc.Notes.Select(n => n.PrintedMarker));
        Assert.Equal(new[] { 1, 2 }, doc.Notes.Select(n => n.Number));
        Assert.StartsWith("T he New English Dictionary", NoteText(doc.Notes[0]));
        Assert.StartsWith("I t  may be added", NoteText(doc.Notes[1]));

        var markers = doc.Apparatus.Where(e => e.Rule == "marker").ToList();
        Assert.Equal(new[] { "*", "-)-" }, markers.Select(e => e.Raw));
        Assert.Equal(new[] { ".[^1]", "[^2]" }, markers.Select(e => e.Reading));
        Assert.All(markers, e => Assert.Equal(("footnotes", EmendationKind.NoteMarker, EmendationStatus.Automatic), (e.Stage, e.Kind, e.Status)));
        Assert.Equal((9, 48), (markers[0].Line, markers[0].Column));
        Assert.Equal((14, 52, 14, 55), (markers[1].Line, markers[1].Column, markers[1].EndLine, markers[1].EndColumn));
        Assert.Same(doc.Notes[0], doc.Notes[0].Reference!.Note);
        Assert.Same(doc.Notes[1], doc.Notes[1].Reference!.Note);
    }

    [Fact]
    public void TheNotesOwnMarkersAreTakenOutOfTheirText()
    {
        var doc = Run(PageEleven);
        var own = doc.Apparatus.Where(e => e.Rule == "note-marker").ToList();
        Assert.Equal(new[] { "*", "f" }, own.Select(e => e.Raw));
        Assert.All(own, e => Assert.Equal("", e.Reading));
        Assert.Equal(new[] { 18, 26 }, own.Select(e => e.Line));
        Assert.All(doc.Notes, n => Assert.Contains(n.Marker, doc.Furniture));
        Assert.All(doc.Notes.SelectMany(n => n.Lines), l => Assert.Equal(LineRole.Note, l.Role));
    }

    [Fact]
    public void AFullStopLostInAnAsteriskIsRestoredBeforeACapital()
    {
        var doc = Run(PageEleven);
        var e = doc.Apparatus.Single(e => e.Rule == "marker" && e.Raw == "*");
        Assert.Equal(".[^1]", e.Reading);
        Assert.Contains("full stop", e.Why);
        Assert.Contains("derivation.[^1] It is clear", Books.Markdown(PageEleven));
    }

    [Fact]
    public void NoFullStopIsAddedBeforeALowerCaseWordOrAfterPunctuation()
    {
        // Pamphlet lines 148 ("Soviet Communism,* has been") and 80 ("disapproval.*"), one note each.
        var doc = Run(Lines(
            "last few years, described in Soviet Communism,* has been the ",
            "growth and encouragement of wholesale trading between these ",
            "inhabitants in health or economic prosperity ; or that it has incurred ",
            "popular disapproval.*",
            "",
            "* Chapter IX  in Part II , “ In  Place of Profit.” (The references through",
            "ou t are to Soviet Communism.)",
            "",
            "* It is interesting to notice that many of the advantages claimed for ",
            "rigidity in constitutions have to do either (a) with the private ownership of "));
        var markers = doc.Apparatus.Where(e => e.Rule == "marker").ToList();
        Assert.Equal(new[] { "[^1]", "[^2]" }, markers.Select(e => e.Reading));
        Assert.Equal(new[] { 1, 4 }, markers.Select(e => e.Line));
    }

    [Fact]
    public void DaggersReadAsJHyphenAndABarAreLinked()
    {
        // Pamphlet page 13: the text has "*" and "j-", the notes "*" and "|".
        var doc = Run(Lines(
            "sense, we may say that the dictatorship of the proletariat is sub",
            "stantially the dictatorship of the Party, as the force which effectively ",
            "guides the proletariat.”* [How the Bolsheviks do love the word ",
            "dictatorship !] It must, however, be noted that the control of the ",
            "Party over the administration is not manifested in any commands ",
            "of itself, add to or alter the laws binding on the ordinary citizens ",
            "or residents of the USSR.j- The Party can, by itself, do no more ",
            "than “ issue directives ”—that is, give instructions— to its own ",
            "",
            "* Leninism, by J. Stalin, vol. i, 1938, p. 33.",
            "",
            "|  Presumably this is the reason why, as already indicated, specially ",
            "important “ directives ” to the Party membership which are in the nature ",
            "of decrees or laws, to be obeyed also by the non-Party mass."));
        Assert.Equal(new[] { "*", "|" }, doc.Notes.Select(n => n.PrintedMarker));
        var markers = doc.Apparatus.Where(e => e.Rule == "marker").ToList();
        Assert.Equal(new[] { "*", "j-" }, markers.Select(e => e.Raw));
        Assert.Equal(new[] { "[^1]", "[^2]" }, markers.Select(e => e.Reading));
        Assert.StartsWith("Leninism, by J. Stalin", NoteText(doc.Notes[0]));
        Assert.StartsWith("Presumably", NoteText(doc.Notes[1]));
    }

    [Fact]
    public void ADaggerReadAsTIsLinked()
    {
        // Pamphlet page 26: "force.”t" in the text, "t  The Infantile Disease" at the foot.
        var doc = Run(Lines(
            "a whole epoch of the dictatorship of the proletariat.”* Nor was this ",
            "authoritarian control of the transition period to be in any sense ",
            "against the forces and traditions of the old society. The force of ",
            "habit of the millions and tens of millions is a formidable force.”t",
            "",
            "But this autocratic executive action of the transition period ",
            "had nothing to do with the constitution, which was adopted for the ",
            "",
            "* Lenin, Works ; Russian edition, vol. xvi, pp. 226-227 ; adopted by ",
            "Stalin in his “ Problems of Leninism ” in Leninism, by Josef Stalin.",
            "",
            "t  The Infantile Disease of Leftism in Communism, by N . Lenin (1920) ; ",
            "English edition, 1934."));
        Assert.Equal(new[] { "*", "t" }, doc.Notes.Select(n => n.PrintedMarker));
        var markers = doc.Apparatus.Where(e => e.Rule == "marker").ToList();
        Assert.Equal(new[] { "*", "t" }, markers.Select(e => e.Raw));
        Assert.Equal(new[] { 1, 4 }, markers.Select(e => e.Line));
        Assert.Equal(new[] { "[^1]", "[^2]" }, markers.Select(e => e.Reading));
    }

    [Fact]
    public void ADaggerReadAsAnFStuckToAWordIsCutOffAndLinked()
    {
        // Pamphlet page 30: "Collective Farmsf how" with the note "f  In  Soviet Commutiism".
        var doc = Run(Lines(
            "into force (on January 1, 1927).*",
            "",
            "The popular discussion on the marriage law concerned a matter ",
            "We have already described in our section on Collective Farmsf how ",
            "the problem arose. The momentous decision to solve the problem ",
            "farms, and the “ liquidation of the kulaks as a class ”—was not ",
            "",
            "* See Woman in Soviet Russia, by Fannina W. Halle, 1933.",
            "f  In  Soviet Commutiism, C hapter I I I ,  Part I ."));
        Assert.Equal(new[] { "*", "f" }, doc.Notes.Select(n => n.PrintedMarker));
        var inWord = doc.Apparatus.Single(e => e.Rule == "marker-in-word");
        Assert.Equal("f", inWord.Raw);
        Assert.Equal("[^2]", inWord.Reading);
        Assert.Equal((4, 61), (inWord.Line, inWord.Column));
        Assert.Contains("Collective Farms[^1] how", Books.Markdown(Lines(
            "We have already described in our section on Collective Farmsf how ",
            "the problem arose.",
            "",
            "f  In  Soviet Communism, Chapter III, Part I.")));
    }

    [Fact]
    public void AWordEndingInFIsNotAMarkerWhenThereIsNoDaggerNote()
    {
        // "Farmsf" as on pamphlet page 30, but the page's only note is an asterisk's.
        string text = Lines(
            "We have already described in our section on Collective Farmsf how ",
            "the problem arose, and the decision came into force in 1927.*",
            "",
            "* See Woman in Soviet Russia, by Fannina W. Halle, 1933.");
        var doc = Run(text);
        Assert.Equal("[^1]", doc.Apparatus.Single(e => e.Rule == "marker").Reading);
        Assert.DoesNotContain(doc.Apparatus, e => e.Rule == "marker-in-word");
        Assert.DoesNotContain(doc.Apparatus, e => e.Rule == "marker-without-note");
        Assert.Contains("Collective Farmsf how", Books.Markdown(text));
    }

    [Fact]
    public void ANoteOfTwoParagraphsStaysOneNote()
    {
        var doc = Run(PageEleven);
        var note = doc.Notes[0];
        Assert.Equal(2, note.Paragraphs.Count);
        Assert.EndsWith("dignity of a dictator.”", NoteText(note, 0));
        Assert.StartsWith("“ A dictatorship is the most natural government", NoteText(note, 1));
        Assert.EndsWith("1838).", NoteText(note, 1));
    }

    [Fact]
    public void ANoteContinuedOnTheNextPageStaysOneNote()
    {
        // The note breaks off mid-sentence at the foot of page 1 and runs on, without a marker, at the foot of page 2.
        var doc = Run(Lines(
            "The question has more than once been discussed within the Party,",
            "and the historian puts it in a sentence that ends with a note.*",
            "",
            "* The question of the possibility of the governmental organisation becoming",
            "emancipated from the control of the Communist Party has more than once been",
            "",
            "",
            "",
            "discussed at length within the Party and outside it, and it was",
            "never settled, whatever the historians of the period may say.",
            "",
            "discussed within the Party itself, as the French historian Henry Rollin puts it.",
            "",
            "* A second note, on the second page, with its own marker at its start.",
            "",
            "",
            "",
            "A third page, with nothing on it but a few lines of body text,",
            "and the end of the book."));
        Assert.Equal(3, doc.Pages.Count);
        Assert.Equal(2, doc.Notes.Count);
        var first = doc.Notes[0];
        Assert.Single(first.Paragraphs);
        Assert.Equal("The question of the possibility of the governmental organisation becoming emancipated from the control of the Communist Party has more than once been discussed within the Party itself, as the French historian Henry Rollin puts it.",
            string.Join(" ", NoteText(first).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(2, first.Lines.Select(l => l.Page).Distinct().Count());
        Assert.StartsWith("A second note", NoteText(doc.Notes[1]));
        Assert.Equal(LineRole.Body, doc.Pages[1].Lines.First(l => !l.IsBlank).Role);
    }

    [Fact]
    public void AMarkerWithoutANoteIsFlaggedDoubtfulAndKept()
    {
        // Pamphlet page 24: "that of October 1917*" and no note at the foot of the page.
        string text = Lines(
            "Bolshevik Party. It may, indeed, be said that all three stages of ",
            "the Russian revolution, and, most of all, that of October 1917* ",
            "enjoyed wide popular support, whilst the last was effected by a ",
            "widespread upheaval among the city populations.");
        var doc = Run(text);
        Assert.Empty(doc.Notes);
        var e = doc.Apparatus.Single(e => e.Rule == "marker-without-note");
        Assert.Equal(("footnotes", EmendationKind.NoteMarker, EmendationStatus.Doubtful), (e.Stage, e.Kind, e.Status));
        Assert.Equal("*", e.Raw);
        Assert.Equal("*", e.Reading);
        Assert.False(e.ChangesReading);
        Assert.Equal((2, 63), (e.Line, e.Column));
        // Kept in the text as printed (escaped for Markdown).
        Assert.Contains("October 1917\\* enjoyed", Books.Markdown(text));
    }

    [Fact]
    public void ANoteWhoseMarkerIsNotFoundIsAnchoredAtThePageEndAndFlagged()
    {
        string text = Lines(
            "A page whose text has no marker in it at all, though a note",
            "stands at its foot, as happens when the OCR drops the mark.",
            "",
            "* The note whose marker was lost.");
        var doc = Run(text);
        var note = Assert.Single(doc.Notes);
        Assert.NotNull(note.Reference);
        var e = doc.Apparatus.Single(e => e.Rule == "note-without-marker");
        Assert.Equal(EmendationStatus.Doubtful, e.Status);
        Assert.Equal("", e.Raw);
        Assert.Contains("OCR drops the mark.[^1]", Books.Markdown(text));
    }

    [Fact]
    public void TwoAsteriskNotesOnAPageAreLinkedInOrder()
    {
        var doc = Run(Lines(
            "The first statement of the page needs a note,* and so does the ",
            "second statement that follows it on the next line of the page.*",
            "",
            "* The first note.",
            "",
            "* The second note."));
        Assert.Equal(new[] { "The first note.", "The second note." }, doc.Notes.Select(n => NoteText(n)));
        Assert.Equal(new[] { 1, 2 }, doc.Apparatus.Where(e => e.Rule == "marker").Select(e => e.Line));
        Assert.Equal(new[] { "[^1]", "[^2]" }, doc.Apparatus.Where(e => e.Rule == "marker").Select(e => e.Reading));
    }

    [Fact]
    public void NotesAreNumberedThroughTheBook()
    {
        var doc = Run(Lines(
            "The first page has one statement that needs a note of its own.*",
            "",
            "* The note on the first page.",
            "",
            "",
            "",
            "The second page has another statement that needs its note.*",
            "",
            "* The note on the second page."));
        Assert.Equal(2, doc.Pages.Count);
        Assert.Equal(new[] { 1, 2 }, doc.Notes.Select(n => n.Number));
        Assert.Equal(new[] { 1, 2 }, doc.Notes.Select(n => n.Page.Index));
        Assert.Equal(new[] { "[^1]", "[^2]" }, doc.Apparatus.Where(e => e.Rule == "marker").Select(e => e.Reading));
    }
}
