using Edition.Cli;
using Edition.Tests.Support;

namespace Edition.Tests.Cli.Check;

/// <summary>Runs the program as the command line does, and copies of the bundled books to spoil.</summary>
internal static class CheckFixture
{
    /// <summary>The program in this process, its console captured.</summary>
    public static Support.CommandLine.Run RunEdition(params string[] args) => Support.CommandLine.InProcess(args);

    /// <summary>ROOT/scans/BOOK and ROOT/editions/BOOK copied from the repository (no PDF), in a fresh temp folder.</summary>
    public static TempFolder CopyBook(string book = "webb-dictatorship")
    {
        var temp = new TempFolder();
        Copy(Path.Combine(Books.RepositoryRoot, "scans", book), Path.Combine(temp.Root, "scans", book));
        Copy(Path.Combine(Books.RepositoryRoot, "editions", book), Path.Combine(temp.Root, "editions", book));
        return temp;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            if (Path.GetExtension(file) != ".pdf") File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
    }

    /// <summary>Changes one byte of a file: the first ASCII letter after <paramref name="from"/> characters, in its case's other form.</summary>
    public static void FlipOneByte(string path, int from = 100)
    {
        var bytes = File.ReadAllBytes(path);
        int i = from;
        while (!(bytes[i] is >= (byte)'a' and <= (byte)'z')) i++;
        bytes[i] = (byte)(bytes[i] - 32);
        File.WriteAllBytes(path, bytes);
    }
}
