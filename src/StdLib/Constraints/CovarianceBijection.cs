namespace Ppl.StdLib.Constraints;

/// <summary>
/// D(D + 1)/2 unconstrained reals to a D × D symmetric positive definite matrix Σ = L Lᵀ, with L from
/// <see cref="CholeskyFactorBijection"/>.
/// </summary>
/// <remarks>
/// The Jacobian of L ↦ L Lᵀ on lower triangles is 2ᴰ Πᵢ Lᵢᵢ^(D − i) (0-based i; Muirhead 1982,
/// Theorem 2.1.9), so with Lᵢᵢ = e^(xᵢᵢ): log |det J| = D log 2 + Σᵢ (D − i + 1) xᵢᵢ, the Jacobian
/// of x ↦ the lower triangle of Σ.
/// </remarks>
public sealed class CovarianceBijection : Bijection
{
    /// <summary>The single instance.</summary>
    public static CovarianceBijection Instance { get; } = new();

    /// <inheritdoc/>
    public override Constraint Codomain => Constraint.Covariance;

    /// <inheritdoc/>
    public override int UnconstrainedLength(int constrainedLength) =>
        CholeskyFactorBijection.Instance.UnconstrainedLength(constrainedLength);

    /// <inheritdoc/>
    public override int ConstrainedLength(int unconstrainedLength) =>
        CholeskyFactorBijection.Instance.ConstrainedLength(unconstrainedLength);

    /// <inheritdoc/>
    public override void Forward(ReadOnlySpan<double> unconstrained, Span<double> constrained)
    {
        CheckLengths(unconstrained.Length, constrained.Length);
        var d = CholeskyFactorBijection.OrderFromTriangle(unconstrained.Length);
        var lower = new double[d * d];
        CholeskyFactorBijection.Instance.Forward(unconstrained, lower);
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = 0.0;
                for (var k = 0; k <= j; k++)
                {
                    sum += lower[i * d + k] * lower[j * d + k];
                }
                constrained[i * d + j] = sum;
                constrained[j * d + i] = sum;
            }
        }
    }

    /// <inheritdoc/>
    public override void Inverse(ReadOnlySpan<double> constrained, Span<double> unconstrained)
    {
        CheckLengths(unconstrained.Length, constrained.Length);
        var d = CholeskyFactorBijection.OrderFromSquare(constrained.Length);
        var lower = constrained.ToArray();
        var failedPivot = LinearAlgebra.CholeskyDecomposition.FactorInPlace(lower, d);
        if (failedPivot >= 0)
        {
            throw new LinearAlgebra.NotPositiveDefiniteException(failedPivot, lower[failedPivot * d + failedPivot]);
        }
        CholeskyFactorBijection.Instance.Inverse(lower, unconstrained);
    }

    /// <inheritdoc/>
    public override double LogAbsDetJacobian(ReadOnlySpan<double> unconstrained)
    {
        var d = CholeskyFactorBijection.OrderFromTriangle(unconstrained.Length);
        var sum = d * Math.Log(2);
        for (var i = 0; i < d; i++)
        {
            sum += (d - i + 1) * unconstrained[CholeskyFactorBijection.DiagonalIndex(i)];
        }
        return sum;
    }
}
