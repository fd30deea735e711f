using System.Runtime.InteropServices;

namespace Edition.Ocr;

/// <summary>
/// The C entry points used, by their Debian runtime names (the unversioned names exist only with
/// the -dev packages). Nothing outside <see cref="TesseractEngine"/> and <see cref="NativeEnvironment"/> calls these.
/// </summary>
internal static partial class Tess
{
    private const string Lib = "libtesseract.so.5";

    [LibraryImport(Lib)] internal static partial IntPtr TessVersion();
    [LibraryImport(Lib)] internal static partial IntPtr TessBaseAPICreate();
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int TessBaseAPIInit3(IntPtr handle, string? dataPath, string language);
    [LibraryImport(Lib)] internal static partial void TessBaseAPISetPageSegMode(IntPtr handle, int mode);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.I4)]
    internal static partial int TessBaseAPISetVariable(IntPtr handle, string name, string value);
    [LibraryImport(Lib)] internal static partial void TessBaseAPISetImage2(IntPtr handle, IntPtr pix);
    [LibraryImport(Lib)] internal static partial int TessBaseAPIRecognize(IntPtr handle, IntPtr monitor);
    [LibraryImport(Lib)] internal static partial IntPtr TessBaseAPIGetUTF8Text(IntPtr handle);
    [LibraryImport(Lib)] internal static partial IntPtr TessBaseAPIGetHOCRText(IntPtr handle, int pageNumber);
    [LibraryImport(Lib)] internal static partial void TessDeleteText(IntPtr text);
    [LibraryImport(Lib)] internal static partial void TessBaseAPIClear(IntPtr handle);
    [LibraryImport(Lib)] internal static partial void TessBaseAPIEnd(IntPtr handle);
    [LibraryImport(Lib)] internal static partial void TessBaseAPIDelete(IntPtr handle);
}

internal static partial class Lept
{
    private const string Lib = "liblept.so.5";

    [LibraryImport(Lib)] internal static unsafe partial IntPtr pixReadMem(byte* data, nuint size);
    [LibraryImport(Lib)] internal static partial void pixDestroy(ref IntPtr pix);
    [LibraryImport(Lib)] internal static partial int setMsgSeverity(int severity);
}

internal static partial class Libc
{
    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int setenv(string name, string value, int overwrite);
}
