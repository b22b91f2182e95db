using Ppl.StdLib.Distributions;

namespace Ppl.StdLib.Tests.Distributions;

/// <summary>
/// The Mixture's CDF Σₖ wₖ Fₖ(x) and its quantile by search: against a closed form (a mixture of Exponentials,
/// F(x) = 1 − Σₖ wₖ e^(−λₖx)), against composite Simpson quadrature of the mixture's own density (an
/// independent twin), and quantile ∘ CDF round trips; a mixture of identical components has the component's
/// quantile.
/// </summary>
public sealed class MixtureCdfTests
{
    private static readonly Mixture Exponentials = new([0.25, 0.75], new Exponential(0.5), new Exponential(3));
    private static readonly Mixture Normals = new([0.3, 0.5, 0.2], new Normal(-2, 0.5), new Normal(1, 1.5), new Normal(4, 0.8));
    private static readonly Mixture Mixed = new([0.6, 0.4], new Gamma(2.5, 1.5), new Beta(2, 5));

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    [InlineData(1.0)]
    [InlineData(4.0)]
    [InlineData(30.0)]
    public void Exponential_mixture_CDF_matches_the_closed_form(double x)
    {
        var expected = 1 - 0.25 * Math.Exp(-0.5 * x) - 0.75 * Math.Exp(-3 * x);
        FixtureTests.Close(expected, Exponentials.Cdf(x), $"F({x})", 1e-14);
    }

    [Theory]
    [InlineData(-3.0)]
    [InlineData(-1.0)]
    [InlineData(0.5)]
    [InlineData(3.7)]
    public void Normal_mixture_CDF_matches_quadrature_of_the_density(double x)
    {
        // Composite Simpson on [−15, x] with 20 000 intervals: error ~ h⁴ max|f⁗| ≪ 1e-10.
        const int Intervals = 20_000;
        const double Lo = -15;
        var h = (x - Lo) / Intervals;
        var sum = Density(Lo) + Density(x);
        for (var i = 1; i < Intervals; i++)
        {
            sum += (i % 2 == 1 ? 4 : 2) * Density(Lo + i * h);
        }
        var quadrature = sum * h / 3;
        Assert.True(Math.Abs(quadrature - Normals.Cdf(x)) <= 1e-10, $"F({x}) = {Normals.Cdf(x):R}, quadrature {quadrature:R}");

        static double Density(double t) => Math.Exp(Normals.LogDensity(t));
    }

    [Theory]
    [InlineData(1e-9)]
    [InlineData(0.01)]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.77)]
    [InlineData(0.999)]
    public void Quantile_inverts_the_CDF(double p)
    {
        foreach (var mixture in new[] { Exponentials, Normals, Mixed })
        {
            var q = mixture.Quantile(p);
            FixtureTests.Close(p, mixture.Cdf(q), $"{mixture}: F(F⁻¹({p}))", 1e-12);
        }
        FixtureTests.Close(-Math.Log(1 - p) / 0.5,
            new Mixture([0.4, 0.6], new Exponential(0.5), new Exponential(0.5)).Quantile(p), $"identical components at {p}", 1e-13);
    }

    [Fact]
    public void Quantile_ends_are_the_support_ends()
    {
        Assert.Equal(0, Exponentials.Quantile(0));
        Assert.Equal(double.PositiveInfinity, Exponentials.Quantile(1));
        Assert.Equal(double.NegativeInfinity, Normals.Quantile(0));
    }

    [Fact]
    public void A_discrete_component_has_no_CDF_here()
    {
        var mixture = new Mixture([0.5, 0.5], new Normal(0, 1), new Poisson(2));
        Assert.False(mixture.IsContinuous);
        Assert.True(Normals.IsContinuous);
        var e = Assert.Throws<InvalidOperationException>(() => mixture.Cdf(1));
        Assert.Contains("component 2", e.Message, StringComparison.Ordinal);
    }
}
