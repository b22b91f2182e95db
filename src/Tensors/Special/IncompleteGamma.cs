namespace Ppl.Tensors.Special;

public static partial class SpecialFunctions
{
    /// <summary>
    /// The regularised lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a) = ∫₀ˣ tᵃ⁻¹ e⁻ᵗ dt / Γ(a):
    /// the CDF of Gamma(a, 1) at x. NaN unless a &gt; 0 and x ≥ 0.
    /// </summary>
    /// <remarks>
    /// x &lt; a + 1: the series P = xᵃ e⁻ˣ / Γ(a + 1) · Σₙ xⁿ / ((a + 1)…(a + n)); otherwise 1 − Q with
    /// Q from the continued fraction (Press et al. 2007, §6.2). The prefactor xᵃ e⁻ˣ / Γ(a) is taken as
    /// √(a/2π) exp(a (log(1 + u) − u) − S(a)) with u = (x − a)/a and S Stirling's correction
    /// (Temme's form), so that large a loses no digits to the cancellation of a log x, x and log Γ(a).
    /// Relative accuracy about 1e-14 for moderate a; the number of terms grows like √a.
    /// </remarks>
    public static double GammaP(double a, double x)
    {
        if (!IsValidGammaArguments(a, x))
        {
            return double.NaN;
        }
        if (x == 0)
        {
            return 0;
        }
        if (double.IsPositiveInfinity(x))
        {
            return 1;
        }
        return x < a + 1 ? LowerGammaSeries(a, x) : 1 - RegularizedGammaPrefix(a, x) * UpperGammaContinuedFraction(a, x);
    }

    /// <summary>
    /// The regularised upper incomplete gamma function Q(a, x) = 1 − P(a, x) = Γ(a, x) / Γ(a), with full
    /// relative accuracy in the upper tail (the survival function of Gamma(a, 1)).
    /// </summary>
    public static double GammaQ(double a, double x)
    {
        if (!IsValidGammaArguments(a, x))
        {
            return double.NaN;
        }
        if (x == 0)
        {
            return 1;
        }
        if (double.IsPositiveInfinity(x))
        {
            return 0;
        }
        return x < a + 1 ? 1 - LowerGammaSeries(a, x) : RegularizedGammaPrefix(a, x) * UpperGammaContinuedFraction(a, x);
    }

    /// <summary>The x with P(a, x) = p: the quantile of Gamma(a, 1). 0 at p = 0, +∞ at p = 1.</summary>
    /// <remarks>
    /// Starts from the Wilson–Hilferty cube (a ≥ 1) or the small-x form (p Γ(a + 1))^(1/a) and refines
    /// with Halley's method on P(a, x) − p (Press et al. 2007, §6.2.1); for p &gt; ½ it solves
    /// Q(a, x) = 1 − p instead, so the upper quantiles keep their accuracy.
    /// </remarks>
    public static double InverseGammaP(double a, double p)
    {
        if (double.IsNaN(a) || double.IsNaN(p) || a <= 0 || p < 0 || p > 1)
        {
            return double.NaN;
        }
        return p <= 0.5 ? SolveGamma(a, p, upper: false) : SolveGamma(a, 1 - p, upper: true);
    }

    /// <summary>The x with Q(a, x) = q: the upper quantile of Gamma(a, 1), accurate for small q.</summary>
    public static double InverseGammaQ(double a, double q)
    {
        if (double.IsNaN(a) || double.IsNaN(q) || a <= 0 || q < 0 || q > 1)
        {
            return double.NaN;
        }
        return q <= 0.5 ? SolveGamma(a, q, upper: true) : SolveGamma(a, 1 - q, upper: false);
    }

    private static bool IsValidGammaArguments(double a, double x) => a > 0 && x >= 0 && !double.IsPositiveInfinity(a);

    /// <summary>P(a, x) by its series, for x &lt; a + 1.</summary>
    private static double LowerGammaSeries(double a, double x)
    {
        var ap = a;
        var term = 1 / a;
        var sum = term;
        var maxIterations = 100 + (int)Math.Min(1e7, 50 * Math.Sqrt(a));
        for (var n = 0; n < maxIterations; n++)
        {
            ap += 1;
            term *= x / ap;
            sum += term;
            if (term < sum * 1e-17)
            {
                break;
            }
        }
        return sum * RegularizedGammaPrefix(a, x);
    }

    /// <summary>xᵃ e⁻ˣ / Γ(a).</summary>
    internal static double RegularizedGammaPrefix(double a, double x)
    {
        if (a < 1)
        {
            return Math.Exp(a * Math.Log(x) - x - LogGamma(a));
        }
        // log(xᵃ e⁻ˣ / Γ(a)) = a (log(1 + u) − u) + ½ log(a / 2π) − S(a), u = (x − a)/a, from
        // log Γ(a) = (a − ½) log a − a + ½ log 2π + S(a).
        var u = (x - a) / a;
        return Math.Sqrt(a / (2 * Math.PI)) * Math.Exp(a * Log1pMinusX(u) - StirlingCorrectionAnywhere(a));
    }

    /// <summary>Stirling's correction S(a) = log Γ(a) − [(a − ½) log a − a + ½ log 2π] for any a ≥ 1:
    /// the series from 10 on, the difference below (S ≥ 0.008 there, so little is lost).</summary>
    internal static double StirlingCorrectionAnywhere(double a) =>
        a >= 10 ? StirlingCorrection(a) : LogGamma(a) - ((a - 0.5) * Math.Log(a) - a + HalfLog2Pi);

    /// <summary>Halley's method on P(a, x) = p (or Q(a, x) = p when <paramref name="upper"/>), p ≤ ½.</summary>
    private static double SolveGamma(double a, double p, bool upper)
    {
        if (p == 0)
        {
            return upper ? double.PositiveInfinity : 0;
        }
        var x = GammaQuantileGuess(a, upper ? 1 - p : p, upper ? p : 1 - p);
        var logGammaA = LogGamma(a);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            if (x <= 0)
            {
                return 0;
            }
            var error = upper ? p - GammaQ(a, x) : GammaP(a, x) - p;
            // dP/dx = x^(a−1) e^(−x) / Γ(a); (d²P/dx²)/(dP/dx) = (a − 1)/x − 1.
            var density = Math.Exp((a - 1) * Math.Log(x) - x - logGammaA);
            if (density == 0 || double.IsNaN(error))
            {
                break;
            }
            var newton = error / density;
            var step = newton / (1 - 0.5 * Math.Min(1, newton * ((a - 1) / x - 1)));
            var next = x - step;
            if (next <= 0)
            {
                next = 0.5 * x;
            }
            var converged = Math.Abs(next - x) <= 1e-15 * next;
            x = next;
            if (converged)
            {
                break;
            }
        }
        return x;
    }

    /// <summary>A starting point for the gamma quantile (Press et al. 2007, §6.2.1; Wilson &amp; Hilferty 1931).</summary>
    private static double GammaQuantileGuess(double a, double p, double complement)
    {
        if (a > 1)
        {
            var z = p < 0.5 ? Probit(p) : -Probit(complement);
            var c = 1 / (9 * a);
            var cube = 1 - c + z * Math.Sqrt(c);
            var guess = a * cube * cube * cube;
            return guess > 0 ? guess : a * Math.Exp((Math.Log(p) + LogGamma(a + 1)) / a);
        }
        // P(a, x) ≈ xᵃ / Γ(a + 1) near 0 and ≈ 1 − e^(−x) … beyond t = 1 − a(0.253 + 0.12a).
        var t = 1 - a * (0.253 + a * 0.12);
        return p < t
            ? Math.Pow(p / t, 1 / a)
            : 1 - Math.Log(1 - (p - t) / (1 - t));
    }
}
