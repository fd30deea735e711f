using System.Text;
using Edition.Ingest;
using Edition.Outputs.Scoring;

namespace Edition.Cli.Commands;

/// <summary>
/// <c>edition score EDITION.md REFERENCE.txt [--raw RAW.txt] [--json]</c>: measures an edition
/// against proofread text in Distributed Proofreaders' conventions (and the raw OCR as a baseline).
/// </summary>
public static class ScoreCommand
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static int Run(string[] args, TextWriter output)
    {
        string? edition = null, reference = null, raw = null;
        bool json = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json": json = true; break;
                case "--raw":
                    if (i + 1 >= args.Length) throw new UsageException("--raw needs the raw OCR text file");
                    raw = args[++i];
                    break;
                default:
                    if (args[i].StartsWith('-')) throw new UsageException($"unknown option '{args[i]}'\n{Program.Usage}");
                    if (edition == null) edition = args[i];
                    else if (reference == null) reference = args[i];
                    else throw new UsageException($"score takes an edition and a reference, not also '{args[i]}'");
                    break;
            }
        }
        if (edition == null || reference == null)
            throw new UsageException("score needs an edition and a reference, e.g. edition score editions/BOOK/BOOK.md reference.txt");

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
