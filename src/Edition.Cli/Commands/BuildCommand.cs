using Edition.Ingest;
using Edition.Ocr;
using Edition.Stages;

namespace Edition.Cli.Commands;

/// <summary>
/// <c>edition build scans/BOOK [--out DIR] [--jobs N] [--cache DIR] [--keep-going]</c>, or <c>edition build scans/</c>
/// for every book. The OCR options matter only for books of page images.
/// </summary>
public static class BuildCommand
{
    public static int Run(string[] args, TextWriter log)
    {
        string? input = null, outDir = null, cache = null;
        int jobs = Environment.ProcessorCount;
        bool keepGoing = false;
        List<string>? formats = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--out")
            {
                if (i + 1 >= args.Length) throw new UsageException("--out needs a folder");
                outDir = args[++i];
            }
            else if (args[i] == "--cache")
            {
                if (i + 1 >= args.Length) throw new UsageException("--cache needs a folder");
                cache = args[++i];
            }
            else if (args[i] == "--jobs")
            {
                if (i + 1 >= args.Length || !int.TryParse(args[i + 1], out jobs) || jobs < 1) throw new UsageException("--jobs needs a whole number of 1 or more");
                i++;
            }
            else if (args[i] == "--keep-going") keepGoing = true;
            else if (args[i] == "--formats")
            {
                if (i + 1 >= args.Length) throw new UsageException("--formats needs a list, e.g. md,apparatus");
                formats = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                foreach (var f in formats)
                    if (!EditionBuild.Formats.Contains(f))
                        throw new UsageException($"unknown format '{f}' (known: {string.Join(", ", EditionBuild.Formats)})");
            }
            else if (args[i].StartsWith('-')) throw new UsageException($"unknown option '{args[i]}'\n{Program.Usage}");
            else if (input == null) input = args[i];
            else throw new UsageException($"one book folder (or scans/) at a time, not also '{args[i]}'");
        }
        if (input == null) throw new UsageException("build needs a book folder, e.g. edition build scans/my-book");
        if (!Directory.Exists(input)) throw new InputException(input, "no such folder");

        var books = BookFolder.IsBookFolder(input)
            ? new[] { input }
            : Directory.GetDirectories(input).Where(BookFolder.IsBookFolder).OrderBy(d => d, StringComparer.Ordinal).ToArray();
        if (books.Length == 0) throw new InputException(input, "holds no book: no book.toml or OCR text here or in its sub-folders");

        var words = LoadWords();
        var ocr = new PageOcr(new OcrOptions { Jobs = jobs, CacheFolder = cache ?? OcrCache.DefaultFolder(), KeepGoing = keepGoing });
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
