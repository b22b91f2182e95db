using Ppl.StdLib.LinearAlgebra;

namespace Ppl.StdLib.Constraints;

/// <summary>Vectors of non-negative reals summing to one (<c>simplex[K]</c>): Categorical and
/// Multinomial probabilities, Dirichlet variates.</summary>
public sealed record SimplexConstraint : Constraint
{
    /// <summary>How far from one the sum may be: 1e-6, loose enough for probabilities written
    /// with six decimals in a data file.</summary>
    public const double SumTolerance = 1e-6;

    /// <inheritdoc/>
    public override string Name => "a simplex (non-negative, summing to 1)";

    /// <inheritdoc/>
    public override int EventRank => 1;

    /// <inheritdoc/>
    public override Bijection Bijection => StickBreakingBijection.Instance;

    /// <inheritdoc/>
    public override bool Check(ReadOnlySpan<double> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }
        var sum = 0.0;
        foreach (var element in value)
        {
            if (!(element >= 0 && element <= 1))
            {
                return false;
            }
            sum += element;
        }
        return Math.Abs(sum - 1) <= SumTolerance;
    }
}

/// <summary>Lower-triangular square matrices with a positive diagonal (row-major, D × D): Cholesky
/// factors of covariances.</summary>
public sealed record CholeskyFactorConstraint : Constraint
{
    /// <inheritdoc/>
    public override string Name => "a Cholesky factor (lower-triangular, positive diagonal)";

    /// <inheritdoc/>
    public override int EventRank => 2;

    /// <inheritdoc/>
    public override Bijection Bijection => CholeskyFactorBijection.Instance;

    /// <inheritdoc/>
    public override bool Check(ReadOnlySpan<double> value)
    {
        if (!TrySquareOrder(value.Length, out var d))
        {
            return false;
        }
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                var element = value[i * d + j];
                var valid = j < i ? double.IsFinite(element) : j == i ? element > 0 && double.IsFinite(element) : element == 0;
                if (!valid)
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>The order D of a D × D matrix of <paramref name="length"/> elements, if square.</summary>
    internal static bool TrySquareOrder(int length, out int order)
    {
        order = (int)Math.Round(Math.Sqrt(length));
        return length > 0 && order * order == length;
    }
}

/// <summary>Symmetric positive definite square matrices (row-major, D × D): covariances,
/// precisions, Wishart variates (<c>cov[D]</c>).</summary>
public sealed record CovarianceConstraint : Constraint
{
    /// <summary>How far from symmetric a matrix may be, relative to each pair's magnitude.</summary>
    public const double SymmetryTolerance = 1e-8;

    /// <inheritdoc/>
    public override string Name => "symmetric positive definite";

    /// <inheritdoc/>
    public override int EventRank => 2;

    /// <inheritdoc/>
    public override Bijection Bijection => CovarianceBijection.Instance;

    /// <inheritdoc/>
    public override bool Check(ReadOnlySpan<double> value)
    {
        if (!CholeskyFactorConstraint.TrySquareOrder(value.Length, out var d))
        {
            return false;
        }
        var matrix = new Matrix(d, d, value.ToArray());
        return matrix.IsSymmetric(SymmetryTolerance) && CholeskyDecomposition.FactorInPlace(matrix.Values, d) < 0;
    }
}
