using System.Diagnostics;
using System.Text;
using Edition.Ingest;
using Edition.Model;
using Edition.Ocr;
using Edition.Outputs.Scoring;
using Edition.Stages;

namespace Edition.Cli.RoundTrip;

public sealed record RoundTripOptions
{
    /// <summary>Running-text pages to render and read back (all when null).</summary>
    public int? Pages { get; init; }
    public int Dpi { get; init; } = 300;
    /// <summary>Null for clean renders.</summary>
    public Degradation? Degrade { get; init; }
    public int Jobs { get; init; } = Environment.ProcessorCount;
    public string? Cache { get; init; }
    /// <summary>Keep the page images and the second edition's book folder here (else a temporary folder, deleted).</summary>
    public string? Keep { get; init; }
}

/// <summary>What came back: word error rates of the raw OCR and of the edition, against the first edition.</summary>
public sealed record RoundTripReport(
    int Pages,
    WordErrors RawOcr,
    WordErrors Body,
    WordErrors BodyWithCase,
    WordErrors Notes,
    int NotesFound,
    int NotesAnchored,
    int PageNumbersRead,
    TimeSpan Render,
    TimeSpan Ocr,
    TimeSpan Edit);

/// <summary>
/// Edition → PDF → page images → OCR → edition again. The first edition is the truth: what the
/// second one should read. Words are compared case-blind for <see cref="RoundTripReport.Body"/>
/// (headings are printed in small capitals, which no reader of the page can tell from lower case),
/// and with case in <see cref="RoundTripReport.BodyWithCase"/>.
/// </summary>
public static class RoundTripRunner
{
    public static RoundTripReport Run(Document edition, WordList words, RoundTripOptions options)
    {
        string work = options.Keep ?? Path.Combine(Path.GetTempPath(), "edition-roundtrip-" + Guid.NewGuid().ToString("N"));
        string pagesFolder = Path.Combine(work, "pages");
        try
        {
            long t0 = Stopwatch.GetTimestamp();
            var images = SyntheticScans.Render(edition, pagesFolder, options.Dpi, options.Pages, options.Degrade);
            var render = Stopwatch.GetElapsedTime(t0);

            var book = edition.Book;
            File.WriteAllText(Path.Combine(work, BookConfigReader.FileName), BookToml(book));
            var folder = BookFolder.Open(work);
            var ocr = new PageOcr(new OcrOptions { Jobs = options.Jobs, CacheFolder = options.Cache });
            long t1 = Stopwatch.GetTimestamp();
            var second = EditionBuild.Edit(folder, words, ocr).Document;
            var total = Stopwatch.GetElapsedTime(t1);

            var truthBody = BodyText(edition);
            var backBody = BodyText(second);
            var report = new RoundTripReport(
                images.Count,
                RawOcr: WordErrorRate.Within(WordErrorRate.Words(truthBody, true), WordErrorRate.Words(second.Source.Text, true)),
                Body: WordErrorRate.Within(WordErrorRate.Words(truthBody, true), WordErrorRate.Words(backBody, true)),
                BodyWithCase: WordErrorRate.Within(WordErrorRate.Words(truthBody), WordErrorRate.Words(backBody)),
                Notes: WordErrorRate.Within(WordErrorRate.Words(NotesText(edition), true), WordErrorRate.Words(NotesText(second), true)),
                NotesFound: second.Notes.Count,
                NotesAnchored: second.Notes.Count(n => n.Reference != null),
                PageNumbersRead: second.Pages.Count(p => p.PrintedNumber != null),
                Render: render,
                Ocr: ocr.LastTime,
                Edit: total - ocr.LastTime);
            return report;
        }
        finally
        {
            if (options.Keep == null && Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The edition's running text: its headings and paragraphs, without note references.</summary>
    public static string BodyText(Document d) => Flows(d.Body.Select(b => b.Pieces));

    /// <summary>The text of the edition's notes, in order.</summary>
    public static string NotesText(Document d) => Flows(d.Notes.SelectMany(n => n.Paragraphs));

    private static string Flows(IEnumerable<List<Piece>> flows)
    {
        var sb = new StringBuilder();
        foreach (var flow in flows)
        {
            foreach (var p in flow)
                if (p.Kind is not (PieceKind.NoteReference or PieceKind.PageBreak)) sb.Append(p.Reading);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string BookToml(Book book)
    {
        static string Q(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        var sb = new StringBuilder();
        sb.Append("title = ").AppendLine(Q(book.Title));
        if (book.Authors.Count > 0) sb.Append("authors = [").Append(string.Join(", ", book.Authors.Select(Q))).AppendLine("]");
        sb.Append("language = ").AppendLine(Q(book.Language));
        sb.AppendLine("source = \"pages/\"");
        return sb.ToString();
    }
}
