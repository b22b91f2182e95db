using System.Globalization;
using Ppl.Tensors;
using Ppl.Tensors.Random;

namespace Ppl.StdLib.Distributions;

/// <summary>
/// The multivariate normal N(μ, Σ) in D dimensions:
/// log p(x) = −½ D log 2π − ½ log |Σ| − ½ (x − μ)ᵀ Σ⁻¹ (x − μ). Language: <c>MvNormal(mean, cov | precision:)</c>.
/// Held as the mean and the lower Cholesky factor L of Σ = L Lᵀ; matrices are row-major D×D.
/// </summary>
public sealed partial class MvNormal : IDensity<ReadOnlySpan<double>>, IExponentialFamily<MvNormal, ReadOnlySpan<double>>
{
    private const string Name = "MvNormal";
    private readonly double[] _mean;
    private readonly double[] _cholesky;
    private double[]? _covariance;
    private double[]? _precision;

    /// <summary>MvNormal(mean, cov); cov must be a symmetric positive-definite D×D matrix (row-major).</summary>
    public MvNormal(ReadOnlySpan<double> mean, ReadOnlySpan<double> cov)
    {
        _mean = Guard.FiniteVector(Name, "mean", mean);
        CheckShape(mean.Length, cov.Length, "cov");
        _cholesky = SymmetricMatrix.CheckedCholesky(Name, "cov", cov);
        _covariance = cov.ToArray();
    }

    private MvNormal(double[] mean, double[] cholesky, double[]? covariance, double[]? precision)
    {
        _mean = mean;
        _cholesky = cholesky;
        _covariance = covariance;
        _precision = precision;
    }

    /// <summary>MvNormal with precision matrix Λ = Σ⁻¹.</summary>
    public static MvNormal FromPrecision(ReadOnlySpan<double> mean, ReadOnlySpan<double> precision)
    {
        var m = Guard.FiniteVector(Name, "mean", mean);
        CheckShape(mean.Length, precision.Length, "precision");
        var precisionFactor = SymmetricMatrix.CheckedCholesky(Name, "precision", precision);
        var covariance = SymmetricMatrix.InverseFromCholesky(precisionFactor, m.Length);
        var factor = SymmetricMatrix.TryCholesky(covariance, m.Length, out _)
            ?? throw new DistributionParameterException(Name, "precision", "must be well conditioned", "a matrix whose inverse is not numerically positive definite");
        return new(m, factor, covariance, precision.ToArray());
    }

    /// <summary>MvNormal from the lower Cholesky factor L of the covariance (positive diagonal).</summary>
    public static MvNormal FromCholesky(ReadOnlySpan<double> mean, ReadOnlySpan<double> lower)
    {
        var m = Guard.FiniteVector(Name, "mean", mean);
        CheckShape(mean.Length, lower.Length, "Cholesky factor");
        var d = m.Length;
        var l = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                l[i * d + j] = lower[i * d + j];
            }
            Guard.Positive(Name, "Cholesky factor diagonal", l[i * d + i]);
        }
        return new(m, l, null, null);
    }

    /// <summary>N(0, I) in <paramref name="dimension"/> dimensions.</summary>
    public static MvNormal Standard(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        var l = new double[dimension * dimension];
        for (var i = 0; i < dimension; i++)
        {
            l[i * dimension + i] = 1;
        }
        return new(new double[dimension], l, null, null);
    }

    private static void CheckShape(int d, int matrixLength, string parameter)
    {
        if (d == 0)
        {
            throw new DistributionParameterException(Name, "mean", "must have at least one entry", "an empty vector");
        }
        if (matrixLength != d * d)
        {
            throw new DistributionParameterException(Name, parameter, $"must be {d}×{d} to match the mean",
                $"{matrixLength} entries");
        }
    }

    /// <summary>D.</summary>
    public int Dimension => _mean.Length;

    /// <summary>μ.</summary>
    public ReadOnlySpan<double> Mean => _mean;

    /// <summary>L, the lower Cholesky factor of Σ (row-major, zeros above the diagonal).</summary>
    public ReadOnlySpan<double> CholeskyFactor => _cholesky;

    /// <summary>Σ = L Lᵀ (row-major).</summary>
    public ReadOnlySpan<double> Covariance => _covariance ??= MultiplyByTranspose(_cholesky, Dimension);

    /// <summary>Λ = Σ⁻¹ (row-major).</summary>
    public ReadOnlySpan<double> Precision => _precision ??= SymmetricMatrix.InverseFromCholesky(_cholesky, Dimension);

    /// <summary>log |Σ| = 2 Σ log Lᵢᵢ.</summary>
    public double LogDeterminant => SymmetricMatrix.LogDeterminant(_cholesky, Dimension);

    /// <summary>½ D (1 + log 2π) + ½ log |Σ|.</summary>
    public double Entropy => 0.5 * Dimension * (1 + LogConstants.LogTwoPi) + 0.5 * LogDeterminant;

    /// <inheritdoc/>
    public double LogDensity(ReadOnlySpan<double> value)
    {
        if (value.Length != Dimension)
        {
            throw new ArgumentException($"{Name}: expected a vector of {Dimension}, got {value.Length}.", nameof(value));
        }
        Span<double> z = Dimension <= 64 ? stackalloc double[Dimension] : new double[Dimension];
        return LogDensityOfRow(value, _mean, z, 0.5 * LogDeterminant);
    }

    private double LogDensityOfRow(ReadOnlySpan<double> x, ReadOnlySpan<double> mean, Span<double> work, double logDiagonalSum)
    {
        for (var i = 0; i < Dimension; i++)
        {
            work[i] = x[i] - mean[i];
        }
        SymmetricMatrix.SolveLower(_cholesky, Dimension, work);
        var sum = 0.0;
        foreach (var z in work)
        {
            sum += z * z;
        }
        return LogDensityFromWhitened<Scalar>(sum, logDiagonalSum, Dimension).Value;
    }

    /// <summary>
    /// Log-densities of N rows (row-major N×D) at once, sharing this distribution's covariance and its
    /// Cholesky factor; <paramref name="means"/> is one mean of length D for all rows, or N×D (one per row,
    /// e.g. <c>mu[z[n]]</c>), or empty to use this distribution's mean.
    /// </summary>
    public void LogDensities(ReadOnlySpan<double> rows, ReadOnlySpan<double> means, Span<double> result)
    {
        var d = Dimension;
        if (rows.Length != result.Length * d)
        {
            throw new ArgumentException($"{Name}: {rows.Length} values are not {result.Length} rows of {d}.", nameof(rows));
        }
        if (means.Length != 0 && means.Length != d && means.Length != rows.Length)
        {
            throw new ArgumentException($"{Name}: means must have {d} or {rows.Length} entries, got {means.Length}.", nameof(means));
        }
        var logDiagonalSum = 0.5 * LogDeterminant;
        var work = new double[d];
        for (var n = 0; n < result.Length; n++)
        {
            var mean = means.Length == 0 ? _mean : means.Length == d ? means : means.Slice(n * d, d);
            result[n] = LogDensityOfRow(rows.Slice(n * d, d), mean, work, logDiagonalSum);
        }
    }

    /// <summary>One draw μ + L ε with ε ~ N(0, I).</summary>
    public double[] Sample(RandomSource random)
    {
        var x = new double[Dimension];
        Sample(random, x);
        return x;
    }

    /// <summary>One draw into <paramref name="destination"/>.</summary>
    public void Sample(RandomSource random, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<double> noise = Dimension <= 64 ? stackalloc double[Dimension] : new double[Dimension];
        for (var i = 0; i < Dimension; i++)
        {
            noise[i] = random.NextNormal();
        }
        Rsample(noise, destination);
    }

    /// <summary>The reparameterised draw x = μ + L ε for standard-normal noise ε: ∂x/∂μ = I, ∂xᵢ/∂Lᵢⱼ = εⱼ.</summary>
    public void Rsample(ReadOnlySpan<double> noise, Span<double> destination)
    {
        SymmetricMatrix.MultiplyLower(_cholesky, Dimension, noise, destination);
        for (var i = 0; i < Dimension; i++)
        {
            destination[i] += _mean[i];
        }
    }

    // Exponential family (Bishop 2006, §2.4): T(x) = (x, x xᵀ), η = (Λμ, −½Λ), A = ½ μᵀΛμ + ½ log |Σ|,
    // h = (2π)^(−D/2). Flattened as [η₁ (D), η₂ (D×D row-major)].

    /// <inheritdoc/>
    public double[] NaturalParameters
    {
        get
        {
            var d = Dimension;
            var eta = new double[d + d * d];
            SymmetricMatrix.MultiplyVector(Precision, _mean, d).CopyTo(eta, 0);
            var precision = Precision;
            for (var i = 0; i < d * d; i++)
            {
                eta[d + i] = -0.5 * precision[i];
            }
            return eta;
        }
    }

    /// <inheritdoc/>
    public double LogNormaliser => 0.5 * SymmetricMatrix.QuadraticForm(Precision, _mean, Dimension) + 0.5 * LogDeterminant;

    /// <summary>(E[x], E[x xᵀ]) = (μ, Σ + μμᵀ).</summary>
    public double[] ExpectedSufficientStatistics
    {
        get
        {
            var d = Dimension;
            var t = new double[d + d * d];
            _mean.CopyTo(t, 0);
            var covariance = Covariance;
            for (var i = 0; i < d; i++)
            {
                for (var j = 0; j < d; j++)
                {
                    t[d + i * d + j] = covariance[i * d + j] + _mean[i] * _mean[j];
                }
            }
            return t;
        }
    }

    /// <inheritdoc/>
    public double[] SufficientStatistics(ReadOnlySpan<double> value)
    {
        var d = Dimension;
        var t = new double[d + d * d];
        value.CopyTo(t);
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                t[d + i * d + j] = value[i] * value[j];
            }
        }
        return t;
    }

    /// <inheritdoc/>
    public double LogBaseMeasure(ReadOnlySpan<double> value) => -0.5 * Dimension * LogConstants.LogTwoPi;

    /// <inheritdoc/>
    public MvNormal WithNaturalParameters(ReadOnlySpan<double> naturalParameters) => FromNaturalParameters(naturalParameters);

    /// <summary>The MvNormal with natural parameters (Λμ, −½Λ), flattened; D is inferred from the length D + D².</summary>
    public static MvNormal FromNaturalParameters(ReadOnlySpan<double> naturalParameters)
    {
        var d = (int)Math.Round((-1 + Math.Sqrt(1 + 4.0 * naturalParameters.Length)) / 2);
        Batch.CheckNaturalLength(Name, naturalParameters, d + d * d);
        var precision = new double[d * d];
        for (var i = 0; i < d * d; i++)
        {
            precision[i] = -2 * naturalParameters[d + i];
        }
        var factor = SymmetricMatrix.CheckedCholesky(Name, "precision (−2·η₂)", precision);
        var covariance = SymmetricMatrix.InverseFromCholesky(factor, d);
        var mean = SymmetricMatrix.MultiplyVector(covariance, naturalParameters[..d], d);
        return FromPrecision(mean, precision);
    }

    /// <summary>The normalised product of two Gaussian densities (natural parameters add).</summary>
    public static MvNormal operator *(MvNormal left, MvNormal right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var a = left.NaturalParameters;
        var b = right.NaturalParameters;
        for (var i = 0; i < a.Length; i++)
        {
            a[i] += b[i];
        }
        return FromNaturalParameters(a);
    }

    /// <summary>The product of two MvNormals (see the * operator).</summary>
    public static MvNormal Multiply(MvNormal left, MvNormal right) => left * right;

    /// <summary>
    /// The posterior of an MvNormal mean μ ~ <paramref name="prior"/> after n observations xᵢ ~ N(μ, Λₓ⁻¹)
    /// with known precision Λₓ and sum Σxᵢ (Bishop 2006, eqs. 2.113–2.117): Λₙ = Λ₀ + nΛₓ,
    /// μₙ = Λₙ⁻¹(Λ₀μ₀ + Λₓ Σxᵢ).
    /// </summary>
    public static MvNormal PosteriorOfMean(MvNormal prior, ReadOnlySpan<double> sum, int count, ReadOnlySpan<double> noisePrecision)
    {
        ArgumentNullException.ThrowIfNull(prior);
        var d = prior.Dimension;
        CheckShape(d, noisePrecision.Length, "precision");
        Guard.NonNegativeCount(Name, "count", count);
        var precision = new double[d * d];
        for (var i = 0; i < d * d; i++)
        {
            precision[i] = prior.Precision[i] + count * noisePrecision[i];
        }
        var linear = SymmetricMatrix.MultiplyVector(prior.Precision, prior._mean, d);
        var data = SymmetricMatrix.MultiplyVector(noisePrecision, sum, d);
        for (var i = 0; i < d; i++)
        {
            linear[i] += data[i];
        }
        var factor = SymmetricMatrix.CheckedCholesky(Name, "precision", precision);
        SymmetricMatrix.SolveLower(factor, d, linear);
        SymmetricMatrix.SolveUpper(factor, d, linear);
        return FromPrecision(linear, precision);
    }

    private static double[] MultiplyByTranspose(ReadOnlySpan<double> l, int d)
    {
        var a = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var s = 0.0;
                for (var k = 0; k <= j; k++)
                {
                    s += l[i * d + k] * l[j * d + k];
                }
                a[i * d + j] = a[j * d + i] = s;
            }
        }
        return a;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"MvNormal(D: {Dimension}, mean: [{string.Join(", ", _mean.Select(m => m.ToString("R", CultureInfo.InvariantCulture)))}])");
}
