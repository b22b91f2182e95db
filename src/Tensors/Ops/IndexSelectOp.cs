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
    private readonly int[] _indices;
    private readonly bool _gather;
    private readonly int _outer;
    private readonly int _n;
    private readonly int _inner;

    private IndexSelectOp(Tensor x, int[] indices, bool gather, int outer, int n, int inner) : base(x) =>
        (_indices, _gather, _outer, _n, _inner) = (indices, gather, outer, n, inner);

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
        var shape = gather ? ShapeMath.Reduced(x.ShapeArray, a, keepDims: false) : ShapeMath.WithAxis(x.ShapeArray, a, indices.Length);
        var y = Tensor.Empty(x.DType, shape);
        var op = new IndexSelectOp(x, indices, gather, outer, n, inner);
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
