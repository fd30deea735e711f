using Edition.Model;

namespace Edition.Outputs.Rebuild;

/// <summary>
/// The "nothing lost" check: rebuilds the raw input from the edition's readings, the apparatus and
/// the layout (whitespace) alone. A reading changed without an emendation, or a character dropped
/// without one, makes the rebuild differ from the input.
/// </summary>
public static class RawRebuilder
{
    public sealed record Result(string Text, IReadOnlyList<string> Problems)
    {
        public bool Ok => Problems.Count == 0;
    }

    public static Result Rebuild(Document document)
    {
        var source = document.Source;
        var chars = new char[source.Length];
        var known = new bool[source.Length];
        var problems = new List<string>();

        void Put(int start, string text, string what)
        {
            for (int i = 0; i < text.Length; i++)
            {
                int at = start + i;
                if (at >= chars.Length) { problems.Add($"{what} runs past the end of the source"); return; }
                if (known[at] && chars[at] != text[i])
                {
                    problems.Add($"{what} disagrees at {Where(source, at)}");
                    return;
                }
                chars[at] = text[i];
                known[at] = true;
            }
        }

        void PutPiece(Piece piece)
        {
            if (piece.Emendation is { } e && (e.ChangesReading || !piece.IsLeaf))
            {
                foreach (var s in piece.Emendation!.RawSegments) Put(s.Start, s.Text, $"emendation #{piece.Emendation.Id}");
                return;
            }
            if (piece.IsLeaf)
            {
                if (piece.Kind is PieceKind.Space or PieceKind.PageBreak) return;
                Put(piece.Start, piece.Reading, $"reading '{piece.Reading}'");
                return;
            }
            foreach (var part in piece.Parts) PutPiece(part);
        }

        foreach (var flow in document.Flows())
            foreach (var piece in flow) PutPiece(piece);
        foreach (var piece in document.Furniture) PutPiece(piece);

        // The layout: whitespace only, never a reading.
        foreach (var space in document.Whitespace)
            for (int i = space.Start; i < space.End; i++)
                if (!known[i]) { chars[i] = source.Text[i]; known[i] = true; }

        for (int i = 0; i < chars.Length; i++)
        {
            if (known[i]) continue;
            int j = i;
            while (j < chars.Length && !known[j]) j++;
            problems.Add($"{j - i} character(s) lost at {Where(source, i)}: «{source.Slice(i, Math.Min(j, i + 40))}»");
            i = j;
        }
        var text = new string(chars);
        if (problems.Count == 0 && text != source.Text) problems.Add("the rebuilt text differs from the source");
        return new Result(text, problems);
    }

    /// <summary>The rebuilt text as the bytes of the input file (encoding and byte order mark as read).</summary>
    public static byte[] ToBytes(Document document, string text)
    {
        var encoding = document.Source.Encoding == "latin-1" ? System.Text.Encoding.Latin1 : new System.Text.UTF8Encoding(false);
        var body = encoding.GetBytes(text);
        if (!document.Source.HasByteOrderMark) return body;
        var withBom = new byte[body.Length + 3];
        withBom[0] = 0xEF; withBom[1] = 0xBB; withBom[2] = 0xBF;
        body.CopyTo(withBom, 3);
        return withBom;
    }

    private static string Where(SourceText source, int offset)
    {
        var (line, col) = source.Locate(offset);
        return $"line {line}, column {col}";
    }
}
