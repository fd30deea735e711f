using Edition.Model;

namespace Edition.Exchange.Tests.Epub;

[CollectionDefinition("environment", DisableParallelization = true)]
public sealed class EnvironmentCollection;

/// <summary>SOURCE_DATE_EPOCH is honoured; without it the date is the book's year (never the clock).</summary>
[Collection("environment")]
public class EditionDateTests
{
    [Fact]
    public void SourceDateEpochIsHonouredElseTheBooksYear()
    {
        var book = new Book { Id = "b", Year = 1856 };
        string? saved = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        try
        {
            Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", "1700000000");
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), EditionDate.For(book));
            Assert.True(EditionDate.FromEnvironment);
            Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", null);
            Assert.Equal(new DateTimeOffset(1856, 1, 1, 0, 0, 0, TimeSpan.Zero), EditionDate.For(book));
            Assert.False(EditionDate.FromEnvironment);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", saved);
        }
    }
}
