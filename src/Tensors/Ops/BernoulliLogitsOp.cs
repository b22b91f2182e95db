using System.Numerics;
using System.Numerics.Tensors;
using Ppl.Tensors.Autodiff;

namespace Ppl.Tensors.Ops;

/// <summary>
/// The summed Bernoulli log-likelihood on logits, L = Σᵢ xᵢlᵢ − softplus(lᵢ) (−BCE-with-logits, summed),
/// as one op: one pass forward, which also keeps σ(l), and one pass backward:
/// ∂L/∂lᵢ = xᵢ − σ(lᵢ), ∂L/∂xᵢ = lᵢ. The composed form (softplus, product, difference, sum) makes four
/// passes and three temporaries forward, and as many again backward, with a second exponential.
/// </summary>
internal sealed class BernoulliLogitsOp : Op
{
    private Tensor? _sigmoid;

    internal static Tensor Apply(Tensor logits, Tensor x)
    {
        ShapeMath.RequireSameDType(logits, x);
        if (!logits.ShapeArray.AsSpan().SequenceEqual(x.ShapeArray))
        {
            throw new ArgumentException(
                $"Bernoulli log-likelihood: logits [{string.Join(", ", logits.ShapeArray)}] and data [{string.Join(", ", x.ShapeArray)}] differ in shape");
        }
        var sigmoid = Tensor.Empty(x.DType, x.ShapeArray);
        var y = Tensor.Empty(x.DType, ShapeMath.ScalarShape);
        if (IsFloat(x))
        {
            y.Span<float>()[0] = (float)VectorMath.BernoulliLogits(logits.Span<float>(), x.Span<float>(), sigmoid.Span<float>());
        }
        else
        {
            y.Span<double>()[0] = VectorMath.BernoulliLogits(logits.Span<double>(), x.Span<double>(), sigmoid.Span<double>());
        }
        if (!logits.Records && !x.Records)
        {
            return y;
        }
        var op = Rent<BernoulliLogitsOp>();
        op._sigmoid = sigmoid;
        op.SetInputs(logits, x);
        return y.WithCreator(op);
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
    }

    private void Backward<T>(Tensor gradient) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var logits = Inputs[0];
        var x = Inputs[1];
        var g = gradient.Span<T>()[0];
        if (logits.RequiresGrad)
        {
            VectorMath.AddBernoulliLogitsGradient(x.Span<T>(), _sigmoid!.Span<T>(), g, logits.GradSpan<T>());
        }
        if (x.RequiresGrad)
        {
            var dx = x.GradSpan<T>();
            TensorPrimitives.MultiplyAdd(logits.Span<T>(), g, dx, dx);
        }
    }
}
