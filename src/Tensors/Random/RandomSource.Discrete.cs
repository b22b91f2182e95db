namespace Ppl.Tensors.Random;

/// <summary>Scalar draws from discrete families.</summary>
public sealed partial class RandomSource
{
    /// <summary>Above this mean a Poisson count could overflow an <see cref="int"/>.</summary>
    private const double MaxPoissonRate = 1 << 30;

    /// <summary>True with probability <paramref name="p"/>.</summary>
    /// <param name="p">The success probability in [0, 1].</param>
    public bool NextBernoulli(double p)
    {
        CheckProbability(p, nameof(p));
        return NextDouble() < p;
    }

    /// <summary>
    /// An index i drawn with probability wᵢ / Σw, by a linear search of the cumulative sum
    /// (weights need not be normalised).
    /// </summary>
    /// <param name="probabilities">Non-negative weights, not all zero.</param>
    public int NextCategorical(ReadOnlySpan<double> probabilities)
    {
        var total = 0.0;
        foreach (var w in probabilities)
        {
            if (!(w >= 0) || double.IsPositiveInfinity(w))
            {
                throw new ArgumentOutOfRangeException(nameof(probabilities), w, "weights must be finite and non-negative");
            }
            total += w;
        }
        if (!(total > 0))
        {
            throw new ArgumentException("weights must not all be zero", nameof(probabilities));
        }
        var target = NextDouble() * total;
        var cumulative = 0.0;
        var last = 0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            if (probabilities[i] > 0)
            {
                cumulative += probabilities[i];
                last = i;
                if (target < cumulative)
                {
                    return i;
                }
            }
        }
        // Rounding in the cumulative sum: the last category with positive weight.
        return last;
    }

    /// <summary>
    /// A Poisson(rate) draw: Knuth's multiplication method for rate &lt; 10, otherwise the
    /// transformed rejection method with squeeze PTRS (Hörmann 1993), O(1) per draw.
    /// </summary>
    /// <param name="rate">The mean λ, in [0, 2³⁰].</param>
    public int NextPoisson(double rate)
    {
        if (!(rate >= 0 && rate <= MaxPoissonRate))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "must be in [0, 2^30]");
        }
        if (rate == 0)
        {
            return 0;
        }
        if (rate < 10)
        {
            var limit = Math.Exp(-rate);
            var count = 0;
            var product = NextDouble();
            while (product > limit)
            {
                count++;
                product *= NextDouble();
            }
            return count;
        }
        return PoissonTransformedRejection(rate);
    }

    /// <summary>
    /// A Binomial(n, p) draw: inversion by sequential search when n·min(p, 1−p) &lt; 10, otherwise
    /// BTRS, the transformed rejection method (Hörmann 1993).
    /// </summary>
    /// <param name="n">The number of trials ≥ 0.</param>
    /// <param name="p">The success probability in [0, 1].</param>
    public int NextBinomial(int n, double p)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        CheckProbability(p, nameof(p));
        if (p > 0.5)
        {
            return n - NextBinomial(n, 1 - p);
        }
        if (n == 0 || p == 0)
        {
            return 0;
        }
        return n * p < 10 ? BinomialInversion(n, p) : BinomialTransformedRejection(n, p);
    }

    private int BinomialInversion(int n, double p)
    {
        var q = 1 - p;
        var pZero = Math.Exp(n * Math.Log(q));
        var bound = Math.Min(n, n * p + 10 * Math.Sqrt(n * p * q + 1));
        while (true)
        {
            var x = 0;
            var px = pZero;
            var u = NextDouble();
            // P(x) = P(x−1) · (n − x + 1) p / (x q).
            while (u > px)
            {
                u -= px;
                x++;
                if (x > bound)
                {
                    break;
                }
                px *= (n - x + 1) * p / (x * q);
            }
            if (x <= bound)
            {
                return x;
            }
        }
    }

    /// <summary>BTRS (Hörmann 1993, algorithm of section 3), for p ≤ ½ and n·p ≥ 10.</summary>
    private int BinomialTransformedRejection(int n, double p)
    {
        var q = 1 - p;
        var spq = Math.Sqrt(n * p * q);
        var b = 1.15 + 2.53 * spq;
        var a = -0.0873 + 0.0248 * b + 0.01 * p;
        var c = n * p + 0.5;
        var vr = 0.92 - 4.2 / b;
        var alpha = (2.83 + 5.1 / b) * spq;
        var logOdds = Math.Log(p / q);
        var mode = Math.Floor((n + 1) * p);
        var h = LogFactorial.Of(mode) + LogFactorial.Of(n - mode);
        while (true)
        {
            var u = NextDouble() - 0.5;
            var v = NextDouble();
            var us = 0.5 - Math.Abs(u);
            var k = Math.Floor((2 * a / us + b) * u + c);
            if (k < 0 || k > n)
            {
                continue;
            }
            if (us >= 0.07 && v <= vr)
            {
                return (int)k;
            }
            var logV = Math.Log(v * alpha / (a / (us * us) + b));
            if (logV <= h - LogFactorial.Of(k) - LogFactorial.Of(n - k) + (k - mode) * logOdds)
            {
                return (int)k;
            }
        }
    }

    /// <summary>PTRS (Hörmann 1993), for λ ≥ 10.</summary>
    private int PoissonTransformedRejection(double rate)
    {
        var logRate = Math.Log(rate);
        var b = 0.931 + 2.53 * Math.Sqrt(rate);
        var a = -0.059 + 0.02483 * b;
        var logInverseAlpha = Math.Log(1.1239 + 1.1328 / (b - 3.4));
        var vr = 0.9277 - 3.6224 / (b - 2);
        while (true)
        {
            var u = NextDouble() - 0.5;
            var v = NextOpenDouble();
            var us = 0.5 - Math.Abs(u);
            var k = Math.Floor((2 * a / us + b) * u + rate + 0.43);
            if (us >= 0.07 && v <= vr)
            {
                return (int)k;
            }
            if (k < 0 || (us < 0.013 && v > us))
            {
                continue;
            }
            if (Math.Log(v) + logInverseAlpha - Math.Log(a / (us * us) + b) <= -rate + k * logRate - LogFactorial.Of(k))
            {
                return (int)k;
            }
        }
    }
}
