namespace Ppl.StdLib.Distributions;

/// <summary>Logarithms that recur in the densities, to full double precision.</summary>
internal static class LogConstants
{
    /// <summary>log 2.</summary>
    public const double LogTwo = 0.69314718055994530942;

    /// <summary>log π.</summary>
    public const double LogPi = 1.14472988584940017414;

    /// <summary>log 2π.</summary>
    public const double LogTwoPi = 1.83787706640934548356;

    /// <summary>½ log 2π, the normal density's constant.</summary>
    public const double HalfLogTwoPi = 0.91893853320467274178;
}
