using System.Text;

namespace Edition.Fuzz;

/// <summary>
/// Makes one bounded input from a seed: a window of a bundled text, mutated a few times (spliced with
/// another window, a stretch duplicated or deleted, control characters, odd Unicode or raw bytes inserted,
/// line ends changed, truncated anywhere, even inside a UTF-8 sequence), or now and then random bytes.
/// </summary>
public sealed class Mutator(IReadOnlyList<byte[]> corpus, int maxBytes)
{
    private static readonly string[] Inserts =
    {
        "\0", "\u0001", "\u0007", "\b", "\u000B", "\f", "\r", "\r\n", "\n\n", "\t", "\u001B", "\u007F", "\u0085",
        "\u00A0", "\u00AD", "\u200B", "\u200D", "\u2028", "\u2029", "\u202E", "\u2066", "\u2069", "\uFEFF", "\uFFFD",
        "\u0301", "ﬁ", "😀", "𝔄", "—", "“", "”", "’", "*", "†", "‡", "§", "¹", "²", "⁹", "|", "-", "- ", "-\n",
        "<script>", "</p>", "&", "&amp;", "<!--", "`", "[", "]", "#", "_", "\\", "$", "{", "}", "> ", "1. ", "\n- ",
        "[^1]", "{.pb n=\"1\"}", " ", "  ", "\n\f\n", "\n12\n", "\nTHE TITLE 7\n", "C o m m u n i s m",
    };

    public byte[] Make(int seed)
    {
        var random = new Random(seed);
        if (random.Next(20) == 0) return RandomBytes(random);
        var bytes = new List<byte>(Window(random));
        int mutations = random.Next(1, 5);
        for (int m = 0; m < mutations; m++) Mutate(random, bytes);
        if (bytes.Count > maxBytes) bytes.RemoveRange(maxBytes, bytes.Count - maxBytes);
        return bytes.ToArray();
    }

    private byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, Math.Min(maxBytes, 256) + 1)];
        if (random.Next(2) == 0) random.NextBytes(bytes);
        else
            // Printable ASCII with the odd line end: text, but not of any language.
            for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)(random.Next(12) == 0 ? '\n' : random.Next(0x20, 0x7F));
        return bytes;
    }

    private ArraySegment<byte> Window(Random random)
    {
        var text = corpus[random.Next(corpus.Count)];
        int length = Math.Min(text.Length, random.Next(1, maxBytes + 1));
        int start = random.Next(0, text.Length - length + 1);
        return new ArraySegment<byte>(text, start, length);
    }

    private void Mutate(Random random, List<byte> bytes)
    {
        int at = random.Next(0, bytes.Count + 1);
        switch (random.Next(9))
        {
            case 0: // splice another window in
                bytes.InsertRange(at, Window(random).Take(random.Next(1, 200)));
                break;
            case 1: // duplicate a stretch
            {
                if (bytes.Count == 0) break;
                int from = random.Next(bytes.Count);
                int length = Math.Min(bytes.Count - from, random.Next(1, 120));
                bytes.InsertRange(at, bytes.GetRange(from, length));
                break;
            }
            case 2: // delete a stretch
            {
                if (at >= bytes.Count) break;
                bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 80)));
                break;
            }
            case 3: // insert something a stage might trip on
            case 4:
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(Inserts[random.Next(Inserts.Length)]));
                break;
            case 5: // a raw byte: often invalid UTF-8
                bytes.Insert(at, (byte)random.Next(256));
                break;
            case 6: // truncate anywhere, even inside a UTF-8 sequence
                if (at < bytes.Count) bytes.RemoveRange(at, bytes.Count - at);
                break;
            case 7: // all line ends to CRLF or to CR
            {
                string s = Encoding.UTF8.GetString(bytes.ToArray());
                s = random.Next(2) == 0 ? s.Replace("\n", "\r\n") : s.Replace("\n", "\r");
                bytes.Clear();
                bytes.AddRange(Encoding.UTF8.GetBytes(s));
                break;
            }
            default: // swap two lines' worth of bytes
            {
                if (bytes.Count < 4) break;
                int a = random.Next(bytes.Count / 2), b = random.Next(bytes.Count / 2, bytes.Count);
                int length = Math.Min(random.Next(1, 60), Math.Min(b - a, bytes.Count - b));
                for (int i = 0; i < length; i++) (bytes[a + i], bytes[b + i]) = (bytes[b + i], bytes[a + i]);
                break;
            }
        }
    }
}
