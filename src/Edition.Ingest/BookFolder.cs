using Edition.Model;

namespace Edition.Ingest;

/// <summary>
/// A folder under <c>scans/</c>: its config and its input, either OCR text (one <c>*.txt</c>) or page
/// images (<c>*.png *.tif *.tiff *.jpg *.jpeg</c>, in name order) in the folder or in the folder that
/// <c>source</c> names (e.g. <c>source = "pages/"</c>).
/// </summary>
public sealed class BookFolder
{
    private static readonly string[] TextExtensions = { ".txt" };
    public static readonly IReadOnlyList<string> ImageExtensions = new[] { ".png", ".tif", ".tiff", ".jpg", ".jpeg" };

    private BookFolder(string path, BookConfigReader.Config config, string textPath, IReadOnlyList<string> pageImages)
    {
        Path = path;
        Config = config;
        TextPath = textPath;
        PageImages = pageImages;
    }

    public string Path { get; }
    public BookConfigReader.Config Config { get; }
    public Book Book => Config.Book;
    /// <summary>The OCR text file; for an image book, the folder of its page images.</summary>
    public string TextPath { get; }
    /// <summary>The page images in page order; empty for a text book.</summary>
    public IReadOnlyList<string> PageImages { get; }
    public bool IsImageBook => PageImages.Count > 0;

    public static bool IsBookFolder(string path) =>
        File.Exists(System.IO.Path.Combine(path, BookConfigReader.FileName)) || FindTexts(path).Length > 0 || FindImages(path).Length > 0;

    public static BookFolder Open(string path)
    {
        if (!Directory.Exists(path)) throw new InputException(path, "no such folder");
        var config = BookConfigReader.Read(path);
        string? text = config.Source;
        if (text != null && Directory.Exists(text))
        {
            var images = FindImages(text);
            if (images.Length == 0) throw new InputException(text, $"holds no page images ({string.Join(" ", ImageExtensions)}) (named by 'source' in book.toml)");
            return new BookFolder(path, config, text, images);
        }
        if (text == null)
        {
            var texts = FindTexts(path);
            var images = FindImages(path);
            if (texts.Length > 0 && images.Length > 0)
                throw new InputException(path, "holds both OCR text and page images; name the input with source = \"...\" in book.toml (a file, or a folder of images)");
            if (images.Length > 0) return new BookFolder(path, config, path, images);
            if (texts.Length == 0) throw new InputException(path, "holds no OCR text (*.txt), no page images and no book.toml naming a source");
            if (texts.Length > 1)
                throw new InputException(path, $"holds {texts.Length} text files; name the one to edit with source = \"...\" in book.toml");
            text = texts[0];
        }
        if (!File.Exists(text)) throw new InputException(text, "no such file (named by 'source' in book.toml)");
        if (ImageExtensions.Contains(System.IO.Path.GetExtension(text).ToLowerInvariant()))
            return new BookFolder(path, config, text, new[] { text });
        return new BookFolder(path, config, text, Array.Empty<string>());
    }

    /// <summary>The document model of the book's input; page images go through <paramref name="ocr"/>, pages joined with a form feed.</summary>
    public Document Read(IPageRecognizer? ocr = null)
    {
        if (!IsImageBook)
        {
            var source = TextDecoder.Read(TextPath, Config.Encoding);
            return TextIngest.Read(source, Book);
        }
        if (ocr == null) throw new InputException(TextPath, "holds page images, and no OCR engine was given to read them");
        var pages = ocr.Recognize(PageImages, Book.Language);
        return TextIngest.Read(new SourceText(System.IO.Path.TrimEndingDirectorySeparator(TextPath), string.Join("\f", pages)), Book);
    }

    private static string[] FindTexts(string path) => FindFiles(path, TextExtensions);

    private static string[] FindImages(string path) => FindFiles(path, ImageExtensions);

    private static string[] FindFiles(string path, IReadOnlyList<string> extensions)
    {
        if (!Directory.Exists(path)) return Array.Empty<string>();
        return Directory.GetFiles(path)
            .Where(f => extensions.Contains(System.IO.Path.GetExtension(f).ToLowerInvariant()))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
    }
}
