using System.Runtime.InteropServices;
using Edition.Ingest;

namespace Edition.Ocr;

/// <summary>
/// One Tesseract engine (a <c>TessBaseAPI</c> handle): the only owner of native pointers. Not thread-safe:
/// use one engine per thread and reuse it across pages. Every string Tesseract returns is copied into
/// managed memory and freed with <c>TessDeleteText</c>; every Pix is destroyed after its page.
/// </summary>
public sealed class TesseractEngine : IDisposable
{
    public const string DefaultDataPath = "/usr/share/tesseract-ocr/5/tessdata";
    /// <summary>Fully automatic page segmentation, as on the command line (the C API defaults to 6).</summary>
    public const int PageSegMode = 3;

    private const string Packages = "tesseract-ocr tesseract-ocr-eng libtesseract5 liblept5";
    private static readonly object VersionLock = new();
    private static string? _version;
    private IntPtr _handle;

    public TesseractEngine(string language = "eng", string dataPath = DefaultDataPath)
    {
        Language = language;
        NativeEnvironment.Prepare();
        try
        {
            _handle = Tess.TessBaseAPICreate();
        }
        catch (DllNotFoundException e)
        {
            throw Missing(e);
        }
        if (_handle == IntPtr.Zero) throw new InvalidOperationException("TessBaseAPICreate returned no handle");
        // Checked first: Tesseract would print four lines of its own on standard error before failing.
        if (!File.Exists(Path.Combine(dataPath, language + ".traineddata")) || Tess.TessBaseAPIInit3(_handle, dataPath, language) != 0)
        {
            Tess.TessBaseAPIDelete(_handle);
            _handle = IntPtr.Zero;
            throw new InputException(Path.Combine(dataPath, language + ".traineddata"),
                $"Tesseract cannot load language '{language}' (install its tesseract-ocr-{language} package)");
        }
        Tess.TessBaseAPISetPageSegMode(_handle, PageSegMode);
        // Tesseract's own notes ("Estimating resolution as ...") would interleave with the build log.
        Tess.TessBaseAPISetVariable(_handle, "debug_file", "/dev/null");
    }

    public string Language { get; }

    /// <summary>The loaded library's version, e.g. "5.3.0" (part of every cache key).</summary>
    public static string Version
    {
        get
        {
            lock (VersionLock)
            {
                if (_version != null) return _version;
                NativeEnvironment.Prepare();
                try
                {
                    _version = Marshal.PtrToStringUTF8(Tess.TessVersion()) ?? "unknown";
                }
                catch (DllNotFoundException e)
                {
                    throw Missing(e);
                }
                return _version;
            }
        }
    }

    /// <summary>Plain text of one page image given as its file's bytes; <paramref name="path"/> names it in errors.</summary>
    public string Recognize(byte[] image, string path) => Run(image, path, hocr: false);

    /// <summary>The page's hOCR fragment (a <c>div.ocr_page</c>), with word boxes, confidences and x_size.</summary>
    public string RecognizeHocr(byte[] image, string path) => Run(image, path, hocr: true);

    private unsafe string Run(byte[] image, string path, bool hocr)
    {
        ObjectDisposedException.ThrowIf(_handle == IntPtr.Zero, this);
        if (image.Length == 0) throw new InputException(path, "is empty (zero bytes), not a page image");
        ImageCheck.ThrowIfBrokenPng(image, path);
        IntPtr pix;
        fixed (byte* p = image)
        {
            Lept.setMsgSeverity(6); // L_SEVERITY_NONE: a bad image is reported by us, once, naming the file
            pix = Lept.pixReadMem(p, (nuint)image.Length);
        }
        if (pix == IntPtr.Zero)
            throw new InputException(path, "cannot be read as an image (corrupt, truncated or not PNG/TIFF/JPEG)");
        try
        {
            Tess.TessBaseAPISetImage2(_handle, pix);
            if (Tess.TessBaseAPIRecognize(_handle, IntPtr.Zero) != 0)
                throw new InputException(path, "Tesseract could not recognise this image");
            IntPtr text = hocr ? Tess.TessBaseAPIGetHOCRText(_handle, 0) : Tess.TessBaseAPIGetUTF8Text(_handle);
            if (text == IntPtr.Zero) return "";
            try
            {
                return Marshal.PtrToStringUTF8(text) ?? "";
            }
            finally
            {
                Tess.TessDeleteText(text);
            }
        }
        finally
        {
            Tess.TessBaseAPIClear(_handle);
            Lept.pixDestroy(ref pix);
        }
    }

    public void Dispose()
    {
        if (_handle == IntPtr.Zero) return;
        Tess.TessBaseAPIEnd(_handle);
        Tess.TessBaseAPIDelete(_handle);
        _handle = IntPtr.Zero;
    }

    private static InputException Missing(DllNotFoundException e) =>
        new("libtesseract.so.5", $"Tesseract is not installed or cannot be loaded ({FirstLine(e.Message)}); page images need the packages {Packages} (bash build/setup.sh installs them)");

    private static string FirstLine(string s)
    {
        int i = s.IndexOf('\n');
        return (i < 0 ? s : s[..i]).Trim().TrimEnd('.');
    }
}
