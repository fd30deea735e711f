using Edition.Cli.Reports;
using Edition.Ingest;
using Edition.Tests.Support;

namespace Edition.Tests.Cli.Check;

public class GatesConfigTests
{
    private static BookConfigReader.Config Parse(string toml) => BookConfigReader.Parse("book.toml", "b", "/books/b", toml);

    [Fact]
    public void GatesAreReadWithDefaultsForWhatIsNotSet()
    {
        var gates = Parse("[gates]\nmax_doubtful = 0\nmax_doubtful_share = 0.5\n").Gates;
        Assert.Equal(0, gates.MaxDoubtful);
        Assert.Equal(0.5, gates.MaxDoubtfulShare);
        Assert.Equal(0, gates.MaxUnresolvedNotes);
        Assert.Equal(QualityGates.Default, Parse("title = \"x\"\n").Gates);
        Assert.Null(QualityGates.Default.MaxDoubtful);
    }

    [Theory]
    [InlineData("[gates]\nmax_doubtfull = 1\n", "unknown key 'max_doubtfull' in [gates]")]
    [InlineData("[gates]\nmax_doubtful = \"1\"\n", "'max_doubtful' must be a whole number")]
    [InlineData("[gates]\nmax_doubtful = -1\n", "'max_doubtful' in [gates] must be 0 or more")]
    [InlineData("[gates]\nmax_doubtful_share = 2.0\n", "'max_doubtful_share' in [gates] must be a number from 0 to 1")]
    [InlineData("gates = 3\n", "'gates' must be a table")]
    public void AWrongGateIsAnErrorNamingTheFile(string toml, string message)
    {
        var e = Assert.Throws<InputException>(() => Parse(toml));
        Assert.Equal("book.toml", e.FilePath);
        Assert.Contains(message, e.Problem);
    }

    [Fact]
    public void ARunningHeadLeftInTheTextIsCountedAndTakenOutItIsNot()
    {
        string Page(int n) => $"THE HISTORY OF THE COMMITTEE {n}\n\nThe members met on day {n} of the session and spoke of the plans they\nhad made together in the previous months of the year.\n";
        string text = string.Join("\f", Enumerable.Range(11, 4).Select(Page));
        var withoutFurniture = BookMeasures.Of(Books.Run(text, "paragraphs"));
        Assert.Equal(4, withoutFurniture.RunningHeadsInBody);
        Assert.Contains(withoutFurniture.Faults, f => f.Contains("THE HISTORY OF THE COMMITTEE 12"));
        Assert.Equal(0, BookMeasures.Of(Books.Run(text)).RunningHeadsInBody);
    }
}
