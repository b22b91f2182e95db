using Ppl.Tensors;

namespace Ppl.StdLib.Distributions;

/// <summary>The Categorical log-mass on autodiff tensors, batched over a plate.</summary>
public sealed partial class Categorical
{
    /// <summary>
    /// log p(xᵢ) = log pᵢ[xᵢ] for category indices <paramref name="values"/> (one per row of the plate), with
    /// <paramref name="probabilities"/> [K] shared or [N, K] one row per index; differentiable in p.
    /// </summary>
    public static Tensor LogDensity(Tensor probabilities, int[] values)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        return Pick(Tensor.Log(probabilities), values);
    }

    /// <summary>
    /// log p(xᵢ) = lᵢ[xᵢ] − log Σⱼ exp lᵢⱼ (log-softmax, as in <see cref="FromLogits"/>) for logits [K] shared
    /// or [N, K]; differentiable in the logits.
    /// </summary>
    public static Tensor LogDensityFromLogits(Tensor logits, int[] values)
    {
        ArgumentNullException.ThrowIfNull(logits);
        return Pick(logits.LogSoftmax(-1), values);
    }

    private static Tensor Pick(Tensor logProbabilities, int[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        // A shared row is indexed by every value (a plate of them); otherwise one row per value, and a single
        // row with a single value gives a scalar.
        return logProbabilities.Rank == 1 && values.Length != 1
            ? logProbabilities.IndexSelect(0, values)
            : logProbabilities.Gather(-1, values);
    }
}
