using System.Numerics;
using System.Numerics.Tensors;
using Ppl.Tensors.Autodiff;

namespace Ppl.Tensors.Ops;

/// <summary>
/// The summed Bernoulli log-likelihood on logits, L = Σᵢ xᵢlᵢ − softplus(lᵢ) (−BCE-with-logits, summed),
/// as one op: one pass forward, which also keeps σ(l), and one pass backward:
/// ∂L/∂lᵢ = xᵢ − σ(lᵢ), ∂L/∂xᵢ = lᵢ. The composed form (softplus, product, difference, sum) makes four
/// passes and three temporaries forward, and as many again backward, with a second exponential.
/// The per-row form sums each row (every axis but the first) into its own value: the per-data-point
/// log-likelihoods of an importance-weighted bound.
/// </summary>
internal sealed class BernoulliLogitsOp : Op
{
    private Tensor? _sigmoid;
    private int _rows;

    /// <summary>The sum over all elements (a scalar), or with <paramref name="perRow"/> over each row (a vector along the first axis).</summary>
    internal static Tensor Apply(Tensor logits, Tensor x, bool perRow = false)
    {
        ShapeMath.RequireSameDType(logits, x);
        if (!logits.ShapeArray.AsSpan().SequenceEqual(x.ShapeArray))
        {
            throw new ArgumentException(
                $"Bernoulli log-likelihood: logits [{string.Join(", ", logits.ShapeArray)}] and data [{string.Join(", ", x.ShapeArray)}] differ in shape");
        }
        if (perRow && x.Rank == 0)
        {
            throw new ArgumentException("Bernoulli log-likelihood per row: the data is a scalar, it has no rows");
        }
        var rows = perRow ? x.ShapeArray[0] : 1;
        var sigmoid = Tensor.Empty(x.DType, x.ShapeArray);
        var y = Tensor.Empty(x.DType, perRow ? [rows] : ShapeMath.ScalarShape);
        if (IsFloat(x))
        {
            Forward(logits.Span<float>(), x.Span<float>(), sigmoid.Span<float>(), y.Span<float>());
        }
        else
        {
            Forward(logits.Span<double>(), x.Span<double>(), sigmoid.Span<double>(), y.Span<double>());
        }
        if (!logits.Records && !x.Records)
        {
            return y;
        }
        var op = Rent<BernoulliLogitsOp>();
        op._sigmoid = sigmoid;
        op._rows = rows;
        op.SetInputs(logits, x);
        return y.WithCreator(op);
    }

    /// <summary>y[r] = Σ over row r of x·l − softplus(l), keeping σ(l); one row when y has one element.</summary>
    private static void Forward<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> x, Span<T> sigmoid, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var n = x.Length / y.Length;
        for (var r = 0; r < y.Length; r++)
        {
            y[r] = T.CreateTruncating(VectorMath.BernoulliLogits(logits.Slice(r * n, n), x.Slice(r * n, n), sigmoid.Slice(r * n, n)));
        }
    }

    internal override void Backward(Tensor output, Tensor gradient)
    {
        if (IsFloat(output))
        {
            Backward<float>(gradient);
        }
        else
        {
            Backward<double>(gradient);
        }
    }

    internal override void Clear()
    {
        base.Clear();
        _sigmoid = null;
        _rows = 0;
    }

    private void Backward<T>(Tensor gradient) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var logits = Inputs[0];
        var x = Inputs[1];
        var n = x.Length / _rows;
        for (var r = 0; r < _rows; r++)
        {
            var g = gradient.Span<T>()[r];
            if (logits.RequiresGrad)
            {
                VectorMath.AddBernoulliLogitsGradient(x.Span<T>().Slice(r * n, n), _sigmoid!.Span<T>().Slice(r * n, n), g, logits.GradSpan<T>().Slice(r * n, n));
            }
            if (x.RequiresGrad)
            {
                var dx = x.GradSpan<T>().Slice(r * n, n);
                TensorPrimitives.MultiplyAdd(logits.Span<T>().Slice(r * n, n), g, dx, dx);
            }
        }
    }
}
