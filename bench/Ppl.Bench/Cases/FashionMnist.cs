using System.Buffers.Binary;
using System.IO.Compression;

namespace Ppl.Bench.Cases;

/// <summary>Fashion-MNIST images as the VAE peer loads them: IDX unsigned bytes, pixels / 255 in float32.</summary>
internal static class FashionMnist
{
    /// <summary>Where the Debian package dataset-fashion-mnist puts the data.</summary>
    public const string Folder = "/usr/share/datasets/fashion-mnist";

    /// <summary>Pixels per image (28 × 28).</summary>
    public const int Pixels = 784;

    /// <summary>The training images (60,000), row-major [count, 784].</summary>
    public static float[] Training(int? count = null) => Images(Path.Combine(Folder, "train-images-idx3-ubyte.gz"), count);

    /// <summary>The test images (10,000), row-major [count, 784].</summary>
    public static float[] Test(int? count = null) => Images(Path.Combine(Folder, "t10k-images-idx3-ubyte.gz"), count);

    /// <summary>The first <paramref name="count"/> images (all when null) of an IDX file of unsigned bytes, scaled to [0, 1].</summary>
    private static float[] Images(string path, int? count)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new BinaryReader(stream);
        Span<int> header = stackalloc int[4];
        for (var i = 0; i < 4; i++)
        {
            header[i] = BinaryPrimitives.ReadInt32BigEndian(reader.ReadBytes(4));
        }
        if (header[0] != 0x803 || header[2] * header[3] != Pixels)
        {
            throw new InvalidDataException($"{path} is not an IDX file of 28×28 unsigned-byte images");
        }
        var n = Math.Min(count ?? header[1], header[1]);
        var bytes = reader.ReadBytes(n * Pixels);
        if (bytes.Length != n * Pixels)
        {
            throw new InvalidDataException($"{path} ends before its {n} images");
        }
        return Array.ConvertAll(bytes, b => b / 255f);
    }
}
