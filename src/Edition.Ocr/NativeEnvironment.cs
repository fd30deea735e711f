namespace Edition.Ocr;

/// <summary>
/// Debian's Tesseract is built with OpenMP, which on a small machine makes every page several times
/// slower when engines already run one per core. libgomp reads <c>OMP_THREAD_LIMIT</c> once, when it is
/// loaded (with libtesseract), from the native environment: <see cref="Environment.SetEnvironmentVariable(string, string)"/>
/// does not reach it, so it is set with libc <c>setenv</c> before the first Tesseract call.
/// A value the user set is kept.
/// </summary>
public static class NativeEnvironment
{
    private static int _done;

    public static void Prepare()
    {
        if (Interlocked.Exchange(ref _done, 1) == 1) return;
        if (Environment.GetEnvironmentVariable("OMP_THREAD_LIMIT") is null or "")
        {
            Libc.setenv("OMP_THREAD_LIMIT", "1", 1);
            Environment.SetEnvironmentVariable("OMP_THREAD_LIMIT", "1");
        }
    }
}
