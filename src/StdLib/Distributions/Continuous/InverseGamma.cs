using System.Globalization;
using Ppl.Tensors;
using Ppl.Tensors.Random;
using Ppl.Tensors.Special;

namespace Ppl.StdLib.Distributions;

/// <summary>
/// The inverse-gamma distribution with shape α and scale β: p(x) = βᵅ x^(−α−1) e^(−β/x) / Γ(α), x &gt; 0;
/// 1/x ~ Gamma(α, rate: β). Language: <c>InverseGamma(shape, scale)</c>.
/// </summary>
public sealed class InverseGamma : IContinuousDistribution, IExponentialFamily<InverseGamma, double>
{
    private const string Name = "InverseGamma";

    /// <summary>InverseGamma(shape, scale); both must be positive.</summary>
    public InverseGamma(double shape, double scale)
    {
        Shape = Guard.Positive(Name, "shape", shape);
        Scale = Guard.Positive(Name, "scale", scale);
    }

    /// <summary>α.</summary>
    public double Shape { get; }

    /// <summary>β.</summary>
    public double Scale { get; }

    /// <summary>β/(α − 1) for α &gt; 1, else +∞.</summary>
    public double Mean => Shape > 1 ? Scale / (Shape - 1) : double.PositiveInfinity;

    /// <summary>β²/((α − 1)²(α − 2)) for α &gt; 2, else +∞.</summary>
    public double Variance => Shape > 2 ? Scale * Scale / ((Shape - 1) * (Shape - 1) * (Shape - 2)) : double.PositiveInfinity;

    /// <summary>α + log β + log Γ(α) − (1 + α) ψ(α).</summary>
    public double Entropy =>
        Shape + Math.Log(Scale) + SpecialFunctions.LogGamma(Shape) - (1 + Shape) * SpecialFunctions.Digamma(Shape);

    /// <summary>log InverseGamma(x; α, β) = α log β − log Γ(α) − (α + 1) log x − β/x.</summary>
    public static T LogDensity<T>(T x, T shape, T scale) where T : IReal<T> =>
        shape * T.Log(scale) - T.LogGamma(shape) - (shape + 1.0) * T.Log(x) - scale / x;

    /// <inheritdoc/>
    public double LogDensity(double value) =>
        value > 0 ? LogDensity<Scalar>(value, Shape, Scale).Value : double.NegativeInfinity;

    /// <summary>F(x) = Q(α, β/x), the regularised upper incomplete gamma function.</summary>
    public double Cdf(double x) => x <= 0 ? 0 : SpecialFunctions.GammaQ(Shape, Scale / x);

    /// <inheritdoc/>
    public double Quantile(double probability) =>
        Scale / Gamma.StandardQuantile(Shape, 1 - Batch.CheckProbability(Name, probability));

    /// <inheritdoc/>
    public double Sample(RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Scale / random.NextGamma(Shape);
    }

    /// <summary>
    /// Reparameterisation gradients of a draw z = β/g with g ~ Gamma(α, 1): ∂z/∂α = −(z/g)·∂g/∂α with ∂g/∂α
    /// implicit (<see cref="Gamma.StandardShapeGradient"/>), and ∂z/∂β = 1/g = z/β.
    /// </summary>
    public (double Shape, double Scale) ParameterGradient(double z)
    {
        if (!(z > 0))
        {
            return (0, 0);
        }
        var g = Scale / z;
        return (-(z / g) * Gamma.StandardShapeGradient(g, Shape), z / Scale);
    }

    // Exponential family: T(x) = (log x, 1/x), η = (−α − 1, −β), A(η) = log Γ(α) − α log β, h = 1.

    /// <inheritdoc/>
    public double[] NaturalParameters => [-Shape - 1, -Scale];

    /// <inheritdoc/>
    public double LogNormaliser => SpecialFunctions.LogGamma(Shape) - Shape * Math.Log(Scale);

    /// <summary>(E[log x], E[1/x]) = (log β − ψ(α), α/β).</summary>
    public double[] ExpectedSufficientStatistics => [Math.Log(Scale) - SpecialFunctions.Digamma(Shape), Shape / Scale];

    /// <inheritdoc/>
    public double[] SufficientStatistics(double value) => [Math.Log(value), 1 / value];

    /// <inheritdoc/>
    public double LogBaseMeasure(double value) => 0;

    /// <inheritdoc/>
    public InverseGamma WithNaturalParameters(ReadOnlySpan<double> naturalParameters)
    {
        Batch.CheckNaturalLength(Name, naturalParameters, 2);
        return new(-naturalParameters[0] - 1, -naturalParameters[1]);
    }

    /// <summary>Posterior of a Normal variance σ² ~ InverseGamma(α, β) after n observations with known mean
    /// and Σ(xᵢ − μ)²: InverseGamma(α + n/2, β + ½Σ(xᵢ − μ)²).</summary>
    public static InverseGamma PosteriorOfNormalVariance(InverseGamma prior, double sumOfSquaredDeviations, int count)
    {
        ArgumentNullException.ThrowIfNull(prior);
        return new(prior.Shape + 0.5 * Guard.NonNegativeCount(Name, "count", count), prior.Scale + 0.5 * sumOfSquaredDeviations);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"InverseGamma(shape: {Shape:R}, scale: {Scale:R})");
}
