namespace Ppl.Tensors.Special;

public static partial class SpecialFunctions
{
    /// <summary>
    /// The regularised incomplete beta function I_x(a, b) = ∫₀ˣ tᵃ⁻¹ (1 − t)ᵇ⁻¹ dt / B(a, b): the CDF of
    /// Beta(a, b) at x (and, through it, of the Student t, binomial and F distributions).
    /// NaN unless a, b &gt; 0 and 0 ≤ x ≤ 1.
    /// </summary>
    /// <remarks>
    /// I_x(a, b) = xᵃ (1 − x)ᵇ / (a B(a, b)) · F with F the continued fraction of Press et al. 2007,
    /// eq. 6.4.5, evaluated by the modified Lentz method where it converges fast,
    /// x &lt; (a + 1)/(a + b + 2); beyond, by the symmetry I_x(a, b) = 1 − I₁₋ₓ(b, a). Relative accuracy
    /// about 1e-14 for moderate a and b; the number of terms grows like √max(a, b).
    /// </remarks>
    public static double BetaRegularized(double a, double b, double x)
    {
        if (!IsValidBetaArguments(a, b, x))
        {
            return double.NaN;
        }
        if (x == 0 || x == 1)
        {
            return x;
        }
        return x < (a + 1) / (a + b + 2)
            ? BetaFront(a, b, x) * BetaContinuedFraction(a, b, x) / a
            : 1 - BetaFront(a, b, x) * BetaContinuedFraction(b, a, 1 - x) / b;
    }

    /// <summary>1 − I_x(a, b) = I₁₋ₓ(b, a), with full relative accuracy when it is small (the
    /// survival function of Beta(a, b)).</summary>
    public static double BetaRegularizedComplement(double a, double b, double x)
    {
        if (!IsValidBetaArguments(a, b, x))
        {
            return double.NaN;
        }
        if (x == 0 || x == 1)
        {
            return 1 - x;
        }
        return x < (a + 1) / (a + b + 2)
            ? 1 - BetaFront(a, b, x) * BetaContinuedFraction(a, b, x) / a
            : BetaFront(a, b, x) * BetaContinuedFraction(b, a, 1 - x) / b;
    }

    /// <summary>The x with I_x(a, b) = p: the quantile of Beta(a, b). 0 at p = 0, 1 at p = 1.</summary>
    /// <remarks>
    /// Starts from the normal approximation (a, b ≥ 1) or the power-law ends of the density, as in
    /// Press et al. 2007, §6.4.1, and refines with Halley's method on I_x(a, b) − p; for p &gt; ½ it
    /// solves 1 − I_x(a, b) = 1 − p instead, which keeps the information of the upper tail.
    /// </remarks>
    public static double InverseBetaRegularized(double a, double b, double p)
    {
        if (double.IsNaN(a) || double.IsNaN(b) || double.IsNaN(p) || a <= 0 || b <= 0 || p < 0 || p > 1)
        {
            return double.NaN;
        }
        return p <= 0.5 ? SolveBeta(a, b, p, upper: false) : SolveBeta(a, b, 1 - p, upper: true);
    }

    /// <summary>The x with 1 − I_x(a, b) = q: the upper quantile of Beta(a, b), accurate for small q.</summary>
    public static double InverseBetaRegularizedComplement(double a, double b, double q)
    {
        if (double.IsNaN(a) || double.IsNaN(b) || double.IsNaN(q) || a <= 0 || b <= 0 || q < 0 || q > 1)
        {
            return double.NaN;
        }
        return q <= 0.5 ? SolveBeta(a, b, q, upper: true) : SolveBeta(a, b, 1 - q, upper: false);
    }

    private static bool IsValidBetaArguments(double a, double b, double x) =>
        a > 0 && b > 0 && x >= 0 && x <= 1 && !double.IsPositiveInfinity(a) && !double.IsPositiveInfinity(b);

    /// <summary>xᵃ (1 − x)ᵇ / B(a, b).</summary>
    /// <remarks>
    /// For a, b ≥ 1 in Temme's form (DiDonato &amp; Morris 1992, §2): with c = a + b, x₀ = a/c, y₀ = b/c
    /// and Stirling's log Γ, the large terms a log x, b log(1 − x) and log B(a, b) cancel
    /// analytically, leaving a φ(x/x₀) + b φ((1 − x)/y₀) + ½ log(ab / (2πc)) − S(a) − S(b) + S(c)
    /// with φ(r) = log r − (r − 1) ≤ 0; so the mode of a Beta(500, 500) keeps 15 digits instead of 13.
    /// </remarks>
    private static double BetaFront(double a, double b, double x)
    {
        if (a < 1 || b < 1)
        {
            return Math.Exp(a * Math.Log(x) + b * Log1p(-x) - LogBeta(a, b));
        }
        var c = a + b;
        var x0 = a / c;
        var y0 = b / c;
        var y = 1 - x;
        var exponent = a * LogRatioMinusDifference(x / x0, (x - x0) / x0)
            + b * LogRatioMinusDifference(y / y0, (y - y0) / y0)
            - (StirlingCorrectionAnywhere(a) + StirlingCorrectionAnywhere(b) - StirlingCorrectionAnywhere(c));
        return Math.Sqrt(a * b / (2 * Math.PI * c)) * Math.Exp(exponent);
    }

    /// <summary>log r − d for r = 1 + d, from whichever of r and d is the accurate one.</summary>
    private static double LogRatioMinusDifference(double ratio, double difference) =>
        Math.Abs(difference) <= 0.25 ? Log1pMinusX(difference) : Math.Log(ratio) - difference;

    /// <summary>The continued fraction of Press et al. 2007, eq. 6.4.5, by the modified Lentz method.</summary>
    private static double BetaContinuedFraction(double a, double b, double x)
    {
        const double Tiny = 1e-300;
        var sum = a + b;
        var aPlusOne = a + 1;
        var aMinusOne = a - 1;
        var c = 1.0;
        var d = 1 - sum * x / aPlusOne;
        d = Math.Abs(d) < Tiny ? Tiny : d;
        d = 1 / d;
        var h = d;
        var maxIterations = 200 + (int)Math.Min(1e7, 50 * Math.Sqrt(Math.Max(a, b)));
        for (var m = 1; m <= maxIterations; m++)
        {
            var m2 = 2 * m;
            var even = m * (b - m) * x / ((aMinusOne + m2) * (a + m2));
            d = 1 + even * d;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1 + even / c;
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            h *= d * c;
            var odd = -(a + m) * (sum + m) * x / ((a + m2) * (aPlusOne + m2));
            d = 1 + odd * d;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1 + odd / c;
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) <= MachineEpsilon)
            {
                break;
            }
        }
        return h;
    }

    /// <summary>Halley's method on I_x(a, b) = p (or 1 − I_x(a, b) = p when <paramref name="upper"/>), p ≤ ½.</summary>
    private static double SolveBeta(double a, double b, double p, bool upper)
    {
        if (p == 0)
        {
            return upper ? 1 : 0;
        }
        var x = BetaQuantileGuess(a, b, upper ? 1 - p : p);
        var logBeta = LogBeta(a, b);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            if (x <= 0 || x >= 1)
            {
                break;
            }
            var error = upper ? p - BetaRegularizedComplement(a, b, x) : BetaRegularized(a, b, x) - p;
            // dI/dx = x^(a−1) (1 − x)^(b−1) / B(a, b); (d²I/dx²)/(dI/dx) = (a − 1)/x − (b − 1)/(1 − x).
            var density = Math.Exp((a - 1) * Math.Log(x) + (b - 1) * Log1p(-x) - logBeta);
            if (density == 0 || double.IsNaN(error))
            {
                break;
            }
            var newton = error / density;
            var step = newton / (1 - 0.5 * Math.Min(1, newton * ((a - 1) / x - (b - 1) / (1 - x))));
            var next = x - step;
            if (next <= 0)
            {
                next = 0.5 * x;
            }
            else if (next >= 1)
            {
                next = 0.5 * (x + 1);
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

    /// <summary>A starting point for the beta quantile (Press et al. 2007, §6.4.1).</summary>
    private static double BetaQuantileGuess(double a, double b, double p)
    {
        if (a >= 1 && b >= 1)
        {
            // Normal approximation with a skewness correction (A&amp;S 26.5.22).
            var z = -Probit(p);
            var lambda = (z * z - 3) / 6;
            var h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
            var w = z * Math.Sqrt(h + lambda) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (lambda + 5.0 / 6 - 2 / (3 * h));
            return a / (a + b * Math.Exp(2 * w));
        }
        // The density's two power-law ends: I ≈ xᵃ/(a B) near 0 and 1 − (1 − x)ᵇ/(b B) near 1.
        var logA = Math.Log(a / (a + b));
        var logB = Math.Log(b / (a + b));
        var t = Math.Exp(a * logA) / a;
        var u = Math.Exp(b * logB) / b;
        var total = t + u;
        return p < t / total
            ? Math.Pow(a * total * p, 1 / a)
            : 1 - Math.Pow(b * total * (1 - p), 1 / b);
    }
}
