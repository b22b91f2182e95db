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
        // A single row (shape [K], or [1, …, 1, K] as a plate-aligned argument) is indexed by every value of
        // the plate; otherwise one row per value (and a single row with a single value gives a scalar).
        var k = logProbabilities.Size(-1);
        return logProbabilities.Length == k && values.Length != 1
            ? logProbabilities.Reshape(k).IndexSelect(0, values)
            : logProbabilities.Gather(-1, values);
    }
}
