using System.Numerics;
using System.Numerics.Tensors;
using Ppl.Tensors.Autodiff;

namespace Ppl.Tensors.Ops;

/// <summary>
/// x[..., start:start+count, ...] along one axis, the input viewed as [outer, n, inner]: a view when
/// outer is one (the slice is contiguous), else a copy. Backward adds the gradient into that window.
/// </summary>
internal sealed class SliceOp : Op
{
    private int _outer;
    private int _n;
    private int _inner;
    private int _start;
    private int _count;

    internal static Tensor Apply(Tensor x, int axis, int start, int end)
    {
        var a = ShapeMath.NormalizeAxis(axis, x.Rank);
        var (outer, n, inner) = ShapeMath.AroundAxis(x.ShapeArray, a);
        if (start < 0 || end > n || start > end)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"slice {start}:{end} outside axis of size {n}");
        }
        var count = end - start;
        var shape = ShapeMath.WithAxis(x.ShapeArray, a, count, stackalloc int[x.Rank]);
        Tensor y;
        if (outer == 1)
        {
            y = Tensor.View(x, x.Offset + start * inner, shape);
        }
        else
        {
            y = Tensor.Empty(x.DType, shape);
            if (IsFloat(x))
            {
                Copy(x.Span<float>(), y.Span<float>(), outer, n, inner, start, count);
            }
            else
            {
                Copy(x.Span<double>(), y.Span<double>(), outer, n, inner, start, count);
            }
        }
        if (!x.Records)
        {
            return y;
        }
        var op = Rent<SliceOp>();
        (op._outer, op._n, op._inner, op._start, op._count) = (outer, n, inner, start, count);
        op.SetInputs(x);
        return y.WithCreator(op);
    }

    private static void Copy<T>(ReadOnlySpan<T> x, Span<T> y, int outer, int n, int inner, int start, int count)
    {
        var block = count * inner;
        for (var o = 0; o < outer; o++)
        {
            x.Slice((o * n + start) * inner, block).CopyTo(y.Slice(o * block, block));
        }
    }

    internal override void Backward(Tensor output, Tensor gradient)
    {
        if (IsFloat(output))
        {
            Accumulate(gradient.Span<float>(), Inputs[0].GradSpan<float>());
        }
        else
        {
            Accumulate(gradient.Span<double>(), Inputs[0].GradSpan<double>());
        }
    }

    private void Accumulate<T>(ReadOnlySpan<T> g, Span<T> dx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var block = _count * _inner;
        for (var o = 0; o < _outer; o++)
        {
            var target = dx.Slice((o * _n + _start) * _inner, block);
            TensorPrimitives.Add(target, g.Slice(o * block, block), target);
        }
    }
}

/// <summary>Joins tensors along one axis; backward hands each input its window of the gradient.</summary>
internal sealed class ConcatOp : Op
{
    private int _axis;

    internal static Tensor Apply(IReadOnlyList<Tensor> parts, int axis)
    {
        if (parts.Count == 0)
        {
            throw new ArgumentException("concat needs at least one tensor");
        }
        var first = parts[0];
        var a = ShapeMath.NormalizeAxis(axis, first.Rank);
        var total = 0;
        foreach (var p in parts)
        {
            ShapeMath.RequireSameDType(first, p);
            for (var d = 0; d < first.Rank; d++)
            {
                if (p.Rank != first.Rank || (d != a && p.ShapeArray[d] != first.ShapeArray[d]))
                {
                    throw new ArgumentException("concat: shapes differ off the joining axis");
                }
            }
            total += p.ShapeArray[a];
        }
        var shape = ShapeMath.WithAxis(first.ShapeArray, a, total);
        var y = Tensor.Empty(first.DType, shape);
        var (outer, _, inner) = ShapeMath.AroundAxis(shape, a);
        var at = 0;
        var records = false;
        foreach (var p in parts)
        {
            var block = p.ShapeArray[a] * inner;
            for (var o = 0; o < outer; o++)
            {
                if (IsFloat(p))
                {
                    p.Span<float>().Slice(o * block, block).CopyTo(y.Span<float>().Slice(o * total * inner + at, block));
                }
                else
                {
                    p.Span<double>().Slice(o * block, block).CopyTo(y.Span<double>().Slice(o * total * inner + at, block));
                }
            }
            at += block;
            records |= p.Records;
        }
        if (!records)
        {
            return y;
        }
        var op = Rent<ConcatOp>();
        op._axis = a;
        op.SetInputs(parts);
        return y.WithCreator(op);
    }

    internal override void Backward(Tensor output, Tensor gradient)
    {
        var (outer, total, inner) = ShapeMath.AroundAxis(output.ShapeArray, _axis);
        var at = 0;
        foreach (var p in Inputs)
        {
            var block = p.ShapeArray[_axis] * inner;
            if (p.RequiresGrad)
            {
                for (var o = 0; o < outer; o++)
                {
                    if (IsFloat(p))
                    {
                        var d = p.GradSpan<float>().Slice(o * block, block);
                        TensorPrimitives.Add(d, gradient.Span<float>().Slice(o * total * inner + at, block), d);
                    }
                    else
                    {
                        var d = p.GradSpan<double>().Slice(o * block, block);
                        TensorPrimitives.Add(d, gradient.Span<double>().Slice(o * total * inner + at, block), d);
                    }
                }
            }
            at += block;
        }
    }
}
