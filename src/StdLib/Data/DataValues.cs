using System.Numerics.Tensors;

namespace Ppl.StdLib.Data;

/// <summary>
/// The dense, row-major storage behind a <see cref="DataArray"/>. Most data is held as doubles (exact
/// for integers up to 2^53 and for booleans); IDX unsigned bytes stay bytes, so a 47 MB image file costs
/// 47 MB, and scaling to [0, 1] happens only when the values are copied out.
/// </summary>
internal abstract class DataValues
{
    public abstract int Count { get; }

    public abstract double this[int index] { get; }

    public abstract void CopyTo(Span<double> destination);

    public abstract void CopyTo(Span<float> destination);
}

/// <summary>Values held as doubles.</summary>
internal sealed class DoubleValues(double[] values) : DataValues
{
    public override int Count => values.Length;

    public override double this[int index] => values[index];

    public override void CopyTo(Span<double> destination) => values.CopyTo(destination);

    public override void CopyTo(Span<float> destination) =>
        TensorPrimitives.ConvertTruncating<double, float>(values, destination[..values.Length]);
}

/// <summary>
/// Unsigned bytes, optionally divided by <paramref name="divisor"/> when read (255 maps 0..255 onto
/// [0, 1]: x / 255, rounded once to the target precision).
/// </summary>
internal sealed class ByteValues(ReadOnlyMemory<byte> bytes, double divisor) : DataValues
{
    public ReadOnlyMemory<byte> Bytes => bytes;

    public double Divisor => divisor;

    public override int Count => bytes.Length;

    public override double this[int index] => bytes.Span[index] / divisor;

    public override void CopyTo(Span<double> destination) => Convert(bytes.Span, destination[..bytes.Length], divisor);

    public override void CopyTo(Span<float> destination) => Convert(bytes.Span, destination[..bytes.Length], (float)divisor);

    /// <summary>
    /// Converts and divides a block at a time, so that the division reads values still in the L1
    /// cache instead of making a second pass over the whole (e.g. 188 MB) destination.
    /// </summary>
    private static void Convert<T>(ReadOnlySpan<byte> source, Span<T> target, T divisor)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        const int Block = 4096;
        for (var start = 0; start < source.Length; start += Block)
        {
            var length = Math.Min(Block, source.Length - start);
            var block = target.Slice(start, length);
            TensorPrimitives.ConvertChecked(source.Slice(start, length), block);
            if (divisor != T.One)
            {
                TensorPrimitives.Divide(block, divisor, block);
            }
        }
    }
}
