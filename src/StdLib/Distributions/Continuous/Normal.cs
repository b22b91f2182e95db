using System.Globalization;
using System.Numerics.Tensors;
using Ppl.Tensors;
using Ppl.Tensors.Random;
using Ppl.Tensors.Special;

namespace Ppl.StdLib.Distributions;

/// <summary>
/// The normal distribution N(mean, sd²): p(x) = exp(−½((x − μ)/σ)²) / (σ√(2π)).
/// Language: <c>Normal(mean, sd | var: | precision:)</c>; held as mean and sd.
/// </summary>
public sealed class Normal : IContinuousDistribution, IExponentialFamily<Normal, double>
{
    private const string Name = "Normal";

    /// <summary>N(mean, sd²); sd must be positive.</summary>
    public Normal(double mean, double sd)
    {
        Mean = Guard.Finite(Name, "mean", mean);
        StandardDeviation = Guard.Positive(Name, "sd", sd);
    }

    /// <summary>N(mean, variance).</summary>
    public static Normal FromVariance(double mean, double variance) =>
        new(mean, Math.Sqrt(Guard.Positive(Name, "var", variance)));

    /// <summary>N(mean, 1/precision).</summary>
    public static Normal FromPrecision(double mean, double precision) =>
        new(mean, 1 / Math.Sqrt(Guard.Positive(Name, "precision", precision)));

    /// <summary>The standard normal N(0, 1).</summary>
    public static Normal Standard { get; } = new(0, 1);

    /// <summary>μ, also the mean.</summary>
    public double Mean { get; }

    /// <summary>σ.</summary>
    public double StandardDeviation { get; }

    /// <summary>σ².</summary>
    public double Variance => StandardDeviation * StandardDeviation;

    /// <summary>τ = 1/σ².</summary>
    public double Precision => 1 / Variance;

    /// <summary>½ log(2πe σ²).</summary>
    public double Entropy => LogConstants.HalfLogTwoPi + 0.5 + Math.Log(StandardDeviation);

    /// <summary>log N(x; μ, σ²) = −½((x − μ)/σ)² − log σ − ½ log 2π, written once for doubles and tensors.</summary>
    public static T LogDensity<T>(T x, T mean, T sd) where T : IReal<T> =>
        -0.5 * T.Square((x - mean) / sd) - T.Log(sd) - LogConstants.HalfLogTwoPi;

    /// <summary>log N(x; μ, 1/τ) = ½ log τ − ½τ(x − μ)² − ½ log 2π: the precision form
    /// (<c>Normal(m, precision: t)</c>) without a square root, for doubles and tensors.</summary>
    public static T LogDensityFromPrecision<T>(T x, T mean, T precision) where T : IReal<T> =>
        0.5 * T.Log(precision) - 0.5 * precision * T.Square(x - mean) - LogConstants.HalfLogTwoPi;

    /// <summary>The reparameterised draw mean + sd·ε for standard-normal noise ε.</summary>
    public static T Rsample<T>(T mean, T sd, T noise) where T : IReal<T> => mean + sd * noise;

    /// <inheritdoc/>
    public double LogDensity(double value) =>
        LogDensity<Scalar>(value, Mean, StandardDeviation).Value;

    /// <summary>
    /// Log-densities of a whole plate at once: result[i] = log N(x[i]; mean[i], sd[i]), where
    /// <paramref name="mean"/> and <paramref name="sd"/> have the length of <paramref name="x"/> or length 1
    /// (shared). SIMD through <see cref="TensorPrimitives"/>; no allocation.
    /// </summary>
    public static void LogDensities(ReadOnlySpan<double> x, ReadOnlySpan<double> mean, ReadOnlySpan<double> sd, Span<double> result)
    {
        Batch.CheckLengths(Name, x.Length, result.Length, mean.Length, sd.Length);
        if (mean.Length == 1)
        {
            TensorPrimitives.Subtract(x, mean[0], result);
        }
        else
        {
            TensorPrimitives.Subtract(x, mean, result);
        }
        if (sd.Length == 1)
        {
            var s = sd[0];
            TensorPrimitives.Multiply(result, result, result);
            TensorPrimitives.Multiply(result, -0.5 / (s * s), result);
            TensorPrimitives.Add(result, -Math.Log(s) - LogConstants.HalfLogTwoPi, result);
            return;
        }
        TensorPrimitives.Divide(result, sd, result);
        TensorPrimitives.Multiply(result, result, result);
        TensorPrimitives.Multiply(result, -0.5, result);
        for (var i = 0; i < result.Length; i++)
        {
            result[i] -= Math.Log(sd[i]) + LogConstants.HalfLogTwoPi;
        }
    }

    /// <inheritdoc/>
    public double Cdf(double x) => SpecialFunctions.NormalCdf((x - Mean) / StandardDeviation);

    /// <inheritdoc/>
    public double Quantile(double probability) =>
        Mean + StandardDeviation * SpecialFunctions.Probit(Batch.CheckProbability(Name, probability));

    /// <inheritdoc/>
    public double Sample(RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Mean + StandardDeviation * random.NextNormal();
    }

    // Exponential family (Bishop 2006, §2.4): T(x) = (x, x²), η = (μ/σ², −1/(2σ²)),
    // A(η) = μ²/(2σ²) + log σ, h(x) = (2π)^(−½).

    /// <inheritdoc/>
    public double[] NaturalParameters => [Mean * Precision, -0.5 * Precision];

    /// <inheritdoc/>
    public double LogNormaliser => 0.5 * Mean * Mean * Precision + Math.Log(StandardDeviation);

    /// <inheritdoc/>
    public double[] ExpectedSufficientStatistics => [Mean, Mean * Mean + Variance];

    /// <inheritdoc/>
    public double[] SufficientStatistics(double value) => [value, value * value];

    /// <inheritdoc/>
    public double LogBaseMeasure(double value) => -LogConstants.HalfLogTwoPi;

    /// <inheritdoc/>
    public Normal WithNaturalParameters(ReadOnlySpan<double> naturalParameters) => FromNaturalParameters(naturalParameters);

    /// <summary>The Normal with natural parameters (μ/σ², −1/(2σ²)).</summary>
    public static Normal FromNaturalParameters(ReadOnlySpan<double> naturalParameters)
    {
        Batch.CheckNaturalLength(Name, naturalParameters, 2);
        var precision = -2 * naturalParameters[1];
        return FromPrecision(naturalParameters[0] / Guard.Positive(Name, "precision (−2·η₂)", precision), precision);
    }

    /// <summary>
    /// The normalised product of two Gaussian densities (natural parameters add): the conjugate update of
    /// a Normal belief by a Normal message (Infer.NET's <c>Gaussian * Gaussian</c>).
    /// </summary>
    public static Normal operator *(Normal left, Normal right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var precision = left.Precision + right.Precision;
        return FromPrecision((left.Mean * left.Precision + right.Mean * right.Precision) / precision, precision);
    }

    /// <summary>The product of two Normals (see the * operator).</summary>
    public static Normal Multiply(Normal left, Normal right) => left * right;

    /// <summary>
    /// The posterior of a Normal mean μ ~ <paramref name="prior"/> after <paramref name="count"/> observations
    /// xᵢ ~ N(μ, 1/τ) with known precision τ and sum Σxᵢ (Bishop 2006, eqs. 2.141–2.142):
    /// τₙ = τ₀ + nτ, μₙ = (τ₀μ₀ + τΣxᵢ)/τₙ.
    /// </summary>
    public static Normal PosteriorOfMean(Normal prior, double sum, int count, double noisePrecision)
    {
        ArgumentNullException.ThrowIfNull(prior);
        Guard.NonNegativeCount(Name, "count", count);
        Guard.Positive(Name, "precision", noisePrecision);
        var precision = prior.Precision + count * noisePrecision;
        return FromPrecision((prior.Precision * prior.Mean + noisePrecision * sum) / precision, precision);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Normal(mean: {Mean:R}, sd: {StandardDeviation:R})");
}
