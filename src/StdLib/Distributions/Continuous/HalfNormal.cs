using System.Globalization;
using Ppl.Tensors;
using Ppl.Tensors.Random;
using Ppl.Tensors.Special;

namespace Ppl.StdLib.Distributions;

/// <summary>The half-normal distribution |N(0, σ²)|: p(x) = √(2/π)/σ · e^(−x²/(2σ²)), x ≥ 0.
/// Language: <c>HalfNormal(sd)</c>.</summary>
public sealed class HalfNormal : IContinuousDistribution
{
    private const string Name = "HalfNormal";
    private const double HalfLogTwoOverPi = -0.22579135264472743236;

    /// <summary>HalfNormal(sd); sd must be positive.</summary>
    public HalfNormal(double sd) => StandardDeviation = Guard.Positive(Name, "sd", sd);

    /// <summary>σ, the sd of the normal that is folded.</summary>
    public double StandardDeviation { get; }

    /// <summary>σ√(2/π).</summary>
    public double Mean => StandardDeviation * Math.Sqrt(2 / Math.PI);

    /// <summary>σ²(1 − 2/π).</summary>
    public double Variance => StandardDeviation * StandardDeviation * (1 - 2 / Math.PI);

    /// <summary>½ log(πσ²/2) + ½.</summary>
    public double Entropy => 0.5 * Math.Log(0.5 * Math.PI) + 0.5 + Math.Log(StandardDeviation);

    /// <summary>log HalfNormal(x; σ) = ½ log(2/π) − log σ − x²/(2σ²) for x ≥ 0.</summary>
    public static T LogDensity<T>(T x, T sd) where T : IReal<T> =>
        HalfLogTwoOverPi - T.Log(sd) - 0.5 * T.Square(x / sd);

    /// <summary>The reparameterised draw σ·|ε| for standard-normal ε.</summary>
    public static T Rsample<T>(T sd, T noise) where T : IReal<T> => sd * T.Abs(noise);

    /// <inheritdoc/>
    public double LogDensity(double value) =>
        value >= 0 ? LogDensity<Scalar>(value, StandardDeviation).Value : double.NegativeInfinity;

    /// <summary>F(x) = erf(x/(σ√2)).</summary>
    public double Cdf(double x) => x <= 0 ? 0 : SpecialFunctions.Erf(x / (StandardDeviation * Math.Sqrt(2)));

    /// <summary>F⁻¹(p) = σ Φ⁻¹((1 + p)/2).</summary>
    public double Quantile(double probability) =>
        StandardDeviation * SpecialFunctions.Probit(0.5 * (1 + Batch.CheckProbability(Name, probability)));

    /// <inheritdoc/>
    public double Sample(RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return StandardDeviation * Math.Abs(random.NextNormal());
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"HalfNormal(sd: {StandardDeviation:R})");
}
