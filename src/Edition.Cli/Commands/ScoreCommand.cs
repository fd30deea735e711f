using System.CommandLine;
using System.Text;
using Edition.Cli.Parsing;
using Edition.Ingest;
using Edition.Outputs.Scoring;

namespace Edition.Cli.Commands;

/// <summary>
/// <c>edition score EDITION.md REFERENCE.txt [--raw RAW.txt] [--json]</c>: measures an edition
/// against proofread text in Distributed Proofreaders' conventions (and the raw OCR as a baseline).
/// </summary>
public sealed class ScoreCommand : EditionCommand
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Argument<string> _edition = Declare.Place("EDITION.md", "the edition's Markdown (editions/BOOK/BOOK.md)",
        "an edition and a reference, e.g. edition score editions/BOOK/BOOK.md reference.txt");
    private readonly Argument<string> _reference = Declare.Place("REFERENCE.txt", "the proofread text, page-split in Distributed Proofreaders' conventions",
        "an edition and a reference, e.g. edition score editions/BOOK/BOOK.md reference.txt");
    private readonly Option<string?> _raw = Declare.File("--raw", "RAW.txt", "also score the raw OCR text, as a baseline", "the raw OCR text file");
    private readonly Option<bool> _json = Declare.Flag("--json", "print the scores as JSON");

    public ScoreCommand() : base("score", "Measure an edition against proofread text (and the raw OCR as a baseline).") =>
        Add(_edition, _reference, _raw, _json);

    public override int Run(ParseResult parsed, TextWriter output)
    {
        string edition = parsed.GetValue(_edition)!, reference = parsed.GetValue(_reference)!;
        string? raw = parsed.GetValue(_raw);
        bool json = parsed.GetValue(_json);
        string referenceText = ReadUtf8(reference);
        if (!DpReference.HasPageSeparators(referenceText))
            throw new InputException(reference, "has no '-----File: NNN.png---' page separators: not page-split Distributed Proofreaders text");
        var editionDoc = EditionMarkdown.Parse(ReadUtf8(edition));
        var referenceDoc = DpReference.Parse(referenceText);
        List<string>? rawPages = null;
        if (raw != null)
        {
            CheckFile(raw);
            rawPages = RawText.Pages(TextDecoder.Read(raw).Text);
        }

        var report = Scorer.Score(editionDoc, referenceDoc, rawPages);
        if (json) output.Write(report.ToJson(edition, reference, raw));
        else report.WriteText(output, edition, reference, raw);
        return 0;
    }

    private static void CheckFile(string path)
    {
        if (Directory.Exists(path)) throw new InputException(path, "is a folder, not a text file");
        if (!File.Exists(path)) throw new InputException(path, "no such file");
    }

    private static string ReadUtf8(string path)
    {
        CheckFile(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, $"cannot be read ({e.Message.TrimEnd('.')})");
        }
        int offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            throw new InputException(path, "is not valid UTF-8");
        }
        if (string.IsNullOrWhiteSpace(text)) throw new InputException(path, "is empty");
        return text;
    }
}
