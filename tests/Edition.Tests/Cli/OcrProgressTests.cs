using Edition.Cli.Progress;

namespace Edition.Tests.Cli;

public class OcrProgressTests
{
    [Fact]
    public void The_plain_line_gives_pages_done_the_rate_and_the_time_left()
    {
        Assert.Equal("5/20 pages, 0.5 pages/s, about 30 s left", OcrProgress.Describe(5, 20, TimeSpan.FromSeconds(10)));
        // Done: no time left to give; nothing done yet: no rate to give it from.
        Assert.Equal("20/20 pages, 2.0 pages/s", OcrProgress.Describe(20, 20, TimeSpan.FromSeconds(10)));
        Assert.Equal("0/20 pages, 0.0 pages/s", OcrProgress.Describe(0, 20, TimeSpan.Zero));
    }

    [Fact]
    public void A_log_that_is_not_the_terminal_gets_plain_lines_and_none_for_a_short_run()
    {
        var log = new StringWriter();
        var quiet = OcrProgress.For("book", log);
        Assert.IsType<OcrProgress.Lines>(quiet);
        quiet.Begin(3);
        for (int i = 0; i < 3; i++) quiet.PageDone(false);
        quiet.End();
        Assert.Equal("", log.ToString());

        var chatty = new OcrProgress.Lines("book", log, TimeSpan.Zero);
        chatty.Begin(2);
        chatty.PageDone(true);
        chatty.PageDone(false);
        chatty.End();
        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("book: OCR 1/2 pages", lines[0]);
        Assert.StartsWith("book: OCR 2/2 pages", lines[1]);
    }
}
