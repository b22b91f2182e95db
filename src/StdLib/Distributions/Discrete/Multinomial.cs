using System.Globalization;
using Ppl.Tensors;
using Ppl.Tensors.Random;
using Ppl.Tensors.Special;

namespace Ppl.StdLib.Distributions;

/// <summary>
/// The multinomial distribution of counts x over K categories in n trials:
/// p(x) = n! / Πₖ xₖ! · Πₖ pₖ^xₖ. Language: <c>Multinomial(n, p)</c>.
/// </summary>
public sealed partial class Multinomial : IDensity<ReadOnlySpan<int>>, IExponentialFamily<Multinomial, ReadOnlySpan<int>>
{
    private const string Name = "Multinomial";
    private readonly double[] _probabilities;

    /// <summary>Multinomial(n, p); n ≥ 0 and p a probability vector.</summary>
    public Multinomial(int n, ReadOnlySpan<double> p)
    {
        Trials = Guard.NonNegativeCount(Name, "n", n);
        _probabilities = Guard.Simplex(Name, "p", p);
    }

    /// <summary>n.</summary>
    public int Trials { get; }

    /// <summary>K.</summary>
    public int Count => _probabilities.Length;

    /// <summary>p.</summary>
    public ReadOnlySpan<double> Probabilities => _probabilities;

    /// <summary>E[x] = n p.</summary>
    public double[] Mean => _probabilities.Select(p => Trials * p).ToArray();

    /// <summary>Cov[x] = n (diag p − p pᵀ), row-major K×K.</summary>
    public double[] Covariance
    {
        get
        {
            var k = Count;
            var c = new double[k * k];
            for (var i = 0; i < k; i++)
            {
                for (var j = 0; j < k; j++)
                {
                    c[i * k + j] = Trials * ((i == j ? _probabilities[i] : 0) - _probabilities[i] * _probabilities[j]);
                }
            }
            return c;
        }
    }

    /// <summary>log n! − Σₖ log xₖ! + Σₖ xₖ log pₖ; −∞ unless x are K non-negative counts summing to n.</summary>
    public double LogDensity(ReadOnlySpan<int> value)
    {
        if (value.Length != Count)
        {
            throw new ArgumentException($"{Name}: expected {Count} counts, got {value.Length}.", nameof(value));
        }
        var total = 0L;
        foreach (var x in value)
        {
            if (x < 0)
            {
                return double.NegativeInfinity;
            }
            total += x;
        }
        if (total != Trials)
        {
            return double.NegativeInfinity;
        }
        var result = SpecialFunctions.LogGamma(Trials + 1.0);
        for (var k = 0; k < Count; k++)
        {
            // xₖ = 0 contributes its limit 0 (log Γ(1) = 0, 0·log pₖ = 0 even for pₖ = 0).
            result += value[k] == 0 ? 0 : LogDensityTerm<Scalar>(value[k], _probabilities[k]).Value;
        }
        return result;
    }

    /// <summary>One draw of counts, by sequential binomials: xₖ ~ Binomial(n − Σⱼ₍ⱼ₋ₖ₎ xⱼ, pₖ / Σⱼ₍ⱼ≥ₖ₎ pⱼ).</summary>
    public int[] Sample(RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var counts = new int[Count];
        var remaining = Trials;
        var mass = 1.0;
        for (var k = 0; k < Count - 1 && remaining > 0; k++)
        {
            var p = mass > 0 ? Math.Clamp(_probabilities[k] / mass, 0, 1) : 0;
            counts[k] = random.NextBinomial(remaining, p);
            remaining -= counts[k];
            mass -= _probabilities[k];
        }
        counts[Count - 1] += remaining;
        return counts;
    }

    // Exponential family (n fixed): T(x) = x, η = log p (over-complete, A = n log Σ e^η = 0 when
    // normalised), h(x) = n! / Π xₖ!.

    /// <inheritdoc/>
    public double[] NaturalParameters => _probabilities.Select(p => Math.Log(p)).ToArray();

    /// <inheritdoc/>
    public double LogNormaliser => Trials * SpecialFunctions.LogSumExp(NaturalParameters);

    /// <inheritdoc/>
    public double[] ExpectedSufficientStatistics => Mean;

    /// <inheritdoc/>
    public double[] SufficientStatistics(ReadOnlySpan<int> value)
    {
        var t = new double[value.Length];
        for (var k = 0; k < value.Length; k++)
        {
            t[k] = value[k];
        }
        return t;
    }

    /// <inheritdoc/>
    public double LogBaseMeasure(ReadOnlySpan<int> value)
    {
        var result = SpecialFunctions.LogGamma(Trials + 1.0);
        foreach (var x in value)
        {
            result -= SpecialFunctions.LogGamma(x + 1.0);
        }
        return result;
    }

    /// <inheritdoc/>
    public Multinomial WithNaturalParameters(ReadOnlySpan<double> naturalParameters) =>
        new(Trials, Categorical.FromLogits(naturalParameters).Probabilities);

    /// <inheritdoc/>
    public override string ToString() =>
        $"Multinomial(n: {Trials}, p: [" + string.Join(", ", _probabilities.Select(p => p.ToString("R", CultureInfo.InvariantCulture))) + "])";
}
