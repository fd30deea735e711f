namespace Edition.Ingest;

/// <summary>Where a path really leads, every symbolic link on the way followed (like realpath(3)).</summary>
public static class RealPath
{
    public static string Of(string path)
    {
        string full = Path.GetFullPath(path);
        string root = Path.GetPathRoot(full) ?? "/";
        var parts = new Queue<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        string current = root;
        int links = 0;
        while (parts.Count > 0)
        {
            string part = parts.Dequeue();
            string next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (++links > 40) return next; // a loop: the caller's own checks will fail on it
                string resolved = Path.GetFullPath(target, current);
                // Start again from the link's target, with the rest of the path after it.
                string rest = string.Join(Path.DirectorySeparatorChar, parts);
                full = rest.Length > 0 ? Path.Combine(resolved, rest) : resolved;
                root = Path.GetPathRoot(full) ?? "/";
                parts = new Queue<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
                current = root;
                continue;
            }
            current = next;
        }
        return current;
    }

    /// <summary>Is <paramref name="path"/>, links followed, inside <paramref name="folder"/>, links followed?</summary>
    public static bool IsInside(string path, string folder)
    {
        string f = Of(folder), p = Of(path);
        string rel = Path.GetRelativePath(f, p);
        return rel == "." || !(rel.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(rel));
    }
}
