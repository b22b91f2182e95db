namespace Ppl.Tensors.Special;

/// <summary>
/// Special functions in double precision, accurate to a few units in the last place (about 1e-15
/// relative) unless a member says otherwise.
/// </summary>
/// <remarks>
/// These live in Ppl.Tensors rather than Ppl.StdLib, a deliberate deviation from DESIGN.md (which
/// lists special functions under StdLib): the autodiff engine's lgamma, digamma and normal log-CDF
/// ops need them, and StdLib depends on Tensors, not the other way round. The class is split by
/// family over several files: gamma, polygamma, error, normal, elementary, incomplete gamma and
/// beta, and the continued fractions they share.
/// </remarks>
public static partial class SpecialFunctions
{
    /// <summary>½ log(2π).</summary>
    internal const double HalfLog2Pi = 0.91893853320467274178032973640562;

    /// <summary>log π.</summary>
    internal const double LogPi = 1.1447298858494001741434273513531;

    /// <summary>Coefficients c₂ … c₃₀ of log Γ(2 + z) = (1 − γ) z + Σₖ cₖ zᵏ with
    /// cₖ = (−1)ᵏ (ζ(k) − 1) / k (Abramowitz &amp; Stegun 6.1.33 shifted by one), computed to 40
    /// digits; for |z| ≤ ½ the terms fall like 4⁻ᵏ, so 30 terms reach 1e-20.</summary>
    private static ReadOnlySpan<double> LogGammaTwoSeries =>
    [
        3.22467033424113218236e-1,
        -6.73523010531980951332e-2,
        2.05808084277845478790e-2,
        -7.38555102867398526627e-3,
        2.89051033074152328575e-3,
        -1.19275391170326097711e-3,
        5.09669524743042422336e-4,
        -2.23154758453579379761e-4,
        9.94575127818085337146e-5,
        -4.49262367381331417002e-5,
        2.05072127756706915532e-5,
        -9.43948827526839590399e-6,
        4.37486678990748780418e-6,
        -2.03921575380136623678e-6,
        9.55141213040741983286e-7,
        -4.49246919876456604329e-7,
        2.12071848055546658692e-7,
        -1.00432248239680996087e-7,
        4.76981016936398056576e-8,
        -2.27110946089431649103e-8,
        1.08386592148969540911e-8,
        -5.18347504197004665512e-9,
        2.48367454380247831719e-9,
        -1.19214014058609120744e-9,
        5.73136724167886201333e-10,
        -2.75952288512423314518e-10,
        1.33047643742444894815e-10,
        -6.42296456383810002208e-11,
        3.10442477473222727624e-11
    ];

    /// <summary>1 − γ, the first coefficient of the series of log Γ(2 + z).</summary>
    private const double OneMinusEulerGamma = 0.42278433509846713939348790991759757;

    /// <summary>log |Γ(x)|: +∞ at the poles (0, −1, −2, …).</summary>
    /// <remarks>
    /// x ∈ [½, 5/2): the series of log Γ(2 + z) about 2 (with log Γ(1 + z) = log Γ(2 + z) − log(1 + z)),
    /// so the zeros at 1 and 2 keep full relative accuracy; x ∈ [5/2, 10): the recurrence down to
    /// [3/2, 5/2); x ≥ 10: Stirling's series (A&amp;S 6.1.41); 0 &lt; x &lt; ½: log Γ(1 + x) − log x;
    /// x &lt; 0: the reflection formula Γ(x) Γ(1 − x) = π / sin(πx).
    /// </remarks>
    public static double LogGamma(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }
        if (x < 0.5)
        {
            if (x > 0)
            {
                return LogGammaOnePlus(x) - Math.Log(x);
            }
            if (x == Math.Floor(x))
            {
                return double.PositiveInfinity;
            }
            return LogPi - Math.Log(Math.Abs(SinPi(x))) - LogGamma(1 - x);
        }
        if (x < 1.5)
        {
            return LogGammaOnePlus(x - 1);
        }
        if (x < 2.5)
        {
            return LogGammaTwoPlus(x - 2);
        }
        if (x < 10)
        {
            // Γ(x) = (x − 1)(x − 2)…(x − n) Γ(x − n); each x − k is exact.
            var product = 1.0;
            while (x >= 2.5)
            {
                x -= 1;
                product *= x;
            }
            return LogGammaTwoPlus(x - 2) + Math.Log(product);
        }
        if (double.IsPositiveInfinity(x))
        {
            return x;
        }
        return (x - 0.5) * Math.Log(x) - x + HalfLog2Pi + StirlingCorrection(x);
    }

    /// <summary>log Γ(1 + z) for |z| ≤ ½.</summary>
    private static double LogGammaOnePlus(double z) => LogGammaTwoPlus(z) - Log1p(z);

    /// <summary>log Γ(2 + z) for |z| ≤ ½, by its Taylor series.</summary>
    private static double LogGammaTwoPlus(double z)
    {
        var series = LogGammaTwoSeries;
        var sum = 0.0;
        for (var k = series.Length - 1; k >= 0; k--)
        {
            sum = sum * z + series[k];
        }
        return z * (OneMinusEulerGamma + z * sum);
    }

    /// <summary>
    /// Stirling's correction log Γ(x) − [(x − ½) log x − x + ½ log 2π] for x ≥ 10, by its
    /// asymptotic series Σ B₂ₖ / (2k (2k − 1) x²ᵏ⁻¹) (A&amp;S 6.1.41); eight terms reach 1e-17 at x = 10.
    /// </summary>
    internal static double StirlingCorrection(double x)
    {
        var r = 1 / x;
        var r2 = r * r;
        return r * (1.0 / 12 + r2 * (-1.0 / 360 + r2 * (1.0 / 1260 + r2 * (-1.0 / 1680 + r2 * (1.0 / 1188
            + r2 * (-691.0 / 360360 + r2 * (1.0 / 156 + r2 * (-3617.0 / 122400))))))));
    }

    /// <summary>log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b), for a, b &gt; 0.</summary>
    /// <remarks>
    /// When the larger argument a is at least 10, log Γ(a) − log Γ(a + b) is taken from Stirling's
    /// series as −(a − ½) log(1 + b/a) − b log(a + b) + b + S(a) − S(a + b), which avoids the
    /// cancellation of two large log-gammas when b is small.
    /// </remarks>
    public static double LogBeta(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b) || a <= 0 || b <= 0)
        {
            return double.NaN;
        }
        if (a < b)
        {
            (a, b) = (b, a);
        }
        if (a < 10)
        {
            return LogGamma(a) + LogGamma(b) - LogGamma(a + b);
        }
        if (double.IsPositiveInfinity(a))
        {
            return double.NegativeInfinity;
        }
        var ab = a + b;
        return LogGamma(b) + (-(a - 0.5) * Log1p(b / a) - b * Math.Log(ab) + b
            + (StirlingCorrection(a) - StirlingCorrection(ab)));
    }

    /// <summary>
    /// The multivariate log-gamma log Γ_d(a) = d(d − 1)/4 · log π + Σⱼ₌₁..d log Γ(a + (1 − j)/2),
    /// defined for a &gt; (d − 1)/2 (NaN outside); the normaliser of the Wishart distribution.
    /// </summary>
    /// <param name="a">The argument.</param>
    /// <param name="d">The dimension, at least 1.</param>
    public static double MultivariateLogGamma(double a, int d)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(d, 1);
        if (!(a > 0.5 * (d - 1)))
        {
            return double.NaN;
        }
        var sum = 0.25 * d * (d - 1) * LogPi;
        for (var j = 1; j <= d; j++)
        {
            sum += LogGamma(a + 0.5 * (1 - j));
        }
        return sum;
    }

    /// <summary>sin(πx), exact at the integers and half-integers.</summary>
    internal static double SinPi(double x)
    {
        // Reduce to r ∈ [−1, 1] (exact), then fold to [−½, ½] with sin(πr) = sin(π(1 − r)).
        var r = x - 2 * Math.Round(0.5 * x);
        if (r > 0.5)
        {
            r = 1 - r;
        }
        else if (r < -0.5)
        {
            r = -1 - r;
        }
        return Math.Sin(Math.PI * r);
    }

    /// <summary>cos(πx), exact at the integers and half-integers.</summary>
    internal static double CosPi(double x) => SinPi(0.5 - Math.Abs(x - 2 * Math.Round(0.5 * x)));
}
