using Ppl.Tensors.Special;

namespace Ppl.Tensors.Tests.Special;

/// <summary>
/// The regularised incomplete gamma and beta functions against the CDFs of the fixture's Gamma,
/// Exponential, Beta, Student t and Normal cases (SciPy), against closed forms, and their inverses
/// by round trip.
/// </summary>
public sealed class IncompleteGammaBetaTests
{
    /// <summary>SciPy's CDFs are themselves good to about 1e-15; the CF and series here lose a few
    /// ulps more, so 1e-13 relative (to the smaller of the CDF and its complement).</summary>
    private const double Relative = 1e-13;

    [Fact]
    public void GammaP_matches_the_Gamma_CDFs_of_the_fixture()
    {
        var count = 0;
        foreach (var c in SpecialFixture.Distributions("Gamma"))
        {
            var shape = c.GetProperty("parameters").GetProperty("shape").GetDouble();
            var rate = c.GetProperty("parameters").GetProperty("rate").GetDouble();
            var points = SpecialFixture.Numbers(c.GetProperty("points"));
            var cdf = SpecialFixture.Numbers(c.GetProperty("cdf"));
            for (var i = 0; i < points.Length; i++, count++)
            {
                AssertCdf(cdf[i], SpecialFunctions.GammaP(shape, rate * points[i]), SpecialFunctions.GammaQ(shape, rate * points[i]));
            }
        }
        Assert.True(count >= 15);
    }

    [Fact]
    public void GammaP_matches_the_Exponential_CDFs_of_the_fixture()
    {
        foreach (var c in SpecialFixture.Distributions("Exponential"))
        {
            var rate = c.GetProperty("parameters").GetProperty("rate").GetDouble();
            var points = SpecialFixture.Numbers(c.GetProperty("points"));
            var cdf = SpecialFixture.Numbers(c.GetProperty("cdf"));
            for (var i = 0; i < points.Length; i++)
            {
                AssertCdf(cdf[i], SpecialFunctions.GammaP(1, rate * points[i]), SpecialFunctions.GammaQ(1, rate * points[i]));
            }
        }
    }

    [Fact]
    public void BetaRegularized_matches_the_Beta_CDFs_of_the_fixture()
    {
        var count = 0;
        foreach (var c in SpecialFixture.Distributions("Beta"))
        {
            var a = c.GetProperty("parameters").GetProperty("a").GetDouble();
            var b = c.GetProperty("parameters").GetProperty("b").GetDouble();
            var points = SpecialFixture.Numbers(c.GetProperty("points"));
            var cdf = SpecialFixture.Numbers(c.GetProperty("cdf"));
            for (var i = 0; i < points.Length; i++, count++)
            {
                AssertCdf(cdf[i], SpecialFunctions.BetaRegularized(a, b, points[i]),
                    SpecialFunctions.BetaRegularizedComplement(a, b, points[i]));
            }
        }
        Assert.True(count >= 20);
    }

    [Fact]
    public void BetaRegularized_gives_the_StudentT_CDFs_of_the_fixture()
    {
        // F(t) = 1 − ½ I_{ν/(ν + t²)}(ν/2, ½) for t ≥ 0 and ½ I_{ν/(ν + t²)}(ν/2, ½) for t < 0.
        foreach (var c in SpecialFixture.Distributions("StudentT"))
        {
            var parameters = c.GetProperty("parameters");
            var nu = parameters.GetProperty("nu").GetDouble();
            var loc = parameters.GetProperty("loc").GetDouble();
            var scale = parameters.GetProperty("scale").GetDouble();
            var points = SpecialFixture.Numbers(c.GetProperty("points"));
            var cdf = SpecialFixture.Numbers(c.GetProperty("cdf"));
            for (var i = 0; i < points.Length; i++)
            {
                var t = (points[i] - loc) / scale;
                var tail = 0.5 * SpecialFunctions.BetaRegularized(0.5 * nu, 0.5, nu / (nu + t * t));
                var lower = t < 0 ? tail : 1 - tail;
                Assert.True(Math.Abs(lower - cdf[i]) <= Relative * Math.Max(Math.Min(cdf[i], 1 - cdf[i]), 1e-3),
                    $"nu {nu}, t {t}: {lower:R} vs {cdf[i]:R}");
            }
        }
    }

    [Fact]
    public void GammaP_with_shape_one_half_is_erf()
    {
        // P(½, x²) = erf(x): a closed form through an independent code path (series / Lentz vs erf's).
        foreach (var x in new[] { 0.01, 0.3, 0.9, 1.3, 2.0, 3.5, 6.0 })
        {
            Assert.Equal(SpecialFunctions.Erf(x), SpecialFunctions.GammaP(0.5, x * x), 1e-15);
            var erfc = SpecialFunctions.Erfc(x);
            Assert.True(Math.Abs(SpecialFunctions.GammaQ(0.5, x * x) - erfc) <= 1e-14 * erfc, $"x = {x}");
        }
    }

    [Fact]
    public void GammaQ_with_integer_shape_is_the_Poisson_sum()
    {
        // Q(n, x) = e⁻ˣ Σₖ₌₀ⁿ⁻¹ xᵏ/k!: closed form, summed directly.
        foreach (var (n, x) in new[] { (1, 0.5), (3, 2.0), (5, 12.0), (10, 3.0), (25, 30.0), (40, 20.0) })
        {
            var term = Math.Exp(-x);
            var sum = 0.0;
            for (var k = 0; k < n; k++)
            {
                sum += term;
                term *= x / (k + 1);
            }
            Assert.True(Math.Abs(SpecialFunctions.GammaQ(n, x) - sum) <= 1e-13 * sum, $"n {n}, x {x}: {SpecialFunctions.GammaQ(n, x):R} vs {sum:R}");
        }
    }

    [Theory]
    [InlineData(1000, 1000.0, 0.49579475581978449149622215639788120)]
    [InlineData(1000, 940.0, 0.97295438350305272716174115431015889)]
    [InlineData(5000, 5200.0, 0.0025848134953538086507555569278644532)]
    public void GammaQ_with_a_large_shape_matches_the_50_digit_Poisson_sum(int n, double x, double expected)
    {
        // The same sum, evaluated in 50-digit decimal arithmetic (Python's decimal): large a exercises
        // the √a growth of the series and fraction and the Temme form of the prefactor.
        var actual = SpecialFunctions.GammaQ(n, x);
        Assert.True(Math.Abs(actual - expected) <= 1e-14 * expected, $"{actual:R} vs {expected:R}");
        Assert.Equal(1 - expected, SpecialFunctions.GammaP(n, x), 1e-14);
    }

    [Fact]
    public void BetaRegularized_with_integer_parameters_is_the_binomial_sum()
    {
        // I_x(a, n − a + 1) = Σₖ₌ₐⁿ C(n, k) xᵏ (1 − x)ⁿ⁻ᵏ.
        foreach (var (a, n, x) in new[] { (1, 1, 0.3), (2, 5, 0.1), (7, 12, 0.4), (20, 30, 0.8), (3, 40, 0.01) })
        {
            var sum = 0.0;
            for (var k = a; k <= n; k++)
            {
                sum += Math.Exp(SpecialFunctions.LogGamma(n + 1) - SpecialFunctions.LogGamma(k + 1)
                    - SpecialFunctions.LogGamma(n - k + 1) + k * Math.Log(x) + (n - k) * Math.Log(1 - x));
            }
            var actual = SpecialFunctions.BetaRegularized(a, n - a + 1, x);
            Assert.True(Math.Abs(actual - sum) <= 1e-13 * sum, $"a {a}, n {n}, x {x}: {actual:R} vs {sum:R}");
        }
    }

    [Theory]
    [InlineData(300, 401, 0.43, 0.544883294755958151017259054066994347)]
    [InlineData(2000, 2000, 0.5, 0.5)]
    [InlineData(50, 11, 0.9, 0.965790876921267009209336933007323150)]
    [InlineData(1000, 501, 0.64, 0.0164150437218643992316247230396262931)]
    public void BetaRegularized_with_large_parameters_matches_the_50_digit_binomial_sum(double a, double b, double x, double expected)
    {
        // Σₖ₌ₐⁿ C(n, k) xᵏ (1 − x)ⁿ⁻ᵏ with n = a + b − 1, in 60-digit decimal arithmetic (Python).
        var actual = SpecialFunctions.BetaRegularized(a, b, x);
        var tail = Math.Min(expected, 1 - expected);
        Assert.True(Math.Abs(actual - expected) <= 1e-14 * tail, $"{actual:R} vs {expected:R}");
        Assert.True(Math.Abs(1 - SpecialFunctions.BetaRegularizedComplement(a, b, x) - expected) <= 1e-14 * tail + 1.2e-16);
    }

    [Fact]
    public void BetaRegularized_has_its_symmetry()
    {
        Assert.Equal(0.5, SpecialFunctions.BetaRegularized(500, 500, 0.5), 1e-14);
        foreach (var (a, b, x) in new[] { (0.5, 0.5, 0.2), (2.0, 5.0, 0.7), (30.0, 0.1, 0.99), (100.0, 80.0, 0.55) })
        {
            Assert.Equal(1.0, SpecialFunctions.BetaRegularized(a, b, x) + SpecialFunctions.BetaRegularized(b, a, 1 - x), 1e-14);
            Assert.Equal(SpecialFunctions.BetaRegularizedComplement(a, b, x), SpecialFunctions.BetaRegularized(b, a, 1 - x), 1e-14);
        }
    }

    public static TheoryData<double, double> GammaInverseCases => new()
    {
        { 0.1, 1e-10 }, { 0.1, 0.3 }, { 0.5, 0.05 }, { 1, 0.5 }, { 2.5, 1e-6 }, { 2.5, 0.99 }, { 30, 0.001 },
        { 30, 0.5 }, { 1000, 0.2 }, { 0.01, 0.9 }, { 7, 1 - 1e-9 },
    };

    [Theory, MemberData(nameof(GammaInverseCases))]
    public void InverseGammaP_round_trips(double a, double p)
    {
        var x = SpecialFunctions.InverseGammaP(a, p);
        // Compare in the tail that carries the information: P for p ≤ ½, Q = 1 − p beyond.
        if (p <= 0.5)
        {
            Assert.True(Math.Abs(SpecialFunctions.GammaP(a, x) - p) <= 1e-13 * p, $"P({a}, {x:R}) = {SpecialFunctions.GammaP(a, x):R} vs {p}");
        }
        else
        {
            var q = 1 - p;
            Assert.True(Math.Abs(SpecialFunctions.GammaQ(a, x) - q) <= 1e-13 * q, $"Q({a}, {x:R}) = {SpecialFunctions.GammaQ(a, x):R} vs {q}");
        }
        // The upper quantile read the other way: Q(a, x) = p.
        var upperX = SpecialFunctions.InverseGammaQ(a, p);
        var upperQ = SpecialFunctions.GammaQ(a, upperX);
        if (p <= 0.5)
        {
            Assert.True(Math.Abs(upperQ - p) <= 1e-13 * p, $"Q({a}, {upperX:R}) = {upperQ:R} vs {p}");
        }
        else
        {
            var lowerP = SpecialFunctions.GammaP(a, upperX);
            Assert.True(Math.Abs(lowerP - (1 - p)) <= 1e-13 * (1 - p), $"P({a}, {upperX:R}) = {lowerP:R} vs {1 - p}");
        }
    }

    public static TheoryData<double, double, double> BetaInverseCases => new()
    {
        { 1, 1, 0.3 }, { 0.5, 0.5, 1e-8 }, { 0.5, 0.5, 0.7 }, { 2, 5, 0.05 }, { 2, 5, 0.999 }, { 8, 4, 0.5 },
        { 0.1, 30, 0.2 }, { 30, 0.1, 0.2 }, { 200, 300, 0.01 }, { 0.05, 0.05, 0.45 }, { 0.1, 30, 0.9 },
        { 30, 0.1, 0.9 }, { 3, 40, 1 - 1e-12 },
    };

    [Theory, MemberData(nameof(BetaInverseCases))]
    public void InverseBetaRegularized_round_trips(double a, double b, double p)
    {
        var x = SpecialFunctions.InverseBetaRegularized(a, b, p);
        Assert.InRange(x, 0, 1);
        AssertBetaTail(a, b, x, p <= 0.5 ? p : 1 - p, upper: p > 0.5);

        // The upper quantile read the other way: 1 − I_x(a, b) = p.
        var upperX = SpecialFunctions.InverseBetaRegularizedComplement(a, b, p);
        AssertBetaTail(a, b, upperX, p <= 0.5 ? p : 1 - p, upper: p <= 0.5);
    }

    /// <summary>
    /// The lower (or upper) tail at x is the target, to 1e-12 relative, or to what the spacing of the
    /// doubles near x allows: a quantile at 1 − 2e-16 cannot be placed more finely than one ulp, which
    /// moves the tail by the density times that ulp.
    /// </summary>
    private static void AssertBetaTail(double a, double b, double x, double target, bool upper)
    {
        var actual = upper ? SpecialFunctions.BetaRegularizedComplement(a, b, x) : SpecialFunctions.BetaRegularized(a, b, x);
        var density = Math.Exp((a - 1) * Math.Log(x) + (b - 1) * SpecialFunctions.Log1p(-x) - SpecialFunctions.LogBeta(a, b));
        var resolution = density * (Math.BitIncrement(x) - x);
        Assert.True(Math.Abs(actual - target) <= 1e-12 * target + 2 * resolution,
            $"{(upper ? "1 − I" : "I")}({x:R}; {a}, {b}) = {actual:R} vs {target:R}");
    }

    [Fact]
    public void Edges_and_invalid_arguments()
    {
        Assert.Equal(0, SpecialFunctions.GammaP(2, 0));
        Assert.Equal(1, SpecialFunctions.GammaQ(2, 0));
        Assert.Equal(1, SpecialFunctions.GammaP(2, double.PositiveInfinity));
        Assert.True(double.IsNaN(SpecialFunctions.GammaP(-1, 1)));
        Assert.True(double.IsNaN(SpecialFunctions.GammaP(1, -1)));
        Assert.Equal(0, SpecialFunctions.BetaRegularized(2, 3, 0));
        Assert.Equal(1, SpecialFunctions.BetaRegularized(2, 3, 1));
        Assert.True(double.IsNaN(SpecialFunctions.BetaRegularized(2, 3, 1.5)));
        Assert.Equal(0, SpecialFunctions.InverseGammaP(2, 0));
        Assert.Equal(double.PositiveInfinity, SpecialFunctions.InverseGammaP(2, 1));
        Assert.Equal(0, SpecialFunctions.InverseBetaRegularized(2, 3, 0));
        Assert.Equal(1, SpecialFunctions.InverseBetaRegularized(2, 3, 1));
    }

    private static void AssertCdf(double expected, double lower, double upper)
    {
        // The CDF and its complement must both agree, each relative to the smaller tail.
        var tail = Math.Min(expected, 1 - expected);
        var tolerance = Relative * Math.Max(tail, 1e-300);
        Assert.True(Math.Abs(lower - expected) <= Math.Max(tolerance, 1e-16), $"CDF {lower:R} vs {expected:R}");
        Assert.True(Math.Abs(1 - upper - expected) <= Math.Max(tolerance, 2e-16), $"1 − SF {1 - upper:R} vs {expected:R}");
    }
}
