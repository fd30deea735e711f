using Edition.Ingest.Scans;
using Edition.Model;

namespace Edition.Ingest;

/// <summary>What a book's input is.</summary>
public enum InputKind
{
    /// <summary>OCR text (one <c>*.txt</c>).</summary>
    Text,
    /// <summary>Page images, OCRed by Tesseract.</summary>
    Images,
    /// <summary>hOCR files from an OCR run (<c>*.hocr</c>, or <c>*.html</c>/<c>*.htm</c> holding an <c>ocr_page</c>).</summary>
    Hocr,
    /// <summary>ALTO XML files from an OCR run (<c>*.xml</c> with an <c>alto</c> root).</summary>
    Alto,
    /// <summary>A PDF of page scans: its page images are extracted (or rendered), then OCRed by Tesseract.</summary>
    Pdf,
}

/// <summary>
/// A folder under <c>scans/</c>: its config and its input, which is one of: OCR text (one <c>*.txt</c>);
/// hOCR or ALTO files (one per page in name order, or one file of many pages); page images
/// (<c>*.png *.tif *.tiff *.jpg *.jpeg</c>, in name order). The input is in the folder or in the file or
/// folder that <c>source</c> names (e.g. <c>source = "pages/"</c>). Beside hOCR or ALTO, page images are
/// the pictures the markup names, not a second input. Paths stay relative when the book's folder was
/// given relative, so that nothing absolute reaches the outputs.
/// </summary>
public sealed class BookFolder
{
    private static readonly string[] TextExtensions = { ".txt" };
    public static readonly IReadOnlyList<string> ImageExtensions = new[] { ".png", ".tif", ".tiff", ".jpg", ".jpeg" };
    private static readonly string[] HocrExtensions = { ".hocr" };
    private static readonly string[] HtmlExtensions = { ".html", ".htm" };
    private static readonly string[] XmlExtensions = { ".xml" };
    private static readonly string[] PdfExtensions = { ".pdf" };

    private BookFolder(string path, BookConfigReader.Config config, string textPath, InputKind kind, IReadOnlyList<string> files)
    {
        Path = path;
        Config = config;
        TextPath = textPath;
        Kind = kind;
        Files = files;
        // A link out of the book's folder would let a book publish any file of the machine that builds it.
        foreach (var f in files.Append(textPath))
            if (!RealPath.IsInside(f, path))
                throw new InputException(f, $"leads outside the book's folder (to {RealPath.Of(f)}); copy the file into the folder instead of linking to it");
    }

    public string Path { get; }
    public BookConfigReader.Config Config { get; }
    public Book Book => Config.Book;
    /// <summary>The input as named: the OCR text file, the hOCR/ALTO file, or the folder of page images or markup files.</summary>
    public string TextPath { get; }
    public InputKind Kind { get; }
    /// <summary>The input files in page order (one for a text book).</summary>
    public IReadOnlyList<string> Files { get; }
    /// <summary>The page images in page order; empty unless the book is of page images.</summary>
    public IReadOnlyList<string> PageImages => Kind == InputKind.Images ? Files : _extracted ?? (IReadOnlyList<string>)Array.Empty<string>();
    /// <summary>Is the book read through OCR (page images, or a PDF of scans)?</summary>
    public bool IsImageBook => Kind is InputKind.Images or InputKind.Pdf;

    /// <summary>For a PDF of scans, once read: its page images, as extracted.</summary>
    private IReadOnlyList<string>? _extracted;
    /// <summary>For a PDF of scans, once read: how many pages were extracted as stored and how many rendered.</summary>
    public PdfPages.Result? PdfExtraction { get; private set; }

    public static bool IsBookFolder(string path) =>
        File.Exists(System.IO.Path.Combine(path, BookConfigReader.FileName)) || FindTexts(path).Length > 0 || FindImages(path).Length > 0
        || FindFiles(path, PdfExtensions).Length > 0 || HasMarkup(path);

    private static bool HasMarkup(string path)
    {
        try
        {
            return FindMarkup(path, out _, out _);
        }
        catch (InputException)
        {
            return true; // both hOCR and ALTO: a book, whose Open says what to do
        }
    }

    public static BookFolder Open(string path)
    {
        if (!Directory.Exists(path)) throw new InputException(path, "no such folder");
        var config = BookConfigReader.Read(path);
        string? text = config.Source == null ? null : Rebase(path, config.Source);
        if (text != null && Directory.Exists(text))
        {
            if (FindMarkup(text, out var kind, out var markup)) return new BookFolder(path, config, text, kind, markup);
            var images = FindImages(text);
            if (images.Length == 0)
                throw new InputException(text, $"holds no page images ({string.Join(" ", ImageExtensions)}) and no hOCR or ALTO files (named by 'source' in book.toml)");
            return new BookFolder(path, config, text, InputKind.Images, images);
        }
        if (text == null)
        {
            var texts = FindTexts(path);
            var images = FindImages(path);
            bool hasMarkup = FindMarkup(path, out var kind, out var markup);
            if (texts.Length > 0 && (images.Length > 0 || hasMarkup))
                throw new InputException(path, $"holds both OCR text and {(hasMarkup ? kind == InputKind.Hocr ? "hOCR files" : "ALTO files" : "page images")}; name the input with source = \"...\" in book.toml (a file, or a folder of images or of hOCR/ALTO files)");
            if (hasMarkup) return new BookFolder(path, config, path, kind, markup);
            if (images.Length > 0) return new BookFolder(path, config, path, InputKind.Images, images);
            var pdfs = FindFiles(path, PdfExtensions);
            if (texts.Length == 0 && pdfs.Length == 1) return new BookFolder(path, config, pdfs[0], InputKind.Pdf, pdfs);
            if (texts.Length == 0 && pdfs.Length > 1)
                throw new InputException(path, $"holds {pdfs.Length} PDF files; name the one to edit with source = \"...\" in book.toml");
            if (texts.Length == 0) throw new InputException(path, "holds no OCR text (*.txt), no hOCR or ALTO, no page images, no PDF of scans and no book.toml naming a source");
            if (texts.Length > 1)
                throw new InputException(path, $"holds {texts.Length} text files; name the one to edit with source = \"...\" in book.toml");
            text = texts[0];
        }
        if (!File.Exists(text)) throw new InputException(text, "no such file (named by 'source' in book.toml)");
        string ext = System.IO.Path.GetExtension(text).ToLowerInvariant();
        if (ImageExtensions.Contains(ext)) return new BookFolder(path, config, text, InputKind.Images, new[] { text });
        if (HocrExtensions.Contains(ext) || HtmlExtensions.Contains(ext)) return new BookFolder(path, config, text, InputKind.Hocr, new[] { text });
        if (XmlExtensions.Contains(ext)) return new BookFolder(path, config, text, InputKind.Alto, new[] { text });
        if (PdfExtensions.Contains(ext)) return new BookFolder(path, config, text, InputKind.Pdf, new[] { text });
        return new BookFolder(path, config, text, InputKind.Text, new[] { text });
    }

    /// <summary>
    /// The document model of the book's input. Page images go through <paramref name="ocr"/>, which returns
    /// Tesseract's hOCR, read like any hOCR. hOCR and ALTO give the document its <see cref="Document.Scan"/>.
    /// </summary>
    public Document Read(IPageRecognizer? ocr = null)
    {
        string sourcePath = System.IO.Path.TrimEndingDirectorySeparator(TextPath);
        switch (Kind)
        {
            case InputKind.Text:
                return TextIngest.Read(TextDecoder.Read(TextPath, Config.Encoding), Book);
            case InputKind.Hocr:
                return ScanIngest.Read(sourcePath, HocrReader.Read(Files), Book);
            case InputKind.Alto:
                return ScanIngest.Read(sourcePath, AltoReader.Read(Files, Config.Dpi), Book);
        }
        if (ocr == null) throw new InputException(TextPath, $"holds {(Kind == InputKind.Pdf ? "a PDF of scans" : "page images")}, and no OCR engine was given to read them");
        if (Kind == InputKind.Pdf)
        {
            // Extracted once per PDF content into the cache (a temporary folder without one).
            PdfExtraction = PdfPages.Extract(TextPath, ocr.CacheFolder ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "edition-pdf-pages"));
            _extracted = PdfExtraction.Images;
        }
        var pages = ocr.RecognizeHocr(PageImages, Book.Language);
        var builder = new ScanTextBuilder();
        var documents = HocrReader.ParseAll(pages.Count, i => string.IsNullOrEmpty(pages[i]) ? "" : pages[i]);
        for (int i = 0; i < pages.Count; i++)
        {
            // A page left unread under --keep-going is an empty page.
            if (string.IsNullOrEmpty(pages[i])) builder.BeginPage(PageImages[i], 0, 0);
            else HocrReader.Append(builder, documents[i], PageImages[i], PageImages[i]);
        }
        return ScanIngest.Read(sourcePath, builder.Build(), Book);
    }

    /// <summary>An absolute path inside the book's folder, relative again when the folder was given relative.</summary>
    private static string Rebase(string folder, string full)
    {
        full = System.IO.Path.TrimEndingDirectorySeparator(full);
        if (System.IO.Path.IsPathRooted(folder)) return full;
        string rel = System.IO.Path.GetRelativePath(System.IO.Path.GetFullPath(folder), full);
        return rel == "." ? folder : System.IO.Path.Combine(folder, rel);
    }

    private static string[] FindTexts(string path) => FindFiles(path, TextExtensions);

    private static string[] FindImages(string path) => FindFiles(path, ImageExtensions);

    /// <summary>hOCR or ALTO files in the folder; both kinds at once is an error.</summary>
    private static bool FindMarkup(string path, out InputKind kind, out string[] files)
    {
        var hocr = FindFiles(path, HocrExtensions).Concat(FindFiles(path, HtmlExtensions).Where(HocrReader.LooksLikeHocr))
            .OrderBy(f => f, StringComparer.Ordinal).ToArray();
        var alto = FindFiles(path, XmlExtensions).Where(AltoReader.LooksLikeAlto).ToArray();
        if (hocr.Length > 0 && alto.Length > 0)
            throw new InputException(path, "holds both hOCR and ALTO files; name the input with source = \"...\" in book.toml");
        kind = hocr.Length > 0 ? InputKind.Hocr : InputKind.Alto;
        files = hocr.Length > 0 ? hocr : alto;
        return files.Length > 0;
    }

    private static string[] FindFiles(string path, IReadOnlyList<string> extensions)
    {
        if (!Directory.Exists(path)) return Array.Empty<string>();
        return Directory.GetFiles(path)
            .Where(f => extensions.Contains(System.IO.Path.GetExtension(f).ToLowerInvariant()))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
    }
}
