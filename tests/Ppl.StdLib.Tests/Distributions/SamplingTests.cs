using Ppl.StdLib.Distributions;
using Ppl.Tensors.Random;

namespace Ppl.StdLib.Tests.Distributions;

/// <summary>
/// Sample moments and empirical CDFs against the closed forms, with fixed seeds and tolerances of five
/// Monte Carlo standard errors (estimated from the same draws).
/// </summary>
public sealed class SamplingTests
{
    private const int Draws = 40_000;
    private const double Z = 5;

    public static TheoryData<string> Univariate() =>
    [
        "Normal", "Gamma", "GammaSmallShape", "InverseGamma", "Beta", "BetaU", "Exponential", "Uniform", "Laplace",
        "StudentT", "StudentT1", "HalfNormal", "HalfCauchy", "LogNormal", "Bernoulli", "Binomial", "Poisson", "PoissonLarge",
        "Mixture",
    ];

    internal static IUnivariateDistribution Make(string name) => name switch
    {
        "Normal" => new Normal(1.5, 0.3),
        "Gamma" => new Gamma(2.5, 0.5),
        "GammaSmallShape" => new Gamma(0.3, 4),
        "InverseGamma" => new InverseGamma(6.5, 2.0),
        "Beta" => new Beta(2, 5),
        "BetaU" => new Beta(0.5, 0.5),
        "Exponential" => new Exponential(2),
        "Uniform" => new Uniform(-2, 3),
        "Laplace" => new Laplace(2, 0.5),
        "StudentT" => new StudentT(9, 1, 2),
        "StudentT1" => new StudentT(1, 0, 1),
        "HalfNormal" => new HalfNormal(2.5),
        "HalfCauchy" => new HalfCauchy(5),
        "LogNormal" => new LogNormal(1, 0.25),
        "Bernoulli" => new Bernoulli(0.3),
        "Binomial" => new Binomial(20, 0.3),
        "Poisson" => new Poisson(3),
        "PoissonLarge" => new Poisson(40),
        "Mixture" => new Mixture([0.3, 0.7], new Normal(-2, 0.5), new Gamma(3, 1)),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Univariate))]
    public void Sample_mean_and_variance_match_the_closed_forms(string name)
    {
        var d = Make(name);
        var random = new RandomSource((ulong)name.GetHashCode(StringComparison.Ordinal) & 0xFFFF);
        var x = new double[Draws];
        for (var i = 0; i < Draws; i++)
        {
            x[i] = d.Sample(random);
        }
        if (!double.IsFinite(d.Variance))
        {
            return; // heavy tails: the empirical CDF test below covers these.
        }
        var mean = x.Average();
        var centred2 = x.Select(v => (v - mean) * (v - mean)).ToArray();
        var variance = centred2.Sum() / (Draws - 1);
        var fourth = centred2.Select(v => v * v).Average();
        Assert.True(Math.Abs(mean - d.Mean) <= Z * Math.Sqrt(d.Variance / Draws),
            $"{name}: sample mean {mean:R}, expected {d.Mean:R} ± {Z * Math.Sqrt(d.Variance / Draws):E2}");
        var varianceError = Math.Sqrt(Math.Max(fourth - variance * variance, 0) / Draws);
        Assert.True(Math.Abs(variance - d.Variance) <= Z * varianceError,
            $"{name}: sample variance {variance:R}, expected {d.Variance:R} ± {Z * varianceError:E2}");
    }

    public static TheoryData<string> Continuous() =>
    [
        "Normal", "Gamma", "GammaSmallShape", "InverseGamma", "Beta", "BetaU", "Exponential", "Uniform", "Laplace",
        "StudentT", "StudentT1", "HalfNormal", "HalfCauchy", "LogNormal",
    ];

    [Theory]
    [MemberData(nameof(Continuous))]
    public void Empirical_cdf_matches_at_the_deciles(string name)
    {
        var d = (IContinuousDistribution)Make(name);
        var random = new RandomSource(0xC0FFEE + (ulong)name.Length);
        var x = new double[Draws];
        for (var i = 0; i < Draws; i++)
        {
            x[i] = d.Sample(random);
        }
        for (var p = 0.1; p < 0.95; p += 0.1)
        {
            var q = d.Quantile(p);
            var empirical = x.Count(v => v <= q) / (double)Draws;
            Assert.True(Math.Abs(empirical - p) <= Z * Math.Sqrt(p * (1 - p) / Draws),
                $"{name}: {empirical:R} of draws below the {p:F1} quantile {q:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Continuous))]
    public void Quantile_inverts_the_cdf(string name)
    {
        var d = (IContinuousDistribution)Make(name);
        foreach (var p in new[] { 1e-6, 0.01, 0.1, 0.37, 0.5, 0.8, 0.99, 1 - 1e-6 })
        {
            var q = d.Quantile(p);
            var back = d.Cdf(q);
            // The floor: F changes by pdf(q)·ulp(q) between adjacent doubles, so no q can do better.
            var conditioning = 4 * Math.Exp(d.LogDensity(q)) * (Math.BitIncrement(Math.Abs(q)) - Math.Abs(q));
            Assert.True(Math.Abs(back - p) <= 1e-10 * Math.Min(p, 1 - p) + 1e-15 + conditioning,
                $"{name}: Cdf(Quantile({p:R})) = {back:R} (quantile {q:R})");
        }
    }

    [Fact]
    public void Categorical_frequencies_match_the_probabilities()
    {
        double[] p = [0.2, 0.3, 0.5];
        var d = new Categorical(p);
        var random = new RandomSource(11);
        var counts = new int[3];
        for (var i = 0; i < Draws; i++)
        {
            counts[d.Sample(random)]++;
        }
        for (var k = 0; k < 3; k++)
        {
            Assert.True(Math.Abs(counts[k] / (double)Draws - p[k]) <= Z * Math.Sqrt(p[k] * (1 - p[k]) / Draws), $"category {k}");
        }
    }

    [Fact]
    public void Multinomial_dirichlet_mvnormal_and_wishart_sample_means_match()
    {
        var random = new RandomSource(2024);
        const int n = 20_000;

        var multinomial = new Multinomial(12, [0.1, 0.6, 0.3]);
        CheckMean("Multinomial", () => multinomial.Sample(random).Select(c => (double)c).ToArray(), multinomial.Mean,
            Diagonal(multinomial.Covariance, 3), n);

        var dirichlet = new Dirichlet([0.5, 2, 7, 1]);
        CheckMean("Dirichlet", () => dirichlet.Sample(random), dirichlet.Mean, dirichlet.Variance, n);

        var mv = new MvNormal([1, -1, 0.5], [2, 0.3, 0.1, 0.3, 1, -0.2, 0.1, -0.2, 0.5]);
        CheckMean("MvNormal", () => mv.Sample(random), mv.Mean.ToArray(), Diagonal(mv.Covariance.ToArray(), 3), n);
        // Second moments: E[xᵢxⱼ] = Σᵢⱼ + μᵢμⱼ, with Var(xᵢxⱼ) estimated from the draws.
        CheckMean("MvNormal second moments", () => mv.SufficientStatistics(mv.Sample(random))[3..], mv.ExpectedSufficientStatistics[3..], null, n);

        var wishart = new Wishart(5.5, [2, 0.5, 0.5, 1]);
        CheckMean("Wishart", () => wishart.Sample(random), wishart.Mean, wishart.Variance, n);
        CheckMean("Wishart log-determinant", () => [wishart.SufficientStatistics(wishart.Sample(random))[0]],
            [wishart.ExpectedLogDeterminant], null, n);
    }

    [Fact]
    public void Normal_gamma_draws_have_the_marginal_moments()
    {
        var d = new NormalGamma(1.5, 2, 4, 3);
        var random = new RandomSource(77);
        CheckMean("NormalGamma", () =>
        {
            var s = d.Sample(random);
            return [s.Mean, s.Precision];
        }, [d.MeanMarginal.Mean, d.PrecisionMarginal.Mean], [d.MeanMarginal.Variance, d.PrecisionMarginal.Variance], 20_000);
    }

    private static double[] Diagonal(double[] matrix, int d) => Enumerable.Range(0, d).Select(i => matrix[i * d + i]).ToArray();

    /// <summary>Checks every component's sample mean within five standard errors; the variance is the closed
    /// form if given, else estimated from the draws.</summary>
    internal static void CheckMean(string what, Func<double[]> draw, double[] expected, double[]? variance, int n)
    {
        var sum = new double[expected.Length];
        var sumSquares = new double[expected.Length];
        for (var i = 0; i < n; i++)
        {
            var x = draw();
            for (var k = 0; k < x.Length; k++)
            {
                sum[k] += x[k];
                sumSquares[k] += x[k] * x[k];
            }
        }
        for (var k = 0; k < expected.Length; k++)
        {
            var mean = sum[k] / n;
            var v = variance?[k] ?? (sumSquares[k] / n - mean * mean);
            var se = Math.Sqrt(v / n);
            Assert.True(Math.Abs(mean - expected[k]) <= Z * se + 1e-12,
                $"{what}[{k}]: sample mean {mean:R}, expected {expected[k]:R} ± {Z * se:E2}");
        }
    }
}
