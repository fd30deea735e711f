using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Edition.Model;

namespace Edition.Ingest.Scans;

/// <summary>
/// Reads hOCR (from Tesseract or any other OCR run): pages (<c>ocr_page</c>: bbox, image, ppageno),
/// lines (<c>ocr_line</c>, <c>ocr_header</c>, <c>ocr_caption</c>, <c>ocr_textfloat</c>: bbox, x_size)
/// and words (<c>ocrx_word</c>: bbox, x_wconf), with paragraphs (<c>ocr_par</c>, else <c>ocr_carea</c>)
/// as blank lines. It is HTML, so it is parsed as HTML: entities are decoded, sloppy markup is tolerated.
/// </summary>
public static class HocrReader
{
    private const string LineSelector = ".ocr_line, .ocr_header, .ocr_caption, .ocr_textfloat, .ocrx_line";
    private const string BlockSelector = ".ocr_par, .ocr_carea, .ocrx_block, .ocr_block";

    /// <summary>One hOCR file (one page or many).</summary>
    public static ScanText Read(string path) => Read(new[] { path });

    /// <summary>hOCR files in the order given, their pages one after another.</summary>
    public static ScanText Read(IReadOnlyList<string> paths)
    {
        var documents = ParseAll(paths.Count, i => ReadFile(paths[i]));
        var builder = new ScanTextBuilder();
        for (int i = 0; i < paths.Count; i++) Append(builder, documents[i], paths[i], null);
        return builder.Build();
    }

    /// <summary>
    /// Parses many hOCR files at once, one per core (parsing is most of the time of reading a book of
    /// hOCR); the pages are then appended in order, so the result is the same as one by one.
    /// </summary>
    /// <remarks>
    /// A file that cannot be read is an <see cref="InputException"/> as it would be one by one: of several, the
    /// first in order (not the first a thread met), so the error is the same in every run.
    /// </remarks>
    public static IDocument[] ParseAll(int count, Func<int, string> html)
    {
        var documents = new IDocument[count];
        var failed = new InputException?[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            try
            {
                documents[i] = new HtmlParser().ParseDocument(html(i));
            }
            catch (InputException e)
            {
                failed[i] = e;
            }
        });
        if (failed.FirstOrDefault(e => e != null) is { } first) throw first;
        return documents;
    }

    /// <summary>hOCR markup already in memory; <paramref name="path"/> names it in errors and anchors the images it names.</summary>
    public static ScanText Parse(string html, string path)
    {
        var builder = new ScanTextBuilder();
        Parse(builder, html, path, null);
        return builder.Build();
    }

    /// <summary>
    /// Appends the pages of <paramref name="html"/>. The image of each page is <paramref name="imagePath"/>
    /// when given (Tesseract's own hOCR, which does not know its file), else the one the page names,
    /// found relative to <paramref name="path"/>, else none.
    /// </summary>
    public static void Parse(ScanTextBuilder builder, string html, string path, string? imagePath) =>
        Append(builder, new HtmlParser().ParseDocument(html), path, imagePath);

    /// <summary>Appends the pages of a parsed hOCR document (see <see cref="Parse(ScanTextBuilder, string, string, string?)"/>).</summary>
    public static void Append(ScanTextBuilder builder, IDocument document, string path, string? imagePath)
    {
        var pages = document.QuerySelectorAll(".ocr_page");
        if (pages.Length == 0)
            throw new InputException(path, "is not hOCR: it has no page (no element of class ocr_page)");
        foreach (var page in pages)
        {
            var props = Properties(page, path);
            Box? pageBox = Bbox(props, path, page);
            var units = Lines(page);
            int width = pageBox?.Right ?? 0, height = pageBox?.Bottom ?? 0;
            if (pageBox == null)
                foreach (var (_, line, words) in units)
                    foreach (var e in line != null ? [line] : words!)
                        if (Bbox(Properties(e, path), path, e) is Box b) { width = Math.Max(width, b.Right); height = Math.Max(height, b.Bottom); }
            string? image = imagePath ?? ResolveImage(path, Image(props));
            builder.BeginPage(image, width, height);

            IElement? container = null;
            bool first = true;
            foreach (var (block, line, loose) in units)
            {
                if (first || block != container) builder.BeginBlock();
                first = false;
                container = block;
                var words = new List<MarkupWord>();
                var wordElements = line != null ? line.QuerySelectorAll(".ocrx_word").ToList() : loose!;
                if (wordElements.Count == 0 && line != null)
                {
                    // Words without their own boxes: the line's text, word by word.
                    foreach (var w in line.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                        words.Add(new MarkupWord(w, null, null));
                }
                foreach (var w in wordElements)
                {
                    var wp = Properties(w, path);
                    words.Add(new MarkupWord(w.TextContent, Bbox(wp, path, w), Confidence(wp, path, w)));
                }
                var lineProps = line != null ? Properties(line, path) : new Dictionary<string, string>();
                builder.AddLine(words, line != null ? Bbox(lineProps, path, line) : null, line != null ? Number(lineProps, "x_size", path, line) : null);
            }
        }
    }

    /// <summary>
    /// The lines of a page in document order, each with its paragraph or block: the innermost line
    /// elements, and, for words that stand in no line, each run of words under one parent.
    /// </summary>
    private static List<(IElement Block, IElement? Line, List<IElement>? Words)> Lines(IElement page)
    {
        var units = new List<(IElement Block, IElement? Line, List<IElement>? Words)>();
        foreach (var e in page.QuerySelectorAll(LineSelector + ", .ocrx_word"))
        {
            if (Closest(e, ".ocr_page") != page) continue;
            if (e.Matches(LineSelector))
            {
                if (e.QuerySelector(LineSelector) == null) units.Add((Closest(e, BlockSelector) ?? page, e, null));
            }
            else if (Closest(e, LineSelector) == null)
            {
                if (units.Count > 0 && units[^1].Words is { } run && run[0].ParentElement == e.ParentElement) run.Add(e);
                else units.Add((Closest(e, BlockSelector) ?? page, null, new List<IElement> { e }));
            }
        }
        return units;
    }

    /// <summary>True when the start of the file looks like hOCR (an element of class ocr_page).</summary>
    public static bool LooksLikeHocr(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            var buffer = new char[256 * 1024];
            int n = reader.ReadBlock(buffer, 0, buffer.Length);
            return new string(buffer, 0, n).Contains("ocr_page", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    internal static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, $"cannot be read ({e.Message.TrimEnd('.')})");
        }
    }

    private static IElement? Closest(IElement element, string selector)
    {
        for (var e = element.ParentElement; e != null; e = e.ParentElement)
            if (e.Matches(selector)) return e;
        return null;
    }

    /// <summary>The properties of an element's title: <c>bbox 0 0 10 10; x_wconf 96</c> → name → arguments.</summary>
    internal static Dictionary<string, string> Properties(IElement element, string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        string title = element.GetAttribute("title") ?? "";
        int i = 0;
        while (i < title.Length)
        {
            // One property runs to the next ';' outside double quotes.
            int start = i;
            bool quoted = false;
            while (i < title.Length && (quoted || title[i] != ';'))
            {
                if (title[i] == '"') quoted = !quoted;
                i++;
            }
            string prop = title[start..i].Trim();
            i++;
            if (prop.Length == 0) continue;
            int space = prop.IndexOfAny(new[] { ' ', '\t' });
            string name = space < 0 ? prop : prop[..space];
            string args = space < 0 ? "" : prop[(space + 1)..].Trim();
            result.TryAdd(name, args);
        }
        return result;
    }

    private static Box? Bbox(Dictionary<string, string> props, string path, IElement element)
    {
        if (!props.TryGetValue("bbox", out var args)) return null;
        var parts = args.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var v = new int[4];
        if (parts.Length != 4 || !parts.Select((p, k) => TryInt(p, out v[k])).All(ok => ok))
            throw new InputException(path, $"is not valid hOCR: bad bbox \"{args}\" on {Describe(element)}");
        if (v[2] < v[0] || v[3] < v[1])
            throw new InputException(path, $"is not valid hOCR: bbox \"{args}\" on {Describe(element)} ends before it starts");
        return new Box(v[0], v[1], v[2], v[3]);
    }

    private static bool TryInt(string s, out int value)
    {
        value = 0;
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || double.IsNaN(d) || Math.Abs(d) > 1e9) return false;
        value = (int)Math.Round(d, MidpointRounding.AwayFromZero);
        return true;
    }

    private static double? Number(Dictionary<string, string> props, string name, string path, IElement element)
    {
        if (!props.TryGetValue(name, out var args)) return null;
        string first = args.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        if (!double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || double.IsNaN(d) || double.IsInfinity(d))
            throw new InputException(path, $"is not valid hOCR: bad {name} \"{args}\" on {Describe(element)}");
        return d;
    }

    /// <summary>hOCR's x_wconf is 0..100; the model's confidence is 0..1.</summary>
    private static double? Confidence(Dictionary<string, string> props, string path, IElement element) =>
        Number(props, "x_wconf", path, element) is double c ? Math.Clamp(c / 100.0, 0.0, 1.0) : null;

    private static string? Image(Dictionary<string, string> props)
    {
        if (!props.TryGetValue("image", out var args)) return null;
        args = args.Trim();
        if (args.Length >= 2 && args[0] == '"' && args[^1] == '"') args = args[1..^1];
        return args.Length == 0 ? null : args;
    }

    private static string Describe(IElement element)
    {
        string id = element.Id is { Length: > 0 } i ? "#" + i : "";
        return $"{element.LocalName}.{element.ClassName?.Split(' ')[0]}{id}";
    }

    /// <summary>
    /// The image a page names, relative to the markup file, when it is there; else null. An absolute
    /// name (another machine's path, a file: URI, a Windows path) is looked for by its file name beside
    /// the markup, so that no absolute path reaches the outputs.
    /// </summary>
    internal static string? ResolveImage(string markupPath, string? image)
    {
        if (string.IsNullOrWhiteSpace(image)) return null;
        string name = image.Trim().Replace('\\', '/');
        if (name.StartsWith("file://", StringComparison.OrdinalIgnoreCase)) name = Uri.UnescapeDataString(name["file://".Length..]);
        string? dir = Path.GetDirectoryName(markupPath);
        if (string.IsNullOrEmpty(dir)) dir = ".";
        bool foreign = Path.IsPathRooted(name) || name.Contains(':');
        try
        {
            if (!foreign && File.Exists(Path.Combine(dir, name))) return Tidy(Path.Combine(dir, name));
            string file = Path.GetFileName(name);
            if (file.Length > 0 && File.Exists(Path.Combine(dir, file))) return Tidy(Path.Combine(dir, file));
        }
        catch (ArgumentException)
        {
        }
        return null;
    }

    /// <summary>A path without "." and ".." steps, still relative to the working folder when it was.</summary>
    internal static string Tidy(string path)
    {
        string full = Path.GetFullPath(path);
        if (Path.IsPathRooted(path)) return full;
        return Path.GetRelativePath(Environment.CurrentDirectory, full);
    }
}
