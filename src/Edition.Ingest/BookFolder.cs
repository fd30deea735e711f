using Edition.Model;

namespace Edition.Ingest;

/// <summary>A folder under <c>scans/</c>: its config and the OCR text it holds.</summary>
public sealed class BookFolder
{
    private static readonly string[] TextExtensions = { ".txt" };

    private BookFolder(string path, BookConfigReader.Config config, string textPath)
    {
        Path = path;
        Config = config;
        TextPath = textPath;
    }

    public string Path { get; }
    public BookConfigReader.Config Config { get; }
    public Book Book => Config.Book;
    public string TextPath { get; }

    public static bool IsBookFolder(string path) =>
        File.Exists(System.IO.Path.Combine(path, BookConfigReader.FileName)) || FindTexts(path).Length > 0;

    public static BookFolder Open(string path)
    {
        if (!Directory.Exists(path)) throw new InputException(path, "no such folder");
        var config = BookConfigReader.Read(path);
        string? text = config.Source;
        if (text == null)
        {
            var texts = FindTexts(path);
            if (texts.Length == 0) throw new InputException(path, "holds no OCR text (*.txt) and no book.toml naming a source");
            if (texts.Length > 1)
                throw new InputException(path, $"holds {texts.Length} text files; name the one to edit with source = \"...\" in book.toml");
            text = texts[0];
        }
        if (!File.Exists(text)) throw new InputException(text, "no such file (named by 'source' in book.toml)");
        return new BookFolder(path, config, text);
    }

    public Document Read()
    {
        var source = TextDecoder.Read(TextPath, Config.Encoding);
        return TextIngest.Read(source, Book);
    }

    private static string[] FindTexts(string path)
    {
        if (!Directory.Exists(path)) return Array.Empty<string>();
        return Directory.GetFiles(path)
            .Where(f => TextExtensions.Contains(System.IO.Path.GetExtension(f).ToLowerInvariant()))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
    }
}
