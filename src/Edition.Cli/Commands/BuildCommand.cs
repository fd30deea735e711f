using System.CommandLine;
using Edition.Cli.Parsing;
using Edition.Ingest;
using Edition.Ocr;
using Edition.Stages;

namespace Edition.Cli.Commands;

/// <summary>
/// <c>edition build scans/BOOK [--out DIR] [--formats LIST] [--jobs N] [--cache DIR] [--keep-going]</c>, or
/// <c>edition build scans/</c> for every book. The OCR options matter only for books of page images.
/// </summary>
public sealed class BuildCommand : EditionCommand
{
    private readonly Argument<string> _input = Declare.Place("BOOK",
        "a book's folder (scans/BOOK), or a folder of books (scans/) to build each", "a book folder, e.g. edition build scans/my-book");
    private readonly Option<string?> _out = Declare.Folder("--out",
        "where the edition goes (default: editions/BOOK beside scans/); for a folder of books, DIR/BOOK for each");
    private readonly Option<string[]?> _formats = Declare.List("--formats", "which outputs to make, comma-separated, of " + string.Join(",", EditionBuild.Formats) + " (default: all)", EditionBuild.Formats);
    private readonly Option<int> _jobs = Declare.Count("--jobs", "page images: how many pages are recognised at once", 1, () => Environment.ProcessorCount);
    private readonly Option<string?> _cache = Declare.Folder("--cache", "page images: the OCR cache (default: $EDITION_CACHE, else $XDG_CACHE_HOME/edition, else ~/.cache/edition)");
    private readonly Option<bool> _keepGoing = Declare.Flag("--keep-going", "page images: an unreadable image becomes an empty page (and a warning), not an error");

    public BuildCommand() : base("build", "Build editions: read the scans, edit, and write every output.") =>
        Add(_input, _out, _formats, _jobs, _cache, _keepGoing);

    public override int Run(ParseResult parsed, TextWriter log)
    {
        string input = parsed.GetValue(_input)!;
        string? outDir = parsed.GetValue(_out);
        var formats = parsed.GetValue(_formats);
        if (!Directory.Exists(input)) throw new InputException(input, "no such folder");
        if (formats == null || formats.Intersect(EditionBuild.DatedFormats).Any()) EditionBuild.CheckSourceDate(); // before the work, not after it

        var books = BookFolder.IsBookFolder(input)
            ? new[] { input }
            : Directory.GetDirectories(input).Where(BookFolder.IsBookFolder).OrderBy(d => d, StringComparer.Ordinal).ToArray();
        if (books.Length == 0) throw new InputException(input, "holds no book: no book.toml or OCR text here or in its sub-folders");

        var words = LoadWords();
        var ocr = new PageOcr(new OcrOptions
        {
            Jobs = parsed.GetValue(_jobs), CacheFolder = parsed.GetValue(_cache) ?? OcrCache.DefaultFolder(), KeepGoing = parsed.GetValue(_keepGoing),
        });
        foreach (var book in books)
        {
            string id = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(book)));
            string target = outDir == null ? Path.Combine(DefaultEditionsRoot(book), id)
                : books.Length == 1 ? outDir : Path.Combine(outDir, id);
            EditionBuild.Build(book, target, words, log, ocr, formats);
        }
        return 0;
    }

    public static WordList LoadWords()
    {
        try
        {
            return WordList.LoadDefault();
        }
        catch (FileNotFoundException e)
        {
            throw new InputException(WordList.DefaultPath, e.Message.Replace(WordList.DefaultPath + " ", "").Replace("the word list ", "the word list is missing; "));
        }
    }

    /// <summary>editions/ beside the scans/ folder that holds the book (so scans/X builds into editions/X).</summary>
    private static string DefaultEditionsRoot(string book)
    {
        string full = Path.GetFullPath(book);
        string scans = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(full)) ?? ".";
        string root = Path.GetDirectoryName(scans) ?? ".";
        return Path.Combine(root, "editions");
    }
}
