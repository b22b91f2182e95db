using System.Globalization;
using Ppl.Tensors;
using Ppl.Tensors.Random;
using Ppl.Tensors.Special;

namespace Ppl.StdLib.Distributions;

/// <summary>The Poisson distribution: p(k) = λᵏ e^(−λ) / k!, k = 0, 1, …. Language: <c>Poisson(rate)</c>.</summary>
public sealed class Poisson : IUnivariateDistribution, IExponentialFamily<Poisson, double>
{
    private const string Name = "Poisson";

    /// <summary>Poisson(rate); the rate must be positive.</summary>
    public Poisson(double rate) => Rate = Guard.Positive(Name, "rate", rate);

    /// <summary>λ.</summary>
    public double Rate { get; }

    /// <summary>λ.</summary>
    public double Mean => Rate;

    /// <summary>λ.</summary>
    public double Variance => Rate;

    /// <summary>
    /// −Σₖ p(k) log p(k), summed over k ≤ λ + 20√λ + 30 (the omitted tail is below 1e-80); for λ &gt; 1e5 the
    /// asymptotic series ½ log(2πeλ) − 1/(12λ) − 1/(24λ²) − 19/(360λ³).
    /// </summary>
    public double Entropy
    {
        get
        {
            if (Rate > 1e5)
            {
                return 0.5 * Math.Log(2 * Math.PI * Math.E * Rate) - 1 / (12 * Rate) - 1 / (24 * Rate * Rate)
                    - 19 / (360 * Rate * Rate * Rate);
            }
            var last = Math.Ceiling(Rate + 20 * Math.Sqrt(Rate) + 30);
            var entropy = 0.0;
            for (var k = 0.0; k <= last; k++)
            {
                var logMass = LogDensity(k);
                entropy -= Math.Exp(logMass) * logMass;
            }
            return entropy;
        }
    }

    /// <summary>log Poisson(k; λ) = k log λ − λ − log Γ(k + 1).</summary>
    public static T LogDensity<T>(T k, T rate) where T : IReal<T> => k * T.Log(rate) - rate - T.LogGamma(k + 1.0);

    /// <inheritdoc/>
    public double LogDensity(double value) =>
        value >= 0 && value == Math.Floor(value) && !double.IsInfinity(value)
            ? value * Math.Log(Rate) - Rate - SpecialFunctions.LogGamma(value + 1)
            : double.NegativeInfinity;

    /// <summary>Log-masses of a plate: result[i] = k[i] log λ[i] − λ[i] − log k[i]! for rates of length n or 1.</summary>
    public static void LogDensities(ReadOnlySpan<double> counts, ReadOnlySpan<double> rate, Span<double> result)
    {
        Batch.CheckLengths(Name, counts.Length, result.Length, rate.Length);
        for (var i = 0; i < counts.Length; i++)
        {
            var lambda = rate.Length == 1 ? rate[0] : rate[i];
            var k = counts[i];
            result[i] = k * Math.Log(lambda) - lambda - SpecialFunctions.LogGamma(k + 1);
        }
    }

    /// <inheritdoc/>
    public double Sample(RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.NextPoisson(Rate);
    }

    // Exponential family: T(k) = k, η = log λ, A(η) = e^η, h(k) = 1/k!.

    /// <inheritdoc/>
    public double[] NaturalParameters => [Math.Log(Rate)];

    /// <inheritdoc/>
    public double LogNormaliser => Rate;

    /// <inheritdoc/>
    public double[] ExpectedSufficientStatistics => [Rate];

    /// <inheritdoc/>
    public double[] SufficientStatistics(double value) => [value];

    /// <inheritdoc/>
    public double LogBaseMeasure(double value) => -SpecialFunctions.LogGamma(value + 1);

    /// <inheritdoc/>
    public Poisson WithNaturalParameters(ReadOnlySpan<double> naturalParameters)
    {
        Batch.CheckNaturalLength(Name, naturalParameters, 1);
        return new(Math.Exp(naturalParameters[0]));
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Poisson(rate: {Rate:R})");
}
