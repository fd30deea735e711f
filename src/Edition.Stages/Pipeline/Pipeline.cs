using System.Diagnostics;
using Edition.Model;

namespace Edition.Stages;

/// <summary>The stages of an edition in order. Built from the default order or the book's own list.</summary>
public sealed class Pipeline
{
    /// <summary>
    /// The default order. Split words run before dehyphenation so that a letter-spaced fragment at a
    /// line end (<c>In te r</c> / <c>national</c>) is whole before the line-end decision is made.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultOrder = new[]
    {
        "page-furniture", "footnotes", "paragraphs", "split-words", "hyphenation",
        "punctuation-spacing", "misreadings", "editorial",
    };

    private static readonly Dictionary<string, Func<IStage>> Registry = new()
    {
        ["page-furniture"] = () => new PageFurniture.PageFurnitureStage(),
        ["footnotes"] = () => new Footnotes.FootnotesStage(),
        ["paragraphs"] = () => new Paragraphs.ParagraphsStage(),
        ["split-words"] = () => new SplitWords.SplitWordsStage(),
        ["hyphenation"] = () => new Hyphenation.HyphenationStage(),
        ["punctuation-spacing"] = () => new PunctuationSpacing.PunctuationSpacingStage(),
        ["misreadings"] = () => new Misreadings.MisreadingsStage(),
        ["editorial"] = () => new Editorial.EditorialStage(),
    };

    public static IReadOnlyCollection<string> KnownStages => Registry.Keys;

    private Pipeline(IReadOnlyList<IStage> stages) => Stages = stages;

    public IReadOnlyList<IStage> Stages { get; }

    /// <summary>The book's own stage list, or the default order. Paragraphs must come after the page-level stages.</summary>
    public static Pipeline For(Book book)
    {
        var names = book.Stages.Count > 0 ? book.Stages : DefaultOrder;
        foreach (var n in names)
            if (!Registry.ContainsKey(n))
                throw new ArgumentException($"unknown stage '{n}' (known stages: {string.Join(", ", DefaultOrder)})");
        if (!names.Contains("paragraphs"))
            throw new ArgumentException("the stage list must include 'paragraphs': it builds the reading text");
        int para = IndexOf(names, "paragraphs");
        foreach (var pageLevel in new[] { "page-furniture", "footnotes" })
            if (names.Contains(pageLevel) && IndexOf(names, pageLevel) > para)
                throw new ArgumentException($"stage '{pageLevel}' works on pages and must come before 'paragraphs'");
        return new Pipeline(names.Select(n => Registry[n]()).ToArray());
    }

    public static Pipeline Default() => For(new Book { Id = "" });

    /// <summary>Runs every stage; returns each stage's time.</summary>
    public IReadOnlyList<(string Stage, TimeSpan Time)> Run(Document document, StageContext context)
    {
        var times = new List<(string, TimeSpan)>(Stages.Count);
        foreach (var stage in Stages)
        {
            long t0 = Stopwatch.GetTimestamp();
            stage.Run(document, context);
            times.Add((stage.Name, Stopwatch.GetElapsedTime(t0)));
        }
        return times;
    }

    private static int IndexOf(IReadOnlyList<string> list, string s)
    {
        for (int i = 0; i < list.Count; i++) if (list[i] == s) return i;
        return -1;
    }
}
