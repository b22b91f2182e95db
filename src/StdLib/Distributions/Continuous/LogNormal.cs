using System.Globalization;
using Ppl.Tensors;
using Ppl.Tensors.Random;
using Ppl.Tensors.Special;

namespace Ppl.StdLib.Distributions;

/// <summary>The log-normal distribution: log x ~ N(μ, σ²). Language: <c>LogNormal(mu, sigma)</c>.</summary>
public sealed class LogNormal : IContinuousDistribution, IExponentialFamily<LogNormal, double>
{
    private const string Name = "LogNormal";

    /// <summary>LogNormal(mu, sigma); sigma must be positive.</summary>
    public LogNormal(double mu, double sigma)
    {
        Mu = Guard.Finite(Name, "mu", mu);
        Sigma = Guard.Positive(Name, "sigma", sigma);
    }

    /// <summary>μ, the mean of log x.</summary>
    public double Mu { get; }

    /// <summary>σ, the sd of log x.</summary>
    public double Sigma { get; }

    /// <summary>exp(μ + σ²/2).</summary>
    public double Mean => Math.Exp(Mu + 0.5 * Sigma * Sigma);

    /// <summary>(e^(σ²) − 1) e^(2μ + σ²).</summary>
    public double Variance => SpecialFunctions.Expm1(Sigma * Sigma) * Math.Exp(2 * Mu + Sigma * Sigma);

    /// <summary>μ + ½ + log σ + ½ log 2π.</summary>
    public double Entropy => Mu + 0.5 + Math.Log(Sigma) + LogConstants.HalfLogTwoPi;

    /// <summary>log LogNormal(x; μ, σ) = −log x − log σ − ½ log 2π − (log x − μ)²/(2σ²).</summary>
    public static T LogDensity<T>(T x, T mu, T sigma) where T : IReal<T>
    {
        var logX = T.Log(x);
        return -logX - T.Log(sigma) - LogConstants.HalfLogTwoPi - 0.5 * T.Square((logX - mu) / sigma);
    }

    /// <summary>The reparameterised draw exp(μ + σ·ε) for standard-normal ε.</summary>
    public static T Rsample<T>(T mu, T sigma, T noise) where T : IReal<T> => T.Exp(mu + sigma * noise);

    /// <inheritdoc/>
    public double LogDensity(double value) =>
        value > 0 ? LogDensity<Scalar>(value, Mu, Sigma).Value : double.NegativeInfinity;

    /// <summary>F(x) = Φ((log x − μ)/σ).</summary>
    public double Cdf(double x) => x <= 0 ? 0 : SpecialFunctions.NormalCdf((Math.Log(x) - Mu) / Sigma);

    /// <summary>F⁻¹(p) = exp(μ + σ Φ⁻¹(p)).</summary>
    public double Quantile(double probability) =>
        Math.Exp(Mu + Sigma * SpecialFunctions.Probit(Batch.CheckProbability(Name, probability)));

    /// <inheritdoc/>
    public double Sample(RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Math.Exp(Mu + Sigma * random.NextNormal());
    }

    // Exponential family: T(x) = (log x, (log x)²), η = (μ/σ², −1/(2σ²)), A = μ²/(2σ²) + log σ,
    // h(x) = 1/(x√(2π)).

    /// <inheritdoc/>
    public double[] NaturalParameters => [Mu / (Sigma * Sigma), -0.5 / (Sigma * Sigma)];

    /// <inheritdoc/>
    public double LogNormaliser => 0.5 * Mu * Mu / (Sigma * Sigma) + Math.Log(Sigma);

    /// <inheritdoc/>
    public double[] ExpectedSufficientStatistics => [Mu, Mu * Mu + Sigma * Sigma];

    /// <inheritdoc/>
    public double[] SufficientStatistics(double value)
    {
        var logX = Math.Log(value);
        return [logX, logX * logX];
    }

    /// <inheritdoc/>
    public double LogBaseMeasure(double value) => value > 0 ? -Math.Log(value) - LogConstants.HalfLogTwoPi : double.NegativeInfinity;

    /// <inheritdoc/>
    public LogNormal WithNaturalParameters(ReadOnlySpan<double> naturalParameters)
    {
        Batch.CheckNaturalLength(Name, naturalParameters, 2);
        var variance = -0.5 / naturalParameters[1];
        return new(naturalParameters[0] * variance, Math.Sqrt(Guard.Positive(Name, "sigma² (−1/(2η₂))", variance)));
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"LogNormal(mu: {Mu:R}, sigma: {Sigma:R})");
}
