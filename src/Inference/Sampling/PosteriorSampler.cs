using Ppl.Inference.Results;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Sampling;

/// <summary>
/// Draws from an inference result: every latent and predicted node as <see cref="PosteriorDraws"/>
/// draws it — a full-covariance (<c>MvNormal</c>) block jointly through the Cholesky factor of its
/// covariance, Dirichlet, Wishart and Categorical blocks from their families, every other element
/// from its marginal (exact for a factorised posterior). Point-estimated params are repeated in every
/// draw. <see cref="PosteriorPredictiveSampler"/> adds replicated draws of the observed nodes.
/// </summary>
public static class PosteriorSampler
{
    /// <summary>Draws <paramref name="count"/> times from <paramref name="result"/>.</summary>
    /// <param name="result">An inference result.</param>
    /// <param name="count">Number of draws.</param>
    /// <param name="seed">Seed of the random stream.</param>
    /// <returns>The draws: latents and predictions, then params.</returns>
    public static DrawSet Draw(InferenceResult result, int count, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(result);
        var random = new RandomSource(seed);
        var set = new DrawSet(count);
        foreach (var posterior in result.Posteriors)
        {
            var draws = PosteriorDraws.Draw(posterior, count, random);
            set.Add(posterior.Name, posterior.Mean.Shape, draws);
        }
        foreach (var param in result.Params)
        {
            var value = param.Value.Values.ToArray();
            set.Add(param.Name, param.Value.Shape, [.. Enumerable.Range(0, count).Select(_ => value)]);
        }
        return set;
    }
}
