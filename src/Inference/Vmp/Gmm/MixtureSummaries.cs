using Ppl.Inference.Results;
using Ppl.Inference.Vmp.Summaries;
using Ppl.StdLib.Distributions;

namespace Ppl.Inference.Vmp.Gmm;

/// <summary>
/// The posteriors a variational mixture reports: q(π) Dirichlet, q(μ_k) MvNormal, q(Λ_k) Wishart, and
/// q(z) Categorical per point when asked for.
/// </summary>
internal static class MixtureSummaries
{
    /// <summary>The posteriors of the weights, the component means and precisions (and z when asked for).</summary>
    /// <param name="mixture">The mixture after its sweeps.</param>
    /// <param name="showIndicators">Whether to list q(z) (N×K).</param>
    /// <returns>The summaries.</returns>
    public static IEnumerable<Posterior> Summarise(VariationalMixture mixture, bool showIndicators)
    {
        var names = mixture.Names;
        var (d, k) = (mixture.Dimension, mixture.Components);
        yield return PosteriorSummaries.Dirichlet(names.Weights, [.. mixture.Alpha]);
        var means = mixture.Means.SelectMany(m => m).ToArray();
        var sds = mixture.Covariances.SelectMany(covariance => Enumerable.Range(0, d).Select(i => Math.Sqrt(covariance[i * d + i]))).ToArray();
        var mu = PosteriorSummaries.Normal(names.Means, [k, d], means, sds);
        yield return mu with
        {
            Family = "MvNormal",
            Parameters = new Dictionary<string, NdArray>
            {
                ["mean"] = new([k, d], means),
                ["cov"] = new([k, d, d], [.. mixture.Covariances.SelectMany(c => c)]),
            },
        };
        var wisharts = mixture.Precisions;
        var lambdaMean = wisharts.SelectMany(w => w.Mean).ToArray();
        var lambdaSd = wisharts.SelectMany(w => w.Variance.Select(Math.Sqrt)).ToArray();
        var (q05, q50, q95) = WishartElementQuantiles(wisharts, d, lambdaMean, lambdaSd);
        yield return new Posterior(names.Precisions, "Wishart",
            new Dictionary<string, NdArray>
            {
                ["dof"] = new([k], [.. wisharts.Select(w => w.DegreesOfFreedom)]),
                ["scale"] = new([k, d, d], [.. wisharts.SelectMany(w => w.Scale.ToArray())]),
            },
            new NdArray([k, d, d], lambdaMean), new NdArray([k, d, d], lambdaSd),
            new NdArray([k, d, d], q05), new NdArray([k, d, d], q50), new NdArray([k, d, d], q95));
        if (showIndicators)
        {
            yield return IndicatorSummary(names.Indicators, mixture.Responsibilities(), mixture.Points, k);
        }
    }

    /// <summary>
    /// The 5%, 50% and 95% points of each element of the Wishart posteriors. A diagonal element is
    /// exactly Gamma: Λ_ii ~ W_ii χ²_ν = Gamma(ν/2, scale 2 W_ii) (Anderson 2003, §7.3), so its
    /// quantiles are exact and positive. An off-diagonal element has no closed-form marginal; it gets
    /// the Normal with its mean ν W_ij and sd √(ν (W_ij² + W_ii W_jj)).
    /// </summary>
    private static (double[] Q05, double[] Q50, double[] Q95) WishartElementQuantiles(IReadOnlyList<Wishart> wisharts, int d, double[] mean, double[] sd)
    {
        const double z95 = 1.6448536269514722;
        var q05 = new double[mean.Length];
        var q50 = new double[mean.Length];
        var q95 = new double[mean.Length];
        for (var c = 0; c < wisharts.Count; c++)
        {
            var scale = wisharts[c].Scale;
            for (var i = 0; i < d; i++)
            {
                for (var j = 0; j < d; j++)
                {
                    var e = c * d * d + i * d + j;
                    if (i == j)
                    {
                        var diagonal = Gamma.FromScale(wisharts[c].DegreesOfFreedom / 2, 2 * scale[i * d + i]);
                        (q05[e], q50[e], q95[e]) = (diagonal.Quantile(0.05), diagonal.Quantile(0.5), diagonal.Quantile(0.95));
                    }
                    else
                    {
                        (q05[e], q50[e], q95[e]) = (mean[e] - z95 * sd[e], mean[e], mean[e] + z95 * sd[e]);
                    }
                }
            }
        }

        return (q05, q50, q95);
    }

    /// <summary>q(z_n) per point: probabilities p (N×K); mean and sd of the index; quantiles of the categorical.</summary>
    private static Posterior IndicatorSummary(string name, double[] p, int n, int k)
    {
        var mean = new double[n];
        var sd = new double[n];
        var q = new double[3][];
        for (var j = 0; j < 3; j++)
        {
            q[j] = new double[n];
        }

        double[] levels = [0.05, 0.5, 0.95];
        for (var i = 0; i < n; i++)
        {
            double m = 0, m2 = 0, cumulative = 0;
            var next = 0;
            for (var c = 0; c < k; c++)
            {
                var probability = p[i * k + c];
                m += c * probability;
                m2 += c * c * probability;
                cumulative += probability;
                while (next < 3 && cumulative >= levels[next] - 1e-12)
                {
                    q[next++][i] = c;
                }
            }

            while (next < 3)
            {
                q[next++][i] = k - 1;
            }

            mean[i] = m;
            sd[i] = Math.Sqrt(Math.Max(0, m2 - m * m));
        }

        int[] shape = [n];
        return new Posterior(name, "Categorical",
            new Dictionary<string, NdArray> { ["p"] = new([n, k], p) },
            new NdArray(shape, mean), new NdArray(shape, sd), new NdArray(shape, q[0]), new NdArray(shape, q[1]), new NdArray(shape, q[2]));
    }
}
