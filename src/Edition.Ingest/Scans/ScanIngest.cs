using Edition.Model;

namespace Edition.Ingest.Scans;

/// <summary>The document model of OCR markup: its text through <see cref="TextIngest"/>, and its geometry on <see cref="Document.Scan"/>.</summary>
public static class ScanIngest
{
    public static Document Read(string sourcePath, ScanText scan, Book book)
    {
        var document = TextIngest.Read(new SourceText(sourcePath, scan.Text), book);
        document.Scan = Align(document, scan.Geometry);
        return document;
    }

    /// <summary>
    /// The geometry with every scan page numbered as the document page that holds its text (the form feeds
    /// make them one to one). A page on which the OCR found nothing has no document page, so it is left out.
    /// </summary>
    private static ScanGeometry Align(Document document, ScanGeometry geometry)
    {
        var result = new ScanGeometry();
        var pages = document.Pages;
        int p = 0, used = -1;
        foreach (var scanPage in geometry.Pages)
        {
            if (scanPage.Lines.Count == 0 || pages.Count == 0) continue;
            int offset = scanPage.Lines[0].Start;
            while (p + 1 < pages.Count && pages[p + 1].Start <= offset) p++;
            if (p == used) continue; // the page cues ran it into the page before (not with form feeds): no boxes rather than wrong ones
            used = p;
            var copy = new ScanPage(pages[p].Index, scanPage.ImagePath, scanPage.Width, scanPage.Height);
            copy.Lines.AddRange(scanPage.Lines);
            copy.Words.AddRange(scanPage.Words);
            result.Pages.Add(copy);
        }
        return result;
    }
}
