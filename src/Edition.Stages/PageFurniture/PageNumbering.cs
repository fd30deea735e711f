using Edition.Model;

namespace Edition.Stages.PageFurniture;

/// <summary>
/// Gives every page the number the edition cites. A printed number is kept; a page without one is
/// counted from its nearest printed neighbour; a printed number that disagrees with neighbours that
/// agree with each other is taken as misread. With no printed number anywhere, the book's config
/// (first printed page number) counts the pages, or failing that the scan's own order.
/// </summary>
public static class PageNumbering
{
    public static void Calibrate(Document document, StageContext context)
    {
        var pages = document.Pages;
        var printed = pages.Where(p => p.PrintedNumber != null).ToList();

        // A printed number out of step with the book's usual step, and with both printed neighbours, is a
        // misreading ("48" for 78); a real jump in the numbering is shared by the pages after it.
        var offsets = printed.Select(p => p.PrintedNumber!.Value - p.Index).ToArray();
        int usual = offsets.GroupBy(o => o).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstOrDefault();
        // A real jump (unnumbered plates, say) holds for the pages after it: a run of three, or the run that ends the book.
        var misread = new List<(Page Page, int Printed)>();
        for (int i = 0; i < printed.Count;)
        {
            int j = i;
            while (j + 1 < printed.Count && offsets[j + 1] == offsets[i]) j++;
            int run = j - i + 1;
            bool jump = offsets[i] == usual || run >= 3 || (j == printed.Count - 1 && run >= 2);
            if (!jump)
            {
                for (int k = i; k <= j; k++)
                {
                    misread.Add((printed[k], printed[k].PrintedNumber!.Value));
                    printed[k].PrintedNumber = null;
                }
            }
            i = j + 1;
        }
        printed = pages.Where(p => p.PrintedNumber != null).ToList();

        if (printed.Count == 0)
        {
            int first = document.Book.FirstPage ?? 1;
            foreach (var p in pages)
            {
                p.Number = first + p.Index - 1;
                p.NumberSource = document.Book.FirstPage != null ? PageNumberSource.Config : PageNumberSource.Scan;
            }
            return;
        }

        foreach (var p in pages)
        {
            if (p.PrintedNumber is int n)
            {
                p.Number = n;
                p.NumberSource = PageNumberSource.Printed;
                continue;
            }
            // The nearest printed page, the one before on a tie: count from it.
            Page? best = null;
            foreach (var q in printed)
                if (best == null || Math.Abs(q.Index - p.Index) < Math.Abs(best.Index - p.Index)) best = q;
            p.Number = best!.PrintedNumber!.Value + (p.Index - best.Index);
            p.NumberSource = PageNumberSource.Neighbours;
        }

        foreach (var (page, number) in misread)
            context.Warnings.Add($"scan page {page.Index}: printed number {number} is out of step with its neighbours; cited as {page.Number}");

        if (document.Book.FirstPage is int configured && pages[0].Number != configured)
            context.Warnings.Add($"book.toml says the first page is {configured}, but the printed numbers make it {pages[0].Number}; the printed numbers win");
    }
}
