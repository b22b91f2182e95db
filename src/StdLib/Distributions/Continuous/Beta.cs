using System.Globalization;
using Ppl.Tensors;
using Ppl.Tensors.Random;
using Ppl.Tensors.Special;

namespace Ppl.StdLib.Distributions;

/// <summary>
/// The beta distribution: p(x) = xᵃ⁻¹ (1 − x)ᵇ⁻¹ / B(a, b) on [0, 1]. Language: <c>Beta(a, b)</c>.
/// </summary>
public sealed class Beta : IContinuousDistribution, IExponentialFamily<Beta, double>
{
    private const string Name = "Beta";

    /// <summary>Beta(a, b); both must be positive.</summary>
    public Beta(double a, double b)
    {
        A = Guard.Positive(Name, "a", a);
        B = Guard.Positive(Name, "b", b);
    }

    /// <summary>a (pseudo-count of successes plus one).</summary>
    public double A { get; }

    /// <summary>b (pseudo-count of failures plus one).</summary>
    public double B { get; }

    /// <summary>a/(a + b).</summary>
    public double Mean => A / (A + B);

    /// <summary>ab/((a + b)²(a + b + 1)).</summary>
    public double Variance => A * B / ((A + B) * (A + B) * (A + B + 1));

    /// <summary>log B(a, b) − (a − 1)ψ(a) − (b − 1)ψ(b) + (a + b − 2)ψ(a + b).</summary>
    public double Entropy =>
        SpecialFunctions.LogBeta(A, B) - (A - 1) * SpecialFunctions.Digamma(A) - (B - 1) * SpecialFunctions.Digamma(B)
        + (A + B - 2) * SpecialFunctions.Digamma(A + B);

    /// <summary>log Beta(x; a, b) = (a − 1) log x + (b − 1) log(1 − x) − log B(a, b), with
    /// log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b).</summary>
    public static T LogDensity<T>(T x, T a, T b) where T : IReal<T> =>
        (a - 1.0) * T.Log(x) + (b - 1.0) * T.Log1p(-x) - T.LogGamma(a) - T.LogGamma(b) + T.LogGamma(a + b);

    /// <inheritdoc/>
    public double LogDensity(double value)
    {
        if (value is > 0 and < 1)
        {
            return (A - 1) * Math.Log(value) + (B - 1) * SpecialFunctions.Log1p(-value) - SpecialFunctions.LogBeta(A, B);
        }
        if (value is 0 or 1)
        {
            var exponent = value == 0 ? A : B;
            return exponent == 1 ? -SpecialFunctions.LogBeta(A, B) : exponent < 1 ? double.PositiveInfinity : double.NegativeInfinity;
        }
        return double.NegativeInfinity;
    }

    /// <summary>F(x) = Iₓ(a, b), the regularised incomplete beta function.</summary>
    public double Cdf(double x) => x <= 0 ? 0 : x >= 1 ? 1 : SpecialFunctions.BetaRegularized(A, B, x);

    /// <inheritdoc/>
    public double Quantile(double probability) => StandardQuantile(A, B, Batch.CheckProbability(Name, probability));

    internal static double StandardQuantile(double a, double b, double probability)
    {
        if (probability is 0 or 1)
        {
            return probability;
        }
        var logBeta = SpecialFunctions.LogBeta(a, b);
        var mean = a / (a + b);
        return QuantileSearch.Invert(
            x => x <= 0 ? 0 : x >= 1 ? 1 : SpecialFunctions.BetaRegularized(a, b, x),
            x => (a - 1) * Math.Log(x) + (b - 1) * SpecialFunctions.Log1p(-x) - logBeta,
            probability, 0, 1, mean);
    }

    /// <inheritdoc/>
    public double Sample(RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.NextBeta(A, B);
    }

    /// <summary>
    /// Implicit reparameterisation gradients of a draw z (Figurnov, Mohamed &amp; Mnih 2018):
    /// ∂z/∂a = −(∂Iz(a, b)/∂a) / p(z) and likewise for b, with the CDF derivatives by
    /// Richardson-extrapolated central differences.
    /// </summary>
    public (double A, double B) ParameterGradient(double z)
    {
        if (!(z is > 0 and < 1))
        {
            return (0, 0);
        }
        var density = Math.Exp(LogDensity(z));
        var b = B;
        var a = A;
        var dA = Differences.Derivative(s => SpecialFunctions.BetaRegularized(s, b, z), a, 1e-3 * a);
        var dB = Differences.Derivative(s => SpecialFunctions.BetaRegularized(a, s, z), b, 1e-3 * b);
        return (-dA / density, -dB / density);
    }

    // Exponential family: T(x) = (log x, log(1 − x)), η = (a − 1, b − 1), A(η) = log B(a, b), h = 1.

    /// <inheritdoc/>
    public double[] NaturalParameters => [A - 1, B - 1];

    /// <inheritdoc/>
    public double LogNormaliser => SpecialFunctions.LogBeta(A, B);

    /// <summary>(E[log x], E[log(1 − x)]) = (ψ(a) − ψ(a + b), ψ(b) − ψ(a + b)).</summary>
    public double[] ExpectedSufficientStatistics
    {
        get
        {
            var total = SpecialFunctions.Digamma(A + B);
            return [SpecialFunctions.Digamma(A) - total, SpecialFunctions.Digamma(B) - total];
        }
    }

    /// <inheritdoc/>
    public double[] SufficientStatistics(double value) => [Math.Log(value), SpecialFunctions.Log1p(-value)];

    /// <inheritdoc/>
    public double LogBaseMeasure(double value) => 0;

    /// <inheritdoc/>
    public Beta WithNaturalParameters(ReadOnlySpan<double> naturalParameters)
    {
        Batch.CheckNaturalLength(Name, naturalParameters, 2);
        return new(naturalParameters[0] + 1, naturalParameters[1] + 1);
    }

    /// <summary>The normalised product of two Beta densities: Beta(a₁ + a₂ − 1, b₁ + b₂ − 1).</summary>
    public static Beta operator *(Beta left, Beta right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.A + right.A - 1, left.B + right.B - 1);
    }

    /// <summary>The product of two Betas (see the * operator).</summary>
    public static Beta Multiply(Beta left, Beta right) => left * right;

    /// <summary>Posterior of a success probability θ ~ Beta(a, b) after Bernoulli or Binomial data with
    /// the given numbers of successes and failures: Beta(a + successes, b + failures).</summary>
    public static Beta Posterior(Beta prior, double successes, double failures)
    {
        ArgumentNullException.ThrowIfNull(prior);
        return new(prior.A + successes, prior.B + failures);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Beta(a: {A:R}, b: {B:R})");
}
