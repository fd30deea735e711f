using Edition.Ingest;
using Edition.Ingest.Scans;
using Edition.Model;
using Edition.Tests.Support;

namespace Edition.Tests.Ingest.Scans;

public class AltoReaderTests
{
    /// <summary>A hand-written page: a running head in the top margin, two blocks in the print space, a hyphen at a line end.</summary>
    private static string Page(string ns, string unit = "pixel", string file = "p1.tif") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <alto xmlns="{ns}">
          <Description>
            <MeasurementUnit>{unit}</MeasurementUnit>
            <sourceImageInformation><fileName>{file}</fileName></sourceImageInformation>
          </Description>
          <Layout>
            <Page ID="P1" WIDTH="2540" HEIGHT="3810" PHYSICAL_IMG_NR="1">
              <PrintSpace HPOS="0" VPOS="0" WIDTH="2540" HEIGHT="3810">
                <TextBlock ID="B1">
                  <TextLine ID="L1" HPOS="254" VPOS="508" WIDTH="2000" HEIGHT="100">
                    <String ID="S1" CONTENT="Chief" HPOS="254" VPOS="508" WIDTH="400" HEIGHT="100" WC="0.97"/>
                    <SP WIDTH="50"/>
                    <String ID="S2" CONTENT="among&amp;the" HPOS="704" VPOS="508" WIDTH="600" HEIGHT="100" WC="0.5"/>
                    <SP/>
                    <String ID="S3" CONTENT="plant" HPOS="1354" VPOS="508" WIDTH="500" HEIGHT="100"/>
                    <HYP CONTENT="-" HPOS="1854" VPOS="508" WIDTH="40" HEIGHT="100"/>
                  </TextLine>
                  <TextLine ID="L2" HPOS="254" VPOS="620" WIDTH="900" HEIGHT="96">
                    <String CONTENT="ers" HPOS="254" VPOS="620" WIDTH="300" HEIGHT="96" WC="1"/>
                    <SP/>
                    <String CONTENT="&#x2014;was" HPOS="600" VPOS="620" WIDTH="554" HEIGHT="96" WC="0.8"/>
                  </TextLine>
                </TextBlock>
                <ComposedBlock ID="C1">
                  <TextBlock ID="B2">
                    <TextLine HPOS="254" VPOS="3500" WIDTH="800" HEIGHT="60">
                      <String CONTENT="1Pitman." HPOS="254" VPOS="3500" WIDTH="800" HEIGHT="60" WC="0.9"/>
                    </TextLine>
                  </TextBlock>
                </ComposedBlock>
              </PrintSpace>
              <TopMargin HPOS="0" VPOS="0" WIDTH="2540" HEIGHT="300">
                <TextBlock ID="B0">
                  <TextLine HPOS="254" VPOS="100" WIDTH="600" HEIGHT="70">
                    <String CONTENT="12" HPOS="254" VPOS="100" WIDTH="100" HEIGHT="70"/>
                    <String CONTENT="HISTORY" HPOS="500" VPOS="100" WIDTH="354" HEIGHT="70"/>
                  </TextLine>
                </TextBlock>
              </TopMargin>
            </Page>
          </Layout>
        </alto>
        """;

    public static TheoryData<string> Namespaces => new()
    {
        "http://www.loc.gov/standards/alto/ns-v2#",
        "http://www.loc.gov/standards/alto/ns-v3#",
        "http://www.loc.gov/standards/alto/ns-v4#",
    };

    [Theory]
    [MemberData(nameof(Namespaces))]
    public void Blocks_lines_strings_and_a_line_end_hyphen_read_as_text(string ns)
    {
        var scan = AltoReader.Parse(Page(ns), "book/p1.xml");
        // The top margin's head first, then the print space; the hyphen stays at the line end.
        Assert.Equal("12 HISTORY\n\nChief among&the plant-\ners —was\n\n1Pitman.\n", scan.Text);
    }

    [Fact]
    public void Words_have_their_boxes_confidences_and_lines_their_heights()
    {
        var scan = AltoReader.Parse(Page("http://www.loc.gov/standards/alto/ns-v4#"), "book/p1.xml");
        var page = Assert.Single(scan.Geometry.Pages);
        Assert.Equal((2540, 3810), (page.Width, page.Height));
        Assert.Equal(new[] { "12", "HISTORY", "Chief", "among&the", "plant-", "ers", "—was", "1Pitman." },
            page.Words.Select(w => scan.Text[w.Start..w.End]));
        var plant = scan.Geometry.WordAt(scan.Text.IndexOf("plant", StringComparison.Ordinal))!;
        Assert.Equal(new Box(1354, 508, 1894, 608), plant.Box); // widened by its hyphen
        Assert.Null(plant.Confidence);
        Assert.Equal(0.5, scan.Geometry.WordAt(scan.Text.IndexOf("among", StringComparison.Ordinal))!.Confidence);
        Assert.Equal(new double?[] { 70, 100, 96, 60 }, page.Lines.Select(l => l.Size));
        Assert.Equal(new[] { 1, 2, 2, 3 }, page.Lines.Select(l => l.Block));
        Assert.Equal("Chief among&the plant-", scan.Text[page.Lines[1].Start..page.Lines[1].End]);
        Assert.Null(page.ImagePath); // book/p1.tif is not there
    }

    [Fact]
    public void Tenths_of_a_millimetre_become_pixels_at_the_given_resolution_and_need_it()
    {
        using var folder = new TempFolder("book");
        string path = folder.Write("p1.xml", Page("http://www.loc.gov/standards/alto/ns-v3#", "mm10"));
        var e = Assert.Throws<InputException>(() => AltoReader.Read(path));
        Assert.Equal(path, e.FilePath);
        Assert.Contains("dpi", e.Message);

        var scan = AltoReader.Read(path, 300); // 254 mm10 = 1 inch = 300 px
        var page = scan.Geometry.Pages[0];
        Assert.Equal((3000, 4500), (page.Width, page.Height));
        var chief = scan.Geometry.WordAt(scan.Text.IndexOf("Chief", StringComparison.Ordinal))!;
        Assert.Equal(new Box(300, 600, 772, 718), chief.Box);

        string inches = folder.Write("p2.xml", Page("http://www.loc.gov/standards/alto/ns-v4#", "inch1200"));
        Assert.Equal((635, 953), (AltoReader.Read(inches, 300).Geometry.Pages[0].Width, AltoReader.Read(inches, 300).Geometry.Pages[0].Height));
    }

    [Fact]
    public void The_image_the_file_names_is_found_beside_it()
    {
        using var folder = new TempFolder("book");
        folder.Write("p1.tif", [0]);
        string path = folder.Write("p1.xml", Page("http://www.loc.gov/standards/alto/ns-v4#"));
        Assert.Equal(Path.Combine(folder.Path, "p1.tif"), AltoReader.Read(path).Geometry.Pages[0].ImagePath);
    }

    [Fact]
    public void Several_pages_are_joined_by_form_feeds()
    {
        const string xml = """
            <alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout>
              <Page WIDTH="100" HEIGHT="200"><PrintSpace><TextBlock><TextLine>
                <String CONTENT="one" HPOS="1" VPOS="1" WIDTH="10" HEIGHT="10"/></TextLine></TextBlock></PrintSpace></Page>
              <Page WIDTH="110" HEIGHT="210"><PrintSpace><TextBlock><TextLine>
                <String CONTENT="two" HPOS="1" VPOS="1" WIDTH="10" HEIGHT="10"/></TextLine></TextBlock></PrintSpace></Page>
            </Layout></alto>
            """;
        var scan = AltoReader.Parse(xml, "two.xml");
        Assert.Equal("one\n\ftwo\n", scan.Text);
        Assert.Equal(new[] { 100, 110 }, scan.Geometry.Pages.Select(p => p.Width));
        Assert.Equal(2, scan.Geometry.Page(2)!.Index);
    }

    [Theory]
    [InlineData("<alto><Layout><Page WIDTH=\"10\"></Layout></alto>", "not well-formed XML")]
    [InlineData("<html><body>not alto</body></html>", "is not ALTO")]
    [InlineData("<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\"><Layout/></alto>", "no <Page>")]
    [InlineData("<alto><Layout><Page><PrintSpace><TextBlock><TextLine><String CONTENT=\"a\" HPOS=\"x\" VPOS=\"1\" WIDTH=\"1\" HEIGHT=\"1\"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>", "HPOS=\"x\"")]
    [InlineData("<alto><Description><MeasurementUnit>furlong</MeasurementUnit></Description><Layout><Page/></Layout></alto>", "unknown MeasurementUnit")]
    public void Malformed_ALTO_is_an_input_error_naming_the_file(string xml, string problem)
    {
        using var folder = new TempFolder("book");
        string path = folder.Write("bad.xml", xml);
        var e = Assert.Throws<InputException>(() => AltoReader.Read(path));
        Assert.Equal(path, e.FilePath);
        Assert.Contains(problem, e.Message);
    }
}
