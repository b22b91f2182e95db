namespace Ppl.Inference;

/// <summary>
/// The run settings of DESIGN.md's CLI contract, shared by every backend; each backend reads the
/// ones that apply to it and ignores the rest.
/// </summary>
public sealed record InferenceOptions
{
    /// <summary>Iteration cap (vmp, em); null for the backend's default.</summary>
    public int? MaxIterations { get; init; }

    /// <summary>Seed for every random choice (initialisation, sampling, minibatches).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Convergence tolerance on the relative change of the objective; null for the default.</summary>
    public double? Tolerance { get; init; }

    /// <summary>EM: independent restarts; the best log-likelihood is kept.</summary>
    public int Restarts { get; init; } = 1;

    /// <summary>SVI: passes over the data (with <c>batch</c> plates); exclusive with <see cref="Steps"/>.</summary>
    public int? Epochs { get; init; }

    /// <summary>SVI: optimisation steps; exclusive with <see cref="Epochs"/>.</summary>
    public int? Steps { get; init; }

    /// <summary>SVI: Adam's learning rate; null for the default.</summary>
    public double? LearningRate { get; init; }

    /// <summary>SVI: Monte Carlo particles per ELBO estimate.</summary>
    public int Particles { get; init; } = 1;

    /// <summary>SVI: the automatic guide when the model has none: <c>auto</c>, <c>normal</c>, <c>delta</c>, <c>lowrank</c>.</summary>
    public string Guide { get; init; } = "auto";

    /// <summary>SVI: importance samples k of the IWAE bound on log p(data) reported after training; 0 for none.</summary>
    public int IwaeSamples { get; init; }

    /// <summary>SVI: rank of the low-rank multivariate Normal guide (<c>--guide lowrank</c>).</summary>
    public int GuideRank { get; init; } = 2;

    /// <summary>SVI: compute in float64 instead of float32.</summary>
    public bool DoublePrecision { get; init; }

    /// <summary>
    /// SVI: also keep replicated draws y_rep ~ p(y | θ) of every observed node of a model with
    /// networks (which cannot be sampled forwards from the result), drawn in the same guide passes as
    /// the posterior draws: what <c>ppl sample --from posterior</c> asks for.
    /// </summary>
    public bool Replicates { get; init; }

    /// <summary>Local latents to report in full (otherwise summarised), e.g. <c>z</c> for EM responsibilities.</summary>
    public IReadOnlySet<string> Show { get; init; } = new HashSet<string>();
}
