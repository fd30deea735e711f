using System.Text.RegularExpressions;
using Edition.Cli.Reports;
using Edition.Ingest;

namespace Edition.Cli.Writing;

/// <summary>
/// Writes an edition folder so that no reader ever sees half of it, none at all, or anything of the user's
/// lost: every file goes into a fresh temporary folder beside the target, which is then swapped with the
/// target in one step.
/// </summary>
/// <remarks>
/// <para><b>Only our own folders are replaced.</b> An existing target is replaced only when it is empty or an
/// edition of the same book made by us (<see cref="EditionMarker"/>: our <c>.edition</c>, or our
/// <c>build.json</c>), and holds nothing but regular files (files of the user's in it are carried over
/// into the new edition; a sub-folder, link or device in it is refused). Anything else (the parent
/// <c>editions/</c>, a book's scans, a project folder, a link) is refused, one line, nothing touched.</para>
/// <para><b>No moment without an edition.</b> The new folder replaces the old with Linux's
/// <c>renameat2(RENAME_EXCHANGE)</c>: the two names swap in one system call, so the target always holds
/// either the old edition or the new one, whenever the build is killed and whenever a reader looks; the old
/// one, now under the temporary name, is deleted after. Chosen over a symlink swapped atomically because
/// the target stays a real folder (what users, <c>git</c> and the tests see, and no link for a copy or an
/// archive to trip on). On a file system without <c>RENAME_EXCHANGE</c> it falls back to two renames
/// (old aside as <c>.NAME.old-*</c>, new in), and a build killed between them leaves the old edition aside,
/// which the next build puts back.</para>
/// <para><b>Leftovers.</b> A build killed while writing leaves <c>.NAME.tmp-PID-GUID</c> (and, on the fallback,
/// <c>.NAME.old-PID-GUID</c>) beside the target; the next build of that edition removes them (under the lock
/// below, so never another live build's).</para>
/// <para><b>One writer at a time.</b> Two builds writing the same folder at once (two terminals, two CI jobs
/// on one checkout) take turns: the writing is done under an exclusive lock on <c>.NAME.lock</c> beside the
/// target (an advisory <c>flock</c>, which .NET takes for <see cref="FileShare.None"/> on Linux, and which the
/// kernel releases when a process dies, so a crashed build never leaves a stale lock). A build that finds
/// the lock taken says so and waits. The lock covers only the writing, not the reading and editing before
/// it, so two builds still edit in parallel and the last one to write wins whole. The lock file is removed
/// by its holder before it lets go; a waiter that then gets the lock on the removed file sees that (its
/// descriptor's link in /proc ends in " (deleted)") and locks afresh.</para>
/// </remarks>
public static partial class OutputFolder
{
    /// <summary>How long a build waits for another build's writing before it gives up.</summary>
    public static TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Throws an <see cref="InputException"/> naming <paramref name="target"/> unless an edition of
    /// <paramref name="book"/> may be written there: it does not exist, or is an empty folder, or is an
    /// edition of that book made by us holding only regular files.
    /// </summary>
    public static void CheckReplaceable(string target, string book)
    {
        try
        {
            Check(target, book);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(target, $"cannot be looked into ({e.Message.TrimEnd('.')}), so the build will not replace it (nothing was written)");
        }
    }

    private static void Check(string target, string book)
    {
        string full = Full(target);
        if (Path.GetFileName(full).Length == 0) throw new InputException(target, "is the root folder: an edition goes into a folder of its own (nothing was written)");
        switch (Posix.Kind(full))
        {
            case PathKind.None: return;
            case PathKind.Directory: break;
            case PathKind.SymbolicLink:
                throw new InputException(target, "is a symbolic link: an edition folder is replaced whole, and a link is not ours to replace; give the folder itself or a new one (nothing was written)");
            case var other:
                throw new InputException(target, $"is {Posix.Describe(other)}, not a folder (nothing was written)");
        }
        var entries = Directory.GetFileSystemEntries(full);
        if (entries.Length == 0) return; // nothing in it to lose
        string? of = EditionMarker.BookOf(full);
        if (of == null)
            throw new InputException(target, $"is not an edition folder of ours (no {EditionMarker.FileName} or {BuildStamp.FileName} in it), so the build will not replace it: give a new or empty folder, e.g. editions/{book} (nothing was written)");
        if (of != book)
            throw new InputException(target, $"holds the edition of {of}, not of {book}: give {book}'s own edition folder, or a new one (nothing was written)");
        foreach (var entry in entries.Order(StringComparer.Ordinal))
            if (Posix.Kind(entry) is var kind && kind != PathKind.Regular)
                throw new InputException(target, $"holds {Path.GetFileName(entry)}, {Posix.Describe(kind)}, which no build writes: move it out of the edition folder first (nothing was written)");
    }

    /// <summary>Writes <paramref name="files"/> (and the marker) as the edition of <paramref name="book"/> in <paramref name="target"/>, replacing it whole.</summary>
    public static void WriteAtomically(string target, string book, IReadOnlyDictionary<string, byte[]> files, TextWriter? log = null)
    {
        string full = Full(target);
        string parent = Path.GetDirectoryName(full) ?? "/";
        string name = Path.GetFileName(full);
        CheckReplaceable(target, book); // before anything is made, the lock file included
        string suffix = $"{Environment.ProcessId}-{Guid.NewGuid():N}";
        string temp = Path.Combine(parent, $".{name}.tmp-{suffix}");
        string old = Path.Combine(parent, $".{name}.old-{suffix}");
        string lockPath = LockPath(target);
        FileStream? held = null;
        try
        {
            Directory.CreateDirectory(parent);
            held = Lock(lockPath, target, log);
            CheckReplaceable(target, book); // again: another build may have written it while this one waited
            CleanLeftovers(parent, name, full);
            Directory.CreateDirectory(temp);
            foreach (var (file, bytes) in files) File.WriteAllBytes(Path.Combine(temp, file), bytes);
            File.WriteAllBytes(Path.Combine(temp, EditionMarker.FileName), EditionMarker.For(book));
            bool exists = Posix.Kind(full) == PathKind.Directory;
            // Files this build does not make (a PDF built elsewhere, the other formats after a partial build,
            // a file of the user's) are carried over: the folder is replaced, nothing in it is lost.
            if (exists)
                foreach (var existing in Directory.GetFiles(full))
                {
                    string dest = Path.Combine(temp, Path.GetFileName(existing));
                    if (!File.Exists(dest)) File.Copy(existing, dest);
                }
            if (!exists)
            {
                if (!Posix.TryRenameNoReplace(temp, full)) Directory.Move(temp, full);
            }
            else if (Posix.TryExchange(temp, full))
            {
                TryDelete(temp); // the old edition, now under the temporary name; left for the next build if this fails
            }
            else
            {
                Directory.Move(full, old);
                Directory.Move(temp, full);
                TryDelete(old);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            if (Posix.Kind(full) == PathKind.None && Posix.Kind(old) == PathKind.Directory) Directory.Move(old, full);
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
        string full = Full(target);
        return Path.Combine(Path.GetDirectoryName(full) ?? "/", $".{Path.GetFileName(full)}.lock");
    }

    /// <summary>Is this a temporary or set-aside folder of a build of the edition <paramref name="name"/>?</summary>
    public static bool IsLeftover(string entryName, string name) =>
        entryName.StartsWith("." + name + ".", StringComparison.Ordinal) && Leftover().IsMatch(entryName[(name.Length + 2)..]);

    [GeneratedRegex("^(tmp|old)-[0-9]+-[0-9a-f]{32}$")]
    private static partial Regex Leftover();

    /// <summary>
    /// Removes what killed builds of this edition left beside it (the caller holds the lock, so no live build
    /// of ours is writing them). An edition set aside by the two-rename fallback, with none in place, is put back.
    /// </summary>
    private static void CleanLeftovers(string parent, string name, string full)
    {
        foreach (var entry in Directory.GetFileSystemEntries(parent).Order(StringComparer.Ordinal))
        {
            string entryName = Path.GetFileName(entry);
            if (!IsLeftover(entryName, name) || Posix.Kind(entry) != PathKind.Directory) continue;
            if (entryName.StartsWith("." + name + ".old-", StringComparison.Ordinal) && Posix.Kind(full) == PathKind.None)
                Directory.Move(entry, full);
            else
                TryDelete(entry);
        }
    }

    private static string Full(string target) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));

    /// <summary>.NET's HResult on Linux for a lock another process holds: the errno of flock, EWOULDBLOCK.</summary>
    private const int LockHeld = 11;

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
            catch (IOException e) when (e.HResult == LockHeld || File.Exists(lockPath) && !Directory.Exists(lockPath))
            {
                // Another build holds it (or held it a moment ago, and has removed it since): wait below.
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
        try { if (Posix.Kind(path) == PathKind.Directory) Directory.Delete(path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
