using System.Globalization;
using Ppl.Tensors.Random;
using Ppl.Tensors.Special;

namespace Ppl.StdLib.Distributions;

/// <summary>A joint draw (μ, τ) of a <see cref="NormalGamma"/>.</summary>
/// <param name="Mean">μ.</param>
/// <param name="Precision">τ.</param>
public readonly record struct MeanAndPrecision(double Mean, double Precision);

/// <summary>
/// The Normal-Gamma distribution, the conjugate prior of a Normal's unknown mean and precision
/// (Bishop 2006, eq. 2.154): τ ~ Gamma(α, β), μ | τ ~ N(μ₀, 1/(λτ)).
/// </summary>
public sealed class NormalGamma : IDensity<MeanAndPrecision>, IExponentialFamily<NormalGamma, MeanAndPrecision>
{
    private const string Name = "NormalGamma";

    /// <summary>NormalGamma(μ₀, λ, α, β); λ, α, β positive.</summary>
    public NormalGamma(double mean, double meanPrecisionScale, double shape, double rate)
    {
        Location = Guard.Finite(Name, "mean", mean);
        MeanPrecisionScale = Guard.Positive(Name, "lambda", meanPrecisionScale);
        Shape = Guard.Positive(Name, "shape", shape);
        Rate = Guard.Positive(Name, "rate", rate);
    }

    /// <summary>μ₀.</summary>
    public double Location { get; }

    /// <summary>λ, the number of pseudo-observations behind μ₀.</summary>
    public double MeanPrecisionScale { get; }

    /// <summary>α.</summary>
    public double Shape { get; }

    /// <summary>β.</summary>
    public double Rate { get; }

    /// <summary>The marginal of τ: Gamma(α, β).</summary>
    public Gamma PrecisionMarginal => new(Shape, Rate);

    /// <summary>The marginal of μ: StudentT(2α, μ₀, √(β/(αλ))) (Bishop 2006, eq. 2.159).</summary>
    public StudentT MeanMarginal => new(2 * Shape, Location, Math.Sqrt(Rate / (Shape * MeanPrecisionScale)));

    /// <summary>log Gamma(τ; α, β) + log N(μ; μ₀, 1/(λτ)).</summary>
    public double LogDensity(MeanAndPrecision value) =>
        value.Precision > 0
            ? PrecisionMarginal.LogDensity(value.Precision)
              + Normal.FromPrecision(Location, MeanPrecisionScale * value.Precision).LogDensity(value.Mean)
            : double.NegativeInfinity;

    /// <summary>One draw: τ ~ Gamma(α, β), then μ ~ N(μ₀, 1/(λτ)).</summary>
    public MeanAndPrecision Sample(RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var tau = random.NextGamma(Shape) / Rate;
        return new(Location + random.NextNormal() / Math.Sqrt(MeanPrecisionScale * tau), tau);
    }

    /// <summary>
    /// The posterior after n observations xᵢ ~ N(μ, 1/τ) with sum Σxᵢ and sum of squares Σxᵢ²
    /// (Murphy 2007, "Conjugate Bayesian analysis of the Gaussian distribution", eqs. 86–89):
    /// λₙ = λ + n, μₙ = (λμ₀ + Σxᵢ)/λₙ, αₙ = α + n/2, βₙ = β + ½(Σxᵢ² + λμ₀² − λₙμₙ²).
    /// </summary>
    public static NormalGamma Posterior(NormalGamma prior, double sum, double sumOfSquares, int count)
    {
        ArgumentNullException.ThrowIfNull(prior);
        Guard.NonNegativeCount(Name, "count", count);
        var lambda = prior.MeanPrecisionScale + count;
        var mean = (prior.MeanPrecisionScale * prior.Location + sum) / lambda;
        // Σ(xᵢ − x̄)² + λn(x̄ − μ₀)²/λₙ, written to avoid cancellation when n > 0.
        var spread = 0.0;
        if (count > 0)
        {
            var average = sum / count;
            spread = Math.Max(0, sumOfSquares - count * average * average)
                + prior.MeanPrecisionScale * count * (average - prior.Location) * (average - prior.Location) / lambda;
        }
        return new(mean, lambda, prior.Shape + 0.5 * count, prior.Rate + 0.5 * spread);
    }

    // Exponential family: log p = (α − ½) log τ − τ(β + ½λμ₀²) + τμ·λμ₀ − ½λ·τμ² − A,
    // T(μ, τ) = (log τ, τ, τμ, τμ²), η = (α − ½, −β − ½λμ₀², λμ₀, −½λ),
    // A = log Γ(α) − α log β − ½ log λ + ½ log 2π, h = 1.

    /// <inheritdoc/>
    public double[] NaturalParameters =>
    [
        Shape - 0.5,
        -Rate - 0.5 * MeanPrecisionScale * Location * Location,
        MeanPrecisionScale * Location,
        -0.5 * MeanPrecisionScale,
    ];

    /// <inheritdoc/>
    public double LogNormaliser =>
        SpecialFunctions.LogGamma(Shape) - Shape * Math.Log(Rate) - 0.5 * Math.Log(MeanPrecisionScale) + LogConstants.HalfLogTwoPi;

    /// <summary>(E[log τ], E[τ], E[τμ], E[τμ²]) = (ψ(α) − log β, α/β, μ₀α/β, 1/λ + μ₀²α/β).</summary>
    public double[] ExpectedSufficientStatistics
    {
        get
        {
            var tau = Shape / Rate;
            return
            [
                SpecialFunctions.Digamma(Shape) - Math.Log(Rate),
                tau,
                Location * tau,
                1 / MeanPrecisionScale + Location * Location * tau,
            ];
        }
    }

    /// <inheritdoc/>
    public double[] SufficientStatistics(MeanAndPrecision value) =>
        [Math.Log(value.Precision), value.Precision, value.Precision * value.Mean, value.Precision * value.Mean * value.Mean];

    /// <inheritdoc/>
    public double LogBaseMeasure(MeanAndPrecision value) => 0;

    /// <inheritdoc/>
    public NormalGamma WithNaturalParameters(ReadOnlySpan<double> naturalParameters)
    {
        Batch.CheckNaturalLength(Name, naturalParameters, 4);
        var lambda = -2 * naturalParameters[3];
        var mean = naturalParameters[2] / Guard.Positive(Name, "lambda (−2·η₄)", lambda);
        return new(mean, lambda, naturalParameters[0] + 0.5, -naturalParameters[1] - 0.5 * lambda * mean * mean);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"NormalGamma(mean: {Location:R}, lambda: {MeanPrecisionScale:R}, shape: {Shape:R}, rate: {Rate:R})");
}
