using System.Numerics;
using System.Numerics.Tensors;
using Ppl.Tensors.Autodiff;
using Ppl.Tensors.Nn;

namespace Ppl.Tensors.Ops;

/// <summary>
/// A fused dense layer y = act(x·W + b) for x: [batch, in], W: [in, out], b: [out]: one GEMM, then
/// bias and activation in one pass over the output. Backward, with z = x·W + b and
/// G_z = G ⊙ act′(z) (written through y: relu [y &gt; 0], tanh 1 − y², sigmoid y(1 − y),
/// softplus 1 − e^−y): ∂W = xᵀ·G_z, ∂b = Σ_rows G_z, ∂x = G_z·Wᵀ — each only if needed
/// (a data batch never gets ∂x, which saves the largest GEMM of a first layer).
/// </summary>
internal sealed class LinearOp : Op
{
    private Activation _activation;
    private bool _hasBias;

    internal static Tensor Apply(Tensor x, Tensor weight, Tensor? bias, Activation activation)
    {
        ShapeMath.RequireSameDType(x, weight);
        if (x.Rank != 2 || weight.Rank != 2 || x.Size(1) != weight.Size(0))
        {
            throw new ArgumentException(
                $"linear: input [{string.Join(", ", x.ShapeArray)}] does not fit weight [{string.Join(", ", weight.ShapeArray)}] (expected [batch, in] and [in, out])");
        }
        if (bias is not null && (bias.Length != weight.Size(1) || bias.DType != x.DType))
        {
            throw new ArgumentException($"linear: bias must have {weight.Size(1)} elements of {x.DType}");
        }
        var y = Tensor.Empty(x.DType, [x.Size(0), weight.Size(1)]);
        if (IsFloat(x))
        {
            Forward<float>(x, weight, bias, y, activation);
        }
        else
        {
            Forward<double>(x, weight, bias, y, activation);
        }
        if (!x.Records && !weight.Records && !(bias?.Records ?? false))
        {
            return y;
        }
        var op = Rent<LinearOp>();
        op._activation = activation;
        op._hasBias = bias is not null;
        if (bias is null)
        {
            op.SetInputs(x, weight);
        }
        else
        {
            op.SetInputs(x, weight, bias);
        }
        return y.WithCreator(op);
    }

    private static void Forward<T>(Tensor x, Tensor weight, Tensor? bias, Tensor y, Activation activation)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int batch = x.Size(0), inputs = x.Size(1), outputs = weight.Size(1);
        var ys = y.Span<T>();
        GenericGemm.Multiply<T>(x.Span<T>(), weight.Span<T>(), ys, batch, outputs, inputs);
        if (bias is null)
        {
            Activate(ys, activation);
            return;
        }
        // Bias and activation row by row: the second pass finds the row still in L1.
        var b = bias.Span<T>();
        for (var r = 0; r < batch; r++)
        {
            var row = ys.Slice(r * outputs, outputs);
            VectorMath.AddInPlace(row, b);
            Activate(row, activation);
        }
    }

    /// <summary>Applies the activation in place.</summary>
    internal static void Activate<T>(Span<T> y, Activation activation) where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (activation)
        {
            case Activation.Relu:
                VectorMath.ReluInPlace(y);
                break;
            case Activation.Tanh:
                TensorPrimitives.Tanh(y, y);
                break;
            case Activation.Sigmoid:
                VectorMath.Sigmoid<T>(y, y);
                break;
            case Activation.Softplus:
                VectorMath.Softplus<T>(y, y);
                break;
            default:
                break;
        }
    }

    internal override void Backward(Tensor output, Tensor gradient)
    {
        if (IsFloat(output))
        {
            Backward<float>(output, gradient);
        }
        else
        {
            Backward<double>(output, gradient);
        }
    }

    private void Backward<T>(Tensor output, Tensor gradient) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var x = Inputs[0];
        var weight = Inputs[1];
        int batch = x.Size(0), inputs = x.Size(1), outputs = weight.Size(1);
        var g = gradient.Span<T>();
        using var scratch = new Scratch<T>(_activation == Activation.Identity ? 0 : g.Length);
        ReadOnlySpan<T> gz = g;
        Span<T> db = _hasBias && Inputs[2].RequiresGrad ? Inputs[2].GradSpan<T>() : [];
        if (_activation != Activation.Identity)
        {
            // G_z and the bias gradient Σ_rows G_z row by row, the sum reading each row from L1.
            var y = output.Span<T>();
            var gzs = scratch.Span;
            for (var r = 0; r < batch; r++)
            {
                var row = gzs.Slice(r * outputs, outputs);
                ActivationGradient(y.Slice(r * outputs, outputs), g.Slice(r * outputs, outputs), row, _activation);
                if (!db.IsEmpty)
                {
                    VectorMath.AddInPlace(db, row);
                }
            }
            gz = gzs;
        }
        else if (!db.IsEmpty)
        {
            for (var r = 0; r < batch; r++)
            {
                VectorMath.AddInPlace(db, gz.Slice(r * outputs, outputs));
            }
        }
        if (weight.RequiresGrad)
        {
            GenericGemm.Multiply<T>(x.Span<T>(), gz, weight.GradSpan<T>(), inputs, outputs, batch, transposeA: true, accumulate: true);
        }
        if (x.RequiresGrad)
        {
            GenericGemm.Multiply<T>(gz, weight.Span<T>(), x.GradSpan<T>(), batch, inputs, outputs, transposeB: true, accumulate: true);
        }
    }

    /// <summary>gz = g ⊙ act′(z), with act′ written through y = act(z).</summary>
    internal static void ActivationGradient<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> gz, Activation activation)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (activation)
        {
            case Activation.Relu:
                VectorMath.ReluGradient(y, g, gz, accumulate: false);
                break;
            case Activation.Tanh:
                VectorMath.SaturatingGradient(y, g, gz, tanh: true, accumulate: false);
                break;
            case Activation.Sigmoid:
                VectorMath.SaturatingGradient(y, g, gz, tanh: false, accumulate: false);
                break;
            case Activation.Softplus:
                // softplus′(z) = σ(z) = 1 − e^−softplus(z).
                for (var i = 0; i < y.Length; i++)
                {
                    gz[i] = -g[i] * ElementMath.Expm1(-y[i]);
                }
                break;
            default:
                g.CopyTo(gz);
                break;
        }
    }
}
