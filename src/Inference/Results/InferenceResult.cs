namespace Ppl.Inference.Results;

/// <summary>
/// What a backend returns: DESIGN.md's JSON contract (<c>ppl infer --json</c>) as a C# value.
/// </summary>
/// <param name="Model">The model's file name.</param>
/// <param name="Method">The backend that ran: <c>vmp</c>, <c>em</c> or <c>svi</c>.</param>
/// <param name="Converged">True when the convergence test passed before the iteration cap.</param>
/// <param name="Iterations">Iterations (vmp, em) or optimisation steps (svi) run.</param>
/// <param name="LogEvidence">The exact log p(data) where the backend has it, else null.</param>
/// <param name="Elbo">Final objective: the ELBO (vmp, svi) or the log-likelihood (em).</param>
/// <param name="Posteriors">Latents and predictions, by name.</param>
/// <param name="Params">Point estimates, by name.</param>
/// <param name="Trace">The objective after each iteration.</param>
public sealed record InferenceResult(
    string Model,
    string Method,
    bool Converged,
    int Iterations,
    double? LogEvidence,
    double Elbo,
    IReadOnlyList<Posterior> Posteriors,
    IReadOnlyList<ParamEstimate> Params,
    IReadOnlyList<double> Trace)
{
    /// <summary>Things the user should know about the run (a covariance floor that acted, a re-seeded component).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Extra scalar diagnostics by name (e.g. <c>bic</c>, <c>aic</c> for EM).</summary>
    public IReadOnlyDictionary<string, double> Diagnostics { get; init; } = new Dictionary<string, double>();

    /// <summary>The ELBO of held-out data under the final parameters (SVI with held-out data), else null.</summary>
    public double? HeldOutElbo { get; init; }

    /// <summary>The importance-weighted bound on log p(data) (SVI when asked for), else null.</summary>
    public ImportanceWeightedBound? Iwae { get; init; }

    /// <summary>
    /// Bayes by Backprop: the signal-to-noise ratio |μ|/σ of every weight of each net with a
    /// <c>prior:</c> (Blundell et al. 2015, §5.1), by tensor (<c>f.W1</c>, <c>f.b1</c>, … layer by layer).
    /// </summary>
    public IReadOnlyDictionary<string, NdArray> SignalToNoise { get; init; } = new Dictionary<string, NdArray>();

    /// <summary>
    /// Pictures of an image model by name (a VAE's <c>x.samples</c> and <c>x.reconstructions</c>), each
    /// [K, H, W] with values in [0, 1]: what <c>ppl infer --plot</c> tiles into PNG grids; not in the JSON.
    /// </summary>
    public IReadOnlyDictionary<string, NdArray> Images { get; init; } = new Dictionary<string, NdArray>();

    /// <summary>
    /// The fitted posterior predictive of observed regression targets at their own inputs (mean, 5–95%
    /// band, aleatoric and epistemic sd), where the backend computes it: what <c>ppl infer --plot</c>
    /// draws as the predictive band of a 1-D regression; not in the JSON.
    /// </summary>
    public IReadOnlyList<Posterior> Fits { get; init; } = [];

    /// <summary>
    /// Replicated draws y_rep⁽ˢ⁾ ~ p(y | θ⁽ˢ⁾) of observed nodes, each [S, node shape…], where the
    /// backend keeps them (SVI with <see cref="InferenceOptions.Replicates"/>, for models with
    /// networks); row s comes from the same posterior draw θ⁽ˢ⁾ as row s of every
    /// <see cref="Posterior.Draws"/> of the result. Not in the JSON.
    /// </summary>
    public IReadOnlyDictionary<string, NdArray> Replicated { get; init; } = new Dictionary<string, NdArray>();

    /// <summary>Wall-clock time of the run.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The posterior called <paramref name="name"/>, or null.</summary>
    /// <param name="name">A variable name.</param>
    /// <returns>The posterior or null.</returns>
    public Posterior? Posterior(string name) => Posteriors.FirstOrDefault(p => p.Name == name);

    /// <summary>The param estimate called <paramref name="name"/>, or null.</summary>
    /// <param name="name">A param name.</param>
    /// <returns>The estimate or null.</returns>
    public ParamEstimate? Param(string name) => Params.FirstOrDefault(p => p.Name == name);
}
