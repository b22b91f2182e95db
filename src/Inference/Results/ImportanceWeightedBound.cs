namespace Ppl.Inference.Results;

/// <summary>
/// The importance-weighted lower bound on the log evidence (Burda et al. 2016, eq. 8):
/// IWAE_k = E[log (1/k) Σᵢ p(x, zᵢ)/q(zᵢ)], zᵢ ~ q, with log p(x) ≥ IWAE_{k+1} ≥ IWAE_k ≥ ELBO.
/// </summary>
/// <param name="K">Importance samples per estimate.</param>
/// <param name="Value">The estimate: the mean of <paramref name="Repeats"/> independent log-mean-exp estimates.</param>
/// <param name="StandardError">Monte Carlo standard error of <paramref name="Value"/> (null with one repeat).</param>
/// <param name="Repeats">Independent estimates averaged.</param>
public sealed record ImportanceWeightedBound(int K, double Value, double? StandardError, int Repeats);
