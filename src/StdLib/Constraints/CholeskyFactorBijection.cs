namespace Ppl.StdLib.Constraints;

/// <summary>
/// D(D + 1)/2 unconstrained reals to a D × D lower-triangular matrix with a positive diagonal: the
/// reals fill the lower triangle row by row (L₀₀, L₁₀, L₁₁, L₂₀, …), the diagonal through exp.
/// log |det J| = Σᵢ xᵢᵢ, the sum of the unconstrained diagonal entries.
/// </summary>
public sealed class CholeskyFactorBijection : Bijection
{
    /// <summary>The single instance.</summary>
    public static CholeskyFactorBijection Instance { get; } = new();

    /// <inheritdoc/>
    public override Constraint Codomain => Constraint.CholeskyFactor;

    /// <inheritdoc/>
    public override int UnconstrainedLength(int constrainedLength)
    {
        var d = OrderFromSquare(constrainedLength);
        return d * (d + 1) / 2;
    }

    /// <inheritdoc/>
    public override int ConstrainedLength(int unconstrainedLength)
    {
        var d = OrderFromTriangle(unconstrainedLength);
        return d * d;
    }

    /// <inheritdoc/>
    public override void Forward(ReadOnlySpan<double> unconstrained, Span<double> constrained)
    {
        CheckLengths(unconstrained.Length, constrained.Length);
        var d = OrderFromTriangle(unconstrained.Length);
        constrained.Clear();
        var p = 0;
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j <= i; j++, p++)
            {
                constrained[i * d + j] = i == j ? Math.Exp(unconstrained[p]) : unconstrained[p];
            }
        }
    }

    /// <inheritdoc/>
    public override void Inverse(ReadOnlySpan<double> constrained, Span<double> unconstrained)
    {
        CheckLengths(unconstrained.Length, constrained.Length);
        var d = OrderFromSquare(constrained.Length);
        var p = 0;
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j <= i; j++, p++)
            {
                unconstrained[p] = i == j ? Math.Log(constrained[i * d + j]) : constrained[i * d + j];
            }
        }
    }

    /// <inheritdoc/>
    public override double LogAbsDetJacobian(ReadOnlySpan<double> unconstrained)
    {
        var d = OrderFromTriangle(unconstrained.Length);
        var sum = 0.0;
        for (var i = 0; i < d; i++)
        {
            sum += unconstrained[DiagonalIndex(i)];
        }
        return sum;
    }

    /// <summary>The position of the diagonal entry (i, i) in the packed lower triangle.</summary>
    internal static int DiagonalIndex(int i) => i * (i + 1) / 2 + i;

    /// <summary>D from D(D + 1)/2.</summary>
    internal static int OrderFromTriangle(int length)
    {
        var d = (int)Math.Round((Math.Sqrt(8.0 * length + 1) - 1) / 2);
        if (d * (d + 1) / 2 != length)
        {
            throw new ArgumentException($"{length} is not a triangular number D(D + 1)/2");
        }
        return d;
    }

    /// <summary>D from D².</summary>
    internal static int OrderFromSquare(int length)
    {
        if (!CholeskyFactorConstraint.TrySquareOrder(length, out var d))
        {
            throw new ArgumentException($"{length} elements do not form a square matrix");
        }
        return d;
    }
}
