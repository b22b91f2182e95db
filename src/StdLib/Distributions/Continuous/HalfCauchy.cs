using System.Globalization;
using Ppl.Tensors;
using Ppl.Tensors.Random;

namespace Ppl.StdLib.Distributions;

/// <summary>The half-Cauchy distribution: p(x) = 2 / (π s (1 + (x/s)²)), x ≥ 0. Language: <c>HalfCauchy(scale)</c>.</summary>
public sealed class HalfCauchy : IContinuousDistribution
{
    private const string Name = "HalfCauchy";

    /// <summary>HalfCauchy(scale); the scale must be positive.</summary>
    public HalfCauchy(double scale) => Scale = Guard.Positive(Name, "scale", scale);

    /// <summary>s.</summary>
    public double Scale { get; }

    /// <summary>+∞ (the integral diverges).</summary>
    public double Mean => double.PositiveInfinity;

    /// <summary>+∞.</summary>
    public double Variance => double.PositiveInfinity;

    /// <summary>log(2πs).</summary>
    public double Entropy => Math.Log(2 * Math.PI * Scale);

    /// <summary>log HalfCauchy(x; s) = log 2 − log π − log s − log(1 + (x/s)²) for x ≥ 0.</summary>
    public static T LogDensity<T>(T x, T scale) where T : IReal<T> =>
        LogConstants.LogTwo - LogConstants.LogPi - T.Log(scale) - T.Log1p(T.Square(x / scale));

    /// <summary>The reparameterised draw s·c for standard half-Cauchy noise c = tan(πu/2).</summary>
    public static T Rsample<T>(T scale, T noise) where T : IReal<T> => scale * noise;

    /// <summary>A standard half-Cauchy draw tan(πu/2), u ~ Uniform(0, 1).</summary>
    public static double StandardNoise(RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Math.Tan(0.5 * Math.PI * random.NextOpenDouble());
    }

    /// <inheritdoc/>
    public double LogDensity(double value) =>
        value >= 0 ? LogDensity<Scalar>(value, Scale).Value : double.NegativeInfinity;

    /// <summary>F(x) = (2/π) atan(x/s).</summary>
    public double Cdf(double x) => x <= 0 ? 0 : 2 / Math.PI * Math.Atan(x / Scale);

    /// <summary>F⁻¹(p) = s tan(πp/2).</summary>
    public double Quantile(double probability)
    {
        Batch.CheckProbability(Name, probability);
        return probability == 1 ? double.PositiveInfinity : Scale * Math.Tan(0.5 * Math.PI * probability);
    }

    /// <inheritdoc/>
    public double Sample(RandomSource random) => Scale * StandardNoise(random);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"HalfCauchy(scale: {Scale:R})");
}
