namespace Ppl.Inference.Results;

/// <summary>
/// The (approximate) posterior of one latent variable, or the posterior predictive of a predicted
/// node, summarised per element: its family and parameters, mean, sd and quantiles — the fields of
/// DESIGN.md's JSON contract.
/// </summary>
/// <param name="Name">The variable.</param>
/// <param name="Family">The family of each element's marginal, e.g. <c>Beta</c>, <c>Normal</c>,
/// <c>StudentT</c>; <c>MvNormal</c> for a vector block with full covariance.</param>
/// <param name="Parameters">The family's parameters by name, each with the variable's shape (or the
/// parameter's own shape, e.g. a covariance matrix).</param>
/// <param name="Mean">Posterior mean.</param>
/// <param name="Sd">Posterior standard deviation.</param>
/// <param name="Q05">5% quantile of each marginal.</param>
/// <param name="Q50">Median of each marginal.</param>
/// <param name="Q95">95% quantile of each marginal.</param>
public sealed record Posterior(
    string Name,
    string Family,
    IReadOnlyDictionary<string, NdArray> Parameters,
    NdArray Mean,
    NdArray Sd,
    NdArray Q05,
    NdArray Q50,
    NdArray Q95)
{
    /// <summary>True for a predicted node (unobserved, mirroring data): this is its posterior predictive.</summary>
    public bool IsPrediction { get; init; }

    /// <summary>The sd of the expected noise (aleatoric part), where the backend can split it.</summary>
    public NdArray? AleatoricSd { get; init; }

    /// <summary>The sd of the predictive mean across posterior samples (epistemic part), where available.</summary>
    public NdArray? EpistemicSd { get; init; }

    /// <summary>Classification: the predictive entropy H[E_θ p(y | θ)] in nats (total uncertainty), where available.</summary>
    public NdArray? PredictiveEntropy { get; init; }

    /// <summary>Classification: the expected entropy E_θ H[p(y | θ)] in nats (aleatoric part), where available.</summary>
    public NdArray? ExpectedEntropy { get; init; }

    /// <summary>Classification: the mutual information between y and θ in nats (epistemic part), where available.</summary>
    public NdArray? MutualInformation { get; init; }

    /// <summary>
    /// How the mean, sd and quantiles were computed: <c>analytic</c> (closed form from the family's
    /// parameters), <c>quadrature</c> (moments by numerical integration, quantiles exact) or
    /// <c>draws</c> (Monte Carlo); null when the backend does not say (its summaries are exact).
    /// </summary>
    public string? Summary { get; init; }

    /// <summary>
    /// Monte Carlo draws the summary was computed from, shape [S, ...the variable's shape], where the
    /// backend keeps them (SVI's guide draws, draw s of every variable from the same pass, so joint
    /// across variables); <c>ppl sample --from posterior</c> resamples them. Not in the JSON.
    /// </summary>
    public NdArray? Draws { get; init; }

    /// <summary>The full covariance of a multivariate block (available from C#; not in the JSON).</summary>
    public NdArray? Covariance { get; init; }
}
