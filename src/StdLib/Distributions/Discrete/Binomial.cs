using System.Globalization;
using Ppl.Tensors;
using Ppl.Tensors.Random;
using Ppl.Tensors.Special;

namespace Ppl.StdLib.Distributions;

/// <summary>The binomial distribution: p(k) = C(n, k) pᵏ (1 − p)ⁿ⁻ᵏ, k = 0..n. Language: <c>Binomial(n, p)</c>.</summary>
public sealed class Binomial : IUnivariateDistribution, IExponentialFamily<Binomial, double>
{
    private const string Name = "Binomial";

    /// <summary>Binomial(n, p); n ≥ 0 and p in [0, 1].</summary>
    public Binomial(int n, double p)
    {
        Trials = Guard.NonNegativeCount(Name, "n", n);
        Probability = Guard.Probability(Name, "p", p);
    }

    /// <summary>n, the number of trials.</summary>
    public int Trials { get; }

    /// <summary>p, the success probability.</summary>
    public double Probability { get; }

    /// <summary>np.</summary>
    public double Mean => Trials * Probability;

    /// <summary>np(1 − p).</summary>
    public double Variance => Trials * Probability * (1 - Probability);

    /// <summary>−Σₖ p(k) log p(k), summed exactly over k = 0..n.</summary>
    public double Entropy
    {
        get
        {
            var entropy = 0.0;
            for (var k = 0; k <= Trials; k++)
            {
                var logMass = LogDensity(k);
                if (logMass > double.NegativeInfinity)
                {
                    entropy -= Math.Exp(logMass) * logMass;
                }
            }
            return entropy;
        }
    }

    /// <summary>log Binomial(k; n, p) = log Γ(n + 1) − log Γ(k + 1) − log Γ(n − k + 1) + k log p + (n − k) log(1 − p),
    /// written once for doubles and tensors (k inside 0..n).</summary>
    public static T LogDensity<T>(T k, double n, T p) where T : IReal<T> =>
        SpecialFunctions.LogGamma(n + 1) - T.LogGamma(k + 1.0) - T.LogGamma(n + 1.0 - k) + k * T.Log(p) + (n - k) * T.Log1p(-p);

    /// <summary>log C(n, k) + k log p + (n − k) log(1 − p); −∞ unless k is an integer in 0..n.</summary>
    public double LogDensity(double value)
    {
        if (!(value >= 0 && value <= Trials && value == Math.Floor(value)))
        {
            return double.NegativeInfinity;
        }
        return LogChoose(Trials, value)
            + Bernoulli.XLogY(value, Probability) + XLog1pMinus(Trials - value, Probability);
    }

    /// <summary>log C(n, k) = log Γ(n + 1) − log Γ(k + 1) − log Γ(n − k + 1).</summary>
    internal static double LogChoose(double n, double k) =>
        SpecialFunctions.LogGamma(n + 1) - SpecialFunctions.LogGamma(k + 1) - SpecialFunctions.LogGamma(n - k + 1);

    private static double XLog1pMinus(double x, double p) => x == 0 ? 0 : x * SpecialFunctions.Log1p(-p);

    /// <inheritdoc/>
    public double Sample(RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.NextBinomial(Trials, Probability);
    }

    // Exponential family (n fixed): T(k) = k, η = logit p, A(η) = n softplus(η), h(k) = C(n, k).

    /// <inheritdoc/>
    public double[] NaturalParameters => [Math.Log(Probability) - SpecialFunctions.Log1p(-Probability)];

    /// <inheritdoc/>
    public double LogNormaliser => -Trials * SpecialFunctions.Log1p(-Probability);

    /// <inheritdoc/>
    public double[] ExpectedSufficientStatistics => [Mean];

    /// <inheritdoc/>
    public double[] SufficientStatistics(double value) => [value];

    /// <inheritdoc/>
    public double LogBaseMeasure(double value) => LogChoose(Trials, value);

    /// <inheritdoc/>
    public Binomial WithNaturalParameters(ReadOnlySpan<double> naturalParameters)
    {
        Batch.CheckNaturalLength(Name, naturalParameters, 1);
        return new(Trials, SpecialFunctions.Sigmoid(Guard.Finite(Name, "logits", naturalParameters[0])));
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Binomial(n: {Trials}, p: {Probability:R})");
}
