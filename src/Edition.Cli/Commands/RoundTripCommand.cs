using System.Globalization;
using Edition.Cli.RoundTrip;
using Edition.Ingest;

namespace Edition.Cli.Commands;

/// <summary>
/// <c>edition roundtrip [BOOK] [--pages N] [--degrade] [--seed S] [--dpi D] [--jobs N] [--keep DIR] [--max-wer P]</c>:
/// typesets a text book's edition, rasterises its pages, reads them back through OCR and the stages,
/// and prints the word error rates against the first edition. Exit 1 when <c>--max-wer</c> (percent)
/// is exceeded by the edition's body text.
/// </summary>
public static class RoundTripCommand
{
    public static int Run(string[] args, TextWriter log)
    {
        string book = "scans/webb-dictatorship";
        int? pages = null;
        int dpi = 300, jobs = Environment.ProcessorCount, seed = 1;
        bool degrade = false;
        string? keep = null, cache = null;
        double? maxWer = null;
        int Int(string[] a, ref int i, string name, int min)
        {
            if (i + 1 >= a.Length || !int.TryParse(a[++i], NumberStyles.None, CultureInfo.InvariantCulture, out int v) || v < min)
                throw new UsageException($"{name} needs a whole number of {min} or more");
            return v;
        }
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--pages": pages = Int(args, ref i, "--pages", 1); break;
                case "--dpi": dpi = Int(args, ref i, "--dpi", 72); break;
                case "--jobs": jobs = Int(args, ref i, "--jobs", 1); break;
                case "--seed": seed = Int(args, ref i, "--seed", 0); break;
                case "--degrade": degrade = true; break;
                case "--keep":
                    if (i + 1 >= args.Length) throw new UsageException("--keep needs a folder");
                    keep = args[++i];
                    break;
                case "--cache":
                    if (i + 1 >= args.Length) throw new UsageException("--cache needs a folder");
                    cache = args[++i];
                    break;
                case "--max-wer":
                    if (i + 1 >= args.Length || !double.TryParse(args[++i], NumberStyles.Float, CultureInfo.InvariantCulture, out double m) || m < 0)
                        throw new UsageException("--max-wer needs a percentage, e.g. 2.5");
                    maxWer = m;
                    break;
                default:
                    if (args[i].StartsWith('-')) throw new UsageException($"unknown option '{args[i]}'\n{Program.Usage}");
                    book = args[i];
                    break;
            }
        }
        var folder = BookFolder.Open(book);
        if (folder.IsImageBook) throw new InputException(book, "is a book of page images; the round trip starts from a text book's edition");
        var words = BuildCommand.LoadWords();
        var first = EditionBuild.Edit(folder, words).Document;
        var options = new RoundTripOptions
        {
            Pages = pages, Dpi = dpi, Jobs = jobs, Keep = keep, Cache = cache,
            Degrade = degrade ? Degradation.Typical with { Seed = seed } : null,
        };
        var r = RoundTripRunner.Run(first, words, options);
        var ci = CultureInfo.InvariantCulture;
        log.WriteLine(string.Format(ci, "roundtrip: {0}, {1} pages at {2} dpi{3}", folder.Book.Id, r.Pages, dpi, degrade ? $", degraded (seed {seed})" : ", clean"));
        log.WriteLine($"  raw OCR against the edition's text:  {r.RawOcr}");
        log.WriteLine($"  edition read back, body:             {r.Body}");
        log.WriteLine($"  edition read back, body, with case:  {r.BodyWithCase}");
        log.WriteLine($"  edition read back, notes:            {r.Notes}");
        log.WriteLine($"  notes found {r.NotesFound}, anchored {r.NotesAnchored}; printed page numbers read on {r.PageNumbersRead} of {r.Pages} pages");
        log.WriteLine(string.Format(ci, "  render {0:0.0} s, OCR {1:0.0} s ({2:0.00} s/page, {3} jobs), stages {4:0.00} s",
            r.Render.TotalSeconds, r.Ocr.TotalSeconds, r.Ocr.TotalSeconds / Math.Max(1, r.Pages), jobs, r.Edit.TotalSeconds));
        if (maxWer is double bar && r.Body.Rate * 100 > bar)
        {
            log.WriteLine(string.Format(ci, "  FAILED: body WER {0:0.00}% is over the bar of {1:0.00}%", r.Body.Rate * 100, bar));
            return 1;
        }
        return 0;
    }
}
