using Ppl.Inference.Results;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Sampling;

/// <summary>
/// Draws from an inference result: every latent and predicted node as <see cref="PosteriorDraws"/>
/// draws it — a full-covariance (<c>MvNormal</c>) block jointly through the Cholesky factor of its
/// covariance, Dirichlet, Wishart and Categorical blocks from their families, stored Monte Carlo
/// draws (SVI's guide draws, <see cref="Posterior.Draws"/>) resampled jointly across variables, every
/// other element from its marginal (exact for a factorised posterior). Point-estimated params are repeated in every
/// draw. <see cref="PosteriorPredictiveSampler"/> adds replicated draws of the observed nodes.
/// </summary>
public static class PosteriorSampler
{
    /// <summary>Draws <paramref name="count"/> times from <paramref name="result"/>.</summary>
    /// <param name="result">An inference result.</param>
    /// <param name="count">Number of draws.</param>
    /// <param name="seed">Seed of the random stream.</param>
    /// <param name="replicated">
    /// Also add the result's stored replicated draws of observed nodes
    /// (<see cref="InferenceResult.Replicated"/>), resampled with the same indices as the stored
    /// posterior draws of the same passes.
    /// </param>
    /// <returns>The draws: latents and predictions, then params, then the replicated observed nodes if asked.</returns>
    public static DrawSet Draw(InferenceResult result, int count, ulong seed, bool replicated = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        var random = new RandomSource(seed);
        var set = new DrawSet(count);
        // Stored Monte Carlo draws (SVI's guide) are resampled with one index per output draw shared by
        // every variable with as many stored draws, so the joint structure across variables is kept.
        var picks = new Dictionary<int, int[]>();
        int[] Picks(int available)
        {
            if (!picks.TryGetValue(available, out var chosen))
            {
                chosen = [.. Enumerable.Range(0, count).Select(_ => random.NextInt(available))];
                picks[available] = chosen;
            }
            return chosen;
        }
        foreach (var posterior in result.Posteriors)
        {
            var n = posterior.Mean.Values.Count;
            double[][] draws;
            if (posterior.Draws is { Rank: > 0 } stored && stored.Shape[0] > 0 && stored.Values.Count == stored.Shape[0] * n)
            {
                var available = stored.Shape[0];
                draws = Resample(stored, Picks(available), n);
            }
            else
            {
                draws = PosteriorDraws.Draw(posterior, count, random);
            }
            set.Add(posterior.Name, posterior.Mean.Shape, draws);
        }
        foreach (var param in result.Params)
        {
            var value = param.Value.Values.ToArray();
            set.Add(param.Name, param.Value.Shape, [.. Enumerable.Range(0, count).Select(_ => value)]);
        }
        if (replicated)
        {
            foreach (var (name, stored) in result.Replicated)
            {
                var n = stored.Values.Count / stored.Shape[0];
                set.AddReplicated(name, stored.Shape.Skip(1).ToArray(), Resample(stored, Picks(stored.Shape[0]), n));
            }
        }
        return set;
    }

    /// <summary>Rows <paramref name="chosen"/> of stored draws [S, …] of <paramref name="n"/> values each.</summary>
    private static double[][] Resample(NdArray stored, int[] chosen, int n) =>
        [.. chosen.Select(s => Enumerable.Range(s * n, n).Select(i => stored.Values[i]).ToArray())];
}
