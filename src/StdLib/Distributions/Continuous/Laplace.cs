using System.Globalization;
using Ppl.Tensors;
using Ppl.Tensors.Random;
using Ppl.Tensors.Special;

namespace Ppl.StdLib.Distributions;

/// <summary>The Laplace distribution: p(x) = e^(−|x − μ|/b) / (2b). Language: <c>Laplace(loc, scale)</c>.</summary>
public sealed class Laplace : IContinuousDistribution
{
    private const string Name = "Laplace";

    /// <summary>Laplace(loc, scale); the scale must be positive.</summary>
    public Laplace(double loc, double scale)
    {
        Loc = Guard.Finite(Name, "loc", loc);
        Scale = Guard.Positive(Name, "scale", scale);
    }

    /// <summary>μ, the location (mean and median).</summary>
    public double Loc { get; }

    /// <summary>b.</summary>
    public double Scale { get; }

    /// <summary>μ.</summary>
    public double Mean => Loc;

    /// <summary>2b².</summary>
    public double Variance => 2 * Scale * Scale;

    /// <summary>1 + log 2b.</summary>
    public double Entropy => 1 + Math.Log(2 * Scale);

    /// <summary>log Laplace(x; μ, b) = −|x − μ|/b − log 2b.</summary>
    public static T LogDensity<T>(T x, T loc, T scale) where T : IReal<T> =>
        -T.Abs(x - loc) / scale - T.Log(scale) - LogConstants.LogTwo;

    /// <summary>The reparameterised draw μ + b·e for standard Laplace noise e (<see cref="StandardNoise"/>).</summary>
    public static T Rsample<T>(T loc, T scale, T noise) where T : IReal<T> => loc + scale * noise;

    /// <summary>A standard Laplace(0, 1) draw by inversion: e = −sign(u)·log(1 − 2|u|), u ~ Uniform(−½, ½).</summary>
    public static double StandardNoise(RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var u = random.NextOpenDouble() - 0.5;
        return -Math.Sign(u) * SpecialFunctions.Log1p(-2 * Math.Abs(u));
    }

    /// <inheritdoc/>
    public double LogDensity(double value) => LogDensity<Scalar>(value, Loc, Scale).Value;

    /// <summary>F(x) = ½e^((x − μ)/b) below μ, 1 − ½e^(−(x − μ)/b) above.</summary>
    public double Cdf(double x)
    {
        var z = (x - Loc) / Scale;
        return z < 0 ? 0.5 * Math.Exp(z) : 1 - 0.5 * Math.Exp(-z);
    }

    /// <summary>F⁻¹(p) = μ + b log 2p below ½, μ − b log(2 − 2p) above.</summary>
    public double Quantile(double probability)
    {
        Batch.CheckProbability(Name, probability);
        return probability < 0.5
            ? Loc + Scale * Math.Log(2 * probability)
            : Loc - Scale * Math.Log(2 - 2 * probability);
    }

    /// <inheritdoc/>
    public double Sample(RandomSource random) => Loc + Scale * StandardNoise(random);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Laplace(loc: {Loc:R}, scale: {Scale:R})");
}
