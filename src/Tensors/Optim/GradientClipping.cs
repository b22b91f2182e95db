using System.Numerics.Tensors;

namespace Ppl.Tensors.Optim;

/// <summary>Gradient-norm clipping, as <c>torch.nn.utils.clip_grad_norm_</c>.</summary>
public static class GradientClipping
{
    /// <summary>
    /// Scales all gradients by min(1, maxNorm / (‖g‖ + 10⁻⁶)), where ‖g‖ is the Euclidean norm of all
    /// gradients together; returns ‖g‖ before clipping.
    /// </summary>
    public static double ClipGradNorm(IEnumerable<Tensor> parameters, double maxNorm)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegative(maxNorm);
        // A list is walked by index: enumerating it through the interface would allocate per call.
        var list = parameters as IReadOnlyList<Tensor> ?? [.. parameters];
        var sumOfSquares = 0.0;
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Grad is { } g)
            {
                sumOfSquares += g.DType == DType.Float32
                    ? TensorPrimitives.SumOfSquares<float>(g.AsFloatSpan())
                    : TensorPrimitives.SumOfSquares<double>(g.AsDoubleSpan());
            }
        }
        var norm = Math.Sqrt(sumOfSquares);
        var coefficient = maxNorm / (norm + 1e-6);
        if (coefficient < 1)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i].Grad is { } g)
                {
                    if (g.DType == DType.Float32)
                    {
                        TensorPrimitives.Multiply(g.AsFloatSpan(), (float)coefficient, g.AsFloatSpan());
                    }
                    else
                    {
                        TensorPrimitives.Multiply(g.AsDoubleSpan(), coefficient, g.AsDoubleSpan());
                    }
                }
            }
        }
        return norm;
    }
}
