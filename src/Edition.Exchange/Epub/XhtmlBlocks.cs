using Edition.Model;

namespace Edition.Exchange.Epub;

/// <summary>
/// The XHTML element of each kind of block in the EPUB: the one place a kind of block is mapped. A block
/// with a <see cref="BlockElement.Group"/> is wrapped, with its neighbours of the same group, in one
/// element of that name and class (verse lines in a stanza, say).
/// </summary>
public static class XhtmlBlocks
{
    public sealed record BlockElement(string Name, string? Class = null, string? Group = null, string? GroupClass = null, int? HeadingLevel = null);

    private static readonly BlockElement Para = new("p");

    public static BlockElement Of(Block block) => block switch
    {
        // h1 for a chapter or part, h2 for a section: each file of the text opens at a level-1 heading.
        Heading h => new BlockElement("h" + Math.Clamp(h.Level, 1, 6), HeadingLevel: Math.Max(1, h.Level)),
        Paragraph => Para,
        // A kind of block this writer does not know yet is kept as a paragraph.
        _ => Para,
    };
}
