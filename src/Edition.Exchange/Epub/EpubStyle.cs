namespace Edition.Exchange.Epub;

/// <summary>The EPUB's stylesheet: EB Garamond, the reader's own measure and size, page numbers small and grey.</summary>
internal static class EpubStyle
{
    public static string Css(IReadOnlyList<EpubFonts.Face> faces)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var f in faces)
            sb.Append("@font-face { font-family: \"EB Garamond\"; font-style: ").Append(f.Style)
              .Append("; font-weight: normal; src: url(\"fonts/").Append(f.File).Append("\"); }\n");
        sb.Append("""
            body { font-family: "EB Garamond", serif; line-height: 1.4; }
            p { margin: 0; text-indent: 1.2em; }
            h1 + p, h2 + p, h3 + p, div.pages + p { text-indent: 0; }
            h1, h2, h3, h4, h5, h6 { font-weight: normal; text-align: center; margin: 1.5em 0 1em; }
            h1 { font-size: 1.4em; }
            h2 { font-size: 1.2em; }
            h3, h4, h5, h6 { font-size: 1em; font-style: italic; }
            cite, i, em { font-style: italic; }
            span.pb { font-size: 0.7em; color: #777; margin: 0 0.2em; text-indent: 0; }
            div.pages { text-align: right; }
            a.noteref { font-size: 0.75em; vertical-align: super; line-height: 0; text-decoration: none; }
            aside { font-size: 0.9em; margin: 0.5em 0; }
            aside p, div.note p { text-indent: 0; }
            .note-number { margin-right: 0.3em; }
            section.lost-notes { margin-top: 2em; font-size: 0.9em; }
            section.titlepage { text-align: center; margin-top: 20%; }
            h1.title span.subtitle { display: block; font-size: 0.8em; margin-top: 0.5em; }
            p.authors { margin-top: 2em; font-size: 1.2em; text-indent: 0; }
            p.printed, p.about { margin-top: 1em; text-indent: 0; }
            p.about { margin-top: 4em; font-size: 0.9em; text-align: left; }
            section.principles p, section.apparatus p { margin-bottom: 0.6em; text-indent: 0; }
            dl.kinds dt { margin-top: 0.6em; font-style: italic; }
            dl.kinds dd { margin-left: 1.2em; }
            ul.entries { list-style: none; padding: 0; font-size: 0.9em; }
            ul.entries li { margin: 0.2em 0 0.2em 1.2em; text-indent: -1.2em; }
            pre.licence-text { white-space: pre-wrap; font-size: 0.75em; }
            """).Append('\n');
        return sb.ToString();
    }
}
