using System.Diagnostics;
using Edition.Cli;
using Edition.Exchange.Tests.Support;
using Edition.Ingest;
using Edition.Model;

namespace Edition.Exchange.Tests.Validation;

/// <summary>
/// The TEI and EPUB of every book the validators see, built once for the whole test run: the bundled
/// books that need no OCR (the pamphlet's text, pascal's hOCR; thornton's page images are built once by
/// Edition.Ocr.Tests, which validates them there), every book of the evaluation corpus from its hOCR,
/// and a few snippets with layouts XML does not hold easily.
/// </summary>
public static class Editions
{
    public sealed record Built(string Id, string Tei, string Epub, string SourceText);
    public sealed record All(List<Built> Books, string Folder, int CorpusBooks, string? CorpusNote, TimeSpan BuildTime);

    private static readonly Lazy<All> Once = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static All Get() => Once.Value;

    private static All Build()
    {
        var sw = Stopwatch.StartNew();
        string folder = TempFolder.Create("edition-exchange-");
        var sources = new List<string> { Books.Scans("webb-dictatorship"), Books.Scans("pascal") };
        string? corpus = Books.CorpusFolder;
        int corpusBooks = 0;
        string? note = null;
        if (corpus == null) note = "the evaluation corpus (../shared/corpus) is absent: only the bundled books are validated";
        else
        {
            string copies = Path.Combine(folder, "corpus-books");
            foreach (var book in Directory.GetDirectories(corpus).Where(d => Directory.Exists(Path.Combine(d, "hocr"))).OrderBy(d => d, StringComparer.Ordinal))
            {
                sources.Add(Books.CorpusBookFromHocr(book, copies));
                corpusBooks++;
            }
        }
        var built = new Built[sources.Count];
        Parallel.For(0, sources.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var bookFolder = BookFolder.Open(sources[i]);
            string outFolder = Path.Combine(folder, "editions", bookFolder.Book.Id);
            var document = EditionBuild.Edit(bookFolder, Books.Words).Document;
            var files = EditionBuild.Render(document, new[] { "tei", "epub" }, outFolder);
            Directory.CreateDirectory(outFolder);
            foreach (var (name, bytes) in files) File.WriteAllBytes(Path.Combine(outFolder, name), bytes);
            built[i] = new Built(bookFolder.Book.Id, Path.Combine(outFolder, bookFolder.Book.Id + ".xml"), Path.Combine(outFolder, bookFolder.Book.Id + ".epub"), document.Source.Text);
        });
        var list = built.ToList();
        // The copies of the corpus books were only read: the editions are what the validators need.
        if (corpus != null) Directory.Delete(Path.Combine(folder, "corpus-books"), recursive: true);
        // Snippets: control characters, carriage returns, form feeds, text with no final line break.
        foreach (var (name, text) in new[]
        {
            ("snippet-controls", "A word\u0001 with controls\u000b and a form feed.\n\fThe next page \uFFFF here.\n"),
            ("snippet-crlf", "First line of the text,\r\nand its second line.\r\n\r\n2 A HEAD 2\r\n\r\nMore.\r\n"),
            ("snippet-bare", "No line break at the end"),
        })
        {
            var document = Books.Snippet(text, name);
            string outFolder = Path.Combine(folder, "editions", name);
            Directory.CreateDirectory(outFolder);
            string tei = Path.Combine(outFolder, name + ".xml"), epub = Path.Combine(outFolder, name + ".epub");
            File.WriteAllText(tei, Books.Tei(document));
            File.WriteAllBytes(epub, Books.Epub(document));
            list.Add(new Built(name, tei, epub, text));
        }
        return new All(list, folder, corpusBooks, note, sw.Elapsed);
    }
}
