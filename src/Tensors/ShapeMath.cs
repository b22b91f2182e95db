namespace Ppl.Tensors;

/// <summary>Shape arithmetic: sizes, axes, NumPy broadcasting.</summary>
internal static class ShapeMath
{
    internal static readonly int[] ScalarShape = [];

    internal static int Size(ReadOnlySpan<int> shape)
    {
        var size = 1;
        foreach (var d in shape)
        {
            size = checked(size * d);
        }
        return size;
    }

    /// <summary>The shape itself, after checking that no size is negative.</summary>
    internal static ReadOnlySpan<int> Checked(ReadOnlySpan<int> shape)
    {
        foreach (var d in shape)
        {
            if (d < 0)
            {
                throw new ArgumentException($"negative size in shape [{string.Join(", ", shape.ToArray())}]");
            }
        }
        return shape;
    }

    internal static int NormalizeAxis(int axis, int rank)
    {
        var a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank)
        {
            throw new ArgumentOutOfRangeException(nameof(axis), $"axis {axis} out of range for rank {rank}");
        }
        return a;
    }

    internal static int FlatIndex(int[] shape, ReadOnlySpan<int> index)
    {
        if (index.Length != shape.Length)
        {
            throw new ArgumentException($"index of rank {index.Length} for a tensor of rank {shape.Length}");
        }
        var flat = 0;
        for (var i = 0; i < shape.Length; i++)
        {
            if ((uint)index[i] >= (uint)shape[i])
            {
                throw new ArgumentOutOfRangeException(nameof(index), $"index {index[i]} out of range for axis {i} of size {shape[i]}");
            }
            flat = flat * shape[i] + index[i];
        }
        return flat;
    }

    internal static bool SameShape(ReadOnlySpan<int> a, ReadOnlySpan<int> b) => a.SequenceEqual(b);

    internal static void RequireSameLength(Tensor a, Tensor b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"lengths differ: {a.Length} and {b.Length}");
        }
    }

    internal static void RequireSameDType(Tensor a, Tensor b)
    {
        if (a.DType != b.DType)
        {
            throw new ArgumentException($"element types differ: {a.DType} and {b.DType}; convert with To()");
        }
    }

    /// <summary>The NumPy broadcast of two shapes; returns one of the inputs when it is the result.</summary>
    internal static int[] Broadcast(int[] a, int[] b)
    {
        if (SameShape(a, b))
        {
            return a;
        }
        var rank = Math.Max(a.Length, b.Length);
        Span<int> result = stackalloc int[rank];
        for (var i = 0; i < rank; i++)
        {
            var da = i < rank - a.Length ? 1 : a[i - (rank - a.Length)];
            var db = i < rank - b.Length ? 1 : b[i - (rank - b.Length)];
            if (da != db && da != 1 && db != 1)
            {
                throw new ArgumentException(
                    $"shapes [{string.Join(", ", a)}] and [{string.Join(", ", b)}] do not broadcast");
            }
            result[i] = da == 1 ? db : da;
        }
        if (SameShape(result, a))
        {
            return a;
        }
        return SameShape(result, b) ? b : Tensor.ShapeArrayFor(result);
    }

    /// <summary>
    /// Strides (in elements) of <paramref name="shape"/> seen through the broadcast
    /// <paramref name="outShape"/>: zero on broadcast axes. Written into <paramref name="strides"/>,
    /// which has the output's rank.
    /// </summary>
    internal static void BroadcastStrides(ReadOnlySpan<int> shape, ReadOnlySpan<int> outShape, Span<int> strides)
    {
        var offset = outShape.Length - shape.Length;
        var stride = 1;
        for (var i = outShape.Length - 1; i >= 0; i--)
        {
            var j = i - offset;
            if (j < 0 || shape[j] == 1)
            {
                strides[i] = 0;
            }
            else
            {
                strides[i] = stride;
            }
            if (j >= 0)
            {
                stride *= shape[j];
            }
        }
    }

    /// <summary>Splits a shape around an axis into (outer, axis size, inner) element counts.</summary>
    internal static (int Outer, int Axis, int Inner) AroundAxis(ReadOnlySpan<int> shape, int axis)
    {
        var outer = Size(shape[..axis]);
        var inner = Size(shape[(axis + 1)..]);
        return (outer, shape[axis], inner);
    }

    /// <summary>The shape with one axis removed, or set to one when keeping dimensions.</summary>
    internal static int[] Reduced(int[] shape, int axis, bool keepDims)
    {
        if (keepDims)
        {
            var kept = (int[])shape.Clone();
            kept[axis] = 1;
            return kept;
        }
        var result = new int[shape.Length - 1];
        for (int i = 0, j = 0; i < shape.Length; i++)
        {
            if (i != axis)
            {
                result[j++] = shape[i];
            }
        }
        return result;
    }

    /// <summary>
    /// <see cref="Reduced(int[], int, bool)"/> written into <paramref name="result"/> (of the input's rank):
    /// returns the part that is the reduced shape, for a stack-allocated buffer.
    /// </summary>
    internal static ReadOnlySpan<int> Reduced(ReadOnlySpan<int> shape, int axis, bool keepDims, Span<int> result)
    {
        var j = 0;
        for (var i = 0; i < shape.Length; i++)
        {
            if (i != axis)
            {
                result[j++] = shape[i];
            }
            else if (keepDims)
            {
                result[j++] = 1;
            }
        }
        return result[..j];
    }

    /// <summary>The shape with one axis resized, written into <paramref name="result"/> (same rank).</summary>
    internal static ReadOnlySpan<int> WithAxis(ReadOnlySpan<int> shape, int axis, int size, Span<int> result)
    {
        shape.CopyTo(result);
        result[axis] = size;
        return result[..shape.Length];
    }

    internal static int[] WithAxis(int[] shape, int axis, int size)
    {
        var result = (int[])shape.Clone();
        result[axis] = size;
        return result;
    }
}
