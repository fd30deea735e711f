using Edition.Model;

namespace Edition.Stages;

/// <summary>One named step of the edition: it transforms the document model and records every change it makes.</summary>
public interface IStage
{
    /// <summary>The name a book's config uses to choose and order stages.</summary>
    string Name { get; }
    void Run(Document document, StageContext context);
}

/// <summary>What every stage may consult: the word list and the language's own facts.</summary>
public sealed class StageContext
{
    public StageContext(WordList words) => Words = words;

    public WordList Words { get; }
    /// <summary>Messages for the build summary (an editorial correction that found nothing, say).</summary>
    public List<string> Warnings { get; } = new();
}
