using Edition.Outputs.Scoring;

namespace Edition.Tests.Scoring;

public class PageAlignmentTests
{
    private static PageAlignment Align(int?[] hyp, int?[] reference) => PageAlignment.Align(hyp, reference);

    [Fact]
    public void MatchingNumbersPairOneToOne()
    {
        var a = Align(new int?[] { 1, 2, 3 }, new int?[] { 1, 2, 3 });
        Assert.Equal(3, a.ByNumber);
        Assert.All(a.Units, u => Assert.Equal((1, 1, UnitKind.Number), (u.RefCount, u.HypCount, u.Kind)));
    }

    [Fact]
    public void AMisreadNumberBetweenTwoGoodOnesIsPairedByPosition()
    {
        var a = Align(new int?[] { 1, 2, 9, 4 }, new int?[] { 1, 2, 3, 4 });
        Assert.Equal(3, a.ByNumber);
        Assert.Equal(1, a.ByPosition);
        Assert.Equal(new AlignmentUnit(2, 1, 2, 1, UnitKind.Position), a.Units[2]);
    }

    [Fact]
    public void AMissingBreakMergesThePageWithTheOneBefore()
    {
        var a = Align(new int?[] { 1, 2, 4 }, new int?[] { 1, 2, 3, 4 });
        Assert.Equal(new AlignmentUnit(1, 2, 1, 1, UnitKind.Merged), a.Units[1]);
        Assert.Equal(2, a.RefPagesMerged);
        Assert.Equal(a.UnitOfRef(1), a.UnitOfRef(2));
    }

    [Fact]
    public void AnExtraBreakGoesWithThePageBefore()
    {
        var a = Align(new int?[] { 1, 2, 2, 3 }, new int?[] { 1, 2, 3 });
        Assert.Equal(3, a.Units.Count);
        Assert.Equal(2, a.Units[1].HypCount);
        Assert.Equal(UnitKind.Merged, a.Units[1].Kind);
    }

    [Fact]
    public void PagesOutsideTheReferenceAreLeftOut()
    {
        var a = Align(new int?[] { null, 61, 62, 63, 64, 65, 90 }, new int?[] { 63, 64 });
        Assert.Equal(5, a.HypPagesOutside);
        Assert.Equal(new[] { new AlignmentUnit(0, 1, 3, 1, UnitKind.Number), new AlignmentUnit(1, 1, 4, 1, UnitKind.Number) }, a.Units);
        Assert.Equal(-1, a.UnitOfHyp(0));
    }

    [Fact]
    public void TextBeforeTheFirstBreakJoinsTheFirstPage()
    {
        var a = Align(new int?[] { null, 1, 2 }, new int?[] { 1, 2 });
        Assert.Equal(new AlignmentUnit(0, 1, 0, 2, UnitKind.Merged), a.Units[0]);
    }

    [Fact]
    public void AConstantOffsetBetweenNumberingsIsFound()
    {
        var a = Align(new int?[] { 10, 11, 12 }, new int?[] { 13, 14, 15 });
        Assert.Equal(3, a.Offset);
        Assert.Equal(3, a.ByNumber);
    }

    [Fact]
    public void UnnumberedPagesPairInOrderOrMergeWhenTheCountsDiffer()
    {
        var same = Align(new int?[] { null, null }, new int?[] { 5, 6 });
        Assert.All(same.Units, u => Assert.Equal(UnitKind.Position, u.Kind));
        var other = Align(new int?[] { null, null, null }, new int?[] { 5, 6 });
        Assert.Equal(new[] { new AlignmentUnit(0, 2, 0, 3, UnitKind.Merged) }, other.Units);
    }
}
