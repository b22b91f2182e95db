namespace Ppl.Tensors.Special;

/// <summary>
/// Special functions in double precision, accurate to a few units in the last place (about 1e-15
/// relative) unless a member says otherwise.
/// </summary>
/// <remarks>
/// These live in Ppl.Tensors rather than Ppl.StdLib, a deliberate deviation from DESIGN.md (which
/// lists special functions under StdLib): the autodiff engine's lgamma, digamma and normal log-CDF
/// ops need them, and StdLib depends on Tensors, not the other way round. The class is split by
/// family over several files (gamma, error, elementary, incomplete gamma, incomplete beta).
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

    /// <summary>Digamma's positive root x₀ = 1.46163214496836234126… written as 1.5 + h₀, h₀ split
    /// into a double and its remainder so that x − x₀ is exact near the root.</summary>
    private const double DigammaRootOffsetHigh = -0.03836785503163766;
    private const double DigammaRootOffsetLow = -1.6445603550442201e-18;

    /// <summary>ψ(1.5 + h) = (h − h₀) Q(h): the Taylor series of ψ about 1.5, whose coefficients are
    /// aₖ = (−1)ᵏ⁺¹ ζ(k + 1, 3/2) (A&amp;S 6.4.10), divided by (h − h₀) in 60-digit arithmetic.
    /// Factoring the root out keeps the relative accuracy near x₀. For |h| ≤ ½ the terms fall like 3⁻ᵏ.</summary>
    private static ReadOnlySpan<double> DigammaQuotientSeries =>
    [
        9.51055876031832879711e-1,
        -4.23627421281460496229e-1,
        2.40542484240786913998e-1,
        -1.48404923053917320824e-1,
        9.49887244529146522241e-2,
        -6.19221332717134926804e-2,
        4.07608339383295384157e-2,
        -2.69757968400773459018e-2,
        1.79072484375067348459e-2,
        -1.19082153336090040124e-2,
        7.92701861530335847646e-3,
        -5.28001418579506899518e-3,
        3.51815785060597402249e-3,
        -2.34470193266147925543e-3,
        1.56284109371040973635e-3,
        -1.04177696868997128086e-3,
        6.94471231406052644165e-4,
        -4.62962147307586345795e-4,
        3.08633969317397954354e-4,
        -2.05752996713109525162e-4,
        1.37167471928204894541e-4,
        -9.14445044334282759572e-5,
        6.09628122623701883575e-5,
        -4.06417985778493735851e-5,
        2.70945018836124938193e-5,
        -1.80629890561986612799e-5,
        1.20419878246307624839e-5,
        -8.02798993137659963343e-6,
        5.35199250692589953129e-6,
        -3.56799469236121505344e-6,
        2.37866300334048858880e-6,
        -1.58577528560079675356e-6,
        1.05718350375022420097e-6,
        -7.04788994506742279691e-7,
        4.69859326473812624174e-7,
        -3.13239549703606185011e-7,
        2.08826365957497705251e-7,
        -1.39217577100369562254e-7,
        9.28117179850615714743e-8,
        -6.18744786239671529145e-8
    ];

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

    /// <summary>ψ(x) = d/dx log Γ(x), the digamma function: NaN at the poles (0, −1, −2, …).</summary>
    /// <remarks>
    /// x ∈ [1, 2]: the Taylor series about 3/2 with its root x₀ ≈ 1.4616 factored out, so the
    /// relative accuracy holds near the root; x ∈ (2, 10): ψ(x) = ψ(x − n) + Σ 1/(x − k);
    /// x ≥ 10: the asymptotic series (A&amp;S 6.3.18); 0 &lt; x &lt; 1: ψ(x) = ψ(x + 1) − 1/x;
    /// x &lt; 0: the reflection ψ(x) = ψ(1 − x) − π cot(πx).
    /// </remarks>
    public static double Digamma(double x)
    {
        if (double.IsNaN(x) || double.IsNegativeInfinity(x))
        {
            return double.NaN;
        }
        if (x <= 0)
        {
            if (x == Math.Floor(x))
            {
                return double.NaN;
            }
            return Digamma(1 - x) - Math.PI * CosPi(x) / SinPi(x);
        }
        if (x < 1)
        {
            return DigammaOneToTwo(x + 1) - 1 / x;
        }
        if (x <= 2)
        {
            return DigammaOneToTwo(x);
        }
        if (x < 10)
        {
            var sum = 0.0;
            while (x > 2)
            {
                x -= 1;
                sum += 1 / x;
            }
            return DigammaOneToTwo(x) + sum;
        }
        if (double.IsPositiveInfinity(x))
        {
            return x;
        }
        var r = 1 / x;
        var r2 = r * r;
        return Math.Log(x) - 0.5 * r - r2 * (1.0 / 12 - r2 * (1.0 / 120 - r2 * (1.0 / 252 - r2 * (1.0 / 240
            - r2 * (1.0 / 132 - r2 * (691.0 / 32760 - r2 * (1.0 / 12)))))));
    }

    /// <summary>ψ(x) for x ∈ [1, 2]: ψ(1.5 + h) = (h − h₀) Q(h).</summary>
    private static double DigammaOneToTwo(double x)
    {
        var h = x - 1.5;
        var series = DigammaQuotientSeries;
        var q = 0.0;
        for (var k = series.Length - 1; k >= 0; k--)
        {
            q = q * h + series[k];
        }
        return (h - DigammaRootOffsetHigh - DigammaRootOffsetLow) * q;
    }

    /// <summary>ψ′(x), the trigamma function: NaN at the poles (0, −1, −2, …).</summary>
    /// <remarks>
    /// x &gt; 0: the recurrence ψ′(x) = ψ′(x + 1) + 1/x² (all terms positive, so no cancellation) up
    /// to x ≥ 12, then the asymptotic series 1/x + 1/(2x²) + Σ B₂ₖ / x²ᵏ⁺¹ (A&amp;S 6.4.12);
    /// x &lt; 0: the reflection ψ′(x) = π² / sin²(πx) − ψ′(1 − x).
    /// </remarks>
    public static double Trigamma(double x)
    {
        if (double.IsNaN(x) || double.IsNegativeInfinity(x))
        {
            return double.NaN;
        }
        if (x <= 0)
        {
            if (x == Math.Floor(x))
            {
                return double.NaN;
            }
            var s = SinPi(x);
            return Math.PI * Math.PI / (s * s) - Trigamma(1 - x);
        }
        if (double.IsPositiveInfinity(x))
        {
            return 0;
        }
        var sum = 0.0;
        while (x < 12)
        {
            sum += 1 / (x * x);
            x += 1;
        }
        var r = 1 / x;
        var r2 = r * r;
        var tail = r + 0.5 * r2 + r * r2 * (1.0 / 6 + r2 * (-1.0 / 30 + r2 * (1.0 / 42 + r2 * (-1.0 / 30
            + r2 * (5.0 / 66 + r2 * (-691.0 / 2730 + r2 * (7.0 / 6 + r2 * (-3617.0 / 510))))))));
        return sum + tail;
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
