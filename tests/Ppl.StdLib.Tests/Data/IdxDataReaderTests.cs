using Ppl.StdLib.Data;

namespace Ppl.StdLib.Tests.Data;

public sealed class IdxDataReaderTests
{
    private const string File = "images.idx";

    private static readonly double[] Pixels = [0, 1, 2, 127, 128, 200, 254, 255, 3, 4, 5, 6];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Unsigned_bytes_round_trip_raw_and_gzipped(bool gzipped)
    {
        using var directory = new TempDirectory();
        var bytes = IdxWriter.Write(IdxElementType.UnsignedByte, [3, 2, 2], Pixels);
        var path = directory.Write(gzipped ? "images-idx3-ubyte.gz" : "images-idx3-ubyte", gzipped ? Gzip.Compress(bytes) : bytes);

        var result = IdxDataReader.Read(path, "x");

        Assert.Empty(result.Errors);
        var x = result.Data["x"];
        Assert.Equal([3, 2, 2], x.Shape);
        Assert.Equal(DataElementKind.Integer, x.Kind);
        Assert.Equal(IdxElementType.UnsignedByte, x.IdxElementType);
        Assert.Equal(Pixels, x.ToDoubleArray());
        Assert.Equal(new DataPosition(path) { Item = 1 }, x.PositionOf(5));
    }

    [Fact]
    public void Scaling_maps_bytes_onto_the_unit_interval_as_x_over_255_in_each_precision()
    {
        var x = Read(IdxWriter.Write(IdxElementType.UnsignedByte, [12], Pixels)).ScaledToUnitInterval();

        Assert.Equal(DataElementKind.Real, x.Kind);
        Assert.True(x.IsScaledToUnitInterval);
        Assert.Equal(Pixels.Select(v => v / 255.0), x.ToDoubleArray());
        Assert.Equal(Pixels.Select(v => (float)v / 255f), x.ToSingleArray());
        Assert.Equal(1.0, x[7]);
        Assert.Throws<InvalidOperationException>(x.ScaledToUnitInterval);
    }

    [Fact]
    public void Trailing_axes_flatten_to_a_declared_shape_and_positions_still_name_the_item()
    {
        var x = Read(IdxWriter.Write(IdxElementType.UnsignedByte, [3, 2, 2], Pixels)).WithShape([3, 4]);

        Assert.Equal([3, 4], x.Shape);
        Assert.Equal("data[1, 3]", x.ElementName(7));
        Assert.Equal(1L, x.PositionOf(7).Item);
        Assert.Throws<ArgumentException>(() => x.WithShape([5, 2]));
    }

    public static TheoryData<IdxElementType, double[], DataElementKind> Types => new()
    {
        { IdxElementType.SignedByte, [-128, -1, 0, 127], DataElementKind.Integer },
        { IdxElementType.Int16, [short.MinValue, -2, 1234, short.MaxValue], DataElementKind.Integer },
        { IdxElementType.Int32, [int.MinValue, -5, 65536, int.MaxValue], DataElementKind.Integer },
        { IdxElementType.Single, [-2.25, 0.1f, 1e30f, float.Epsilon], DataElementKind.Real },
        { IdxElementType.Double, [-2.25, 0.1, 1e300, double.Epsilon], DataElementKind.Real },
    };

    [Theory]
    [MemberData(nameof(Types))]
    public void Every_idx_type_decodes_big_endian_exactly(IdxElementType type, double[] values, DataElementKind kind)
    {
        var array = Read(IdxWriter.Write(type, [2, 2], values));

        Assert.Equal(type, array.IdxElementType);
        Assert.Equal(kind, array.Kind);
        Assert.Equal(values, array.ToDoubleArray());
        Assert.Throws<InvalidOperationException>(array.ScaledToUnitInterval);
    }

    [Fact]
    public void A_scalar_idx_file_has_rank_zero()
    {
        var array = Read(IdxWriter.Write(IdxElementType.Int32, [], [42]));

        Assert.Empty(array.Shape);
        Assert.Equal(42, array[0]);
    }

    public static TheoryData<byte[], string> Errors => new()
    {
        { [0, 0, 8], "the file is too short to be an IDX file (3 bytes; the magic number alone is 4)" },
        { [0x12, 0x34, 8, 1, 0, 0, 0, 0], "not an IDX file: it starts with 0x12 0x34, not 0x00 0x00" },
        { [0, 0, 7, 1, 0, 0, 0, 0], "unknown IDX element type 0x07" },
        { [0, 0, 8, 3, 0, 0, 0, 2, 0, 0], "truncated IDX header: rank 3 needs 16 bytes of header, but the file has 10 bytes" },
        { [.. IdxWriter.Write(IdxElementType.UnsignedByte, [3, 2, 2], Pixels)[..^2]], "truncated IDX file: 3 x 2 x 2 values of 1 byte need 12 bytes after the 16-byte header, but there are 10 bytes" },
        { [.. IdxWriter.Write(IdxElementType.Int16, [2], [1, 2]), 0], "IDX file too long: 2 values of 2 bytes need 4 bytes after the 8-byte header, but there are 5 bytes" },
        { IdxWriter.Write(IdxElementType.Single, [2, 1], [1, double.NaN]), "data[1, 0] is NaN; data values must be finite numbers" },
        { IdxWriter.Write(IdxElementType.Double, [1], [double.NegativeInfinity]), "data[0] is -Infinity; data values must be finite numbers" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Malformed_files_are_errors_with_expected_and_actual_lengths(byte[] bytes, string message)
    {
        var result = IdxDataReader.Parse(bytes, File);

        var error = Assert.Single(result.Errors);
        Assert.Equal(message, error.Message);
        Assert.Equal(File, error.File);
        Assert.Empty(result.Data.Arrays);
    }

    [Fact]
    public void A_non_finite_float_is_reported_at_its_item()
    {
        var error = Assert.Single(IdxDataReader.Parse(IdxWriter.Write(IdxElementType.Single, [3, 2], [1, 2, 3, 4, float.PositiveInfinity, 6]), File, "x").Errors);

        Assert.Equal("x[2, 0] is Infinity; data values must be finite numbers", error.Message);
        Assert.Equal(new DataPosition(File) { Item = 2 }, error.Position);
    }

    [Fact]
    public void A_truncated_gzip_stream_is_an_error_not_an_exception()
    {
        var whole = Gzip.Compress(IdxWriter.Write(IdxElementType.UnsignedByte, [100, 10], [.. Enumerable.Range(0, 1000).Select(i => (double)(i % 251))]));

        var result = IdxDataReader.Parse(whole[..(whole.Length / 2)], File);

        Assert.True(result.HasErrors);
        Assert.Empty(result.Data.Arrays);
    }

    [FactWhenFileExists(FashionMnist.Images)]
    public void Reads_the_fashion_mnist_training_images_when_the_debian_package_is_installed()
    {
        var images = IdxDataReader.Read(FashionMnist.Images, "x");
        var labels = IdxDataReader.Read(FashionMnist.Labels, "y");

        Assert.Empty(images.Errors);
        Assert.Equal([60000, 28, 28], images.Data["x"].Shape);
        var y = labels.Data["y"];
        Assert.Equal([60000], y.Shape);
        Assert.Equal(-1, y.IndexOfFirst(v => v is < 0 or > 9));
        var pixels = images.Data["x"].WithShape([60000, 784]).ScaledToUnitInterval().ToSingleArray();
        Assert.Equal(60000 * 784, pixels.Length);
        Assert.InRange(pixels.Max(), 1f, 1f);
    }

    private static DataArray Read(byte[] bytes)
    {
        var result = IdxDataReader.Parse(bytes, File);
        Assert.Empty(result.Errors);
        return result.Data.Arrays.Single();
    }
}

/// <summary>The files of Debian's dataset-fashion-mnist package.</summary>
internal static class FashionMnist
{
    public const string Images = "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz";
    public const string Labels = "/usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz";
}

/// <summary>A fact that is reported as skipped (not passed) when a machine lacks an optional file.</summary>
internal sealed class FactWhenFileExistsAttribute : FactAttribute
{
    public FactWhenFileExistsAttribute(string path)
    {
        if (!File.Exists(path))
        {
            Skip = $"{path} is not installed (optional: apt-get install dataset-fashion-mnist)";
        }
    }
}
