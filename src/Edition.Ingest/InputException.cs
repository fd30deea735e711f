namespace Edition.Ingest;

/// <summary>A problem with the user's input: reported as one line naming the file, never as a stack trace.</summary>
public sealed class InputException : Exception
{
    public InputException(string path, string problem) : base($"{path}: {problem}")
    {
        FilePath = path;
        Problem = problem;
    }

    public string FilePath { get; }
    public string Problem { get; }
}
