namespace Edition.Tests.Support;

/// <summary>Raw OCR text for tests, written line by line so that trailing spaces stay visible.</summary>
public static class Snippet
{
    public static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";
}
