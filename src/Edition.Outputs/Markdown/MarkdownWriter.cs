using System.Globalization;
using System.Text;
using Edition.Model;

namespace Edition.Outputs.Markdown;

/// <summary>
/// Writes the Markdown edition (the format of docs/edition-markdown.md): one paragraph per line,
/// headings, page-break spans where source pages begin, Pandoc footnotes after the paragraph that
/// holds their reference.
/// </summary>
public static class MarkdownWriter
{
    public static string Write(Document document)
    {
        var sb = new StringBuilder(document.Source.Length + 4096);
        var book = document.Book;
        if (book.Title.Length > 0)
        {
            sb.Append("% ").Append(TitleLine(book.Title)).Append('\n');
            sb.Append("% ").Append(TitleLine(string.Join("; ", book.Authors))).Append('\n');
            if (book.Year is int y) sb.Append("% ").Append(y.ToString(CultureInfo.InvariantCulture)).Append('\n');
            sb.Append('\n');
        }
        foreach (var block in document.Body)
        {
            var notes = new List<Note>();
            if (block is Heading h)
            {
                int start = 0;
                while (start < h.Pieces.Count && h.Pieces[start].Kind == PieceKind.PageBreak)
                {
                    sb.Append(PageBreak(h.Pieces[start].BreakPage!)).Append("\n\n");
                    start++;
                }
                string text = Render(h.Pieces, start, notes).Trim();
                sb.Append(new string('#', Math.Clamp(h.Level, 1, 6))).Append(' ').Append(text).Append("\n\n");
            }
            else
            {
                string text = Render(block.Pieces, 0, notes).Trim();
                if (text.Length == 0) continue;
                sb.Append(MarkdownEscaper.EscapeBlockStart(text)).Append("\n\n");
            }
            foreach (var note in notes) AppendNote(sb, note);
        }
        // Notes whose reference was lost still belong to the edition.
        foreach (var note in document.Notes.Where(n => n.Reference == null)) AppendNote(sb, note);
        return sb.ToString().TrimEnd('\n') + "\n";
    }

    public static string PageBreak(Page page) => $"[]{{.pb n=\"{page.Number.ToString(CultureInfo.InvariantCulture)}\"}}";

    private static void AppendNote(StringBuilder sb, Note note)
    {
        for (int i = 0; i < note.Paragraphs.Count; i++)
        {
            string text = MarkdownEscaper.EscapeBlockStart(Render(note.Paragraphs[i], 0, null).Trim());
            if (i == 0) sb.Append("[^").Append(note.Number.ToString(CultureInfo.InvariantCulture)).Append("]: ").Append(text);
            else sb.Append("    ").Append(text);
            sb.Append("\n\n");
        }
        if (note.Paragraphs.Count == 0)
            sb.Append("[^").Append(note.Number.ToString(CultureInfo.InvariantCulture)).Append("]: ").Append("\n\n");
    }

    /// <summary>The pieces' readings as one line of Markdown; notes referenced are collected in order.</summary>
    public static string Render(List<Piece> pieces, int from, List<Note>? notes)
    {
        var sb = new StringBuilder();
        bool pendingSpace = false;
        for (int i = from; i < pieces.Count; i++)
        {
            var p = pieces[i];
            switch (p.Kind)
            {
                case PieceKind.Space:
                    if (p.Emendation != null) { MarkdownEscaper.AppendEscaped(sb, p.Reading); pendingSpace = false; }
                    else pendingSpace = true;
                    continue;
                case PieceKind.PageBreak:
                    if (pendingSpace && sb.Length > 0) sb.Append(' ');
                    pendingSpace = false;
                    sb.Append(PageBreak(p.BreakPage!));
                    // The span stands before the page's first word, followed by a space.
                    pendingSpace = true;
                    continue;
                case PieceKind.NoteReference:
                    if (pendingSpace && sb.Length > 0) sb.Append(' ');
                    pendingSpace = false;
                    MarkdownEscaper.AppendEscaped(sb, p.Reading);
                    if (p.Note != null && notes != null && p.Note.Reference == p)
                    {
                        sb.Append("[^").Append(p.Note.Number.ToString(CultureInfo.InvariantCulture)).Append(']');
                        notes.Add(p.Note);
                    }
                    continue;
                default:
                    if (p.Reading.Length == 0) continue;
                    if (pendingSpace && sb.Length > 0) sb.Append(' ');
                    pendingSpace = false;
                    MarkdownEscaper.AppendEscaped(sb, p.Reading);
                    continue;
            }
        }
        return sb.ToString();
    }

    private static string TitleLine(string s) => s.Replace('\n', ' ');
}
