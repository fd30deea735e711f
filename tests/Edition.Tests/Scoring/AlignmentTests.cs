using Edition.Outputs.Scoring;

namespace Edition.Tests.Scoring;

public class AlignmentTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("abc", "abc", 0)]
    [InlineData("kitten", "sitting", 3)]     // k→s, e→i, +g
    [InlineData("flaw", "lawn", 2)]          // -f, +n
    [InlineData("intention", "execution", 5)]
    [InlineData("Sunday", "Saturday", 3)]    // +a, +t, n→r
    [InlineData("ab", "ba", 2)]              // no transpositions: two substitutions
    [InlineData("the cat", "the  cat", 1)]
    public void HandWorkedCases(string a, string b, int expected)
    {
        Assert.Equal(expected, Alignment.Distance(a, b));
        Assert.Equal(expected, Alignment.Distance(b, a));
    }

    [Fact]
    public void LongTextsAcrossBlockBoundaries()
    {
        // 200 characters (four 64-bit blocks) with three edits at block edges.
        string a = string.Concat(Enumerable.Range(0, 200).Select(i => (char)('a' + i % 26)));
        var b = a.ToCharArray();
        b[63] = '#';
        b[64] = '#';
        string c = new string(b).Remove(128, 1);
        Assert.Equal(3, Alignment.Distance(a, c));
    }

    [Fact]
    public void AgreesWithTheTextbookAlgorithmOnRandomStrings()
    {
        var random = new Random(42);
        for (int trial = 0; trial < 400; trial++)
        {
            int alphabet = 2 + random.Next(5);
            string a = RandomString(random, random.Next(0, 300), alphabet);
            string b = random.Next(3) == 0 ? Mutate(random, a, alphabet) : RandomString(random, random.Next(0, 300), alphabet);
            Assert.Equal(Naive(a, b), Alignment.Distance(a, b));
        }
    }

    [Fact]
    public void WordsAreSymbols()
    {
        var a = new[] { "the", "cat", "sat", "on", "the", "mat" };
        var b = new[] { "the", "cat", "sat", "upon", "the", "mat", "today" };
        Assert.Equal(2, Alignment.WordDistance(a, b));
    }

    [Fact]
    public void ThreeThousandCharacterPagesAreAlignedWithinTheBoundOfTheirEdits()
    {
        // A page's worth, past one machine word: the bit-parallel blocks agree with the textbook algorithm.
        var random = new Random(1);
        string a = RandomString(random, 3000, 30);
        string b = Mutate(random, a, 30);
        int d = Alignment.Distance(a, b);
        Assert.Equal(Naive(a, b), d);
        Assert.Equal(d, Alignment.Distance(b, a));
    }

    private static string RandomString(Random random, int length, int alphabet) =>
        new string(Enumerable.Range(0, length).Select(_ => (char)('a' + random.Next(alphabet))).ToArray());

    private static string Mutate(Random random, string s, int alphabet)
    {
        var chars = s.ToList();
        int edits = random.Next(1, 1 + Math.Max(1, s.Length / 10));
        for (int e = 0; e < edits; e++)
        {
            int op = random.Next(3);
            char c = (char)('a' + random.Next(alphabet));
            if (op == 0 || chars.Count == 0) chars.Insert(random.Next(chars.Count + 1), c);
            else if (op == 1) chars.RemoveAt(random.Next(chars.Count));
            else chars[random.Next(chars.Count)] = c;
        }
        return new string(chars.ToArray());
    }

    private static int Naive(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
