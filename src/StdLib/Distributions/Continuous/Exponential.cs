using System.Globalization;
using Ppl.Tensors;
using Ppl.Tensors.Random;
using Ppl.Tensors.Special;

namespace Ppl.StdLib.Distributions;

/// <summary>The exponential distribution: p(x) = λ e^(−λx), x ≥ 0. Language: <c>Exponential(rate)</c>.</summary>
public sealed class Exponential : IContinuousDistribution, IExponentialFamily<Exponential, double>
{
    private const string Name = "Exponential";

    /// <summary>Exponential(rate); the rate must be positive.</summary>
    public Exponential(double rate) => Rate = Guard.Positive(Name, "rate", rate);

    /// <summary>λ.</summary>
    public double Rate { get; }

    /// <summary>1/λ.</summary>
    public double Mean => 1 / Rate;

    /// <summary>1/λ².</summary>
    public double Variance => 1 / (Rate * Rate);

    /// <summary>1 − log λ.</summary>
    public double Entropy => 1 - Math.Log(Rate);

    /// <summary>log Exponential(x; λ) = log λ − λx.</summary>
    public static T LogDensity<T>(T x, T rate) where T : IReal<T> => T.Log(rate) - rate * x;

    /// <summary>The reparameterised draw e/λ for standard exponential noise e.</summary>
    public static T Rsample<T>(T rate, T noise) where T : IReal<T> => noise / rate;

    /// <inheritdoc/>
    public double LogDensity(double value) =>
        value >= 0 ? LogDensity<Scalar>(value, Rate).Value : double.NegativeInfinity;

    /// <summary>F(x) = 1 − e^(−λx).</summary>
    public double Cdf(double x) => x <= 0 ? 0 : -SpecialFunctions.Expm1(-Rate * x);

    /// <summary>F⁻¹(p) = −log(1 − p)/λ.</summary>
    public double Quantile(double probability) =>
        -SpecialFunctions.Log1p(-Batch.CheckProbability(Name, probability)) / Rate;

    /// <inheritdoc/>
    public double Sample(RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.NextExponential() / Rate;
    }

    // Exponential family: T(x) = x, η = −λ, A(η) = −log λ, h = 1 on x ≥ 0.

    /// <inheritdoc/>
    public double[] NaturalParameters => [-Rate];

    /// <inheritdoc/>
    public double LogNormaliser => -Math.Log(Rate);

    /// <inheritdoc/>
    public double[] ExpectedSufficientStatistics => [Mean];

    /// <inheritdoc/>
    public double[] SufficientStatistics(double value) => [value];

    /// <inheritdoc/>
    public double LogBaseMeasure(double value) => value >= 0 ? 0 : double.NegativeInfinity;

    /// <inheritdoc/>
    public Exponential WithNaturalParameters(ReadOnlySpan<double> naturalParameters)
    {
        Batch.CheckNaturalLength(Name, naturalParameters, 1);
        return new(-naturalParameters[0]);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Exponential(rate: {Rate:R})");
}
