using System.Text;
using Edition.Pdf.Layout;
using Edition.Pdf.Shaping;
using SkiaSharp;

namespace Edition.Pdf.Drawing;

/// <summary>What the PDF says about itself.</summary>
public sealed record PdfMetadata(string Title, string Author, string Subject, string Keywords, string Creator, string Producer, DateTimeOffset Date, string Language);

/// <summary>
/// Draws laid-out pages through SkiaSharp's PDF backend. Each line goes out as positioned glyph
/// runs that carry their UTF-8 text and HarfBuzz's clusters, so a ligature copies out as its
/// letters; word spaces are real space glyphs, placed where justification put them.
/// </summary>
public sealed class PdfRenderer(bool subsetFonts)
{
    private readonly Dictionary<FontFace, SKTypeface> _typefaces = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(FontFace, float), SKFont> _fonts = new();
    private SKTextBlobBuilder _builder = null!;

    public byte[] Render(IReadOnlyList<PageContent> pages, float width, float height, PdfMetadata meta)
    {
        LoadTypefaces(pages);
        using var builder = _builder = new SKTextBlobBuilder();
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = meta.Title,
            Author = meta.Author,
            Subject = meta.Subject,
            Keywords = meta.Keywords,
            Creator = meta.Creator,
            Producer = meta.Producer,
            Creation = meta.Date.UtcDateTime,
            Modified = meta.Date.UtcDateTime,
            PdfA = true,
            RasterDpi = SKDocument.DefaultRasterDpi,
            EncodingQuality = 101,
        };
        using (var wstream = new SKManagedWStream(stream))
        using (var document = SKDocument.CreatePdf(wstream, metadata))
        using (var fill = new SKPaint { Color = SKColors.Black, IsAntialias = true, Style = SKPaintStyle.Fill })
        using (var stroke = new SKPaint { Color = SKColors.Black, IsAntialias = true, Style = SKPaintStyle.Stroke })
        {
            foreach (var page in pages)
            {
                var canvas = document.BeginPage(width, height);
                foreach (var op in page.Ops)
                {
                    switch (op)
                    {
                        case LineOp l: DrawLine(canvas, l, fill); break;
                        case RuleOp r:
                            stroke.StrokeWidth = r.Thickness;
                            canvas.DrawLine(r.X1, r.Y, r.X2, r.Y, stroke);
                            break;
                        case DestinationOp dest:
                            canvas.DrawNamedDestinationAnnotation(new SKPoint(dest.X, dest.Y), dest.Name);
                            break;
                    }
                }
                document.EndPage();
            }
            document.Close();
        }
        foreach (var f in _fonts.Values) f.Dispose();
        foreach (var t in _typefaces.Values) t.Dispose();
        _fonts.Clear();
        _typefaces.Clear();
        return stream.ToArray();
    }

    private void LoadTypefaces(IReadOnlyList<PageContent> pages)
    {
        // Which glyphs (and characters) each face draws: flags by id, read once each.
        var glyphs = new Dictionary<FontFace, bool[]>(ReferenceEqualityComparer.Instance);
        var chars = new Dictionary<FontFace, HashSet<int>>(ReferenceEqualityComparer.Instance);
        var order = new List<FontFace>();
        foreach (var page in pages)
            foreach (var op in page.Ops)
            {
                if (op is not LineOp l) continue;
                foreach (var run in l.Line.Runs)
                {
                    var face = run.Style.Face;
                    if (!glyphs.TryGetValue(face, out var g))
                    {
                        glyphs[face] = g = new bool[ushort.MaxValue + 1];
                        chars[face] = new HashSet<int> { ' ' };
                        order.Add(face);
                        foreach (var sg in face.Shape(" ", run.Style.Features).Glyphs) g[sg] = true;
                    }
                    foreach (var gid in run.Style.Shape(run.Text).Glyphs) g[gid] = true;
                    var c = chars[face];
                    foreach (char ch in run.Text)
                        if (!char.IsSurrogate(ch)) c.Add(ch);
                }
            }
        foreach (var face in order)
        {
            byte[] data = face.Data;
            if (subsetFonts)
            {
                var used = new List<ushort>();
                var g = glyphs[face];
                for (int id = 0; id < g.Length; id++) if (g[id]) used.Add((ushort)id);
                data = FontSubsetter.Subset(face.Data, used, chars[face].Order());
            }
            using var skdata = SKData.CreateCopy(data);
            _typefaces[face] = SKTypeface.FromData(skdata) ?? throw new InvalidOperationException($"Skia cannot read the font {face.Name}");
        }
    }

    private SKFont Font(TextStyle style)
    {
        if (_fonts.TryGetValue((style.Face, style.Size), out var f)) return f;
        f = new SKFont(_typefaces[style.Face], style.Size) { Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None, Edging = SKFontEdging.Antialias };
        _fonts[(style.Face, style.Size)] = f;
        return f;
    }

    private void DrawLine(SKCanvas canvas, LineOp op, SKPaint paint)
    {
        var line = op.Line;
        float x0 = op.X + line.Offset;
        var runs = line.Runs;
        if (runs.Count > 0)
        {
            var builder = _builder;
            int i = 0;
            while (i < runs.Count)
            {
                // A group: consecutive runs in one style, with a space glyph wherever a gap parts them.
                int j = i + 1;
                while (j < runs.Count && runs[j].Style == runs[i].Style) j++;
                AddGroup(builder, runs, i, j, x0, op.Baseline);
                i = j;
            }
            using var blob = builder.Build();
            if (blob != null) canvas.DrawText(blob, 0, 0, paint);
        }
        foreach (var run in runs)
        {
            if (run.Link == null) continue;
            var s = run.Style;
            var rect = new SKRect(x0 + run.X, op.Baseline - s.Size * 0.8f, x0 + run.X + run.Width, op.Baseline + s.Size * 0.25f);
            canvas.DrawLinkDestinationAnnotation(rect, run.Link.Destination);
        }
        foreach (var (x, anchor) in line.Anchors)
            if (anchor is DestinationMark d)
                canvas.DrawNamedDestinationAnnotation(new SKPoint(x0 + x, op.Baseline - (line.Runs.FirstOrDefault()?.Style.Size ?? 10)), d.Name);
    }

    private void AddGroup(SKTextBlobBuilder builder, List<PlacedRun> runs, int from, int to, float x0, float baseline)
    {
        var style = runs[from].Style;
        var space = style.Shape(" ");
        ushort spaceGlyph = space.Glyphs.Length > 0 ? space.Glyphs[0] : (ushort)0;
        int glyphCount = 0, byteCount = 0;
        var shaped = new ShapedText[to - from];
        var gapBefore = new bool[to - from];
        for (int k = from; k < to; k++)
        {
            shaped[k - from] = style.Shape(runs[k].Text);
            gapBefore[k - from] = k > from && runs[k].X - (runs[k - 1].X + runs[k - 1].Width) > 0.01f;
            glyphCount += shaped[k - from].Glyphs.Length + (gapBefore[k - from] ? 1 : 0);
            byteCount += shaped[k - from].Utf8.Length + (gapBefore[k - from] ? 1 : 0);
        }
        if (glyphCount == 0) return;
        var buffer = builder.AllocatePositionedTextRun(Font(style), glyphCount, byteCount);
        var glyphs = buffer.Glyphs;
        var positions = buffer.Positions;
        var clusters = buffer.Clusters;
        var text = buffer.Text;
        float scale = style.Scale;
        int gi = 0, bi = 0;
        for (int k = from; k < to; k++)
        {
            var st = shaped[k - from];
            var run = runs[k];
            if (gapBefore[k - from])
            {
                var prev = runs[k - 1];
                glyphs[gi] = spaceGlyph;
                positions[gi] = new SKPoint(x0 + prev.X + prev.Width, baseline);
                clusters[gi] = (uint)bi;
                text[bi] = (byte)' ';
                gi++;
                bi++;
            }
            float pen = x0 + run.X;
            for (int g = 0; g < st.Glyphs.Length; g++)
            {
                glyphs[gi] = st.Glyphs[g];
                positions[gi] = new SKPoint(pen + st.XOffsets[g] * scale, baseline - st.YOffsets[g] * scale - style.Rise);
                clusters[gi] = (uint)(bi + st.Clusters[g]);
                pen += st.Advances[g] * scale + style.Tracking + run.LetterSpacing;
                gi++;
            }
            st.Utf8.CopyTo(text.Slice(bi));
            bi += st.Utf8.Length;
        }
    }
}
