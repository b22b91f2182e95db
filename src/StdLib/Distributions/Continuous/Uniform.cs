using System.Globalization;
using Ppl.Tensors;
using Ppl.Tensors.Random;

namespace Ppl.StdLib.Distributions;

/// <summary>The continuous uniform distribution on [lo, hi]: p(x) = 1/(hi − lo). Language: <c>Uniform(lo, hi)</c>.</summary>
public sealed class Uniform : IContinuousDistribution
{
    private const string Name = "Uniform";

    /// <summary>Uniform(lo, hi); both finite and hi &gt; lo.</summary>
    public Uniform(double lo, double hi)
    {
        Lo = Guard.Finite(Name, "lo", lo);
        Hi = Guard.Finite(Name, "hi", hi);
        if (!(hi > lo))
        {
            throw new DistributionParameterException(Name, "hi", $"must be greater than lo ({DistributionParameterException.Format(lo)})",
                DistributionParameterException.Format(hi));
        }
    }

    /// <summary>The lower end.</summary>
    public double Lo { get; }

    /// <summary>The upper end.</summary>
    public double Hi { get; }

    /// <summary>(lo + hi)/2.</summary>
    public double Mean => 0.5 * (Lo + Hi);

    /// <summary>(hi − lo)²/12.</summary>
    public double Variance => (Hi - Lo) * (Hi - Lo) / 12;

    /// <summary>log(hi − lo).</summary>
    public double Entropy => Math.Log(Hi - Lo);

    /// <summary>log Uniform(x; lo, hi) = −log(hi − lo) inside the support.</summary>
    public static T LogDensity<T>(T x, T lo, T hi) where T : IReal<T> => -T.Log(hi - lo);

    /// <summary>The reparameterised draw lo + (hi − lo)·u for u ~ Uniform(0, 1).</summary>
    public static T Rsample<T>(T lo, T hi, T noise) where T : IReal<T> => lo + (hi - lo) * noise;

    /// <inheritdoc/>
    public double LogDensity(double value) =>
        value >= Lo && value <= Hi ? LogDensity<Scalar>(value, Lo, Hi).Value : double.NegativeInfinity;

    /// <inheritdoc/>
    public double Cdf(double x) => x <= Lo ? 0 : x >= Hi ? 1 : (x - Lo) / (Hi - Lo);

    /// <inheritdoc/>
    public double Quantile(double probability) => Lo + (Hi - Lo) * Batch.CheckProbability(Name, probability);

    /// <inheritdoc/>
    public double Sample(RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Lo + (Hi - Lo) * random.NextDouble();
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Uniform(lo: {Lo:R}, hi: {Hi:R})");
}
