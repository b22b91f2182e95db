using Ppl.Inference.Results;
using Ppl.StdLib.Distributions;

namespace Ppl.Inference.Sampling;

/// <summary>
/// The per-element marginal distribution of a <see cref="Posterior"/>, built from its family and
/// parameters with the StdLib's <see cref="DistributionFactory"/>. Where the family cannot be built
/// per element (an <c>MvNormal</c> block, a parameter of another shape, a family outside the catalogue)
/// the marginal is the Normal with the posterior's mean and sd, and <see cref="Marginal.IsApproximate"/> says so.
/// </summary>
public static class PosteriorMarginals
{
    /// <summary>The marginal of element <paramref name="index"/> (row-major) of <paramref name="posterior"/>.</summary>
    /// <param name="posterior">The posterior.</param>
    /// <param name="index">Flat element index.</param>
    /// <returns>The distribution and whether it is the Normal stand-in.</returns>
    public static Marginal Of(Posterior posterior, int index)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        var n = posterior.Mean.Values.Count;
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, n);
        var named = new Dictionary<string, object>();
        var perElement = true;
        foreach (var (reported, value) in posterior.Parameters)
        {
            var key = CatalogueName(posterior.Family, reported);
            if (value.Values.Count == n)
            {
                named[key] = value.Values[index];
            }
            else if (value.Values.Count == 1)
            {
                named[key] = value.Values[0];
            }
            else
            {
                perElement = false;
            }
        }
        if (perElement && named.Count > 0)
        {
            try
            {
                if (DistributionFactory.Create(posterior.Family, [], named) is IContinuousDistribution built)
                {
                    return new Marginal(built, false);
                }
            }
            catch (ArgumentException)
            {
                // The family or its parameter names are not the catalogue's: the Normal stand-in below.
            }
        }
        var mean = posterior.Mean.Values[index];
        var sd = posterior.Sd.Values[index];
        var normal = (IContinuousDistribution)DistributionFactory.Create("Normal", [mean, sd > 0 && double.IsFinite(sd) ? sd : 1e-12]);
        return new Marginal(normal, true);
    }

    /// <summary>
    /// The catalogue's name of a reported parameter: SVI's guides report <c>Normal(loc, scale)</c> and
    /// <c>LogNormal(loc, scale)</c> (Pyro's names), which are the catalogue's <c>Normal(mean, sd)</c>
    /// and <c>LogNormal(mu, sigma)</c>.
    /// </summary>
    private static string CatalogueName(string family, string parameter) => (family, parameter) switch
    {
        ("Normal", "loc") => "mean",
        ("Normal", "scale") => "sd",
        ("LogNormal", "loc") => "mu",
        ("LogNormal", "scale") => "sigma",
        _ => parameter,
    };
}

/// <summary>One element's marginal distribution.</summary>
/// <param name="Distribution">The distribution.</param>
/// <param name="IsApproximate">True when it is the Normal with the posterior's mean and sd, not the family itself.</param>
public readonly record struct Marginal(IContinuousDistribution Distribution, bool IsApproximate);
