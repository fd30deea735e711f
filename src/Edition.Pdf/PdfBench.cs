using System.Diagnostics;
using System.Globalization;
using Edition.Model;
using Edition.Pdf.Layout;

namespace Edition.Pdf;

/// <summary>
/// Times the typesetter: a book typeset warm (median of several runs, wall clock and this thread's
/// CPU time, which a busy machine disturbs less), and a long book made by replicating a document's
/// blocks, in pages per second. <c>edition bench</c> can call it; so can anyone with a document.
/// </summary>
public static class PdfBench
{
    public sealed record Result(string Name, int Runs, double MedianMs, double MedianCpuMs, int Pages, long Bytes, TypographicReport Report, PdfTimings LastTimings)
    {
        public double PagesPerSecond => MedianMs <= 0 ? 0 : Pages / (MedianMs / 1000);
        public double PagesPerCpuSecond => MedianCpuMs <= 0 ? 0 : Pages / (MedianCpuMs / 1000);

        public override string ToString() => string.Format(CultureInfo.InvariantCulture,
            "{0}: {1} pages, {2:0} KB; median of {3}: {4:0} ms wall ({5:0} pages/s), {6:0} ms CPU ({7:0} pages/s); last run: layout {8:0} ms ({9:0} CPU), draw {10:0} ms ({11:0} CPU), finish {12:0} ms\n  {13}",
            Name, Pages, Bytes / 1024.0, Runs, MedianMs, PagesPerSecond, MedianCpuMs, PagesPerCpuSecond,
            LastTimings.Layout.TotalMilliseconds, LastTimings.LayoutCpu.TotalMilliseconds, LastTimings.Draw.TotalMilliseconds, LastTimings.DrawCpu.TotalMilliseconds,
            LastTimings.Finish.TotalMilliseconds, Report);
    }

    /// <summary>Typesets <paramref name="document"/> once to warm up, then <paramref name="runs"/> times; the median.</summary>
    public static Result Run(Document document, int runs = 5, PdfOptions? options = null, string? name = null)
    {
        if (runs < 1) throw new ArgumentOutOfRangeException(nameof(runs));
        var last = PdfEdition.Typeset(document, options);
        var wall = new List<double>();
        var cpu = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            var cpu0 = ThreadCpu();
            long t0 = Stopwatch.GetTimestamp();
            last = PdfEdition.Typeset(document, options);
            wall.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            cpu.Add((ThreadCpu() - cpu0).TotalMilliseconds);
        }
        return new Result(name ?? document.Book.Id, runs, Median(wall), Median(cpu), last.Book.Pages.Count, last.Pdf.LongLength, last.Book.Report, last.Timings);
    }

    /// <summary>A long book: the document's blocks repeated until the running text makes about <paramref name="pages"/> pages.</summary>
    public static Result RunBook(Document document, int pages = 1000, int runs = 3, PdfOptions? options = null)
    {
        var one = PdfEdition.Typeset(document, options);
        int perCopy = Math.Max(1, one.Book.Report.Pages);
        int copies = Math.Max(1, (int)Math.Ceiling(pages / (double)perCopy));
        var book = Replicate(document, copies);
        return Run(book, runs, options, $"{document.Book.Id} ×{copies}");
    }

    /// <summary>
    /// The document's body <paramref name="copies"/> times over. Each copy's note references point
    /// to notes of its own (numbered on through the book), so every copy prints its notes.
    /// </summary>
    public static Document Replicate(Document document, int copies)
    {
        var book = new Document(document.Source, document.Book);
        book.Pages.AddRange(document.Pages);
        int number = 0;
        for (int c = 0; c < copies; c++)
        {
            foreach (var block in document.Body)
            {
                Block copy = block is Heading h ? new Heading(h.Page, h.Level) : new Paragraph(block.Page);
                foreach (var p in block.Pieces)
                {
                    if (p.Kind == PieceKind.NoteReference && p.Note != null && p.Note.Reference == p)
                    {
                        var note = new Note(p.Note.Page) { Number = ++number, PrintedMarker = p.Note.PrintedMarker };
                        note.Paragraphs.AddRange(p.Note.Paragraphs);
                        var reference = new Piece(PieceKind.NoteReference, p.Start, p.End, p.Reading, p.Page) { Note = note };
                        note.Reference = reference;
                        book.Notes.Add(note);
                        copy.Pieces.Add(reference);
                    }
                    else copy.Pieces.Add(p);
                }
                book.Body.Add(copy);
            }
        }
        return book;
    }

    private static double Median(List<double> xs)
    {
        var s = xs.OrderBy(x => x).ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    private static TimeSpan ThreadCpu()
    {
        // The process's CPU time: the typesetter runs on one thread, and the GC's own work counts too.
        return Process.GetCurrentProcess().TotalProcessorTime;
    }
}
