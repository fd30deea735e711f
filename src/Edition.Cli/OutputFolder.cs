using Edition.Ingest;

namespace Edition.Cli;

/// <summary>
/// Writes an edition folder so that no reader ever sees half of it: every file goes into a fresh
/// temporary folder beside the target, which then replaces the target in one rename.
/// </summary>
public static class OutputFolder
{
    public static void WriteAtomically(string target, IReadOnlyDictionary<string, byte[]> files)
    {
        string full = Path.GetFullPath(target);
        string parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(full)) ?? ".";
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(full));
        string temp = Path.Combine(parent, $".{name}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        string old = Path.Combine(parent, $".{name}.old-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(parent);
            Directory.CreateDirectory(temp);
            foreach (var (file, bytes) in files) File.WriteAllBytes(Path.Combine(temp, file), bytes);
            // Files the stages do not make (a PDF built elsewhere, say) are carried over.
            if (Directory.Exists(full))
                foreach (var existing in Directory.GetFiles(full))
                {
                    string dest = Path.Combine(temp, Path.GetFileName(existing));
                    if (!File.Exists(dest)) File.Copy(existing, dest);
                }
            if (Directory.Exists(full))
            {
                Directory.Move(full, old);
                Directory.Move(temp, full);
                Directory.Delete(old, recursive: true);
            }
            else
            {
                Directory.Move(temp, full);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            if (!Directory.Exists(full) && Directory.Exists(old)) Directory.Move(old, full);
            throw new InputException(target, $"cannot write the edition here ({e.Message.TrimEnd('.')})");
        }
    }

    private static void TryDelete(string path)
    {
        try { if (Directory.Exists(path)) Directory.Delete(path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
