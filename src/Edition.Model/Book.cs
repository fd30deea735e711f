namespace Edition.Model;

/// <summary>What the book's config says about it: metadata and the editor's own corrections.</summary>
public sealed class Book
{
    public required string Id { get; init; }
    public string Title { get; init; } = "";
    public IReadOnlyList<string> Authors { get; init; } = Array.Empty<string>();
    public int? Year { get; init; }
    public string Language { get; init; } = "en";
    /// <summary>The printed number of the first page of the scan, when known.</summary>
    public int? FirstPage { get; init; }
    public IReadOnlyList<EditorialCorrection> Corrections { get; init; } = Array.Empty<EditorialCorrection>();
    /// <summary>Stage names in the order to run them; empty for the default order.</summary>
    public IReadOnlyList<string> Stages { get; init; } = Array.Empty<string>();
}

/// <summary>An editor's correction from the book's config: on page <see cref="Page"/>, read <see cref="Replace"/> for <see cref="Find"/>.</summary>
public sealed record EditorialCorrection(int Page, string Find, string Replace, string Why);
