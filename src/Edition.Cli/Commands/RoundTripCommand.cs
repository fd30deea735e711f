using System.CommandLine;
using System.Globalization;
using Edition.Cli.RoundTrip;
using Edition.Cli.Parsing;
using Edition.Ingest;

namespace Edition.Cli.Commands;

/// <summary>
/// <c>edition roundtrip [BOOK] [--pages N] [--degrade] [--seed S] [--dpi D] [--jobs N] [--keep DIR] [--max-wer P]</c>:
/// typesets a text book's edition, rasterises its pages, reads them back through OCR and the stages,
/// and prints the word error rates against the first edition. Exit 1 when <c>--max-wer</c> (percent)
/// is exceeded by the edition's body text.
/// </summary>
public sealed class RoundTripCommand : EditionCommand
{
    private readonly Argument<string> _book = Declare.Place("BOOK", "a text book's folder", "a book folder", defaultValue: "scans/webb-dictatorship");
    private readonly Option<int?> _pages = Declare.OptionalCount("--pages", "only the first N pages of the PDF (default: all)", 1);
    private readonly Option<int> _dpi = Declare.Count("--dpi", "rasterise at this resolution", 72, () => 300);
    private readonly Option<int> _jobs = Declare.Count("--jobs", "pages recognised at once", 1, () => Environment.ProcessorCount);
    private readonly Option<int> _seed = Declare.Count("--seed", "the degradation's random seed", 0, () => 1);
    private readonly Option<bool> _degrade = Declare.Flag("--degrade", "spoil the page images as a scan is: a slight skew, blur and specks");
    private readonly Option<string?> _keep = Declare.Folder("--keep", "keep the page images in DIR");
    private readonly Option<string?> _cache = Declare.Folder("--cache", "the OCR cache for the round trip's pages (default: none)");
    private readonly Option<double?> _maxWer = Declare.Percent("--max-wer", "exit 1 when the body's word error rate is over P percent");

    public RoundTripCommand() : base("roundtrip", "Edition -> PDF -> page images -> OCR -> edition: word error rates against the first edition.") =>
        Add(_book, _pages, _dpi, _jobs, _seed, _degrade, _keep, _cache, _maxWer);

    public override int Run(ParseResult parsed, TextWriter log)
    {
        string book = parsed.GetValue(_book)!;
        int? pages = parsed.GetValue(_pages);
        int dpi = parsed.GetValue(_dpi), jobs = parsed.GetValue(_jobs), seed = parsed.GetValue(_seed);
        bool degrade = parsed.GetValue(_degrade);
        string? keep = parsed.GetValue(_keep), cache = parsed.GetValue(_cache);
        double? maxWer = parsed.GetValue(_maxWer);
        EditionBuild.CheckSourceDate(); // the round trip typesets a PDF
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
