using Edition.Model;

namespace Edition.Exchange.Tei;

/// <summary>
/// The TEI element of each kind of block: the one place a kind of block is mapped. A block with a
/// <see cref="BlockElement.Group"/> is wrapped, with its neighbours of the same group, in one element of
/// that name (verse lines in <c>lg</c>, say); a heading opens a <c>div</c> at its level.
/// </summary>
public static class TeiBlocks
{
    public sealed record BlockElement(string Name, string? Group = null, int? DivLevel = null);

    private static readonly BlockElement Para = new("p");

    public static BlockElement Of(Block block) => block switch
    {
        Heading h => new BlockElement("head", DivLevel: Math.Max(1, h.Level)),
        Paragraph => Para,
        // A kind of block this writer does not know yet is kept as a paragraph: nothing is lost.
        _ => Para,
    };
}
