using Edition.Ingest;

namespace Edition.Cli.Writing;

/// <summary>
/// Writes a report (<c>--junit FILE</c>) whole or not at all, and only ever as a regular file: into a
/// temporary file beside it, then renamed over it.
/// </summary>
/// <remarks>
/// A symbolic link is written through: the report replaces the regular file the link leads to, and the
/// link stays (as <c>&gt; FILE</c> in a shell would have it; a CI job may link its report path elsewhere).
/// A link that leads nowhere, or to anything but a regular file, is refused, and so are a folder, a FIFO, a
/// device node and a socket: renaming a file over them would replace them, and writing into them is not
/// writing a report. Each refusal is one line naming the file, before any work is done (<see cref="Check"/>).
/// </remarks>
public static class ReportFile
{
    /// <summary>The regular file the report will be written as (the link's target for a link); throws <see cref="InputException"/> when there is none.</summary>
    public static string Check(string path, string option)
    {
        try
        {
            return Resolve(path, option);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, $"cannot be looked at ({e.Message.TrimEnd('.')}): {option} writes a regular file only (nothing was written)");
        }
    }

    private static string Resolve(string path, string option)
    {
        string full = Path.GetFullPath(path);
        var kind = Posix.Kind(full);
        if (kind == PathKind.SymbolicLink)
        {
            FileSystemInfo? target;
            try
            {
                target = File.ResolveLinkTarget(full, returnFinalTarget: true);
            }
            catch (IOException e)
            {
                throw new InputException(path, $"is a symbolic link that cannot be followed ({e.Message.TrimEnd('.')}): {option} writes a regular file only (nothing was written)");
            }
            var targetKind = target == null ? PathKind.None : Posix.Kind(target.FullName);
            if (target == null || targetKind != PathKind.Regular)
                throw new InputException(path, $"is a symbolic link to {(target == null || targetKind == PathKind.None ? "nothing" : Posix.Describe(targetKind))}: {option} writes through a link only to an existing regular file (nothing was written)");
            full = target.FullName;
            kind = targetKind;
        }
        if (kind is not (PathKind.None or PathKind.Regular))
            throw new InputException(path, $"is {Posix.Describe(kind)}, not a regular file: {option} writes a regular file only (nothing was written)");
        if (!Directory.Exists(Path.GetDirectoryName(full) ?? "/"))
            throw new InputException(path, $"its folder does not exist ({option})");
        return full;
    }

    /// <summary>Writes <paramref name="bytes"/> as the report at <paramref name="path"/> (see <see cref="Check"/>).</summary>
    public static void Write(string path, string option, byte[] bytes)
    {
        string full = Check(path, option);
        string dir = Path.GetDirectoryName(full) ?? "/";
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw new InputException(path, $"cannot write the report here ({e.Message.TrimEnd('.')})");
        }
    }
}
