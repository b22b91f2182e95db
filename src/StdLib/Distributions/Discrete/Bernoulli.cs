using System.Globalization;
using Ppl.Tensors;
using Ppl.Tensors.Random;
using Ppl.Tensors.Special;

namespace Ppl.StdLib.Distributions;

/// <summary>
/// The Bernoulli distribution: p(x) = pˣ (1 − p)¹⁻ˣ. Language: <c>Bernoulli(p | logits:)</c>; held as both
/// p and its logit so that neither loses precision. A value in (0, 1) (<c>prob</c> data, e.g. grey pixels)
/// is scored by the same formula, the usual cross-entropy (DESIGN.md).
/// </summary>
public sealed class Bernoulli : IUnivariateDistribution, IExponentialFamily<Bernoulli, double>
{
    private const string Name = "Bernoulli";

    /// <summary>Bernoulli(p); p must be in [0, 1].</summary>
    public Bernoulli(double p)
    {
        Probability = Guard.Probability(Name, "p", p);
        Logits = Math.Log(p) - SpecialFunctions.Log1p(-p);
    }

    private Bernoulli(double p, double logits)
    {
        Probability = p;
        Logits = logits;
    }

    /// <summary>Bernoulli with p = σ(logits).</summary>
    public static Bernoulli FromLogits(double logits)
    {
        Guard.Finite(Name, "logits", logits);
        return new(SpecialFunctions.Sigmoid(logits), logits);
    }

    /// <summary>p = P(x = 1).</summary>
    public double Probability { get; }

    /// <summary>log(p/(1 − p)).</summary>
    public double Logits { get; }

    /// <summary>p.</summary>
    public double Mean => Probability;

    /// <summary>p(1 − p).</summary>
    public double Variance => Probability * (1 - Probability);

    /// <summary>−p log p − (1 − p) log(1 − p).</summary>
    public double Entropy => -(XLogY(Probability, Probability) + XLogY(1 - Probability, 1 - Probability));

    /// <summary>log Bernoulli(x; p) = x log p + (1 − x) log(1 − p).</summary>
    public static T LogDensity<T>(T x, T p) where T : IReal<T> => x * T.Log(p) + (1.0 - x) * T.Log1p(-p);

    /// <summary>log Bernoulli(x; σ(l)) = x·l − softplus(l), stable for any logit (the VAE's decoder output).</summary>
    public static T LogDensityFromLogits<T>(T x, T logits) where T : IReal<T> => x * logits - T.Softplus(logits);

    /// <inheritdoc/>
    public double LogDensity(double value)
    {
        if (!(value is >= 0 and <= 1))
        {
            return double.NegativeInfinity;
        }
        if (Probability is > 0 and < 1)
        {
            // x·l − softplus(l): one formula for p and logits parameterisations, accurate when p or 1 − p is tiny.
            return value * Logits - SpecialFunctions.Softplus(Logits);
        }
        return XLogY(value, Probability) + XLogY(1 - value, 1 - Probability);
    }

    /// <summary>Log-masses of a plate: result[i] = x[i]·l[i] − softplus(l[i]) for logits l of length n or 1.</summary>
    public static void LogDensitiesFromLogits(ReadOnlySpan<double> x, ReadOnlySpan<double> logits, Span<double> result)
    {
        Batch.CheckLengths(Name, x.Length, result.Length, logits.Length);
        if (logits.Length == 1)
        {
            var l = logits[0];
            var softplus = SpecialFunctions.Softplus(l);
            for (var i = 0; i < x.Length; i++)
            {
                result[i] = x[i] * l - softplus;
            }
            return;
        }
        for (var i = 0; i < x.Length; i++)
        {
            var l = logits[i];
            result[i] = x[i] * l - SpecialFunctions.Softplus(l);
        }
    }

    /// <summary>Log-masses of a plate: result[i] = x[i] log p[i] + (1 − x[i]) log(1 − p[i]) for p of length n or 1.</summary>
    public static void LogDensities(ReadOnlySpan<double> x, ReadOnlySpan<double> p, Span<double> result)
    {
        Batch.CheckLengths(Name, x.Length, result.Length, p.Length);
        for (var i = 0; i < x.Length; i++)
        {
            var pi = p.Length == 1 ? p[0] : p[i];
            result[i] = XLogY(x[i], pi) + XLogY(1 - x[i], 1 - pi);
        }
    }

    /// <summary>x log y with 0 log 0 = 0.</summary>
    internal static double XLogY(double x, double y) => x == 0 ? 0 : x * Math.Log(y);

    /// <inheritdoc/>
    public double Sample(RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.NextBernoulli(Probability) ? 1 : 0;
    }

    // Exponential family: T(x) = x, η = logit p, A(η) = softplus(η) = −log(1 − p), h = 1.

    /// <inheritdoc/>
    public double[] NaturalParameters => [Logits];

    /// <inheritdoc/>
    public double LogNormaliser => SpecialFunctions.Softplus(Logits);

    /// <inheritdoc/>
    public double[] ExpectedSufficientStatistics => [Probability];

    /// <inheritdoc/>
    public double[] SufficientStatistics(double value) => [value];

    /// <inheritdoc/>
    public double LogBaseMeasure(double value) => 0;

    /// <inheritdoc/>
    public Bernoulli WithNaturalParameters(ReadOnlySpan<double> naturalParameters)
    {
        Batch.CheckNaturalLength(Name, naturalParameters, 1);
        return FromLogits(naturalParameters[0]);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Bernoulli(p: {Probability:R})");
}
