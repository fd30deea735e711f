namespace Edition.Exchange.Tests.Support;

/// <summary>
/// A folder under the system's temporary folder, named with this process's id. The test host is often
/// ended without running exit handlers, so each new folder first sweeps away those of earlier runs whose
/// process is gone.
/// </summary>
public static class TempFolder
{
    public static string Create(string prefix)
    {
        foreach (var old in Directory.GetDirectories(Path.GetTempPath(), prefix + "*"))
        {
            var parts = Path.GetFileName(old)[prefix.Length..].Split('-');
            if (parts.Length == 2 && int.TryParse(parts[0], out int pid) && !Directory.Exists("/proc/" + pid))
                try { Directory.Delete(old, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        string path = Path.Combine(Path.GetTempPath(), prefix + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return path;
    }
}
