namespace Edition.Pdf.LineBreaking;

public enum ItemKind { Box, Glue, Penalty }

/// <summary>
/// Knuth and Plass's material: a box (fixed width), glue (a space that stretches and shrinks) or a
/// penalty (a possible break, with its cost; flagged for a hyphen). <see cref="Tag"/> lets the caller
/// find its own content again after breaking.
/// </summary>
public readonly record struct Item(ItemKind Kind, float Width, float Stretch, float Shrink, float Penalty, bool Flagged, int Tag)
{
    /// <summary>A penalty this high forbids a break; this low forces one.</summary>
    public const float Infinity = 10000;

    public static Item Box(float width, int tag = -1) => new(ItemKind.Box, width, 0, 0, 0, false, tag);
    /// <summary>A box that may be letter-spaced a little: it stretches and shrinks with the line's glue.</summary>
    public static Item Box(float width, float stretch, float shrink, int tag) => new(ItemKind.Box, width, stretch, shrink, 0, false, tag);
    public static Item Glue(float width, float stretch, float shrink, int tag = -1) => new(ItemKind.Glue, width, stretch, shrink, 0, false, tag);
    public static Item PenaltyItem(float width, float penalty, bool flagged, int tag = -1) => new(ItemKind.Penalty, width, 0, 0, penalty, flagged, tag);

    public bool IsBox => Kind == ItemKind.Box;
    public bool IsGlue => Kind == ItemKind.Glue;
    public bool IsPenalty => Kind == ItemKind.Penalty;
    public bool IsForcedBreak => Kind == ItemKind.Penalty && Penalty <= -Infinity;

    public override string ToString() => Kind switch
    {
        ItemKind.Box => $"box {Width:0.##}",
        ItemKind.Glue => $"glue {Width:0.##}+{Stretch:0.##}-{Shrink:0.##}",
        _ => $"penalty {Penalty}{(Flagged ? " flagged" : "")} w{Width:0.##}",
    };
}
