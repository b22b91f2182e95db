using Ppl.Tensors.Special;

namespace Ppl.StdLib.Constraints;

/// <summary>
/// K − 1 unconstrained reals to a K-simplex by stick-breaking (Stan Reference Manual, "Unit
/// simplex"): zₖ = σ(xₖ − log(K − 1 − k)) is the fraction of the remaining stick taken by yₖ,
/// yₖ = zₖ (1 − Σⱼ&lt;ₖ yⱼ) for k &lt; K − 1, and y_{K−1} is what remains. The offset makes x = 0
/// map to the uniform simplex.
/// </summary>
/// <remarks>
/// log |det J| = Σₖ [log zₖ + log(1 − zₖ) + log(1 − Σⱼ&lt;ₖ yⱼ)], the Jacobian of x ↦ (y₀ … y_{K−2}).
/// The remaining stick is carried in log space so that long sticks of small pieces keep their
/// relative accuracy.
/// </remarks>
public sealed class StickBreakingBijection : Bijection
{
    /// <summary>The single instance.</summary>
    public static StickBreakingBijection Instance { get; } = new();

    /// <inheritdoc/>
    public override Constraint Codomain => Constraint.Simplex;

    /// <inheritdoc/>
    public override int UnconstrainedLength(int constrainedLength) => constrainedLength - 1;

    /// <inheritdoc/>
    public override int ConstrainedLength(int unconstrainedLength) => unconstrainedLength + 1;

    /// <inheritdoc/>
    public override void Forward(ReadOnlySpan<double> unconstrained, Span<double> constrained)
    {
        CheckLengths(unconstrained.Length, constrained.Length);
        var k = constrained.Length;
        var logRemaining = 0.0;
        for (var i = 0; i < k - 1; i++)
        {
            var shifted = unconstrained[i] - Math.Log(k - 1 - i);
            // yᵢ = zᵢ · remaining, and the stick left is (1 − zᵢ) · remaining, both in log space.
            constrained[i] = Math.Exp(SpecialFunctions.LogSigmoid(shifted) + logRemaining);
            logRemaining += SpecialFunctions.LogSigmoid(-shifted);
        }
        constrained[k - 1] = Math.Exp(logRemaining);
    }

    /// <inheritdoc/>
    public override void Inverse(ReadOnlySpan<double> constrained, Span<double> unconstrained)
    {
        CheckLengths(unconstrained.Length, constrained.Length);
        var k = constrained.Length;
        // The stick remaining before piece i is the sum of the pieces from i on, summed from the end
        // so that it is never formed by cancellation.
        var remaining = constrained[k - 1];
        for (var i = k - 2; i >= 0; i--)
        {
            remaining += constrained[i];
            unconstrained[i] = remaining;
        }
        for (var i = 0; i < k - 1; i++)
        {
            var z = constrained[i] / unconstrained[i];
            unconstrained[i] = Math.Log(z) - SpecialFunctions.Log1p(-z) + Math.Log(k - 1 - i);
        }
    }

    /// <inheritdoc/>
    public override double LogAbsDetJacobian(ReadOnlySpan<double> unconstrained)
    {
        var k = unconstrained.Length + 1;
        var logRemaining = 0.0;
        var sum = 0.0;
        for (var i = 0; i < k - 1; i++)
        {
            var shifted = unconstrained[i] - Math.Log(k - 1 - i);
            var logZ = SpecialFunctions.LogSigmoid(shifted);
            var logOneMinusZ = SpecialFunctions.LogSigmoid(-shifted);
            sum += logZ + logOneMinusZ + logRemaining;
            logRemaining += logOneMinusZ;
        }
        return sum;
    }
}
