using System.Numerics;
using System.Numerics.Tensors;
using Ppl.Tensors.Autodiff;

namespace Ppl.Tensors.Ops;

/// <summary>The reductions along one axis.</summary>
internal enum ReductionKind
{
    Sum,
    Max,
    LogSumExp,
}

/// <summary>
/// Reduction along one axis (or all elements), viewing the input as [outer, n, inner].
/// Backward: ∂Σ/∂xⱼ = 1; ∂max/∂xⱼ = [j is the first maximiser]; ∂logsumexp/∂xⱼ = exp(xⱼ − y).
/// </summary>
internal sealed class ReductionOp : Op
{
    private ReductionKind _kind;
    private int _outer;
    private int _n;
    private int _inner;

    /// <summary>Reduces along <paramref name="axis"/>, or over all elements when it is null.</summary>
    internal static Tensor Apply(ReductionKind kind, Tensor x, int? axis, bool keepDims)
    {
        int outer, n, inner;
        Span<int> buffer = stackalloc int[x.Rank];
        scoped ReadOnlySpan<int> shape;
        if (axis is null)
        {
            (outer, n, inner) = (1, x.Length, 1);
            buffer.Fill(1);
            shape = keepDims ? buffer : ShapeMath.ScalarShape;
        }
        else
        {
            var a = ShapeMath.NormalizeAxis(axis.Value, x.Rank);
            (outer, n, inner) = ShapeMath.AroundAxis(x.ShapeArray, a);
            shape = ShapeMath.Reduced(x.ShapeArray, a, keepDims, buffer);
        }
        if (n == 0 && kind != ReductionKind.Sum)
        {
            throw new ArgumentException($"{kind} over an empty axis");
        }
        var y = Tensor.Empty(x.DType, shape);
        if (IsFloat(x))
        {
            Forward(kind, x.Span<float>(), y.Span<float>(), outer, n, inner);
        }
        else
        {
            Forward(kind, x.Span<double>(), y.Span<double>(), outer, n, inner);
        }
        if (!x.Records)
        {
            return y;
        }
        var op = Rent<ReductionOp>();
        (op._kind, op._outer, op._n, op._inner) = (kind, outer, n, inner);
        op.SetInputs(x);
        return y.WithCreator(op);
    }

    private static void Forward<T>(ReductionKind kind, ReadOnlySpan<T> x, Span<T> y, int outer, int n, int inner)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (kind == ReductionKind.Sum && n == 0)
        {
            y.Clear();
            return;
        }
        for (var o = 0; o < outer; o++)
        {
            var block = x.Slice(o * n * inner, n * inner);
            var yRow = y.Slice(o * inner, inner);
            if (inner == 1)
            {
                yRow[0] = kind switch
                {
                    ReductionKind.Sum => TensorPrimitives.Sum(block),
                    ReductionKind.Max => TensorPrimitives.Max(block),
                    _ => LogSumExp(block),
                };
                continue;
            }
            block[..inner].CopyTo(yRow);
            for (var j = 1; j < n; j++)
            {
                var row = block.Slice(j * inner, inner);
                if (kind == ReductionKind.Sum)
                {
                    TensorPrimitives.Add(yRow, row, yRow);
                }
                else
                {
                    TensorPrimitives.Max(yRow, row, yRow);
                }
            }
            if (kind == ReductionKind.LogSumExp)
            {
                for (var i = 0; i < inner; i++)
                {
                    var m = yRow[i];
                    if (!T.IsFinite(m))
                    {
                        continue;
                    }
                    var s = T.Zero;
                    for (var j = 0; j < n; j++)
                    {
                        s += T.Exp(block[j * inner + i] - m);
                    }
                    yRow[i] = m + T.Log(s);
                }
            }
        }
    }

    /// <summary>log Σ exp(xⱼ) = m + log Σ exp(xⱼ − m), m = max xⱼ (no overflow).</summary>
    private static T LogSumExp<T>(ReadOnlySpan<T> row) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var m = TensorPrimitives.Max(row);
        if (!T.IsFinite(m))
        {
            return m;
        }
        using var t = new Scratch<T>(row.Length);
        TensorPrimitives.Subtract(row, m, t.Span);
        TensorPrimitives.Exp(t.Span, t.Span);
        return m + T.Log(TensorPrimitives.Sum(t.Span));
    }

    internal override void Backward(Tensor output, Tensor gradient)
    {
        if (IsFloat(output))
        {
            Backward(Inputs[0].Span<float>(), output.Span<float>(), gradient.Span<float>(), Inputs[0].GradSpan<float>());
        }
        else
        {
            Backward(Inputs[0].Span<double>(), output.Span<double>(), gradient.Span<double>(), Inputs[0].GradSpan<double>());
        }
    }

    private void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (_kind == ReductionKind.Sum && _inner > 1)
        {
            for (var o = 0; o < _outer; o++)
            {
                var gRow = g.Slice(o * _inner, _inner);
                for (var j = 0; j < _n; j++)
                {
                    var dxRow = dx.Slice((o * _n + j) * _inner, _inner);
                    TensorPrimitives.Add(dxRow, gRow, dxRow);
                }
            }
            return;
        }
        for (var o = 0; o < _outer; o++)
        {
            var baseIndex = o * _n * _inner;
            for (var i = 0; i < _inner; i++)
            {
                var gi = g[o * _inner + i];
                var yi = y[o * _inner + i];
                switch (_kind)
                {
                    case ReductionKind.Sum:
                        TensorPrimitives.Add(dx.Slice(baseIndex, _n), gi, dx.Slice(baseIndex, _n));
                        break;
                    case ReductionKind.Max:
                        for (var j = 0; j < _n; j++)
                        {
                            if (x[baseIndex + j * _inner + i] == yi)
                            {
                                dx[baseIndex + j * _inner + i] += gi;
                                break;
                            }
                        }
                        break;
                    default:
                        for (var j = 0; j < _n; j++)
                        {
                            var k = baseIndex + j * _inner + i;
                            dx[k] += gi * T.Exp(x[k] - yi);
                        }
                        break;
                }
            }
        }
    }
}
