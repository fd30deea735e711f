using System.Globalization;
using Edition.Model;

namespace Edition.Pdf.Layout;

/// <summary>Which changes the printed apparatus lists, how it groups them, and the editorial principles that say so.</summary>
public static class Principles
{
    /// <summary>Made silently (listed only in apparatus.json): furniture out, markers numbered, spacing closed up.</summary>
    public static bool IsSilent(Emendation e) =>
        e.Status != EmendationStatus.Doubtful
        && (e.Kind is EmendationKind.Furniture or EmendationKind.NoteMarker or EmendationKind.Spacing || !e.ChangesReading);

    public static bool IsRecorded(Emendation e) => !IsSilent(e);

    public enum Group { Misreadings, SplitWords, LineEndHyphens, ToCheck }

    public static Group GroupOf(Emendation e) => e.Status == EmendationStatus.Doubtful ? Group.ToCheck : e.Kind switch
    {
        EmendationKind.SplitWord => Group.SplitWords,
        EmendationKind.Hyphenation => Group.LineEndHyphens,
        _ => Group.Misreadings,
    };

    public static string Title(Group g) => g switch
    {
        Group.Misreadings => "Corrections",
        Group.SplitWords => "Words split or spaced out by the OCR",
        Group.LineEndHyphens => "Words broken at the ends of the source\u2019s lines",
        _ => "Readings to check",
    };

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The book's title marked for italics, with the comma that follows it unless it ends in its own mark.</summary>
    public static string TitleThen(Book book, string rest)
    {
        string title = book.Title.Length > 0 ? book.Title : book.Id;
        bool ownMark = title.Length > 0 && char.IsPunctuation(title[^1]);
        return "*" + title + "*" + (rest.StartsWith(',') && ownMark ? rest[1..] : rest);
    }

    public static string Authors(Book book) => book.Authors.Count switch
    {
        0 => "",
        1 => book.Authors[0],
        _ => string.Join(", ", book.Authors.Take(book.Authors.Count - 1)) + " and " + book.Authors[^1],
    };

    /// <summary>The principles as paragraphs of plain text, with the document's own counts.</summary>
    public static List<string> Paragraphs(Document document)
    {
        var book = document.Book;
        var app = document.Apparatus;
        int Count(Func<Emendation, bool> f) => app.Count(f);
        string year = book.Year?.ToString(CultureInfo.InvariantCulture) ?? "its first printing";
        var pages = document.Pages;
        int printed = pages.Count(p => p.NumberSource == PageNumberSource.Printed);
        var paras = new List<string>
        {
            $"This edition gives the text of {TitleThen(book, book.Authors.Count > 0 ? ", by " + Authors(book) + "," : ",")} as printed in {year}. "
            + "It was established from the OCR of the printed text by a pipeline of stages, each of them a rule applied the same way throughout the book "
            + "and recording its evidence for every change it makes; the editor\u2019s own corrections, where there are any, come last and are marked as editorial.",

            $"The numbers in square brackets in the outer margin give the pages of the source ({N(pages.Count)} pages, "
            + $"{N(pages.Count > 0 ? pages[0].Number : 0)}\u2013{N(pages.Count > 0 ? pages[^1].Number : 0)}), each beside the line where that page begins. "
            + $"Page numbers the OCR could read ({N(printed)}) are used as printed; the others are counted from their neighbours or from the book\u2019s first page.",

            $"The notes, marked in the source by asterisks, daggers and other signs, are numbered here through the book ({N(document.Notes.Count)} notes) "
            + "and printed at the foot of the page where they are referenced; a note too long for its page runs over to the next.",

            $"Some changes concern the OCR rather than the text, and are made silently: running heads and page numbers taken out of the text "
            + $"({N(Count(e => e.Kind == EmendationKind.Furniture))}), the printed note markers replaced by numbers "
            + $"({N(Count(e => e.Kind == EmendationKind.NoteMarker && e.Status != EmendationStatus.Doubtful))}), and spaces the OCR set before "
            + $"punctuation, around dashes or inside quotation marks closed up ({N(Count(e => e.Kind == EmendationKind.Spacing && e.Status != EmendationStatus.Doubtful))}). "
            + "They are listed, with every other change and its evidence, in the file apparatus.json that accompanies this edition.",

            "Every other change is listed in the apparatus at the back, keyed to this edition by page and line (a note by page and note number): "
            + "the reading of this edition, a square bracket, then what the OCR read, a vertical bar marking the end of a line of the source. "
            + $"They are grouped as corrections of misreadings ({N(Count(e => IsRecorded(e) && GroupOf(e) == Group.Misreadings))}), "
            + $"words the OCR split or spaced out ({N(Count(e => IsRecorded(e) && GroupOf(e) == Group.SplitWords))}), "
            + $"and words broken at the ends of the source\u2019s lines ({N(Count(e => IsRecorded(e) && GroupOf(e) == Group.LineEndHyphens))}), "
            + "whose hyphens were kept or dropped on the evidence of the word list and of the book\u2019s own usage. "
            + $"Readings a reader should check ({N(Count(e => e.Status == EmendationStatus.Doubtful))}) come last, with the reason for the doubt.",

            "Words broken at the ends of lines of this edition are hyphenated by Liang\u2019s algorithm over the British English patterns; "
            + "those hyphens are the printer\u2019s, not the source\u2019s, and a word that has a hyphen of its own is broken only there.",
        };
        return paras;
    }
}
