namespace Edition.Ocr.Tests;

public class CacheTests
{
    [Fact]
    public void A_second_run_reads_the_cache_and_a_corrupt_entry_is_redone()
    {
        Scans.RequireTesseract();
        string cache = Scans.TempFolder("edition-ocr-cache-hit-");
        string[] pages = [Scans.Page("009")];
        var ocr = new PageOcr(new OcrOptions { Jobs = 1, CacheFolder = cache });

        string first = ocr.RecognizeHocr(pages, "en-US")[0];
        Assert.Contains("ocrx_word", first);
        Assert.Equal(1, ocr.EngineCalls);
        Assert.Equal(0, ocr.CacheHits);

        Assert.Equal(first, ocr.RecognizeHocr(pages, "en-US")[0]);
        Assert.Equal(1, ocr.EngineCalls);
        Assert.Equal(1, ocr.CacheHits);

        string entry = Directory.GetFiles(cache, "*.txt", SearchOption.AllDirectories).Single();
        Assert.Empty(Directory.GetFiles(cache, "*.tmp", SearchOption.AllDirectories));
        byte[] bytes = File.ReadAllBytes(entry);
        bytes[^30] ^= 0x20; // one letter of the hOCR changed: the checksum no longer holds
        File.WriteAllBytes(entry, bytes);

        Assert.Equal(first, ocr.RecognizeHocr(pages, "en-US")[0]);
        Assert.Equal(2, ocr.EngineCalls);
        Assert.Equal(1, ocr.CacheHits);

        File.WriteAllText(entry, "not an entry");
        Assert.Equal(first, ocr.RecognizeHocr(pages, "en-US")[0]);
        Assert.Equal(3, ocr.EngineCalls);
        Assert.Equal(first, new OcrCache(cache).Get(Path.GetFileNameWithoutExtension(entry)));
    }

    [Fact]
    public void The_key_changes_with_the_image_the_version_the_language_and_the_parameters()
    {
        byte[] a = [1, 2, 3], b = [1, 2, 4];
        string k = OcrCache.Key(a, "5.3.0", "eng", PageOcr.Parameters);
        Assert.Equal(k, OcrCache.Key(a, "5.3.0", "eng", PageOcr.Parameters));
        Assert.NotEqual(k, OcrCache.Key(b, "5.3.0", "eng", PageOcr.Parameters));
        Assert.NotEqual(k, OcrCache.Key(a, "5.3.1", "eng", PageOcr.Parameters));
        Assert.NotEqual(k, OcrCache.Key(a, "5.3.0", "fra", PageOcr.Parameters));
        Assert.NotEqual(k, OcrCache.Key(a, "5.3.0", "eng", "psm=6"));
    }

    [Fact]
    public void The_default_cache_folder_follows_EDITION_CACHE_then_XDG_CACHE_HOME()
    {
        string? edition = Environment.GetEnvironmentVariable("EDITION_CACHE"), xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        try
        {
            Environment.SetEnvironmentVariable("EDITION_CACHE", null);
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", "/tmp/xdg-test");
            Assert.Equal("/tmp/xdg-test/edition", OcrCache.DefaultFolder());
            Environment.SetEnvironmentVariable("EDITION_CACHE", "/tmp/ed-cache");
            Assert.Equal("/tmp/ed-cache", OcrCache.DefaultFolder());
            Environment.SetEnvironmentVariable("EDITION_CACHE", null);
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", null);
            Assert.EndsWith("/.cache/edition", OcrCache.DefaultFolder());
        }
        finally
        {
            Environment.SetEnvironmentVariable("EDITION_CACHE", edition);
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", xdg);
        }
    }
}
