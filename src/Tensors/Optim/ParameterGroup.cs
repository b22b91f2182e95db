namespace Ppl.Tensors.Optim;

/// <summary>
/// Parameters that share optimiser settings (e.g. a network's weights at one rate, a guide's scales at
/// another). Learning-rate schedules change <see cref="LearningRate"/> relative to
/// <see cref="InitialLearningRate"/>.
/// </summary>
public sealed class ParameterGroup
{
    /// <summary>Creates a group; the parameters must be leaves that require grad.</summary>
    public ParameterGroup(IEnumerable<Tensor> parameters, double learningRate, double weightDecay = 0)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = [.. parameters];
        foreach (var p in Parameters)
        {
            if (!p.IsLeaf || !p.RequiresGrad)
            {
                throw new ArgumentException("optimised parameters must be leaves that require grad", nameof(parameters));
            }
        }
        ArgumentOutOfRangeException.ThrowIfNegative(learningRate);
        ArgumentOutOfRangeException.ThrowIfNegative(weightDecay);
        LearningRate = learningRate;
        InitialLearningRate = learningRate;
        WeightDecay = weightDecay;
    }

    /// <summary>The tensors this group updates.</summary>
    public IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>The current learning rate.</summary>
    public double LearningRate { get; set; }

    /// <summary>The learning rate the group was created with (schedules scale it).</summary>
    public double InitialLearningRate { get; }

    /// <summary>L2 penalty coefficient λ: the gradient used is g + λθ.</summary>
    public double WeightDecay { get; }
}
