using System.Globalization;
using System.Text;
using Edition.Model;

namespace Edition.Stages.PageFurniture;

/// <summary>
/// Takes running heads and bare page numbers out of the text and keeps them as pagination. A running
/// head is the first line of a page that carries a page number at one end and looks like furniture:
/// capitals (often letter-spaced), set apart by a blank line, or repeated on other pages. The printed
/// numbers then calibrate the number of every page (see <see cref="PageNumbering"/>).
/// </summary>
public sealed class PageFurnitureStage : IStage
{
    public string Name => "page-furniture";

    /// <summary>A line found to be furniture, taken out once the page numbers are calibrated.</summary>
    /// <summary>
    /// A line found to be furniture, taken out once the page numbers are calibrated. <see cref="FolioApart"/>:
    /// the scan shows its number standing apart from its words at the end of the line, as a folio does.
    /// </summary>
    private sealed record Found(Line Line, int? Number, string Rule, string Why, bool Repeated, IReadOnlyList<Line> Specks, bool FolioApart = false);

    /// <summary>A page number the OCR read with less confidence than this (0..1) is not counted against its neighbours.</summary>
    public const double UnsureFolio = 0.5;

    public void Run(Document document, StageContext context)
    {
        int measure = Layout.MedianLineLength(document);
        var repeated = RepeatedTopLines(document);
        var geometry = PageGeometry.Of(document);
        var found = new List<Found>();
        foreach (var page in document.Pages)
        {
            var lines = page.Lines.Where(l => l.Role == LineRole.Body).ToList();
            if (lines.Count == 0) continue;
            int top = 0;
            var head = RunningHead(lines[0], measure, repeated, Array.Empty<Line>(), geometry);
            if (head == null)
            {
                // Specks above the head ("@ -", a stray "4") are read as lines of their own: look past them.
                int h = 0;
                while (h + 1 < lines.Count && h < 2 && IsSpeck(lines[h])) h++;
                if (h > 0) head = RunningHead(lines[h], measure, repeated, lines.Take(h).ToList(), geometry);
                if (head != null) top = h;
                else head = BarePageNumber(lines[0], "top", geometry);
            }
            if (head != null) found.Add(head);
            if (lines.Count > top + 1 && (BarePageNumber(lines[^1], "foot", geometry) ?? SignatureMark(lines[^1], geometry)) is { } foot) found.Add(foot);
        }
        foreach (var f in found)
            if (f.Number != null) f.Line.Page.PrintedNumber ??= f.Number;
        PageNumbering.Calibrate(document, context);

        foreach (var f in found)
        {
            // A head whose number proved out of step, and whose text recurs nowhere, is a title ("CHAPTER 3"), not furniture;
            // unless the scan shows the number set apart from the words at the end of the line, where a folio stands.
            if (f.Rule == "running-head" && f.Number != null && f.Line.Page.PrintedNumber != f.Number && !f.Repeated && !f.FolioApart)
            {
                context.Warnings.Add($"line {f.Line.Number}: \"{f.Line.Reading.Trim()}\" is kept as text: its number is out of step with the pagination");
                continue;
            }
            string why = f.Why;
            if (f.Rule == "running-head" && f.Number != null && f.Line.Page.PrintedNumber != f.Number)
                why += $"; its number {f.Number} is out of step with the pagination (page {f.Line.Page.Number}): misread";
            foreach (var speck in f.Specks) TakeOutSpeck(document, speck);
            f.Line.Role = f.Rule == "running-head" ? LineRole.RunningHead : LineRole.PageNumber;
            document.TakeOut(f.Line.Pieces, new Decision(Name, f.Rule, EmendationKind.Furniture, why));
        }
        if (geometry != null) Specks.Run(document, geometry, Name);
    }

    /// <summary>
    /// A printer's signature at the foot of the page ("4*", "B 2"): one short token with a digit or a
    /// capital, in smaller type than the body and standing well in from the left margin. Needs the scan.
    /// </summary>
    private static Found? SignatureMark(Line line, PageGeometry? geometry)
    {
        if (geometry == null) return null;
        var words = line.Pieces.Where(p => !p.IsSpace).ToList();
        string text = string.Concat(words.Select(p => p.Reading));
        if (words.Count == 0 || text.Length > 4 || !text.Any(c => char.IsDigit(c) || char.IsUpper(c))) return null;
        if (text.Any(c => !char.IsLetterOrDigit(c) && c != '*')) return null;
        var scanLine = geometry.LineOf(line);
        var page = geometry.PageOf(line.Page);
        if (scanLine == null || page == null) return null;
        int left = page.Lines.Where(l => !ReferenceEquals(l, scanLine)).Select(l => l.Box.Left).DefaultIfEmpty(0).Min();
        int right = page.Lines.Where(l => !ReferenceEquals(l, scanLine)).Select(l => l.Box.Right).DefaultIfEmpty(0).Max();
        double size = geometry.RelativeSize(scanLine);
        bool inset = right > left && scanLine.Box.Left - left > 0.25 * (right - left);
        if (!inset || size > 0.8) return null;
        return new Found(line, null, "signature-mark",
            $"a short mark alone on the foot line of the page, in type {PageGeometry.Percent(1 - size)} smaller than the body and set in from the margin: the printer's signature",
            false, Array.Empty<Line>());
    }

    private static Found? RunningHead(Line line, int measure, HashSet<string> repeated, IReadOnlyList<Line> specks, PageGeometry? geometry)
    {
        var words = line.Pieces.Where(p => !p.IsSpace).ToList();
        if (words.Count < 2) return null;
        var folio = NumberAtEnd(words[^1]) != null ? words[^1] : NumberAtEnd(words[0]) != null ? words[0] : null;
        int? number = folio == null ? null : NumberAtEnd(folio);
        string key = LettersKey(line);
        bool isRepeated = key.Length >= 4 && repeated.Contains(key);
        // A folio too garbled to read ("POWHET, \"S"): a short mark at one end, set apart from the words as a folio is.
        string? garbled = null;
        if (folio == null && geometry != null)
        {
            foreach (var end in new[] { words[^1], words[0] })
            {
                bool word = end.Reading.Length > 1 && Text.IsAllLetters(end.Reading) && Text.IsAllUpper(end.Reading);
                if (end.Reading.Length > 4 || word) continue;
                if (FolioApart(end, words, geometry) is double by)
                {
                    garbled = $"a mark '{end.Reading}' where the folio stands, set apart from the words by {PageGeometry.Format(by)} times their height, unreadable as a number";
                    break;
                }
            }
        }
        if (number == null && !isRepeated && garbled == null) return null;
        if (line.ContentLength > measure * 1.15 + 4) return null;

        var letters = line.Reading.Where(char.IsLetter).ToList();
        if (letters.Count == 0) return null;
        double upper = letters.Count(char.IsUpper) / (double)letters.Count;
        bool capitals = upper >= 0.7;
        bool setApart = NextIsBlank(line);
        string? apart = geometry == null ? null : SetApartBySpace(line, geometry);
        bool sentence = Text.EndsSentence(line.Reading) && !capitals;
        if (sentence) return null;
        var evidence = new List<string>();
        if (number != null) evidence.Add($"page number {number} at one end");
        double? folioApart = folio == null || geometry == null ? null : FolioApart(folio, words, geometry);
        if (folioApart is double gap) evidence.Add($"its number set apart from the words by {PageGeometry.Format(gap)} times their height");
        int? counted = number;
        if (folio != null && geometry?.Scan.ConfidenceOf(folio.Start, folio.End) is double sure && sure < UnsureFolio)
        {
            // A folio the OCR was unsure of still marks the line as a running head, but does not vote on the page's number.
            evidence.Add($"its number read with confidence {sure.ToString("0.00", CultureInfo.InvariantCulture)}, too unsure to count");
            counted = null;
        }
        if (capitals) evidence.Add("set in capitals");
        if (IsLetterSpaced(words)) evidence.Add("letter-spaced");
        if (apart != null) evidence.Add(apart);
        else if (setApart) evidence.Add("set apart by a blank line");
        setApart |= apart != null;
        if (isRepeated) evidence.Add("repeated at the top of other pages");
        if (garbled != null) evidence.Insert(0, garbled);
        // Without a number, capitals must join a recurring text, or (from the scan) a garbled folio on a line set apart by space.
        bool accept = number != null ? (capitals || setApart || isRepeated) : (capitals && (isRepeated || (garbled != null && apart != null)));
        if (!accept) return null;
        return new Found(line, counted, "running-head", "first line of the page, " + string.Join(", ", evidence), isRepeated, specks, folioApart != null);
    }

    private static Found? BarePageNumber(Line line, string where, PageGeometry? geometry)
    {
        var words = line.Pieces.Where(p => !p.IsSpace).ToList();
        if (words.Count == 0 || words.Count > 3) return null;
        // "7", "- 7 -", "[7]": one number, perhaps between dashes or brackets.
        var numbers = words.Where(p => p.IsWord).ToList();
        if (numbers.Count != 1) return null;
        if (words.Any(p => !p.IsWord && p.Reading is not ("-" or "–" or "—" or "[" or "]" or "(" or ")"))) return null;
        int? n = ParseNumber(numbers[0].Reading);
        if (n == null) return null;
        string why = $"a bare page number alone on the {where} line of the page";
        if (geometry == null) return new Found(line, n, "page-number", why, false, Array.Empty<Line>());
        if (geometry.Scan.ConfidenceOf(numbers[0].Start, numbers[0].End) is double sure && sure < UnsureFolio)
        {
            why += $", read with confidence {sure.ToString("0.00", CultureInfo.InvariantCulture)}, too unsure to count";
            n = null;
        }
        else if (FolioPlace(line, where, geometry) is { } place) why += ", " + place;
        else if (geometry.LineOf(line) != null)
        {
            // A number in the text's own column at the text's own spacing may be text (a list, a date line): it does not vote.
            why += ", but neither set apart by space nor standing off the text's left edge: not counted";
            n = null;
        }
        return new Found(line, n, "page-number", why, false, Array.Empty<Line>());
    }

    /// <summary>A line of at most three marks or a lone short number: dirt on the scan, not text.</summary>
    private static bool IsSpeck(Line line)
    {
        int chars = 0;
        foreach (var p in line.Pieces) if (!p.IsSpace) chars += p.Reading.Length;
        return chars <= 3 && !line.Pieces.Any(p => p.IsWord && p.Reading.Length >= 2 && Text.IsAllLetters(p.Reading));
    }

    private static void TakeOutSpeck(Document document, Line line)
    {
        line.Role = LineRole.PageNumber;
        document.TakeOut(line.Pieces, new Decision("page-furniture", "speck", EmendationKind.Furniture,
            "marks alone on a line above the running head: dirt on the scan, not text", 0.8));
    }

    private static int? NumberAtEnd(Piece piece) => piece.IsWord ? ParseNumber(piece.Reading) : null;

    /// <summary>Arabic page numbers (1–9999) or lower-case Roman numerals (front matter).</summary>
    public static int? ParseNumber(string s)
    {
        if (s.Length is > 0 and <= 4 && Text.IsAllDigits(s) && s[0] != '0') return int.Parse(s);
        if (s.Length is > 0 and <= 6 && s.All(c => "ivxlc".Contains(c)) && Text.IsRomanNumeral(s.ToUpperInvariant()))
            return Text.RomanValue(s.ToUpperInvariant());
        return null;
    }

    /// <summary>"set apart by 1.7 line spacings": the gap below the line clearly wider than the body's line spacing, or null.</summary>
    private static string? SetApartBySpace(Line line, PageGeometry geometry)
    {
        var scanLine = geometry.LineOf(line);
        var page = geometry.PageOf(line.Page);
        if (scanLine == null || page == null) return null;
        if (geometry.GapBelow(scanLine, page) is not double gap || gap < 1.4) return null;
        double size = geometry.RelativeSize(scanLine);
        string type = size < 0.9 ? $", {PageGeometry.Percent(1 - size)} smaller type" : "";
        return $"set apart by {PageGeometry.Format(gap)} line spacings{type}";
    }

    /// <summary>
    /// How far, in the height of the line's words, the folio's box stands from the nearest word of its line;
    /// null when that is less than twice their height (a word space, not a folio's white), or unknown.
    /// </summary>
    private static double? FolioApart(Piece folio, List<Piece> words, PageGeometry geometry)
    {
        var box = geometry.WordOf(folio);
        if (box == null) return null;
        var others = words.Where(p => !ReferenceEquals(p, folio)).Select(geometry.WordOf)
            .Where(w => w != null && !ReferenceEquals(w, box)).Select(w => w!).ToList();
        if (others.Count == 0) return null;
        double height = PageGeometry.Median(others.Select(w => (double)w.Box.Height).ToList());
        int gap = others.Min(w => w.Box.Left >= box.Box.Right ? w.Box.Left - box.Box.Right : box.Box.Left - w.Box.Right);
        return height > 0 && gap >= 2 * height ? gap / height : null;
    }

    /// <summary>
    /// Where the scan shows a folio standing: set apart from the text by space (below a top line, above a foot
    /// line), or off the text's left edge (centred, or at the outer margin); null when neither, or unknown.
    /// </summary>
    private static string? FolioPlace(Line line, string where, PageGeometry geometry)
    {
        var scanLine = geometry.LineOf(line);
        var page = geometry.PageOf(line.Page);
        if (scanLine == null || page == null) return null;
        double? gap = where == "top" ? geometry.GapBelow(scanLine, page) : geometry.PitchAbove(scanLine, page);
        if (gap is double g && g >= 1.4) return $"set apart by {PageGeometry.Format(g)} line spacings";
        var others = page.Lines.Where(l => !ReferenceEquals(l, scanLine)).ToList();
        if (others.Count == 0) return null;
        int left = others.Min(l => l.Box.Left), right = others.Max(l => l.Box.Right);
        if (right > left && scanLine.Box.Left - left > 0.25 * (right - left)) return "standing off the text's left edge";
        return null;
    }

    private static bool NextIsBlank(Line line)
    {
        var lines = line.Page.Lines;
        int i = lines.IndexOf(line);
        return i + 1 < lines.Count && lines[i + 1].Role == LineRole.Blank;
    }

    private static bool IsLetterSpaced(List<Piece> words) =>
        words.Count(p => p.IsWord && p.Reading.Length == 1 && char.IsLetter(p.Reading[0])) >= 3;

    /// <summary>
    /// The words of a line set in capitals, without spaces, numbers or specks: equal for a running head
    /// however it was spaced or its folio misread ("OF THE REFORM. ii" and "OF THE REFORM. 73").
    /// </summary>
    private static string LettersKey(Line line)
    {
        var sb = new StringBuilder();
        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length >= 2 && Text.IsAllUpper(word.ToString())) sb.Append(word);
            else if (word.Length == 1 && char.IsUpper(word[0])) sb.Append(word);
            word.Clear();
        }
        foreach (var p in line.Pieces)
        {
            if (p.IsSpace) { Flush(); continue; }
            foreach (char c in p.Reading)
            {
                if (char.IsLetter(c)) word.Append(c);
            }
        }
        Flush();
        return sb.ToString();
    }

    /// <summary>Top lines whose letters recur at the top of at least two other pages.</summary>
    private static HashSet<string> RepeatedTopLines(Document document)
    {
        var counts = new Dictionary<string, int>();
        foreach (var page in document.Pages)
        {
            var top = page.Lines.FirstOrDefault(l => l.Role == LineRole.Body);
            if (top == null) continue;
            string key = LettersKey(top);
            if (key.Length == 0) continue;
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts.Where(kv => kv.Value >= 3).Select(kv => kv.Key).ToHashSet();
    }
}
