using Edition.Ingest;

namespace Edition.Cli;

/// <summary>
/// Writes an edition folder so that no reader ever sees half of it: every file goes into a fresh
/// temporary folder beside the target, which then replaces the target in one rename.
/// </summary>
/// <remarks>
/// Two builds writing the same folder at once (two terminals, two CI jobs on one checkout) take
/// turns: the writing is done under an exclusive lock on <c>.NAME.lock</c> beside the target (an
/// advisory <c>flock</c>, which .NET takes for <see cref="FileShare.None"/> on Linux, and which the
/// kernel releases when a process dies, so a crashed build never leaves a stale lock). A build that
/// finds the lock taken says so and waits. The lock covers only the writing, not the reading and
/// editing before it, so two builds still edit in parallel and the last one to write wins whole.
/// The lock file is removed by its holder before it lets go; a waiter that then gets the lock on the
/// removed file sees that (its descriptor's link in /proc ends in " (deleted)") and locks afresh.
/// </remarks>
public static class OutputFolder
{
    /// <summary>How long a build waits for another build's writing before it gives up.</summary>
    public static TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(10);

    public static void WriteAtomically(string target, IReadOnlyDictionary<string, byte[]> files, TextWriter? log = null)
    {
        string full = Path.GetFullPath(target);
        string parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(full)) ?? ".";
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(full));
        string temp = Path.Combine(parent, $".{name}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        string old = Path.Combine(parent, $".{name}.old-{Environment.ProcessId}-{Guid.NewGuid():N}");
        string lockPath = LockPath(target);
        FileStream? held = null;
        try
        {
            Directory.CreateDirectory(parent);
            held = Lock(lockPath, target, log);
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
        finally
        {
            if (held != null) Unlock(held, lockPath);
        }
    }

    /// <summary>The lock file of an output folder: <c>.NAME.lock</c> beside it.</summary>
    public static string LockPath(string target)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        return Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.lock");
    }

    private static FileStream Lock(string lockPath, string target, TextWriter? log)
    {
        var deadline = DateTime.UtcNow + LockTimeout;
        bool told = false;
        while (true)
        {
            FileStream? stream = null;
            try
            {
                stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (File.Exists(lockPath) && !Directory.Exists(lockPath))
            {
                // Another build holds it (or held it a moment ago): wait below.
            }
            if (stream != null)
            {
                if (!IsRemoved(stream)) return stream;
                stream.Dispose(); // The holder removed the file as it let go: lock the new one.
                continue;
            }
            if (!told)
            {
                (log ?? Console.Error).WriteLine($"waiting for another build writing {target} (lock {lockPath})");
                told = true;
            }
            if (DateTime.UtcNow > deadline)
                throw new IOException($"another build has held {lockPath} for more than {LockTimeout.TotalMinutes:0} minutes");
            Thread.Sleep(50);
        }
    }

    private static void Unlock(FileStream held, string lockPath)
    {
        try { File.Delete(lockPath); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        held.Dispose();
    }

    /// <summary>Whether the locked file has been unlinked since it was opened (Linux: its /proc link says so).</summary>
    private static bool IsRemoved(FileStream stream)
    {
        try
        {
            string fd = "/proc/self/fd/" + stream.SafeFileHandle.DangerousGetHandle();
            string? link = new FileInfo(fd).LinkTarget;
            return link != null && link.EndsWith(" (deleted)", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // No /proc: the rare race this guards against is left to the rename.
        }
    }

    private static void TryDelete(string path)
    {
        try { if (Directory.Exists(path)) Directory.Delete(path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
