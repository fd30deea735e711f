using System.Text;
using Edition.Model;
using Edition.Outputs.Apparatus;

namespace Edition.Outputs.Diff;

/// <summary>
/// The changes of the edition against the raw scan, drawn from the apparatus alone: for each page,
/// the raw text with every change marked where it stands. Where changes nest (a split word closed up,
/// then joined across a line end), the outermost, final one is shown.
/// </summary>
public static class EditionDiff
{
    public sealed record Change(Emendation Emendation, int Start, int End, string Raw, bool First);

    /// <summary>The final changes, in source order, one per raw segment, none inside another.</summary>
    public static List<Change> Changes(Document document)
    {
        var segments = new List<Change>();
        foreach (var e in document.Apparatus)
            for (int i = 0; i < e.RawSegments.Count; i++)
            {
                var s = e.RawSegments[i];
                segments.Add(new Change(e, s.Start, s.End, s.Text, i == 0));
            }
        if (segments.Count == 0)
            foreach (var e in document.Apparatus) segments.Add(new Change(e, e.Start, e.End, e.Raw, true));
        // Zero-length flags (a note anchored where no marker was printed) have no raw text but still show.
        foreach (var e in document.Apparatus.Where(e => e.RawSegments.Count == 0))
            segments.Add(new Change(e, e.Start, e.Start, "", true));
        var ordered = segments.OrderBy(c => c.Start).ThenByDescending(c => c.End).ThenByDescending(c => c.Emendation.Id).ToList();
        var result = new List<Change>();
        int coveredTo = -1;
        foreach (var c in ordered)
        {
            if (c.End <= coveredTo && c.Start < coveredTo) continue;
            if (c.Start < coveredTo) continue;
            result.Add(c);
            coveredTo = Math.Max(coveredTo, c.End);
        }
        return result;
    }

    public static string WriteText(Document document)
    {
        var source = document.Source;
        var changes = Changes(document);
        var sb = new StringBuilder();
        sb.Append("# Edition diff: ").Append(document.Book.Id).Append(" against the raw OCR of ").Append(Path.GetFileName(source.Path)).Append('\n');
        sb.Append("# [-raw-]{+edition+}: a change; [-raw-] alone: taken out (furniture, note marker); {?raw?}: a doubtful reading left as printed;\n");
        sb.Append("# ⏎ a line break inside a change. Line joins and runs of spaces are layout and not marked.\n");
        int c = 0;
        foreach (var page in document.Pages)
        {
            if (page.Lines.Count == 0) continue;
            sb.Append("\n=== page ").Append(page.Number).Append(" (scan ").Append(page.Index)
              .Append(", lines ").Append(page.Lines[0].Number).Append('–').Append(page.Lines[^1].Number).Append(") ===\n");
            int pos = page.Lines[0].Start;
            int pageEnd = page.Lines[^1].End;
            while (pos < pageEnd || (c < changes.Count && changes[c].Start < pageEnd))
            {
                if (c < changes.Count && changes[c].Start <= pos)
                {
                    var ch = changes[c++];
                    if (ch.Start < pos && ch.End <= pos) continue;
                    AppendChange(sb, ch);
                    pos = Math.Max(pos, ch.End);
                    continue;
                }
                int next = c < changes.Count ? Math.Min(changes[c].Start, pageEnd) : pageEnd;
                if (next <= pos) { if (pos >= pageEnd) break; next = pos + 1; }
                sb.Append(source.Text, pos, next - pos);
                pos = next;
            }
            if (sb[^1] != '\n') sb.Append('\n');
        }
        return ShowControls(sb.ToString().Replace("\r", ""));
    }

    /// <summary>
    /// C0 controls (but line feed, tab and form feed) and DEL as their Unicode pictures (NUL as ␀): a NUL or an
    /// escape sequence from the OCR would make the diff a binary file to git and a terminal's plaything.
    /// </summary>
    private static string ShowControls(string text)
    {
        if (!text.Any(ch => ch == '\u007F' || (ch < 0x20 && ch is not ('\n' or '\t' or '\f'))))
            return text;
        var sb = new StringBuilder(text.Length);
        foreach (char ch in text)
        {
            if (ch == '\u007F') sb.Append('\u2421');
            else if (ch < 0x20 && ch is not ('\n' or '\t' or '\f')) sb.Append((char)(0x2400 + ch));
            else sb.Append(ch);
        }
        return sb.ToString();
    }

    private static void AppendChange(StringBuilder sb, Change ch)
    {
        var e = ch.Emendation;
        string raw = Visible(ch.Raw);
        if (!e.ChangesReading) { sb.Append("{?").Append(raw).Append("?}"); return; }
        sb.Append("[-").Append(raw).Append("-]");
        if (ch.First && e.Reading.Length > 0) sb.Append("{+").Append(Visible(e.Reading)).Append("+}");
    }

    private static string Visible(string s) => s.Replace("\r\n", "⏎").Replace("\n", "⏎").Replace("\f", "␌");

    /// <summary>The kind name used for colours and legends.</summary>
    public static string KindName(Emendation e) => e.Status == EmendationStatus.Doubtful ? "doubtful" : ApparatusWriter.Name(e.Kind);
}
