using System.Diagnostics;
using System.Reflection;
using System.Text;
using Edition.Ingest;
using Edition.Model;
using Edition.Outputs.Apparatus;
using Edition.Outputs.Diff;
using Edition.Outputs.Markdown;
using Edition.Pdf;
using Edition.Stages;

namespace Edition.Cli;

/// <summary>One book from its scans folder to its edition folder: read, run the stages, write every output.</summary>
public static class EditionBuild
{
    public static string ToolVersion =>
        typeof(EditionBuild).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    public sealed record Result(Document Document, IReadOnlyList<string> Warnings, IReadOnlyList<(string Stage, TimeSpan Time)> StageTimes);

    /// <summary>Reads the book and runs its pipeline, without writing anything.</summary>
    public static Result Edit(BookFolder folder, WordList words)
    {
        var document = folder.Read();
        Pipeline pipeline;
        try
        {
            pipeline = Pipeline.For(document.Book);
        }
        catch (ArgumentException e)
        {
            throw new InputException(Path.Combine(folder.Path, BookConfigReader.FileName), e.Message);
        }
        var context = new StageContext(words);
        var times = pipeline.Run(document, context);
        return new Result(document, context.Warnings, times);
    }

    /// <summary>The files of the edition, by name, as they will be written.</summary>
    public static SortedDictionary<string, byte[]> Render(Document document)
    {
        var utf8 = new UTF8Encoding(false);
        return new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [document.Book.Id + ".md"] = utf8.GetBytes(MarkdownWriter.Write(document)),
            ["apparatus.json"] = utf8.GetBytes(ApparatusWriter.Write(document, ToolVersion)),
            ["diff.txt"] = utf8.GetBytes(EditionDiff.WriteText(document)),
            [document.Book.Id + ".pdf"] = PdfEdition.Write(document, new Edition.Pdf.Layout.PdfOptions { Creator = "Edition " + ToolVersion }),
        };
    }

    /// <summary>Builds one book into <paramref name="outFolder"/>, replacing it whole only when every file is written.</summary>
    public static Result Build(string bookFolder, string outFolder, WordList words, TextWriter log)
    {
        long t0 = Stopwatch.GetTimestamp();
        var folder = BookFolder.Open(bookFolder);
        var result = Edit(folder, words);
        var files = Render(result.Document);
        OutputFolder.WriteAtomically(outFolder, files);
        log.Write(Outputs.Summary.BuildSummary.Write(result.Document, Stopwatch.GetElapsedTime(t0), result.Warnings, outFolder));
        return result;
    }
}
