namespace Ppl.StdLib.Distributions;

/// <summary>A distribution that can score a value: log p(x), or −∞ outside the support.</summary>
/// <typeparam name="TValue">The variate: <see cref="double"/>, <see cref="int"/> (a category) or a span (a vector or
/// row-major matrix).</typeparam>
public interface IDensity<in TValue> where TValue : allows ref struct
{
    /// <summary>The log-density (continuous) or log-mass (discrete) at <paramref name="value"/>; −∞ outside
    /// the support.</summary>
    double LogDensity(TValue value);
}
