namespace Edition.Tests.Support;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    /// <summary>Makes <c>ROOT/name</c> (or just ROOT) where ROOT is a new, empty folder.</summary>
    public TempFolder(string? name = null)
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "edition-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Path = name == null ? Root : System.IO.Path.Combine(Root, name);
        Directory.CreateDirectory(Path);
    }

    /// <summary>The new folder that holds <see cref="Path"/>: nothing else is in it unless a test puts it there.</summary>
    public string Root { get; }
    public string Path { get; }

    public string Write(string relative, string text) => Write(relative, System.Text.Encoding.UTF8.GetBytes(text));

    public string Write(string relative, byte[] bytes)
    {
        string full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
