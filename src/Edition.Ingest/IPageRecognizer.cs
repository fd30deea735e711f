namespace Edition.Ingest;

/// <summary>
/// Turns a book's page images into Tesseract's hOCR, one page fragment (a <c>div.ocr_page</c>) per image
/// in the order given. Implemented by Edition.Ocr (Tesseract) and passed in by the caller, so that Ingest
/// does not depend on the OCR engine. An image that cannot be read is an <see cref="InputException"/>
/// naming it, or, when the recognizer is told to keep going, an empty string it records.
/// </summary>
public interface IPageRecognizer
{
    /// <param name="language">The book's language from book.toml (e.g. "en-GB").</param>
    IReadOnlyList<string> RecognizeHocr(IReadOnlyList<string> imagePaths, string language);

    /// <summary>Where work that is worth keeping between builds may go (the OCR cache), or null for none.</summary>
    string? CacheFolder => null;
}
