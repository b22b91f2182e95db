using System.Numerics;
using System.Numerics.Tensors;

namespace Ppl.Tensors.Ops;

/// <summary>The elementwise binary operations that broadcast.</summary>
internal enum BinaryKind
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Power,
}

/// <summary>
/// Broadcasting kernels: a binary map that expands its operands on the fly (forward), and the
/// sum-to-shape reduction that undoes an expansion (backward), as in micrograd/teenygrad.
/// </summary>
internal static class Broadcasting
{
    /// <summary>y = a ∘ b elementwise, with a and b broadcast to y's shape.</summary>
    internal static void Map<T>(BinaryKind kind, ReadOnlySpan<T> a, int[] aShape, ReadOnlySpan<T> b, int[] bShape,
        Span<T> y, int[] yShape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.Length == y.Length && b.Length == y.Length)
        {
            Row(kind, a, 1, b, 1, y);
            return;
        }
        if (a.Length == 1 && b.Length == y.Length)
        {
            Row(kind, a, 0, b, 1, y);
            return;
        }
        if (b.Length == 1 && a.Length == y.Length)
        {
            Row(kind, a, 1, b, 0, y);
            return;
        }
        var rank = yShape.Length;
        Span<int> work = stackalloc int[3 * rank];
        var rows = new BroadcastRows(yShape, aShape, bShape, work[..rank], work.Slice(rank, rank), work.Slice(2 * rank, rank));
        var n = rows.RowLength;
        while (rows.MoveNext())
        {
            Row(kind,
                a.Slice(rows.OffsetA, rows.InnerStrideA == 1 ? n : 1), rows.InnerStrideA,
                b.Slice(rows.OffsetB, rows.InnerStrideB == 1 ? n : 1), rows.InnerStrideB,
                y.Slice(rows.OffsetOut, n));
        }
    }

    /// <summary>
    /// dst += Σ src over the axes along which dst's shape was broadcast to src's (minus when
    /// <paramref name="negate"/>).
    /// </summary>
    internal static void AccumulateSumTo<T>(ReadOnlySpan<T> src, int[] srcShape, Span<T> dst, int[] dstShape, bool negate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (src.Length == dst.Length)
        {
            if (negate)
            {
                TensorPrimitives.Subtract(dst, src, dst);
            }
            else
            {
                TensorPrimitives.Add(dst, src, dst);
            }
            return;
        }
        if (dst.Length == 1)
        {
            var s = TensorPrimitives.Sum(src);
            dst[0] += negate ? -s : s;
            return;
        }
        var rank = srcShape.Length;
        Span<int> work = stackalloc int[3 * rank];
        var rows = new BroadcastRows(srcShape, dstShape, srcShape, work[..rank], work.Slice(rank, rank), work.Slice(2 * rank, rank));
        var n = rows.RowLength;
        while (rows.MoveNext())
        {
            var row = src.Slice(rows.OffsetOut, n);
            if (rows.InnerStrideA == 1)
            {
                var target = dst.Slice(rows.OffsetA, n);
                if (negate)
                {
                    TensorPrimitives.Subtract(target, row, target);
                }
                else
                {
                    TensorPrimitives.Add(target, row, target);
                }
            }
            else
            {
                var s = TensorPrimitives.Sum(row);
                dst[rows.OffsetA] += negate ? -s : s;
            }
        }
    }

    /// <summary>Copies <paramref name="src"/> broadcast to <paramref name="dstShape"/> into dst.</summary>
    internal static void Expand<T>(ReadOnlySpan<T> src, int[] srcShape, Span<T> dst, int[] dstShape)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (src.Length == dst.Length)
        {
            src.CopyTo(dst);
            return;
        }
        var rank = dstShape.Length;
        Span<int> work = stackalloc int[3 * rank];
        var rows = new BroadcastRows(dstShape, srcShape, dstShape, work[..rank], work.Slice(rank, rank), work.Slice(2 * rank, rank));
        var n = rows.RowLength;
        while (rows.MoveNext())
        {
            if (rows.InnerStrideA == 1)
            {
                src.Slice(rows.OffsetA, n).CopyTo(dst.Slice(rows.OffsetOut, n));
            }
            else
            {
                dst.Slice(rows.OffsetOut, n).Fill(src[rows.OffsetA]);
            }
        }
    }

    /// <summary>One row: each operand is a contiguous row (stride 1) or a single repeated element (stride 0).</summary>
    private static void Row<T>(BinaryKind kind, ReadOnlySpan<T> a, int strideA, ReadOnlySpan<T> b, int strideB, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (strideA == 0 && strideB == 0)
        {
            y.Fill(Scalar(kind, a[0], b[0]));
            return;
        }
        switch (kind)
        {
            case BinaryKind.Add:
                if (strideA == 0) { TensorPrimitives.Add(b, a[0], y); }
                else if (strideB == 0) { TensorPrimitives.Add(a, b[0], y); }
                else { TensorPrimitives.Add(a, b, y); }
                break;
            case BinaryKind.Subtract:
                if (strideA == 0) { TensorPrimitives.Subtract(a[0], b, y); }
                else if (strideB == 0) { TensorPrimitives.Subtract(a, b[0], y); }
                else { TensorPrimitives.Subtract(a, b, y); }
                break;
            case BinaryKind.Multiply:
                if (strideA == 0) { TensorPrimitives.Multiply(b, a[0], y); }
                else if (strideB == 0) { TensorPrimitives.Multiply(a, b[0], y); }
                else { TensorPrimitives.Multiply(a, b, y); }
                break;
            case BinaryKind.Divide:
                if (strideA == 0) { TensorPrimitives.Divide(a[0], b, y); }
                else if (strideB == 0) { TensorPrimitives.Divide(a, b[0], y); }
                else { TensorPrimitives.Divide(a, b, y); }
                break;
            default:
                if (strideA == 0) { TensorPrimitives.Pow(a[0], b, y); }
                else if (strideB == 0) { TensorPrimitives.Pow(a, b[0], y); }
                else { TensorPrimitives.Pow(a, b, y); }
                break;
        }
    }

    private static T Scalar<T>(BinaryKind kind, T a, T b) where T : IFloatingPointIeee754<T> => kind switch
    {
        BinaryKind.Add => a + b,
        BinaryKind.Subtract => a - b,
        BinaryKind.Multiply => a * b,
        BinaryKind.Divide => a / b,
        _ => T.Pow(a, b),
    };
}
