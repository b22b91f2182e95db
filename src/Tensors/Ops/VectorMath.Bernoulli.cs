using System.Numerics;
using System.Runtime.CompilerServices;

namespace Ppl.Tensors.Ops;

/// <summary>The Bernoulli log-likelihood on logits, fused into one pass forward and one backward.</summary>
internal static partial class VectorMath
{
    /// <summary>Vectors summed in float lanes before they are added into the double total.</summary>
    private const int LaneBlock = 64;

    /// <summary>
    /// Returns Σᵢ xᵢlᵢ − softplus(lᵢ), the log-likelihood of x under Bernoulli(σ(l)) (for x in [0, 1]
    /// it is −BCE-with-logits), and writes σ(lᵢ) into <paramref name="sigmoid"/>, the backward pass's
    /// only need: both come from one e^−|l|. softplus(l) = max(l, 0) + log1p(e^−|l|);
    /// σ(l) = 1/(1 + e^−|l|) for l ≥ 0, e^−|l|/(1 + e^−|l|) else.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double BernoulliLogits<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> x, Span<T> sigmoid)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var total = 0.0;
        var i = 0;
        if (UseSimd<T>())
        {
            var lanes = Vector<T>.Zero;
            var block = 0;
            for (; i <= logits.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var l = new Vector<T>(logits[i..]);
                var e = Exp(-Vector.Abs(l));
                var onePlus = Vector<T>.One + e;
                var positive = Vector.GreaterThanOrEqual(l, Vector<T>.Zero);
                Vector.ConditionalSelect(positive, Vector<T>.One / onePlus, e / onePlus).CopyTo(sigmoid[i..]);
                lanes += new Vector<T>(x[i..]) * l - Vector.Max(l, Vector<T>.Zero) - Log1pOfSmall(e);
                if (++block == LaneBlock)
                {
                    total += double.CreateTruncating(Vector.Sum(lanes));
                    lanes = Vector<T>.Zero;
                    block = 0;
                }
            }
            total += double.CreateTruncating(Vector.Sum(lanes));
        }
        for (; i < logits.Length; i++)
        {
            var l = logits[i];
            sigmoid[i] = ElementMath.Sigmoid(l);
            total += double.CreateTruncating(x[i] * l - ElementMath.Softplus(l));
        }
        return total;
    }

    /// <summary>dl += g·(x − σ(l)), the gradient of <see cref="BernoulliLogits{T}"/> scaled by g.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void AddBernoulliLogitsGradient<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> sigmoid, T g, Span<T> dl)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var i = 0;
        if (UseSimd<T>())
        {
            var gv = new Vector<T>(g);
            for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                (new Vector<T>(dl[i..]) + gv * (new Vector<T>(x[i..]) - new Vector<T>(sigmoid[i..]))).CopyTo(dl[i..]);
            }
        }
        for (; i < x.Length; i++)
        {
            dl[i] += g * (x[i] - sigmoid[i]);
        }
    }
}
