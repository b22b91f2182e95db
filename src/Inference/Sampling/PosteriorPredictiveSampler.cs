using Ppl.Compiler.Binding;
using Ppl.Compiler.Ir;
using Ppl.Inference.Results;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Sampling;

/// <summary>
/// Posterior predictive draws: for each draw θ⁽ᵈ⁾ of the latents and params from an inference result
/// (<see cref="PosteriorSampler"/>, full-covariance blocks jointly), the model is sampled forwards
/// given θ⁽ᵈ⁾ (<see cref="ForwardSampler"/>), so every observed node gets a replicated draw
/// y_rep⁽ᵈ⁾ ~ p(y | θ⁽ᵈ⁾) and every predicted node is redrawn jointly with the latents it depends on
/// (Gelman et al. 2013, BDA3 §6.3). What θ⁽ᵈ⁾ is depends on the backend: VMP's q(θ), SVI's guide,
/// EM's point estimates (a plug-in predictive). Local latents the result only summarises are drawn
/// from their prior given the global draws (the predictive of new units rather than the same ones).
/// A model with networks cannot be sampled forwards from the result (the weights live in the
/// backend): its replicated draws are the ones SVI kept from its own guide passes
/// (<see cref="InferenceResult.Replicated"/>, asked for with <see cref="InferenceOptions.Replicates"/>).
/// </summary>
public static class PosteriorPredictiveSampler
{
    /// <summary>Draws <paramref name="count"/> times from the posterior and the posterior predictive.</summary>
    /// <param name="ir">The model IR the result was inferred from.</param>
    /// <param name="data">The bound data (sizes and inputs).</param>
    /// <param name="result">The inference result.</param>
    /// <param name="count">Number of draws.</param>
    /// <param name="seed">Seed of the random streams.</param>
    /// <returns>
    /// The latents, predictions and params (as <see cref="PosteriorSampler"/> draws them, predictions
    /// redrawn jointly), then one replicated variable per observed node; when the model cannot be
    /// sampled forwards (a network), the posterior draws alone and the reason.
    /// </returns>
    public static PosteriorPredictive Draw(ModelIr ir, BoundData data, InferenceResult result, int count, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(ir);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(result);
        var posterior = PosteriorSampler.Draw(result, count, seed);
        var predicted = result.Posteriors.Where(p => p.IsPrediction).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var given = posterior.Variables.Where(v => !predicted.Contains(v.Name)).ToDictionary(v => v.Name, StringComparer.Ordinal);

        DrawSet forward;
        try
        {
            forward = ForwardSampler.Draw(ir, data, count, new RandomSource(seed).Split(), (d, node, shape) =>
                given.TryGetValue(node.Name, out var variable) && variable.Draws[d].Length == shape.Aggregate(1, (a, b) => a * b)
                    ? variable.Draws[d]
                    : null);
        }
        catch (ForwardSamplingException unsupported)
        {
            return StoredReplicates(ir, result, count, seed, unsupported.Message) ?? new PosteriorPredictive(posterior, unsupported.Message);
        }

        var redrawn = forward.Variables.ToDictionary(v => v.Name, StringComparer.Ordinal);
        var set = new DrawSet(count);
        foreach (var variable in posterior.Variables)
        {
            var chosen = predicted.Contains(variable.Name) && redrawn.TryGetValue(variable.Name, out var joint) ? joint : variable;
            set.Add(variable.Name, chosen.Shape, chosen.Draws);
        }
        foreach (var observed in ir.Nodes.OfType<RandomNode>().Where(r => r.IsObserved))
        {
            var replicate = redrawn[observed.Name];
            set.AddReplicated(observed.Name, replicate.Shape, replicate.Draws);
        }
        return new PosteriorPredictive(set, null);
    }

    /// <summary>
    /// For a model that cannot be sampled forwards (a network), the replicated draws the backend kept
    /// from its own passes (<see cref="InferenceResult.Replicated"/>: SVI runs the networks), joint with
    /// the stored posterior draws; null if it kept none.
    /// </summary>
    private static PosteriorPredictive? StoredReplicates(ModelIr ir, InferenceResult result, int count, ulong seed, string reason)
    {
        if (result.Replicated.Count == 0)
        {
            return null;
        }
        var missing = ir.Nodes.OfType<RandomNode>().Where(r => r.IsObserved && !result.Replicated.ContainsKey(r.Name)).Select(r => $"'{r.Name}'").ToList();
        var set = PosteriorSampler.Draw(result, count, seed, replicated: true);
        return new PosteriorPredictive(set, missing.Count == 0 ? null : $"{string.Join(", ", missing)}: {reason}");
    }
}

/// <summary>Posterior and posterior predictive draws.</summary>
/// <param name="Draws">The draws; replicated observed nodes are marked <see cref="DrawnVariable.IsReplicated"/>.</param>
/// <param name="ReplicatesUnavailable">Why observed nodes have no replicated draws (the model cannot be sampled forwards), or null.</param>
public sealed record PosteriorPredictive(DrawSet Draws, string? ReplicatesUnavailable);
