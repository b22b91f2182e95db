namespace Ppl.Tensors.Tests.Random;

/// <summary>Sample moments and the Monte Carlo standard errors that bound them.</summary>
internal static class SampleStatistics
{
    /// <summary>Standard errors allowed before a statistical check fails.</summary>
    public const double Tolerance = 5;

    /// <summary>
    /// Checks the sample mean and variance against the true ones, each within
    /// <see cref="Tolerance"/> standard errors: SE(mean) = √(σ²/n), SE(s²) ≈ √((μ₄ − σ⁴)/n).
    /// </summary>
    public static void AssertMoments(ReadOnlySpan<double> draws, double mean, double variance, double fourthCentralMoment, string label)
    {
        var n = draws.Length;
        var sum = 0.0;
        foreach (var x in draws)
        {
            sum += x;
        }
        var sampleMean = sum / n;
        var squares = 0.0;
        foreach (var x in draws)
        {
            squares += (x - sampleMean) * (x - sampleMean);
        }
        var sampleVariance = squares / (n - 1);
        var meanError = Math.Sqrt(variance / n);
        var varianceError = Math.Sqrt((fourthCentralMoment - variance * variance) / n);
        Assert.True(Math.Abs(sampleMean - mean) <= Tolerance * meanError,
            $"{label}: mean {sampleMean} vs {mean} (SE {meanError})");
        Assert.True(Math.Abs(sampleVariance - variance) <= Tolerance * varianceError,
            $"{label}: variance {sampleVariance} vs {variance} (SE {varianceError})");
    }

    /// <summary>Pearson correlation of two equally long samples.</summary>
    public static double Correlation(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double mx = 0, my = 0;
        for (var i = 0; i < x.Length; i++)
        {
            mx += x[i];
            my += y[i];
        }
        mx /= x.Length;
        my /= y.Length;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>
    /// Pearson's X² of observed counts against expected probabilities, pooling the categories whose
    /// expected count is below 5 into one; returns the statistic and its degrees of freedom.
    /// </summary>
    public static (double Statistic, int DegreesOfFreedom) ChiSquare(ReadOnlySpan<long> counts, ReadOnlySpan<double> probabilities, long n)
    {
        double statistic = 0, pooledObserved = 0, pooledExpected = 0;
        var cells = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            var expected = probabilities[i] * n;
            if (expected < 5)
            {
                pooledObserved += counts[i];
                pooledExpected += expected;
                continue;
            }
            statistic += (counts[i] - expected) * (counts[i] - expected) / expected;
            cells++;
        }
        if (pooledExpected > 0)
        {
            statistic += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / pooledExpected;
            cells++;
        }
        return (statistic, cells - 1);
    }

    /// <summary>
    /// The upper 1e-4 quantile of χ² with the given degrees of freedom, by the Wilson–Hilferty
    /// approximation df·(1 − 2/(9df) + z·√(2/(9df)))³ with z = 3.719 (the normal 1e-4 quantile).
    /// </summary>
    public static double ChiSquareCritical(int degreesOfFreedom)
    {
        var h = 2.0 / (9 * degreesOfFreedom);
        return degreesOfFreedom * Math.Pow(1 - h + 3.719 * Math.Sqrt(h), 3);
    }

    /// <summary>log k! by direct summation: independent of the sampler's Stirling series.</summary>
    public static double LogFactorial(int k)
    {
        var sum = 0.0;
        for (var i = 2; i <= k; i++)
        {
            sum += Math.Log(i);
        }
        return sum;
    }
}
