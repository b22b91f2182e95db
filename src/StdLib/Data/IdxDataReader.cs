using System.Buffers.Binary;
using System.Globalization;

namespace Ppl.StdLib.Data;

/// <summary>
/// Reads IDX files (LeCun et al., "The MNIST database", file format section), gzip-compressed or not:
/// a big-endian magic number <c>0x00 0x00 TYPE RANK</c>, RANK big-endian 32-bit sizes, then the values
/// row-major. Unsigned bytes are kept as bytes (a 47 MB image file costs 47 MB, and is read with one
/// copy); the binder chooses whether to scale them to [0, 1] (<see cref="DataArray.ScaledToUnitInterval"/>).
/// </summary>
public static class IdxDataReader
{
    private const int MagicLength = 4;

    /// <summary>Reads an IDX file.</summary>
    /// <param name="path">The file, as the user named it; positions use this text.</param>
    /// <param name="name">The data name to give the array (an IDX file holds one unnamed array).</param>
    public static DataReadResult Read(string path, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var contents = DataFile.Read(path);
        return contents.Error is { } error ? DataReadResult.Failure(error) : Parse(contents.Bytes!, path, name);
    }

    /// <summary>Reads IDX bytes held in memory (gzip-compressed or not). The array keeps a reference to <paramref name="bytes"/>.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <param name="file">The label used in positions.</param>
    /// <param name="name">The data name to give the array.</param>
    public static DataReadResult Parse(byte[] bytes, string file, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(file);
        if (DataFile.IsGzip(bytes))
        {
            var inflated = DataFile.Inflate(bytes, file);
            return inflated.Error is { } error ? DataReadResult.Failure(error) : Parse(inflated.Bytes!, file, name);
        }

        var at = new DataPosition(file);
        if (bytes.Length < MagicLength)
        {
            return Fail($"the file is too short to be an IDX file ({Bytes(bytes.Length)}; the magic number alone is 4)", at);
        }

        if (bytes[0] != 0 || bytes[1] != 0)
        {
            return Fail($"not an IDX file: it starts with 0x{bytes[0]:X2} 0x{bytes[1]:X2}, not 0x00 0x00", at, "IDX files start with the magic number 0x00 0x00 TYPE RANK");
        }

        var type = (IdxElementType)bytes[2];
        if (!Enum.IsDefined(type))
        {
            return Fail($"unknown IDX element type 0x{bytes[2]:X2}", at, "IDX types are 0x08 unsigned byte, 0x09 signed byte, 0x0B short, 0x0C int, 0x0D float, 0x0E double");
        }

        var rank = bytes[3];
        var headerLength = MagicLength + (4 * rank);
        if (bytes.Length < headerLength)
        {
            return Fail($"truncated IDX header: rank {rank} needs {Bytes(headerLength)} of header, but the file has {Bytes(bytes.Length)}", at);
        }

        var shape = new int[rank];
        long count = 1;
        for (var axis = 0; axis < rank; axis++)
        {
            var size = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(MagicLength + (4 * axis)));
            if (size < 0)
            {
                return Fail($"IDX size {axis} is negative ({size})", at);
            }

            shape[axis] = size;
            count *= size;
            if (count > Array.MaxLength)
            {
                return Fail($"the IDX header declares more than {Array.MaxLength} values", at);
            }
        }

        var elementSize = ElementSize(type);
        var expected = count * elementSize;
        var actual = bytes.LongLength - headerLength;
        if (actual != expected)
        {
            var sizes = rank == 0 ? "one value" : string.Join(" x ", shape) + " values";
            var what = actual < expected ? "truncated IDX file" : "IDX file too long";
            return Fail(
                $"{what}: {sizes} of {Bytes(elementSize)} need {Bytes(expected)} after the {headerLength}-byte header, but there are {Bytes(actual)}",
                at);
        }

        var (values, nonFinite) = Values(type, bytes.AsMemory(headerLength));
        var itemSize = rank == 0 ? 1 : count / Math.Max(shape[0], 1);
        var positions = new IdxPositions(file, itemSize);
        if (nonFinite >= 0)
        {
            var element = DataArray.FormatElement(string.IsNullOrEmpty(name) ? "data" : name, shape, nonFinite);
            return Fail($"{element} is {values[nonFinite].ToString(CultureInfo.InvariantCulture)}; data values must be finite numbers", positions.Of(nonFinite));
        }

        var kind = count == 0 ? DataElementKind.Empty
            : type is IdxElementType.Single or IdxElementType.Double ? DataElementKind.Real
            : DataElementKind.Integer;
        var array = new DataArray(name ?? string.Empty, shape, kind, values, at, positions, type);
        return new DataReadResult(new DataSet([array]), []);
    }

    /// <summary>The size in bytes of one element of an IDX type.</summary>
    /// <param name="type">The element type.</param>
    public static int ElementSize(IdxElementType type) => type switch
    {
        IdxElementType.UnsignedByte or IdxElementType.SignedByte => 1,
        IdxElementType.Int16 => 2,
        IdxElementType.Int32 or IdxElementType.Single => 4,
        IdxElementType.Double => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not an IDX element type"),
    };

    /// <summary>
    /// Unsigned bytes are wrapped as they are; the other types are decoded from big-endian into doubles
    /// (exact for every IDX type). NonFinite is the index of the first NaN or infinity, or -1.
    /// </summary>
    private static (DataValues Values, int NonFinite) Values(IdxElementType type, ReadOnlyMemory<byte> payload)
    {
        var nonFinite = -1;
        if (type == IdxElementType.UnsignedByte)
        {
            return (new ByteValues(payload, 1), nonFinite);
        }

        var bytes = payload.Span;
        var size = ElementSize(type);
        var values = new double[bytes.Length / size];
        for (var i = 0; i < values.Length; i++)
        {
            var element = bytes.Slice(i * size, size);
            values[i] = type switch
            {
                IdxElementType.SignedByte => (sbyte)element[0],
                IdxElementType.Int16 => BinaryPrimitives.ReadInt16BigEndian(element),
                IdxElementType.Int32 => BinaryPrimitives.ReadInt32BigEndian(element),
                IdxElementType.Single => BinaryPrimitives.ReadSingleBigEndian(element),
                _ => BinaryPrimitives.ReadDoubleBigEndian(element),
            };
            if (nonFinite < 0 && !double.IsFinite(values[i]))
            {
                nonFinite = i;
            }
        }

        return (new DoubleValues(values), nonFinite);
    }

    private static string Bytes(long count) =>
        count == 1 ? "1 byte" : count.ToString(CultureInfo.InvariantCulture) + " bytes";

    private static DataReadResult Fail(string message, DataPosition position, string? hint = null) =>
        DataReadResult.Failure(new DataError(message, position, hint));
}
