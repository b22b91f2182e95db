using Ppl.Inference.Results;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Sampling;

/// <summary>
/// Draws from an inference result: every latent and predicted node, element by element from its
/// marginal (<see cref="PosteriorMarginals"/>). The draws are independent across elements, which is
/// exact for a factorised (mean-field) posterior and loses the correlations of a full-covariance
/// block; point-estimated params are repeated in every draw.
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
            var n = posterior.Mean.Values.Count;
            var marginals = Enumerable.Range(0, n).Select(i => PosteriorMarginals.Of(posterior, i).Distribution).ToArray();
            var draws = new double[count][];
            for (var d = 0; d < count; d++)
            {
                draws[d] = new double[n];
                for (var i = 0; i < n; i++)
                {
                    draws[d][i] = marginals[i].Sample(random);
                }
            }
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
