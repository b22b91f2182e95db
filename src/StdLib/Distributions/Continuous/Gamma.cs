using System.Globalization;
using System.Numerics.Tensors;
using Ppl.Tensors;
using Ppl.Tensors.Random;
using Ppl.Tensors.Special;

namespace Ppl.StdLib.Distributions;

/// <summary>
/// The gamma distribution with shape α and rate β: p(x) = βᵅ xᵅ⁻¹ e^(−βx) / Γ(α), x &gt; 0.
/// Language: <c>Gamma(shape, rate | scale:)</c>; held as shape and rate.
/// </summary>
public sealed class Gamma : IContinuousDistribution, IExponentialFamily<Gamma, double>
{
    private const string Name = "Gamma";

    /// <summary>Gamma(shape, rate); both must be positive.</summary>
    public Gamma(double shape, double rate)
    {
        Shape = Guard.Positive(Name, "shape", shape);
        Rate = Guard.Positive(Name, "rate", rate);
    }

    /// <summary>Gamma with shape α and scale θ = 1/β.</summary>
    public static Gamma FromScale(double shape, double scale) => new(shape, 1 / Guard.Positive(Name, "scale", scale));

    /// <summary>α.</summary>
    public double Shape { get; }

    /// <summary>β.</summary>
    public double Rate { get; }

    /// <summary>θ = 1/β.</summary>
    public double Scale => 1 / Rate;

    /// <summary>α/β.</summary>
    public double Mean => Shape / Rate;

    /// <summary>α/β².</summary>
    public double Variance => Shape / (Rate * Rate);

    /// <summary>α − log β + log Γ(α) + (1 − α) ψ(α).</summary>
    public double Entropy =>
        Shape - Math.Log(Rate) + SpecialFunctions.LogGamma(Shape) + (1 - Shape) * SpecialFunctions.Digamma(Shape);

    /// <summary>log Gamma(x; α, β) = α log β − log Γ(α) + (α − 1) log x − βx.</summary>
    public static T LogDensity<T>(T x, T shape, T rate) where T : IReal<T> =>
        shape * T.Log(rate) - T.LogGamma(shape) + (shape - 1.0) * T.Log(x) - rate * x;

    /// <inheritdoc/>
    public double LogDensity(double value) =>
        value > 0 ? LogDensity<Scalar>(value, Shape, Rate).Value
        : value == 0 && Shape == 1 ? Math.Log(Rate)
        : value == 0 && Shape < 1 ? double.PositiveInfinity
        : double.NegativeInfinity;

    /// <summary>
    /// Log-densities of a plate: result[i] = log Gamma(x[i]; shape, rate[i]) with a shared shape and a rate
    /// per point or shared (length 1); x must be positive.
    /// </summary>
    public static void LogDensities(ReadOnlySpan<double> x, double shape, ReadOnlySpan<double> rate, Span<double> result)
    {
        Batch.CheckLengths(Name, x.Length, result.Length, rate.Length);
        var constant = -SpecialFunctions.LogGamma(shape);
        TensorPrimitives.Log(x, result);
        TensorPrimitives.Multiply(result, shape - 1, result);
        if (rate.Length == 1)
        {
            var r = rate[0];
            for (var i = 0; i < x.Length; i++)
            {
                result[i] -= r * x[i];
            }
            TensorPrimitives.Add(result, constant + shape * Math.Log(r), result);
            return;
        }
        for (var i = 0; i < x.Length; i++)
        {
            result[i] += shape * Math.Log(rate[i]) - rate[i] * x[i] + constant;
        }
    }

    /// <summary>F(x) = P(α, βx), the regularised lower incomplete gamma function.</summary>
    public double Cdf(double x) => x <= 0 ? 0 : SpecialFunctions.GammaP(Shape, Rate * x);

    /// <inheritdoc/>
    public double Quantile(double probability) =>
        StandardQuantile(Shape, Batch.CheckProbability(Name, probability)) / Rate;

    /// <summary>The quantile of Gamma(shape, 1), by safeguarded Newton from the Wilson–Hilferty start.</summary>
    internal static double StandardQuantile(double shape, double probability)
    {
        if (probability == 0)
        {
            return 0;
        }
        if (probability == 1)
        {
            return double.PositiveInfinity;
        }
        // Wilson & Hilferty (1931): (x/α)^(1/3) ≈ N(1 − 1/(9α), 1/(9α)).
        var c = 1 / (9 * shape);
        var start = shape * Math.Pow(Math.Max(1 - c + Math.Sqrt(c) * SpecialFunctions.Probit(probability), 1e-3), 3);
        if (shape < 1)
        {
            // Small shapes: F(x) ≈ x^α / Γ(α + 1) near zero.
            start = Math.Min(start, Math.Exp((Math.Log(probability) + SpecialFunctions.LogGamma(shape + 1)) / shape));
        }
        return QuantileSearch.Invert(
            x => SpecialFunctions.GammaP(shape, x),
            x => x > 0 ? (shape - 1) * Math.Log(x) - x - SpecialFunctions.LogGamma(shape) : double.NegativeInfinity,
            probability, 0, double.PositiveInfinity, Math.Max(start, double.Epsilon));
    }

    /// <inheritdoc/>
    public double Sample(RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.NextGamma(Shape) / Rate;
    }

    /// <summary>
    /// Implicit reparameterisation gradient of a Gamma(shape, 1) draw z with respect to the shape
    /// (Figurnov, Mohamed &amp; Mnih 2018, eq. 4): ∂z/∂α = −(∂P(α, z)/∂α) / p(z; α), with ∂P/∂α by a
    /// Richardson-extrapolated central difference in α. For Gamma(α, β), z = g/β gives
    /// ∂z/∂α = (∂g/∂α)/β and ∂z/∂β = −z/β.
    /// </summary>
    public static double StandardShapeGradient(double z, double shape)
    {
        if (!(z > 0))
        {
            return 0;
        }
        double Cdf(double a) => SpecialFunctions.GammaP(a, z);
        var dCdf = Differences.Derivative(Cdf, shape, 1e-3 * shape);
        var logDensity = (shape - 1) * Math.Log(z) - z - SpecialFunctions.LogGamma(shape);
        return -dCdf / Math.Exp(logDensity);
    }

    /// <summary>∂z/∂α for a draw z of this distribution (see <see cref="StandardShapeGradient"/>).</summary>
    public double ShapeGradient(double z) => StandardShapeGradient(z * Rate, Shape) / Rate;

    // Exponential family: T(x) = (log x, x), η = (α − 1, −β), A(η) = log Γ(α) − α log β, h = 1.

    /// <inheritdoc/>
    public double[] NaturalParameters => [Shape - 1, -Rate];

    /// <inheritdoc/>
    public double LogNormaliser => SpecialFunctions.LogGamma(Shape) - Shape * Math.Log(Rate);

    /// <summary>(E[log x], E[x]) = (ψ(α) − log β, α/β).</summary>
    public double[] ExpectedSufficientStatistics => [ExpectedLog, Mean];

    /// <summary>E[log x] = ψ(α) − log β.</summary>
    public double ExpectedLog => SpecialFunctions.Digamma(Shape) - Math.Log(Rate);

    /// <inheritdoc/>
    public double[] SufficientStatistics(double value) => [Math.Log(value), value];

    /// <inheritdoc/>
    public double LogBaseMeasure(double value) => 0;

    /// <inheritdoc/>
    public Gamma WithNaturalParameters(ReadOnlySpan<double> naturalParameters) => FromNaturalParameters(naturalParameters);

    /// <summary>The Gamma with natural parameters (α − 1, −β).</summary>
    public static Gamma FromNaturalParameters(ReadOnlySpan<double> naturalParameters)
    {
        Batch.CheckNaturalLength(Name, naturalParameters, 2);
        return new(naturalParameters[0] + 1, -naturalParameters[1]);
    }

    /// <summary>The normalised product of two Gamma densities: Gamma(α₁ + α₂ − 1, β₁ + β₂).</summary>
    public static Gamma operator *(Gamma left, Gamma right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.Shape + right.Shape - 1, left.Rate + right.Rate);
    }

    /// <summary>The product of two Gammas (see the * operator).</summary>
    public static Gamma Multiply(Gamma left, Gamma right) => left * right;

    /// <summary>Posterior of a Poisson rate λ ~ Gamma(α, β) after n counts with sum Σxᵢ: Gamma(α + Σxᵢ, β + n).</summary>
    public static Gamma PosteriorOfPoissonRate(Gamma prior, double sumOfCounts, int count)
    {
        ArgumentNullException.ThrowIfNull(prior);
        return new(prior.Shape + sumOfCounts, prior.Rate + Guard.NonNegativeCount(Name, "count", count));
    }

    /// <summary>Posterior of an Exponential rate λ ~ Gamma(α, β) after n observations with sum Σxᵢ:
    /// Gamma(α + n, β + Σxᵢ).</summary>
    public static Gamma PosteriorOfExponentialRate(Gamma prior, double sum, int count)
    {
        ArgumentNullException.ThrowIfNull(prior);
        return new(prior.Shape + Guard.NonNegativeCount(Name, "count", count), prior.Rate + sum);
    }

    /// <summary>
    /// Posterior of a Normal precision τ ~ Gamma(α, β) after n observations xᵢ ~ N(μ, 1/τ) with known mean
    /// and Σ(xᵢ − μ)² = <paramref name="sumOfSquaredDeviations"/> (Bishop 2006, eqs. 2.150–2.151):
    /// Gamma(α + n/2, β + ½Σ(xᵢ − μ)²).
    /// </summary>
    public static Gamma PosteriorOfNormalPrecision(Gamma prior, double sumOfSquaredDeviations, int count)
    {
        ArgumentNullException.ThrowIfNull(prior);
        return new(prior.Shape + 0.5 * Guard.NonNegativeCount(Name, "count", count), prior.Rate + 0.5 * sumOfSquaredDeviations);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Gamma(shape: {Shape:R}, rate: {Rate:R})");
}
