using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Ppl.Cli.Plots;
using Ppl.Inference.Results;

namespace Ppl.Cli.Tests;

/// <summary>Plots are well-formed: SVG parses as XML, PNG decodes to the expected size with valid CRCs.</summary>
public sealed class PlotTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Crc32_matches_the_standard_check_value()
    {
        // The CRC-32 check value of "123456789" (the catalogue of CRC algorithms, CRC-32/ISO-HDLC).
        Assert.Equal(0xCBF43926u, Crc32.Of(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void Density_plot_is_xml_with_a_band_and_a_curve_peaking_at_the_mode()
    {
        var svg = DensityPlot.Render(StandInBackend.Result.Posteriors[0]);
        var document = XDocument.Parse(svg);
        Assert.Equal(Svg + "svg", document.Root!.Name);
        Assert.Single(document.Descendants(Svg + "polygon"));
        var curve = document.Descendants(Svg + "polyline").Single();
        var points = curve.Attribute("points")!.Value.Split(' ')
            .Select(p => p.Split(','))
            .Select(p => (X: double.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), Y: double.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal(200, points.Count);
        // Beta(4, 2) has its mode at (a-1)/(a+b-2) = 0.75: the highest point (smallest SVG y) is there.
        // The x range runs from the 0.1% to the 99.9% quantile; compare positions as fractions of it.
        var top = points.MinBy(p => p.Y);
        var left = points[0].X;
        var right = points[^1].X;
        var beta = (Ppl.StdLib.Distributions.IContinuousDistribution)Ppl.StdLib.Distributions.DistributionFactory.Create("Beta", [4.0, 2.0]);
        var (lo, hi) = (beta.Quantile(0.001), beta.Quantile(0.999));
        var modeFraction = (0.75 - lo) / (hi - lo);
        Assert.InRange((top.X - left) / (right - left), modeFraction - 0.01, modeFraction + 0.01);
    }

    [Fact]
    public void Array_latents_get_one_panel_per_element_and_unknown_families_the_normal_stand_in()
    {
        var posterior = new Posterior(
            "w", "SomethingElse", new Dictionary<string, NdArray>(),
            NdArray.Vector(0, 1, 2), NdArray.Vector(1, 1, 1), NdArray.Vector(-1.6, -0.6, 0.4), NdArray.Vector(0, 1, 2), NdArray.Vector(1.6, 2.6, 3.6));
        var document = XDocument.Parse(DensityPlot.Render(posterior));
        Assert.Equal(3, document.Descendants(Svg + "polyline").Count());
        Assert.Contains(document.Descendants(Svg + "text"), t => t.Value.Contains("Normal approx.", StringComparison.Ordinal));
        Assert.Contains(document.Descendants(Svg + "text"), t => t.Value == "w[2] (Normal approx. of SomethingElse)");
    }

    [Fact]
    public void Trace_and_predictive_plots_are_xml()
    {
        XDocument.Parse(TracePlot.Render([-10, -5, -3, -2.5], "objective (vmp)"));
        var prediction = new Posterior(
            "y_new", "Normal", new Dictionary<string, NdArray>(),
            NdArray.Vector(1, 2, 3), NdArray.Vector(1, 1, 1), NdArray.Vector(-0.6, 0.4, 1.4), NdArray.Vector(1, 2, 3), NdArray.Vector(2.6, 3.6, 4.6))
        {
            IsPrediction = true,
            EpistemicSd = NdArray.Vector(0.1, 0.2, 0.3),
        };
        var document = XDocument.Parse(PredictivePlot.Render(prediction, [3.0, 1.0, 2.0], "x"));
        Assert.Equal(2, document.Descendants(Svg + "polygon").Count());
    }

    [Fact]
    public void Png_grid_decodes_to_the_expected_size_and_pixels()
    {
        // Three 2x3 images (values 0, 0.5, 1) in two columns: width 2*2+1, height 2*3+1.
        IReadOnlyList<double> Image(double v) => Enumerable.Repeat(v, 6).ToArray();
        var png = ImageGrid.Png([Image(0), Image(0.5), Image(1)], imageWidth: 2, imageHeight: 3, columns: 2);
        var (width, height, pixels) = Decode(png);
        Assert.Equal(5, width);
        Assert.Equal(7, height);
        Assert.Equal(0, pixels[0, 0]);
        Assert.Equal(255, pixels[0, 2]);      // gutter
        Assert.Equal(128, pixels[0, 3]);      // second image: round(255 * 0.5)
        Assert.Equal(255, pixels[4, 0]);      // third image
        Assert.Equal(255, pixels[4, 3]);      // empty fourth cell stays white
    }

    /// <summary>An independent PNG reader: checks the signature and every chunk's CRC, inflates IDAT, undoes filter 0.</summary>
    internal static (int Width, int Height, byte[,] Pixels) Decode(byte[] png)
    {
        Assert.Equal(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }, png[..8]);
        var position = 8;
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        var types = new List<string>();
        while (position < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(position));
            var type = Encoding.ASCII.GetString(png, position + 4, 4);
            var data = png.AsSpan(position + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position + 8 + length));
            Assert.Equal(Crc32.Of(png.AsSpan(position + 4, length + 4)), crc);
            types.Add(type);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal(8, data[8]);
                Assert.Equal(0, data[9]);
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            position += 12 + length;
        }
        Assert.Equal(["IHDR", "IDAT", "IEND"], types);
        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var bytes = raw.ToArray();
        Assert.Equal(height * (width + 1), bytes.Length);
        var pixels = new byte[height, width];
        for (var y = 0; y < height; y++)
        {
            Assert.Equal(0, bytes[y * (width + 1)]);
            for (var x = 0; x < width; x++)
            {
                pixels[y, x] = bytes[y * (width + 1) + 1 + x];
            }
        }
        return (width, height, pixels);
    }
}
