namespace Ppl.Tensors.Special;

public static partial class SpecialFunctions
{
    /// <summary>1/√(2π).</summary>
    private const double InvSqrt2Pi = 0.39894228040143267793994605993438187;

    /// <summary>log(2√(2π)).</summary>
    private const double LogTwoSqrt2Pi = 1.6120857137646180667047875887305;

    /// <summary>The same switch for the standard normal, in units of x rather than x/√2.</summary>
    private const double NormalSwitch = 1.4142135623730950488;

    /// <summary>The standard normal density φ(x) = e^(−x²/2) / √(2π).</summary>
    public static double NormalPdf(double x) => InvSqrt2Pi * ExpNegative(SplitSquare(x).Scale(0.5));

    /// <summary>log φ(x) = −x²/2 − ½ log(2π).</summary>
    public static double LogNormalPdf(double x) => -0.5 * x * x - HalfLog2Pi;

    /// <summary>The standard normal CDF Φ(x), with full relative accuracy in the lower tail.</summary>
    /// <remarks>
    /// |x| &lt; √2: ½ erfc(−x/√2); beyond, the tail Q(t) = Φ(−t) = e^(−t²/2) t F(½, t²/2) / (2√(2π))
    /// is computed in t itself, so that no rounding of t/√2 is magnified by t² far in the tail.
    /// </remarks>
    public static double NormalCdf(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }
        if (x <= -NormalSwitch)
        {
            return NormalUpperTail(-x);
        }
        if (x >= NormalSwitch)
        {
            return 1 - NormalUpperTail(x);
        }
        return 0.5 * Erfc(-x * InvSqrt2);
    }

    /// <summary>log Φ(x), accurate for x → −∞ (where Φ underflows) and for x → +∞ (where it rounds to 1).</summary>
    /// <remarks>
    /// x ≤ −√2: log Φ(x) = −x²/2 + log(t F(½, x²/2)) − log(2√(2π)) with t = −x, never forming the
    /// underflowing e^(−x²/2); it tends to the asymptotic −x²/2 − log(−x) − ½ log 2π − 1/x² + …
    /// (A&amp;S 26.2.12). x ≥ √2: log1p(−Φ(−x)). Between: log Φ(x).
    /// </remarks>
    public static double LogNormalCdf(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }
        if (x <= -NormalSwitch)
        {
            if (double.IsNegativeInfinity(x))
            {
                return x;
            }
            var t = -x;
            return -0.5 * t * t + Math.Log(t * HalfGammaContinuedFraction(0.5 * t * t)) - LogTwoSqrt2Pi;
        }
        if (x >= NormalSwitch)
        {
            return Log1p(-NormalUpperTail(x));
        }
        return Math.Log(0.5 * Erfc(-x * InvSqrt2));
    }

    /// <summary>
    /// φ(x)/Φ(x) = d/dx log Φ(x), the derivative that the log-CDF's gradient needs, with full relative
    /// accuracy in the lower tail, where it tends to −x.
    /// </summary>
    /// <remarks>
    /// x ≤ −√2: with t = −x, Φ(x) = φ(t) t F(½, t²/2) / 2, so φ/Φ = 2 / (t F(½, t²/2)) with no
    /// exponential at all; elsewhere φ(x)/Φ(x) directly (Φ ≥ 0.079 there).
    /// </remarks>
    public static double NormalPdfOverCdf(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }
        if (x <= -NormalSwitch)
        {
            if (double.IsNegativeInfinity(x))
            {
                return double.PositiveInfinity;
            }
            var t = -x;
            return 2 / (t * HalfGammaContinuedFraction(0.5 * t * t));
        }
        return NormalPdf(x) / NormalCdf(x);
    }

    /// <summary>Φ(−t) = 1 − Φ(t) for t ≥ √2, by the continued fraction.</summary>
    private static double NormalUpperTail(double t)
    {
        if (t > 38.6)
        {
            return 0;
        }
        var halfSquare = SplitSquare(t).Scale(0.5);
        return ExpNegative(halfSquare) * t * HalfGammaContinuedFraction(halfSquare.High + halfSquare.Low)
            * (0.5 * InvSqrt2Pi);
    }
    /// <summary>
    /// The standard normal quantile Φ⁻¹(p) (probit): −∞ at 0, +∞ at 1, NaN outside [0, 1].
    /// </summary>
    /// <remarks>
    /// Wichura's algorithm AS 241 (PPND16; Applied Statistics 37, 477–484, 1988): rational
    /// approximations in p − ½ for |p − ½| ≤ 0.425 and in √(−log min(p, 1 − p)) beyond, with a
    /// relative accuracy of about 1e-16. For p &gt; ½ the tail uses 1 − p, which is exact there.
    /// </remarks>
    public static double Probit(double p)
    {
        if (double.IsNaN(p) || p < 0 || p > 1)
        {
            return double.NaN;
        }
        if (p == 0)
        {
            return double.NegativeInfinity;
        }
        if (p == 1)
        {
            return double.PositiveInfinity;
        }
        var q = p - 0.5;
        if (Math.Abs(q) <= 0.425)
        {
            var r = 0.180625 - q * q;
            return q * (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r
                    + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                    + 133.14166789178437745) * r + 3.3871328727963666080)
                / (((((((5226.4952788528545610 * r + 28729.085735721942674) * r + 39307.895800092710610) * r
                    + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.18700749205790830) * r
                    + 42.313330701600911252) * r + 1);
        }
        var s = Math.Sqrt(-Math.Log(q < 0 ? p : 1 - p));
        double value;
        if (s <= 5)
        {
            s -= 1.6;
            value = (((((((7.74545014278341407640e-4 * s + 2.27238449892691845833e-2) * s
                    + 2.41780725177450611770e-1) * s + 1.27045825245236838258) * s + 3.64784832476320460504) * s
                    + 5.76949722146069140550) * s + 4.63033784615654529590) * s + 1.42343711074968357734)
                / (((((((1.05075007164441684324e-9 * s + 5.47593808499534494600e-4) * s
                    + 1.51986665636164571966e-2) * s + 1.48103976427480074590e-1) * s + 6.89767334985100004550e-1) * s
                    + 1.67638483018380384940) * s + 2.05319162663775882187) * s + 1);
        }
        else
        {
            s -= 5;
            value = (((((((2.01033439929228813265e-7 * s + 2.71155556874348757815e-5) * s
                    + 1.24266094738807843860e-3) * s + 2.65321895265761230930e-2) * s + 2.96560571828504891230e-1) * s
                    + 1.78482653991729133580) * s + 5.46378491116411436990) * s + 6.65790464350110377720)
                / (((((((2.04426310338993978564e-15 * s + 1.42151175831644588870e-7) * s
                    + 1.84631831751005468180e-5) * s + 7.86869131145613259100e-4) * s + 1.48753612908506148525e-2) * s
                    + 1.36929880922735805310e-1) * s + 5.99832206555887937690e-1) * s + 1);
        }
        return q < 0 ? -value : value;
    }
}
