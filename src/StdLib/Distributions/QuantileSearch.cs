namespace Ppl.StdLib.Distributions;

/// <summary>
/// Inverts a continuous CDF numerically for the families without a closed-form quantile (Gamma,
/// Beta, StudentT): Newton steps on F(x) − p, each kept inside a shrinking bracket and replaced by
/// bisection when it would leave it (a safeguarded Newton, Press et al. 2007, §9.4).
/// </summary>
internal static class QuantileSearch
{
    private const int MaxIterations = 300;

    /// <summary>Finds x in [<paramref name="lo"/>, <paramref name="hi"/>] with F(x) = p.</summary>
    /// <param name="cdf">F, non-decreasing on the bracket.</param>
    /// <param name="logDensity">log F′, for the Newton step.</param>
    /// <param name="probability">p in (0, 1).</param>
    /// <param name="lo">A point with F(lo) ≤ p (−∞ is widened automatically).</param>
    /// <param name="hi">A point with F(hi) ≥ p (+∞ is widened automatically).</param>
    /// <param name="start">The first guess, inside the bracket.</param>
    public static double Invert(Func<double, double> cdf, Func<double, double> logDensity, double probability,
        double lo, double hi, double start)
    {
        // Widen infinite ends geometrically from the start.
        if (double.IsNegativeInfinity(lo))
        {
            var step = Math.Max(1, Math.Abs(start));
            lo = start - step;
            while (cdf(lo) > probability)
            {
                step *= 2;
                lo = start - step;
            }
        }
        if (double.IsPositiveInfinity(hi))
        {
            var step = Math.Max(1, Math.Abs(start));
            hi = start + step;
            while (cdf(hi) < probability)
            {
                step *= 2;
                hi = start + step;
            }
        }
        var x = Math.Clamp(start, lo, hi);
        if (!(x > lo && x < hi))
        {
            x = 0.5 * (lo + hi);
        }
        for (var i = 0; i < MaxIterations; i++)
        {
            var f = cdf(x) - probability;
            if (f == 0)
            {
                return x;
            }
            if (f < 0)
            {
                lo = x;
            }
            else
            {
                hi = x;
            }
            var next = x - f / Math.Exp(logDensity(x));
            if (!(next > lo && next < hi))
            {
                next = 0.5 * (lo + hi);
            }
            // Stop at the resolution of doubles near x: steps of a couple of ulps, or a bracket that small.
            var resolution = 2 * (Math.BitIncrement(Math.Abs(x)) - Math.Abs(x));
            if (Math.Abs(next - x) <= resolution || hi - lo <= resolution)
            {
                return next;
            }
            x = next;
        }
        return x;
    }
}
