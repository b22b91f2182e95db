using System.Globalization;
using Ppl.Tensors;
using Ppl.Tensors.Random;
using Ppl.Tensors.Special;

namespace Ppl.StdLib.Distributions;

/// <summary>
/// The Dirichlet distribution on the K-simplex: p(x) = Γ(α₀)/Πₖ Γ(αₖ) · Πₖ xₖ^(αₖ−1), α₀ = Σₖ αₖ.
/// Language: <c>Dirichlet(alpha)</c>.
/// </summary>
public sealed partial class Dirichlet : IDensity<ReadOnlySpan<double>>, IExponentialFamily<Dirichlet, ReadOnlySpan<double>>
{
    private const string Name = "Dirichlet";
    private readonly double[] _alpha;

    /// <summary>Dirichlet(alpha); every αₖ must be positive.</summary>
    public Dirichlet(ReadOnlySpan<double> alpha)
    {
        _alpha = Guard.PositiveVector(Name, "alpha", alpha);
        Total = _alpha.Sum();
    }

    /// <summary>α.</summary>
    public ReadOnlySpan<double> Alpha => _alpha;

    /// <summary>α₀ = Σₖ αₖ.</summary>
    public double Total { get; }

    /// <summary>K.</summary>
    public int Count => _alpha.Length;

    /// <summary>E[xₖ] = αₖ/α₀.</summary>
    public double[] Mean => _alpha.Select(a => a / Total).ToArray();

    /// <summary>Var[xₖ] = αₖ(α₀ − αₖ)/(α₀²(α₀ + 1)).</summary>
    public double[] Variance => _alpha.Select(a => a * (Total - a) / (Total * Total * (Total + 1))).ToArray();

    /// <summary>log B(α) + (α₀ − K) ψ(α₀) − Σₖ (αₖ − 1) ψ(αₖ), with log B(α) = Σ log Γ(αₖ) − log Γ(α₀).</summary>
    public double Entropy
    {
        get
        {
            var entropy = LogNormaliser + (Total - Count) * SpecialFunctions.Digamma(Total);
            foreach (var a in _alpha)
            {
                entropy -= (a - 1) * SpecialFunctions.Digamma(a);
            }
            return entropy;
        }
    }

    /// <summary>log Γ(α₀) − Σ log Γ(αₖ) + Σ (αₖ − 1) log xₖ; −∞ off the simplex (entries in [0, 1] summing to
    /// one within 1e-8·K).</summary>
    public double LogDensity(ReadOnlySpan<double> value)
    {
        if (value.Length != Count)
        {
            throw new ArgumentException($"{Name}: expected {Count} proportions, got {value.Length}.", nameof(value));
        }
        var sum = 0.0;
        var result = SpecialFunctions.LogGamma(Total);
        for (var k = 0; k < Count; k++)
        {
            var x = value[k];
            if (!(x is >= 0 and <= 1))
            {
                return double.NegativeInfinity;
            }
            sum += x;
            // αₖ = 1 contributes exactly 0 (also at xₖ = 0, where the formula would read 0·(−∞)).
            result += _alpha[k] == 1 ? 0 : LogDensityTerm<Scalar>(x, _alpha[k]).Value;
        }
        return Math.Abs(sum - 1) <= Guard.SimplexTolerance * Count ? result : double.NegativeInfinity;
    }

    /// <summary>One draw: normalised Gamma(αₖ, 1) variates.</summary>
    public double[] Sample(RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var x = new double[Count];
        random.NextDirichlet(_alpha, x);
        return x;
    }

    /// <summary>
    /// A draw from the standard Gamma variates gₖ ~ Gamma(αₖ, 1) that define it, x = g / Σg, with the implicit
    /// reparameterisation Jacobian ∂xᵢ/∂αⱼ = (∂gⱼ/∂αⱼ)(δᵢⱼ − xᵢ)/Σg, where ∂gⱼ/∂αⱼ comes from
    /// <see cref="Gamma.StandardShapeGradient"/> (Figurnov, Mohamed &amp; Mnih 2018, §3).
    /// </summary>
    /// <param name="gammaDraws">gₖ, one per category (e.g. from <see cref="RandomSource.NextGamma"/>).</param>
    /// <param name="sample">Receives x.</param>
    /// <param name="jacobian">Receives ∂xᵢ/∂αⱼ, row-major K×K.</param>
    public void ReparameterisedSample(ReadOnlySpan<double> gammaDraws, Span<double> sample, Span<double> jacobian)
    {
        var k = Count;
        if (gammaDraws.Length != k || sample.Length != k || jacobian.Length != k * k)
        {
            throw new ArgumentException($"{Name}: expected {k} Gamma draws, {k} outputs and a {k}×{k} Jacobian.");
        }
        var total = 0.0;
        foreach (var g in gammaDraws)
        {
            total += g;
        }
        for (var i = 0; i < k; i++)
        {
            sample[i] = gammaDraws[i] / total;
        }
        for (var j = 0; j < k; j++)
        {
            var dg = Gamma.StandardShapeGradient(gammaDraws[j], _alpha[j]);
            for (var i = 0; i < k; i++)
            {
                jacobian[i * k + j] = dg * ((i == j ? 1 : 0) - sample[i]) / total;
            }
        }
    }

    // Exponential family: T(x) = log x, η = α − 1, A(η) = Σ log Γ(αₖ) − log Γ(α₀), h = 1 on the simplex.

    /// <inheritdoc/>
    public double[] NaturalParameters => _alpha.Select(a => a - 1).ToArray();

    /// <inheritdoc/>
    public double LogNormaliser
    {
        get
        {
            var sum = -SpecialFunctions.LogGamma(Total);
            foreach (var a in _alpha)
            {
                sum += SpecialFunctions.LogGamma(a);
            }
            return sum;
        }
    }

    /// <summary>E[log xₖ] = ψ(αₖ) − ψ(α₀).</summary>
    public double[] ExpectedSufficientStatistics
    {
        get
        {
            var total = SpecialFunctions.Digamma(Total);
            return _alpha.Select(a => SpecialFunctions.Digamma(a) - total).ToArray();
        }
    }

    /// <inheritdoc/>
    public double[] SufficientStatistics(ReadOnlySpan<double> value)
    {
        var t = new double[value.Length];
        for (var k = 0; k < value.Length; k++)
        {
            t[k] = Math.Log(value[k]);
        }
        return t;
    }

    /// <inheritdoc/>
    public double LogBaseMeasure(ReadOnlySpan<double> value) => 0;

    /// <inheritdoc/>
    public Dirichlet WithNaturalParameters(ReadOnlySpan<double> naturalParameters)
    {
        var alpha = new double[naturalParameters.Length];
        for (var k = 0; k < alpha.Length; k++)
        {
            alpha[k] = naturalParameters[k] + 1;
        }
        return new(alpha);
    }

    /// <summary>The normalised product of two Dirichlet densities: Dirichlet(α + β − 1).</summary>
    public static Dirichlet operator *(Dirichlet left, Dirichlet right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left._alpha.Zip(right._alpha, (a, b) => a + b - 1).ToArray());
    }

    /// <summary>The product of two Dirichlets (see the * operator).</summary>
    public static Dirichlet Multiply(Dirichlet left, Dirichlet right) => left * right;

    /// <summary>Posterior of proportions π ~ Dirichlet(α) after Categorical or Multinomial data with
    /// per-category counts c: Dirichlet(α + c).</summary>
    public static Dirichlet Posterior(Dirichlet prior, ReadOnlySpan<double> counts)
    {
        ArgumentNullException.ThrowIfNull(prior);
        if (counts.Length != prior.Count)
        {
            throw new ArgumentException($"{Name}: expected {prior.Count} counts, got {counts.Length}.", nameof(counts));
        }
        var alpha = new double[prior.Count];
        for (var k = 0; k < alpha.Length; k++)
        {
            alpha[k] = prior._alpha[k] + counts[k];
        }
        return new(alpha);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        "Dirichlet(alpha: [" + string.Join(", ", _alpha.Select(a => a.ToString("R", CultureInfo.InvariantCulture))) + "])";
}
