using System.Buffers.Binary;
using System.IO.Compression;

namespace Ppl.Cli.Tests;

/// <summary>
/// <c>ppl infer examples/vae/vae.ppl --out DIR --plot</c> on its bundled Fashion-MNIST subset, for a
/// few SVI steps: the samples and reconstructions grids are PNGs of 8 × 8 tiles of 28 × 28 pixels, and
/// each reconstruction resembles its own input image more than its neighbour's.
/// </summary>
public sealed class VaePlotTests
{
    private const int Side = 28;
    private const int Tiles = 64;

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ppl.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("cannot find the repository root (Ppl.sln)");
    }

    /// <summary>The first <paramref name="count"/> images of an IDX3 file of unsigned bytes, in [0, 1] (read independently of ppl's reader).</summary>
    private static double[][] ReadIdx(string path, int count)
    {
        using var file = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        file.CopyTo(buffer);
        var bytes = buffer.ToArray();
        Assert.Equal(0x00000803, BinaryPrimitives.ReadInt32BigEndian(bytes));
        return [.. Enumerable.Range(0, count).Select(k => bytes.Skip(16 + k * Side * Side).Take(Side * Side).Select(b => b / 255.0).ToArray())];
    }

    private static double[] Tile(byte[,] pixels, int k)
    {
        var (top, left) = (k / 8 * (Side + 1), k % 8 * (Side + 1));
        return [.. Enumerable.Range(0, Side * Side).Select(i => pixels[top + i / Side, left + i % Side] / 255.0)];
    }

    private static double Correlation(double[] a, double[] b)
    {
        var (ma, mb) = (a.Average(), b.Average());
        var cov = a.Select((v, i) => (v - ma) * (b[i] - mb)).Sum();
        return cov / Math.Sqrt(a.Sum(v => (v - ma) * (v - ma)) * b.Sum(v => (v - mb) * (v - mb)));
    }

    [Fact]
    public void A_short_vae_run_writes_sample_and_reconstruction_grids_that_look_like_its_images()
    {
        var root = Root();
        var data = Path.Combine(root, "examples", "vae", "data", "fashion-mnist-1000-images-idx3-ubyte.gz");
        var outDir = Directory.CreateTempSubdirectory("ppl-vae-").FullName;
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = PplApp.Run(
            ["infer", Path.Combine(root, "examples", "vae", "vae.ppl"), "--data", "x=" + data, "--steps", "30", "--seed", "2", "--out", outDir, "--plot"],
            output, error);
        Assert.True(exit == 0, error.ToString());

        var images = ReadIdx(data, Tiles);
        foreach (var name in new[] { "samples", "reconstructions" })
        {
            var path = Path.Combine(outDir, $"images-x.{name}.png");
            Assert.Contains(path, error.ToString(), StringComparison.Ordinal);
            var (width, height, pixels) = PlotTests.Decode(File.ReadAllBytes(path));
            // 8 tiles across and down, 1-pixel white gutters: 8 × 28 + 7 = 231.
            Assert.Equal((8 * Side + 7, 8 * Side + 7), (width, height));
            Assert.Equal(255, pixels[Side, 0]);
            // Images, not a flat fill: the tiles' pixels spread over the grey levels.
            var tile = Tile(pixels, 0);
            Assert.True(tile.Max() - tile.Min() > 0.5, $"{name}: tile 0 spans {tile.Min()}..{tile.Max()}");
        }

        // Reconstruction k is decoded from image k's code: it must match image k better than image k + 1.
        var (_, _, grid) = PlotTests.Decode(File.ReadAllBytes(Path.Combine(outDir, "images-x.reconstructions.png")));
        var own = Enumerable.Range(0, Tiles).Average(k => Correlation(Tile(grid, k), images[k]));
        var other = Enumerable.Range(0, Tiles).Average(k => Correlation(Tile(grid, k), images[(k + 1) % Tiles]));
        Assert.True(own > other + 0.05, $"mean correlation with the own image {own:F3}, with the neighbour's {other:F3}");
    }
}
