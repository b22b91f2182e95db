using System.Globalization;
using Ppl.Tensors;
using Ppl.Tensors.Random;
using Ppl.Tensors.Special;

namespace Ppl.StdLib.Distributions;

/// <summary>
/// Student's t distribution with ν degrees of freedom, location μ and scale s:
/// p(x) = Γ((ν+1)/2) / (Γ(ν/2) √(νπ) s) · (1 + ((x − μ)/s)²/ν)^(−(ν+1)/2).
/// Language: <c>StudentT(nu, loc, scale)</c>.
/// </summary>
public sealed class StudentT : IContinuousDistribution
{
    private const string Name = "StudentT";

    /// <summary>StudentT(nu, loc, scale); nu and scale must be positive.</summary>
    public StudentT(double nu, double loc, double scale)
    {
        Nu = Guard.Positive(Name, "nu", nu);
        Loc = Guard.Finite(Name, "loc", loc);
        Scale = Guard.Positive(Name, "scale", scale);
    }

    /// <summary>ν, the degrees of freedom.</summary>
    public double Nu { get; }

    /// <summary>μ.</summary>
    public double Loc { get; }

    /// <summary>s.</summary>
    public double Scale { get; }

    /// <summary>μ for ν &gt; 1; undefined (NaN) for ν ≤ 1, where E|x| diverges (SciPy reports +∞ there).</summary>
    public double Mean => Nu > 1 ? Loc : double.NaN;

    /// <summary>s²ν/(ν − 2) for ν &gt; 2, +∞ for 1 &lt; ν ≤ 2, undefined (NaN) for ν ≤ 1.</summary>
    public double Variance => Nu > 2 ? Scale * Scale * Nu / (Nu - 2) : Nu > 1 ? double.PositiveInfinity : double.NaN;

    /// <summary>(ν+1)/2 · (ψ((ν+1)/2) − ψ(ν/2)) + log(√ν B(ν/2, ½)) + log s.</summary>
    public double Entropy =>
        0.5 * (Nu + 1) * (SpecialFunctions.Digamma(0.5 * (Nu + 1)) - SpecialFunctions.Digamma(0.5 * Nu))
        + 0.5 * Math.Log(Nu) + SpecialFunctions.LogBeta(0.5 * Nu, 0.5) + Math.Log(Scale);

    /// <summary>log StudentT(x; ν, μ, s) = log Γ((ν+1)/2) − log Γ(ν/2) − ½ log(νπ) − log s
    /// − (ν+1)/2 · log(1 + ((x − μ)/s)²/ν).</summary>
    public static T LogDensity<T>(T x, T nu, T loc, T scale) where T : IReal<T> =>
        T.LogGamma(0.5 * (nu + 1.0)) - T.LogGamma(0.5 * nu) - 0.5 * T.Log(nu) - 0.5 * LogConstants.LogPi - T.Log(scale)
        - 0.5 * (nu + 1.0) * T.Log1p(T.Square((x - loc) / scale) / nu);

    /// <summary>The draw μ + s·t for a standard t draw (reparameterised in loc and scale, not in ν).</summary>
    public static T Rsample<T>(T loc, T scale, T noise) where T : IReal<T> => loc + scale * noise;

    /// <summary>A standard t(ν) draw: z/√(g/ν) with z ~ N(0, 1) and g ~ χ²(ν) = 2·Gamma(ν/2).</summary>
    public static double StandardNoise(double nu, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.NextNormal() / Math.Sqrt(2 * random.NextGamma(0.5 * nu) / nu);
    }

    /// <inheritdoc/>
    public double LogDensity(double value) => LogDensity<Scalar>(value, Nu, Loc, Scale).Value;

    /// <summary>
    /// F(x) = ½ I_{ν/(ν+t²)}(ν/2, ½) for t = (x − μ)/s &lt; 0 (and its complement above); near the centre
    /// ½ ± ½ I_{t²/(ν+t²)}(½, ν/2), which keeps full relative accuracy there (Abramowitz &amp; Stegun 26.7.1).
    /// </summary>
    public double Cdf(double x)
    {
        var t = (x - Loc) / Scale;
        var t2 = t * t;
        if (t2 < Nu)
        {
            var centre = 0.5 * SpecialFunctions.BetaRegularized(0.5, 0.5 * Nu, t2 / (Nu + t2));
            return t < 0 ? 0.5 - centre : 0.5 + centre;
        }
        var tail = 0.5 * SpecialFunctions.BetaRegularized(0.5 * Nu, 0.5, Nu / (Nu + t2));
        return t < 0 ? tail : 1 - tail;
    }

    /// <inheritdoc/>
    public double Quantile(double probability)
    {
        Batch.CheckProbability(Name, probability);
        if (probability is 0 or 1)
        {
            return probability == 0 ? double.NegativeInfinity : double.PositiveInfinity;
        }
        var start = Loc + Scale * SpecialFunctions.Probit(probability);
        return QuantileSearch.Invert(Cdf, LogDensity, probability, double.NegativeInfinity, double.PositiveInfinity, start);
    }

    /// <inheritdoc/>
    public double Sample(RandomSource random) => Loc + Scale * StandardNoise(Nu, random);

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"StudentT(nu: {Nu:R}, loc: {Loc:R}, scale: {Scale:R})");
}
