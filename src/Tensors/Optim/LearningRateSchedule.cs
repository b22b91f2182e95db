namespace Ppl.Tensors.Optim;

/// <summary>
/// Sets every group's learning rate to its initial rate times a factor of the epoch count; call
/// <see cref="Step"/> once per epoch (after the optimiser's steps), as with PyTorch's schedulers.
/// </summary>
public abstract class LearningRateSchedule
{
    /// <summary>Attaches the schedule to an optimiser.</summary>
    protected LearningRateSchedule(Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        Optimizer = optimizer;
    }

    /// <summary>The optimiser whose rates are scheduled.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>Epochs completed.</summary>
    public int Epoch { get; private set; }

    /// <summary>Advances one epoch and updates the learning rates.</summary>
    public void Step()
    {
        Epoch++;
        var factor = Factor(Epoch);
        foreach (var group in Optimizer.Groups)
        {
            group.LearningRate = group.InitialLearningRate * factor;
        }
    }

    /// <summary>The multiplier of the initial rate after <paramref name="epoch"/> epochs.</summary>
    protected abstract double Factor(int epoch);
}

/// <summary>Multiplies the rate by γ every <see cref="StepSize"/> epochs: η = η₀·γ^⌊epoch / stepSize⌋.</summary>
public sealed class StepLr : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    public StepLr(Optimizer optimizer, int stepSize, double gamma = 0.1) : base(optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepSize);
        (StepSize, Gamma) = (stepSize, gamma);
    }

    /// <summary>Epochs between decays.</summary>
    public int StepSize { get; }

    /// <summary>The decay factor γ.</summary>
    public double Gamma { get; }

    /// <inheritdoc/>
    protected override double Factor(int epoch) => Math.Pow(Gamma, epoch / StepSize);
}

/// <summary>Multiplies the rate by γ every epoch: η = η₀·γ^epoch.</summary>
public sealed class ExponentialLr : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    public ExponentialLr(Optimizer optimizer, double gamma) : base(optimizer) => Gamma = gamma;

    /// <summary>The decay factor γ.</summary>
    public double Gamma { get; }

    /// <inheritdoc/>
    protected override double Factor(int epoch) => Math.Pow(Gamma, epoch);
}
