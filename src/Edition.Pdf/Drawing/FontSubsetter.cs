using System.Runtime.InteropServices;

namespace Edition.Pdf.Drawing;

/// <summary>
/// Cuts a font down to the glyphs the book uses, through HarfBuzz's subsetter (exported by
/// libHarfBuzzSharp.so, though HarfBuzzSharp does not wrap it). For the PDF, glyph ids are kept as
/// they are, so the shaped glyphs draw unchanged; outlines of unused glyphs, hinting and the layout
/// tables (the shaping is done) are dropped. For a font a reader shapes itself (the EPUB's), the layout
/// tables stay and bring in the glyphs they reach (ligatures, alternates), and the licence's name
/// entries stay with the copyright.
/// </summary>
public static unsafe class FontSubsetter
{
    private const string Lib = "libHarfBuzzSharp";
    private const uint RetainGids = 0x2, NoHinting = 0x1, NoLayoutClosure = 0x200;
    private const int SetGlyphs = 0, SetUnicodes = 1, SetDropTables = 3, SetNameIds = 4;

    [DllImport(Lib)] private static extern IntPtr hb_blob_create(byte* data, uint length, int mode, IntPtr userData, IntPtr destroy);
    [DllImport(Lib)] private static extern void hb_blob_destroy(IntPtr blob);
    [DllImport(Lib)] private static extern byte* hb_blob_get_data(IntPtr blob, out uint length);
    [DllImport(Lib)] private static extern IntPtr hb_face_create(IntPtr blob, uint index);
    [DllImport(Lib)] private static extern void hb_face_destroy(IntPtr face);
    [DllImport(Lib)] private static extern IntPtr hb_face_reference_blob(IntPtr face);
    [DllImport(Lib)] private static extern IntPtr hb_subset_input_create_or_fail();
    [DllImport(Lib)] private static extern void hb_subset_input_destroy(IntPtr input);
    [DllImport(Lib)] private static extern IntPtr hb_subset_input_set(IntPtr input, int setType);
    [DllImport(Lib)] private static extern void hb_subset_input_set_flags(IntPtr input, uint flags);
    [DllImport(Lib)] private static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
    [DllImport(Lib)] private static extern void hb_set_add(IntPtr set, uint codepoint);

    private static uint Tag(string t) => (uint)(t[0] << 24 | t[1] << 16 | t[2] << 8 | t[3]);

    /// <summary>The font in <paramref name="font"/> with only <paramref name="glyphs"/> (and the characters mapped to them).</summary>
    /// <param name="forShaping">Keep the layout tables and the glyphs they reach, renumbering glyphs (a font that is shaped again, by a reader).</param>
    public static byte[] Subset(byte[] font, IEnumerable<ushort> glyphs, IEnumerable<int> unicodes, bool forShaping = false)
    {
        fixed (byte* data = font)
        {
            // Mode 1: HB_MEMORY_MODE_READONLY; the array is pinned for the whole call.
            IntPtr blob = hb_blob_create(data, (uint)font.Length, 1, IntPtr.Zero, IntPtr.Zero);
            IntPtr face = hb_face_create(blob, 0);
            IntPtr input = hb_subset_input_create_or_fail();
            IntPtr result = IntPtr.Zero, resultBlob = IntPtr.Zero;
            try
            {
                if (input == IntPtr.Zero) throw new InvalidOperationException("hb_subset_input_create_or_fail failed");
                var gset = hb_subset_input_set(input, SetGlyphs);
                hb_set_add(gset, 0); // .notdef
                foreach (var g in glyphs) hb_set_add(gset, g);
                var uset = hb_subset_input_set(input, SetUnicodes);
                foreach (var u in unicodes) hb_set_add(uset, (uint)u);
                var drop = hb_subset_input_set(input, SetDropTables);
                var dropped = forShaping ? new[] { "DSIG", "JSTF", "MATH" } : new[] { "GSUB", "GPOS", "GDEF", "kern", "DSIG", "BASE", "JSTF", "MATH" };
                foreach (var t in dropped) hb_set_add(drop, Tag(t));
                if (forShaping)
                {
                    // The licence travels with the font: its description (13) and URL (14) beside the copyright (0).
                    var names = hb_subset_input_set(input, SetNameIds);
                    foreach (uint id in new uint[] { 13, 14 }) hb_set_add(names, id);
                }
                hb_subset_input_set_flags(input, forShaping ? NoHinting : RetainGids | NoHinting | NoLayoutClosure);
                result = hb_subset_or_fail(face, input);
                if (result == IntPtr.Zero) throw new InvalidOperationException("hb_subset_or_fail failed");
                resultBlob = hb_face_reference_blob(result);
                byte* p = hb_blob_get_data(resultBlob, out uint length);
                if (p == null || length == 0) throw new InvalidOperationException("the subset font is empty");
                return new ReadOnlySpan<byte>(p, (int)length).ToArray();
            }
            finally
            {
                if (resultBlob != IntPtr.Zero) hb_blob_destroy(resultBlob);
                if (result != IntPtr.Zero) hb_face_destroy(result);
                if (input != IntPtr.Zero) hb_subset_input_destroy(input);
                hb_face_destroy(face);
                hb_blob_destroy(blob);
            }
        }
    }
}
