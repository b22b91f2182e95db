using Ppl.Tensors;

namespace Ppl.StdLib.Distributions;

/// <summary>The MvNormal log-density on autodiff tensors, batched over the leading (plate) axes.</summary>
public sealed partial class MvNormal
{
    /// <summary>
    /// log N(x; μ, L Lᵀ) = −½‖z‖² − Σᵢ log Lᵢᵢ − ½ D log 2π with z = L⁻¹(x − μ): the one formula that the
    /// double path (<see cref="LogDensity(ReadOnlySpan{double})"/>) and the tensor path share, given the
    /// whitened squared norm ‖z‖² and Σᵢ log Lᵢᵢ = ½ log |Σ|.
    /// </summary>
    public static T LogDensityFromWhitened<T>(T squaredNorm, T logDiagonalSum, int dimension) where T : IReal<T> =>
        -0.5 * squaredNorm - logDiagonalSum - 0.5 * dimension * LogConstants.LogTwoPi;

    /// <summary>
    /// log N(x; μ, L Lᵀ) for every row of <paramref name="x"/> ([.., D]) at once, differentiable in x, μ and L.
    /// <paramref name="mean"/> broadcasts against x; <paramref name="choleskyFactor"/> (lower, positive diagonal;
    /// only the lower triangle is read) is [D, D], shared by every row, or [N, D, D], one per row, where N is the
    /// number of rows. The result has x's shape without its last axis.
    /// </summary>
    public static Tensor LogDensity(Tensor x, Tensor mean, Tensor choleskyFactor)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(choleskyFactor);
        var (rows, d, batchShape) = Rows(x, choleskyFactor);
        var difference = (x - mean).Reshape(rows, d);
        Tensor squaredNorm;
        Tensor logDiagonalSum;
        if (choleskyFactor.Rank == 2)
        {
            // Z = L⁻¹ (X − M)ᵀ: one solve with N right-hand sides.
            squaredNorm = Tensor.Square(Tensor.SolveLower(choleskyFactor, difference.Transpose())).Sum(0);
            logDiagonalSum = Tensor.Log(choleskyFactor.Diagonal()).Sum();
        }
        else
        {
            squaredNorm = Tensor.Square(Tensor.SolveLower(choleskyFactor, difference.Reshape(rows, d, 1))).Reshape(rows, d).Sum(-1);
            logDiagonalSum = Tensor.Log(choleskyFactor.Diagonal()).Sum(-1);
        }
        return LogDensityFromWhitened(squaredNorm, logDiagonalSum, d).Reshape(batchShape);
    }

    /// <summary>log N(x; μ, Σ) through the (differentiable) Cholesky factor of <paramref name="covariance"/>
    /// ([D, D] or [N, D, D]); see <see cref="LogDensity(Tensor, Tensor, Tensor)"/>.</summary>
    public static Tensor LogDensityFromCovariance(Tensor x, Tensor mean, Tensor covariance)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        return LogDensity(x, mean, covariance.Cholesky());
    }

    /// <summary>
    /// log N(x; μ, Λ⁻¹) = ½ log |Λ| − ½ (x − μ)ᵀ Λ (x − μ) − ½ D log 2π, without an inverse: with Λ = Lₚ Lₚᵀ,
    /// z = Lₚᵀ(x − μ) and Σ log Lᵢᵢ = −Σ log (Lₚ)ᵢᵢ in <see cref="LogDensityFromWhitened{T}"/>.
    /// <paramref name="precision"/> is [D, D] or [N, D, D].
    /// </summary>
    public static Tensor LogDensityFromPrecision(Tensor x, Tensor mean, Tensor precision)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(precision);
        var (rows, d, batchShape) = Rows(x, precision);
        var factor = precision.Cholesky();
        var difference = (x - mean).Reshape(rows, d);
        Tensor squaredNorm;
        Tensor logDiagonalSum;
        if (factor.Rank == 2)
        {
            // Row n of (X − M) Lₚ is (Lₚᵀ(xₙ − μₙ))ᵀ.
            squaredNorm = Tensor.Square(Tensor.MatMul(difference, factor)).Sum(-1);
            logDiagonalSum = -Tensor.Log(factor.Diagonal()).Sum();
        }
        else
        {
            squaredNorm = Tensor.Square(Tensor.MatMul(difference.Reshape(rows, 1, d), factor)).Reshape(rows, d).Sum(-1);
            logDiagonalSum = -Tensor.Log(factor.Diagonal()).Sum(-1);
        }
        return LogDensityFromWhitened(squaredNorm, logDiagonalSum, d).Reshape(batchShape);
    }

    private static (int Rows, int D, int[] BatchShape) Rows(Tensor x, Tensor matrix)
    {
        if (x.Rank == 0)
        {
            throw new ArgumentException($"{Name}: the value needs a last axis of length D.", nameof(x));
        }
        var d = x.Size(-1);
        int[] batchShape = [.. x.Shape[..^1]];
        var rows = x.Length / Math.Max(d, 1);
        var matrixOk = matrix.Rank switch
        {
            2 => matrix.Size(0) == d && matrix.Size(1) == d,
            3 => matrix.Size(0) == rows && matrix.Size(1) == d && matrix.Size(2) == d,
            _ => false,
        };
        if (!matrixOk)
        {
            throw new ArgumentException(
                $"{Name}: a matrix of shape [{string.Join(", ", matrix.Shape.ToArray())}] does not fit {rows} rows of {d} (needs [{d}, {d}] or [{rows}, {d}, {d}]).",
                nameof(matrix));
        }
        return (rows, d, batchShape);
    }
}
