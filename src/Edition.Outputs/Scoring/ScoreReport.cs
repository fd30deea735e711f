using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Edition.Outputs.Scoring;

/// <summary>Character and word errors summed over pages.</summary>
public sealed class TextFigures
{
    public int RefChars { get; set; }
    public int CharErrors { get; set; }
    public int RefWords { get; set; }
    public int WordErrors { get; set; }

    public double Cer => RefChars == 0 ? (CharErrors == 0 ? 0 : 1) : (double)CharErrors / RefChars;
    public double Wer => RefWords == 0 ? (WordErrors == 0 ? 0 : 1) : (double)WordErrors / RefWords;

    public void Add(TextFigures other)
    {
        RefChars += other.RefChars;
        CharErrors += other.CharErrors;
        RefWords += other.RefWords;
        WordErrors += other.WordErrors;
    }
}

/// <summary>The body text figures of one alignment unit (one page, or pages compared together).</summary>
public sealed record UnitFigures(string ReferencePages, string EditionPages, UnitKind Kind, TextFigures Body);

/// <summary>Paragraph boundaries: blocks (paragraphs and headings) identified by their first words.</summary>
public sealed class BoundaryFigures
{
    public int Reference { get; set; }
    public int Edition { get; set; }
    public int Matched { get; set; }
    public double Precision => Edition == 0 ? 0 : (double)Matched / Edition;
    public double Recall => Reference == 0 ? 0 : (double)Matched / Reference;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

public sealed class HeadingFigures
{
    public int Reference { get; set; }
    public int Edition { get; set; }
    public int Matched { get; set; }
    public List<string> Missed { get; } = new();
    public List<string> Extra { get; } = new();
}

public sealed class NoteFigures
{
    public int Reference { get; set; }
    public int Edition { get; set; }
    /// <summary>Reference notes whose marker was found in the reference body.</summary>
    public int ReferenceAnchored { get; set; }
    public int Matched { get; set; }
    /// <summary>Matched notes whose reference note has a marker.</summary>
    public int MatchedAnchored { get; set; }
    public int RightPage { get; set; }
    public int RightWord { get; set; }
    /// <summary>Text errors of the matched notes against their reference notes.</summary>
    public TextFigures Text { get; } = new();
}

public sealed class ScoreReport
{
    public int ReferencePages { get; init; }
    public int EditionPageBreaks { get; init; }
    public required PageAlignment Alignment { get; init; }
    public TextFigures EditionBody { get; } = new();
    public TextFigures EditionAll { get; } = new();
    public List<UnitFigures> EditionUnits { get; } = new();
    public int? RawPages { get; set; }
    public PageAlignment? RawAlignment { get; set; }
    public TextFigures? RawBody { get; set; }
    public TextFigures? RawAll { get; set; }
    public BoundaryFigures Paragraphs { get; } = new();
    public HeadingFigures Headings { get; } = new();
    public NoteFigures Notes { get; } = new();

    private static string Pct(double x) => (x * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";
    private static string N(int x) => x.ToString("N0", CultureInfo.InvariantCulture);

    public void WriteText(TextWriter w, string editionPath, string referencePath, string? rawPath)
    {
        w.WriteLine($"edition:   {editionPath}");
        w.WriteLine($"reference: {referencePath} ({ReferencePages} pages)");
        if (rawPath != null) w.WriteLine($"raw:       {rawPath} ({RawPages} pages at form feeds, {(RawAlignment!.Units.All(u => u.Kind == UnitKind.Position) ? "paired with the reference's in order" : "not as many as the reference's: compared as one text")})");
        w.WriteLine();
        w.WriteLine($"{"",-30} {"CER",8} {"WER",8} {"errors/chars",16} {"errors/words",14}");
        void Row(string name, TextFigures f) =>
            w.WriteLine($"{name,-30} {Pct(f.Cer),8} {Pct(f.Wer),8} {N(f.CharErrors) + "/" + N(f.RefChars),16} {N(f.WordErrors) + "/" + N(f.RefWords),14}");
        Row("body text, edition", EditionBody);
        if (RawBody != null) Row("body text, raw", RawBody);
        Row("body + notes, edition", EditionAll);
        if (RawAll != null) Row("body + notes, raw", RawAll);
        w.WriteLine();

        var a = Alignment;
        w.WriteLine($"pages: {ReferencePages} in the reference; {EditionPageBreaks} page breaks in the edition: {a.ByNumber} paired by number, {a.ByPosition} by position (number wrong or missing), "
            + $"{a.RefPagesMerged} reference pages compared in merged units (a break missing or extra){(a.HypPagesOutside > 0 ? $", {a.HypPagesOutside} edition pages outside the reference left out" : "")}{(a.Offset != 0 ? $"; numbers offset by {a.Offset}" : "")}");
        var p = Paragraphs;
        w.WriteLine($"paragraphs: {p.Reference} in the reference, {p.Edition} in the edition, {p.Matched} boundaries matched: precision {Pct(p.Precision)}, recall {Pct(p.Recall)}, F1 {Pct(p.F1)}");
        var h = Headings;
        w.WriteLine($"headings: {h.Reference} in the reference, {h.Edition} in the edition, {h.Matched} matched");
        foreach (var m in h.Missed) w.WriteLine($"  missed: {m}");
        foreach (var m in h.Extra) w.WriteLine($"  extra:  {m}");
        var n = Notes;
        w.WriteLine($"notes: {n.Reference} in the reference, {n.Edition} in the edition, {n.Matched} matched by text{(n.Matched > 0 ? $" (CER {Pct(n.Text.Cer)})" : "")}; "
            + $"of the matched, {n.RightPage} referenced on the right page, {n.RightWord} of {n.MatchedAnchored} after the right word");
        w.WriteLine();
        w.WriteLine("worst pages (body CER):");
        foreach (var u in EditionUnits.Where(u => u.Body.RefChars >= 100).OrderByDescending(u => u.Body.Cer).Take(5))
            w.WriteLine($"  {u.ReferencePages,-12} {Pct(u.Body.Cer),8}  ({N(u.Body.CharErrors)}/{N(u.Body.RefChars)}{(u.Kind == UnitKind.Merged ? $", merged; edition pages {u.EditionPages}" : "")})");
    }

    public string ToJson(string editionPath, string referencePath, string? rawPath)
    {
        var stream = new MemoryStream();
        using (var j = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            j.WriteStartObject();
            j.WriteString("edition", editionPath);
            j.WriteString("reference", referencePath);
            if (rawPath != null) j.WriteString("raw", rawPath); else j.WriteNull("raw");

            j.WriteStartObject("body");
            Figures(j, "edition", EditionBody);
            if (RawBody != null) Figures(j, "raw", RawBody);
            j.WriteEndObject();
            j.WriteStartObject("body_and_notes");
            Figures(j, "edition", EditionAll);
            if (RawAll != null) Figures(j, "raw", RawAll);
            j.WriteEndObject();

            j.WriteStartObject("pages");
            j.WriteNumber("reference", ReferencePages);
            j.WriteNumber("edition_breaks", EditionPageBreaks);
            j.WriteNumber("paired_by_number", Alignment.ByNumber);
            j.WriteNumber("paired_by_position", Alignment.ByPosition);
            j.WriteNumber("reference_pages_merged", Alignment.RefPagesMerged);
            j.WriteNumber("edition_pages_outside", Alignment.HypPagesOutside);
            j.WriteNumber("number_offset", Alignment.Offset);
            if (RawPages is int rp) j.WriteNumber("raw", rp);
            j.WriteStartArray("units");
            foreach (var u in EditionUnits)
            {
                j.WriteStartObject();
                j.WriteString("reference_pages", u.ReferencePages);
                j.WriteString("edition_pages", u.EditionPages);
                j.WriteString("paired", u.Kind.ToString().ToLowerInvariant());
                j.WriteNumber("ref_chars", u.Body.RefChars);
                j.WriteNumber("char_errors", u.Body.CharErrors);
                j.WriteNumber("cer", Math.Round(u.Body.Cer, 5));
                j.WriteNumber("ref_words", u.Body.RefWords);
                j.WriteNumber("word_errors", u.Body.WordErrors);
                j.WriteNumber("wer", Math.Round(u.Body.Wer, 5));
                j.WriteEndObject();
            }
            j.WriteEndArray();
            j.WriteEndObject();

            j.WriteStartObject("paragraphs");
            j.WriteNumber("reference", Paragraphs.Reference);
            j.WriteNumber("edition", Paragraphs.Edition);
            j.WriteNumber("matched", Paragraphs.Matched);
            j.WriteNumber("precision", Math.Round(Paragraphs.Precision, 5));
            j.WriteNumber("recall", Math.Round(Paragraphs.Recall, 5));
            j.WriteNumber("f1", Math.Round(Paragraphs.F1, 5));
            j.WriteEndObject();

            j.WriteStartObject("headings");
            j.WriteNumber("reference", Headings.Reference);
            j.WriteNumber("edition", Headings.Edition);
            j.WriteNumber("matched", Headings.Matched);
            j.WriteStartArray("missed");
            foreach (var m in Headings.Missed) j.WriteStringValue(m);
            j.WriteEndArray();
            j.WriteStartArray("extra");
            foreach (var m in Headings.Extra) j.WriteStringValue(m);
            j.WriteEndArray();
            j.WriteEndObject();

            j.WriteStartObject("notes");
            j.WriteNumber("reference", Notes.Reference);
            j.WriteNumber("reference_with_marker", Notes.ReferenceAnchored);
            j.WriteNumber("edition", Notes.Edition);
            j.WriteNumber("matched", Notes.Matched);
            Figures(j, "matched_text", Notes.Text);
            j.WriteNumber("right_page", Notes.RightPage);
            j.WriteNumber("matched_with_marker", Notes.MatchedAnchored);
            j.WriteNumber("right_word", Notes.RightWord);
            j.WriteEndObject();
            j.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Figures(Utf8JsonWriter j, string name, TextFigures f)
    {
        j.WriteStartObject(name);
        j.WriteNumber("cer", Math.Round(f.Cer, 5));
        j.WriteNumber("wer", Math.Round(f.Wer, 5));
        j.WriteNumber("ref_chars", f.RefChars);
        j.WriteNumber("char_errors", f.CharErrors);
        j.WriteNumber("ref_words", f.RefWords);
        j.WriteNumber("word_errors", f.WordErrors);
        j.WriteEndObject();
    }
}
