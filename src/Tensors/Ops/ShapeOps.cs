using System.Numerics;
using System.Numerics.Tensors;
using Ppl.Tensors.Autodiff;

namespace Ppl.Tensors.Ops;

/// <summary>
/// Reshape as a view: the result shares the input's buffer; backward adds the gradient, whose
/// row-major order is the same, straight into the input's.
/// </summary>
internal sealed class ReshapeOp : Op
{
    internal static Tensor Apply(Tensor x, ReadOnlySpan<int> shape)
    {
        Span<int> resolved = stackalloc int[shape.Length];
        Resolve(x.Length, shape, resolved);
        var y = Tensor.View(x, x.Offset, resolved);
        if (!x.Records)
        {
            return y;
        }
        var op = Rent<ReshapeOp>();
        op.SetInputs(x);
        return y.WithCreator(op);
    }

    /// <summary>The shape with at most one −1 inferred from the element count, written into <paramref name="result"/>.</summary>
    private static void Resolve(int length, ReadOnlySpan<int> shape, Span<int> result)
    {
        shape.CopyTo(result);
        var unknown = result.IndexOf(-1);
        if (unknown >= 0)
        {
            result[unknown] = 1;
            var known = ShapeMath.Size(result);
            result[unknown] = known == 0 ? 0 : length / known;
        }
        if (ShapeMath.Size(result) != length || result.ContainsAnyExceptInRange(0, int.MaxValue))
        {
            throw new ArgumentException($"cannot reshape {length} elements to [{string.Join(", ", shape.ToArray())}]");
        }
    }

    internal override void Backward(Tensor output, Tensor gradient)
    {
        var x = Inputs[0];
        if (IsFloat(x))
        {
            TensorPrimitives.Add(x.GradSpan<float>(), gradient.Span<float>(), x.GradSpan<float>());
        }
        else
        {
            TensorPrimitives.Add(x.GradSpan<double>(), gradient.Span<double>(), x.GradSpan<double>());
        }
    }
}

/// <summary>Swaps the last two axes (a batch of matrix transposes); backward transposes back.</summary>
internal sealed class TransposeOp : Op
{
    internal static Tensor Apply(Tensor x)
    {
        if (x.Rank < 2)
        {
            throw new ArgumentException("transpose needs at least two axes");
        }
        Span<int> shape = stackalloc int[x.Rank];
        x.ShapeArray.CopyTo(shape);
        (shape[^1], shape[^2]) = (shape[^2], shape[^1]);
        var y = Tensor.Empty(x.DType, shape);
        int rows = x.Size(-2), cols = x.Size(-1);
        if (IsFloat(x))
        {
            Transpose<float>(x.Span<float>(), y.Span<float>(), rows, cols, accumulate: false);
        }
        else
        {
            Transpose<double>(x.Span<double>(), y.Span<double>(), rows, cols, accumulate: false);
        }
        if (!x.Records)
        {
            return y;
        }
        var op = Rent<TransposeOp>();
        op.SetInputs(x);
        return y.WithCreator(op);
    }

    /// <summary>dst[b, j, i] (+)= src[b, i, j] for a batch of rows×cols matrices, in cache-sized tiles.</summary>
    internal static void Transpose<T>(ReadOnlySpan<T> src, Span<T> dst, int rows, int cols, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int Tile = 32;
        var size = rows * cols;
        for (var b = 0; size > 0 && b < src.Length / size; b++)
        {
            var s = src.Slice(b * size, size);
            var d = dst.Slice(b * size, size);
            for (var i0 = 0; i0 < rows; i0 += Tile)
            {
                for (var j0 = 0; j0 < cols; j0 += Tile)
                {
                    var iEnd = Math.Min(i0 + Tile, rows);
                    var jEnd = Math.Min(j0 + Tile, cols);
                    for (var i = i0; i < iEnd; i++)
                    {
                        for (var j = j0; j < jEnd; j++)
                        {
                            d[j * rows + i] = accumulate ? d[j * rows + i] + s[i * cols + j] : s[i * cols + j];
                        }
                    }
                }
            }
        }
    }

    internal override void Backward(Tensor output, Tensor gradient)
    {
        var x = Inputs[0];
        int rows = output.Size(-2), cols = output.Size(-1);
        if (IsFloat(x))
        {
            Transpose<float>(gradient.Span<float>(), x.GradSpan<float>(), rows, cols, accumulate: true);
        }
        else
        {
            Transpose<double>(gradient.Span<double>(), x.GradSpan<double>(), rows, cols, accumulate: true);
        }
    }
}

/// <summary>Converts between float32 and float64; the gradient is converted back.</summary>
internal sealed class CastOp : Op
{
    internal static Tensor Apply(Tensor x, DType dtype)
    {
        if (x.DType == dtype)
        {
            return x;
        }
        var y = Tensor.Empty(dtype, x.ShapeArray);
        Convert(x, y, accumulate: false);
        if (!x.Records)
        {
            return y;
        }
        var op = Rent<CastOp>();
        op.SetInputs(x);
        return y.WithCreator(op);
    }

    private static void Convert(Tensor from, Tensor to, bool accumulate)
    {
        if (from.DType == DType.Float32)
        {
            var s = from.Span<float>();
            var d = accumulate ? to.GradSpan<double>() : to.Span<double>();
            for (var i = 0; i < s.Length; i++)
            {
                d[i] = accumulate ? d[i] + s[i] : s[i];
            }
        }
        else
        {
            var s = from.Span<double>();
            var d = accumulate ? to.GradSpan<float>() : to.Span<float>();
            for (var i = 0; i < s.Length; i++)
            {
                d[i] = accumulate ? d[i] + (float)s[i] : (float)s[i];
            }
        }
    }

    internal override void Backward(Tensor output, Tensor gradient) => Convert(gradient, Inputs[0], accumulate: true);
}
