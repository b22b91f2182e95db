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

    public override void CopyTo(Span<double> destination)
    {
        var target = destination[..bytes.Length];
        TensorPrimitives.ConvertChecked<byte, double>(bytes.Span, target);
        if (divisor != 1)
        {
            TensorPrimitives.Divide(target, divisor, target);
        }
    }

    public override void CopyTo(Span<float> destination)
    {
        var target = destination[..bytes.Length];
        TensorPrimitives.ConvertChecked<byte, float>(bytes.Span, target);
        if (divisor != 1)
        {
            TensorPrimitives.Divide(target, (float)divisor, target);
        }
    }
}
