using Ppl.StdLib.Distributions;
using Ppl.Tensors.Random;

namespace Ppl.StdLib.Tests.Distributions;

/// <summary>
/// Every closed-form KL(p ‖ q) against the Monte Carlo estimate mean(log p(x) − log q(x)), x ~ p, with a fixed
/// seed and a tolerance of five standard errors of that mean.
/// </summary>
public sealed class KlMonteCarloTests
{
    private const int Draws = 40_000;

    public static TheoryData<string> Pairs() =>
    [
        "Normal", "MvNormal", "DiagonalNormal-MvNormal", "MvNormal-DiagonalNormal", "DiagonalNormal", "Gamma", "Beta",
        "Dirichlet", "Categorical", "Bernoulli", "Wishart",
    ];

    private static (object P, object Q, Func<RandomSource, double> LogRatio) Make(string pair)
    {
        switch (pair)
        {
            case "Normal":
            {
                Normal p = new(2, 0.5), q = new(-1, 3);
                return (p, q, r => Ratio(p, q, p.Sample(r)));
            }
            case "MvNormal":
            {
                var p = new MvNormal([0, 1], [1, 0.5, 0.5, 2]);
                var q = new MvNormal([1, 0], [2, 0, 0, 1]);
                return (p, q, r => Ratio(p, q, p.Sample(r)));
            }
            case "DiagonalNormal-MvNormal":
            {
                var p = new DiagonalNormal([0.5, -1, 2], [0.3, 1.2, 0.8]);
                var q = new MvNormal([0, 0, 1], [2, 0.3, 0.1, 0.3, 1, -0.2, 0.1, -0.2, 0.5]);
                return (p, q, r =>
                {
                    var x = p.Sample(r);
                    return p.LogDensity(x) - q.LogDensity(x);
                });
            }
            case "MvNormal-DiagonalNormal":
            {
                var p = new MvNormal([0, 0, 1], [2, 0.3, 0.1, 0.3, 1, -0.2, 0.1, -0.2, 0.5]);
                var q = new DiagonalNormal([0.5, -1, 2], [1.3, 1.2, 0.8]);
                return (p, q, r =>
                {
                    var x = p.Sample(r);
                    return p.LogDensity(x) - q.LogDensity(x);
                });
            }
            case "DiagonalNormal":
            {
                var p = new DiagonalNormal([0.5, -1], [0.3, 1.2]);
                var q = new DiagonalNormal([0, 0], [1, 1]);
                return (p, q, r =>
                {
                    var x = p.Sample(r);
                    return p.LogDensity(x) - q.LogDensity(x);
                });
            }
            case "Gamma":
            {
                Gamma p = new(0.7, 0.5), q = new(1, 1);
                return (p, q, r => Ratio(p, q, p.Sample(r)));
            }
            case "Beta":
            {
                Beta p = new(5, 1), q = new(2, 2);
                return (p, q, r => Ratio(p, q, p.Sample(r)));
            }
            case "Dirichlet":
            {
                Dirichlet p = new([1, 2, 3]), q = new([2, 2, 2]);
                return (p, q, r =>
                {
                    var x = p.Sample(r);
                    return p.LogDensity(x) - q.LogDensity(x);
                });
            }
            case "Categorical":
            {
                Categorical p = new([0.2, 0.3, 0.5]), q = new([0.6, 0.3, 0.1]);
                return (p, q, r =>
                {
                    var k = p.Sample(r);
                    return p.LogDensity(k) - q.LogDensity(k);
                });
            }
            case "Bernoulli":
            {
                Bernoulli p = new(0.3), q = new(0.8);
                return (p, q, r => Ratio(p, q, p.Sample(r)));
            }
            case "Wishart":
            {
                var p = new Wishart(5.5, [2, 0.5, 0.5, 1]);
                var q = new Wishart(3, [1, 0, 0, 1]);
                return (p, q, r =>
                {
                    var x = p.Sample(r);
                    return p.LogDensity(x) - q.LogDensity(x);
                });
            }
            default:
                throw new ArgumentException(pair);
        }
    }

    private static double Ratio(IUnivariateDistribution p, IUnivariateDistribution q, double x) => p.LogDensity(x) - q.LogDensity(x);

    private static double Ratio(MvNormal p, MvNormal q, double[] x) => p.LogDensity(x) - q.LogDensity(x);

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Closed_form_matches_monte_carlo(string pair)
    {
        var (p, q, logRatio) = Make(pair);
        Assert.True(KullbackLeibler.TryDivergence(p, q, out var exact), $"{pair}: no closed form registered");
        var random = new RandomSource(4242);
        var sum = 0.0;
        var sumSquares = 0.0;
        for (var i = 0; i < Draws; i++)
        {
            var v = logRatio(random);
            sum += v;
            sumSquares += v * v;
        }
        var mean = sum / Draws;
        var se = Math.Sqrt((sumSquares / Draws - mean * mean) / Draws);
        Assert.True(Math.Abs(mean - exact.Value) <= 5 * se + 1e-12,
            $"{pair}: closed form {exact.Value:R}, Monte Carlo {mean:R} ± {5 * se:E2}");
        Assert.True(exact.Value >= 0);
    }

    [Fact]
    public void Divergence_of_a_distribution_from_itself_is_zero()
    {
        Assert.Equal(0, KullbackLeibler.Divergence(new Gamma(2, 3), new Gamma(2, 3)), 14);
        Assert.Equal(0, KullbackLeibler.Divergence(new Beta(2, 3), new Beta(2, 3)), 14);
        Assert.Equal(0, KullbackLeibler.Divergence(new Wishart(4, [2, 0.5, 0.5, 1]), new Wishart(4, [2, 0.5, 0.5, 1])), 12);
        var m = new MvNormal([1, 2], [2, 0.5, 0.5, 1]);
        Assert.Equal(0, KullbackLeibler.Divergence(m, m), 14);
        Assert.Equal(double.PositiveInfinity, KullbackLeibler.Divergence(new Categorical([0.5, 0.5]), new Categorical([1, 0])));
    }

    [Fact]
    public void Pairs_without_a_closed_form_are_reported_as_such()
    {
        Assert.False(KullbackLeibler.HasClosedForm(typeof(Normal), typeof(Gamma)));
        Assert.False(KullbackLeibler.TryDivergence(new Laplace(0, 1), new Normal(0, 1), out var none));
        Assert.Null(none);
    }
}
