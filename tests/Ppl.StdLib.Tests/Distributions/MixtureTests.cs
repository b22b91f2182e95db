using Ppl.StdLib.Distributions;

namespace Ppl.StdLib.Tests.Distributions;

public sealed class MixtureTests
{
    private static readonly Mixture _mixture = new([0.3, 0.7], new Normal(-2, 0.5), new Gamma(3, 1));

    [Theory]
    [InlineData(-2.5)]
    [InlineData(0.5)]
    [InlineData(3.0)]
    public void Log_density_is_the_log_of_the_weighted_sum(double x)
    {
        var direct = Math.Log(0.3 * Math.Exp(new Normal(-2, 0.5).LogDensity(x)) + 0.7 * Math.Exp(new Gamma(3, 1).LogDensity(x)));
        FixtureTests.Close(direct, _mixture.LogDensity(x), $"mixture at {x}", 1e-13);
    }

    [Fact]
    public void Log_density_is_finite_where_every_component_density_underflows()
    {
        // At x = −60 both Normal components' densities are below 1e-300; log-sum-exp keeps the answer.
        var m = new Mixture([0.5, 0.5], new Normal(0, 1), new Normal(1, 1));
        var a = new Normal(0, 1).LogDensity(-60) + Math.Log(0.5);
        var b = new Normal(1, 1).LogDensity(-60) + Math.Log(0.5);
        var expected = Math.Max(a, b) + Math.Log(1 + Math.Exp(Math.Min(a, b) - Math.Max(a, b)));
        FixtureTests.Close(expected, m.LogDensity(-60), "far tail", 1e-14);
    }

    [Fact]
    public void Responsibilities_are_the_posterior_component_probabilities()
    {
        var r = new double[2];
        _mixture.Responsibilities(0.5, r);
        var a = 0.3 * Math.Exp(new Normal(-2, 0.5).LogDensity(0.5));
        var b = 0.7 * Math.Exp(new Gamma(3, 1).LogDensity(0.5));
        Assert.Equal(a / (a + b), r[0], 14);
        Assert.Equal(1, r[0] + r[1], 14);
    }

    [Fact]
    public void Moments_follow_the_law_of_total_variance()
    {
        Assert.Equal(0.3 * -2 + 0.7 * 3, _mixture.Mean, 14);
        var second = 0.3 * (0.25 + 4) + 0.7 * (3 + 9);
        Assert.Equal(second - _mixture.Mean * _mixture.Mean, _mixture.Variance, 13);
    }

    [Fact]
    public void Monte_carlo_entropy_is_near_the_quadrature_value()
    {
        // −∫ p log p by the midpoint rule on [−10, 30]; the estimate's standard error is ~0.01 at 20 000 draws.
        var quadrature = 0.0;
        const double step = 1e-3;
        for (var x = -10 + step / 2; x < 30; x += step)
        {
            var lp = _mixture.LogDensity(x);
            quadrature -= Math.Exp(lp) * lp * step;
        }
        Assert.True(Math.Abs(_mixture.Entropy - quadrature) < 0.05, $"Monte Carlo {_mixture.Entropy:R}, quadrature {quadrature:R}");
    }

    [Fact]
    public void Poisson_entropy_switches_to_the_asymptotic_series_continuously()
    {
        // Summed at 1e5, asymptotic just above: the two must differ by ½ log((λ + 1)/λ) to the series' accuracy.
        var summed = new Poisson(1e5).Entropy;
        var asymptotic = new Poisson(1e5 + 1).Entropy;
        Assert.Equal(0.5 * Math.Log((1e5 + 1) / 1e5), asymptotic - summed, 9);
    }
}
