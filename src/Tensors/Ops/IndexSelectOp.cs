using System.Numerics;
using System.Numerics.Tensors;
using Ppl.Tensors.Autodiff;

namespace Ppl.Tensors.Ops;

/// <summary>
/// Integer indexing along one axis, the input viewed as [outer, n, inner]. Two forms:
/// <list type="bullet">
/// <item>select (<c>mu[z]</c>, the mixture pattern): y[o, t, i] = x[o, idx[t], i];</item>
/// <item>gather (one index per remaining position, <c>logits[n, z[n]]</c>):
/// y[o, i] = x[o, idx[o·inner + i], i], the axis removed.</item>
/// </list>
/// Backward scatters the gradient back, adding where an index repeats. The index array is kept by
/// reference until backward: callers must not mutate it meanwhile.
/// </summary>
internal sealed class IndexSelectOp : Op
{
    private int[] _indices = [];
    private bool _gather;
    private int _outer;
    private int _n;
    private int _inner;

    internal static Tensor Apply(Tensor x, int axis, int[] indices, bool gather)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var a = ShapeMath.NormalizeAxis(axis, x.Rank);
        var (outer, n, inner) = ShapeMath.AroundAxis(x.ShapeArray, a);
        if (gather && indices.Length != outer * inner)
        {
            throw new ArgumentException($"gather needs {outer * inner} indices, got {indices.Length}");
        }
        foreach (var i in indices)
        {
            if ((uint)i >= (uint)n)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), $"index {i} outside 0..{n - 1}");
            }
        }
        Span<int> buffer = stackalloc int[x.Rank];
        var shape = gather ? ShapeMath.Reduced(x.ShapeArray, a, keepDims: false, buffer) : ShapeMath.WithAxis(x.ShapeArray, a, indices.Length, buffer);
        var y = Tensor.Empty(x.DType, shape);
        var op = Rent<IndexSelectOp>();
        (op._indices, op._gather, op._outer, op._n, op._inner) = (indices, gather, outer, n, inner);
        op.SetInputs(x);
        if (IsFloat(x))
        {
            op.Forward(x.Span<float>(), y.Span<float>());
        }
        else
        {
            op.Forward(x.Span<double>(), y.Span<double>());
        }
        return x.Records ? y.WithCreator(op) : y;
    }

    internal override void Clear()
    {
        base.Clear();
        _indices = [];
    }

    private void Forward<T>(ReadOnlySpan<T> x, Span<T> y)
    {
        for (var o = 0; o < _outer; o++)
        {
            if (_gather)
            {
                for (var i = 0; i < _inner; i++)
                {
                    y[o * _inner + i] = x[(o * _n + _indices[o * _inner + i]) * _inner + i];
                }
                continue;
            }
            for (var t = 0; t < _indices.Length; t++)
            {
                x.Slice((o * _n + _indices[t]) * _inner, _inner).CopyTo(y.Slice((o * _indices.Length + t) * _inner, _inner));
            }
        }
    }

    internal override void Backward(Tensor output, Tensor gradient)
    {
        if (IsFloat(output))
        {
            Scatter(gradient.Span<float>(), Inputs[0].GradSpan<float>());
        }
        else
        {
            Scatter(gradient.Span<double>(), Inputs[0].GradSpan<double>());
        }
    }

    private void Scatter<T>(ReadOnlySpan<T> g, Span<T> dx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var o = 0; o < _outer; o++)
        {
            if (_gather)
            {
                for (var i = 0; i < _inner; i++)
                {
                    dx[(o * _n + _indices[o * _inner + i]) * _inner + i] += g[o * _inner + i];
                }
                continue;
            }
            for (var t = 0; t < _indices.Length; t++)
            {
                var target = dx.Slice((o * _n + _indices[t]) * _inner, _inner);
                TensorPrimitives.Add(target, g.Slice((o * _indices.Length + t) * _inner, _inner), target);
            }
        }
    }
}
