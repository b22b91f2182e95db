using System.Numerics.Tensors;

namespace Ppl.Inference.Vmp.Factors;

/// <summary>
/// The sufficient statistics of a linear-Gaussian likelihood y ~ Normal(X w, τ⁻¹ I), gathered in one
/// pass over the data (<see cref="AugmentedGram"/>, both cores) and reused by every iteration: XᵀX, Xᵀy, yᵀy and N.
/// </summary>
/// <param name="Count">N.</param>
/// <param name="Dimension">D.</param>
/// <param name="Gram">XᵀX, row-major D×D.</param>
/// <param name="Projection">Xᵀy.</param>
/// <param name="SquaredNorm">yᵀy.</param>
internal sealed record RegressionStatistics(int Count, int Dimension, double[] Gram, double[] Projection, double SquaredNorm)
{
    /// <summary>Gathers the statistics.</summary>
    /// <param name="design">X, row-major N×D.</param>
    /// <param name="targets">y (N).</param>
    /// <param name="dimension">D.</param>
    /// <returns>The statistics.</returns>
    public static RegressionStatistics Gather(double[] design, double[] targets, int dimension)
    {
        var augmented = AugmentedGram.Compute(design, targets, dimension);
        var size = dimension + 1;
        var gram = new double[dimension * dimension];
        var projection = new double[dimension];
        for (var i = 0; i < dimension; i++)
        {
            augmented.AsSpan(i * size, dimension).CopyTo(gram.AsSpan(i * dimension, dimension));
            projection[i] = augmented[i * size + dimension];
        }

        return new RegressionStatistics(targets.Length, dimension, gram, projection, augmented[size * size - 1]);
    }

    /// <summary>
    /// E‖y − Xw‖² = yᵀy − 2 mᵀXᵀy + mᵀXᵀXm + tr(XᵀX Σ) under w ~ N(m, Σ).
    /// </summary>
    /// <param name="mean">m.</param>
    /// <param name="covariance">Σ.</param>
    /// <returns>The expected squared residual norm.</returns>
    public double ExpectedSquaredResidual(ReadOnlySpan<double> mean, ReadOnlySpan<double> covariance)
    {
        var d = Dimension;
        return SquaredNorm - 2 * TensorPrimitives.Dot(mean, Projection)
            + Variables.SpdMatrix.Bilinear(Gram, mean, mean) + Variables.SpdMatrix.TraceOfProduct(Gram, covariance, d);
    }
}
