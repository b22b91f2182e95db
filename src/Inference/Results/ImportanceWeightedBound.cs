namespace Ppl.Inference.Results;

/// <summary>
/// The importance-weighted lower bound on the log evidence (Burda et al. 2016, eq. 8):
/// IWAE_k = E[log (1/k) Σᵢ p(x, zᵢ)/q(zᵢ)], zᵢ ~ q, with log p(x) ≥ IWAE_{k+1} ≥ IWAE_k ≥ ELBO.
/// </summary>
/// <param name="K">Importance samples per estimate.</param>
/// <param name="Value">The estimate of the bound on log p(data), in nats for the whole data set: the mean of <paramref name="Repeats"/> independent estimates.</param>
/// <param name="StandardError">Monte Carlo standard error of <paramref name="Value"/> (null with one repeat).</param>
/// <param name="Repeats">Independent estimates averaged.</param>
public sealed record ImportanceWeightedBound(int K, double Value, double? StandardError, int Repeats)
{
    /// <summary>
    /// N when the bound is per data point — Σₙ log (1/k) Σᵢ p(xₙ, zₙᵢ)/q(zₙᵢ | xₙ), k draws of each
    /// data point's latents, tighter than the joint bound and what "IWAE per image" means for a
    /// VAE — or null for the joint bound (k draws of every latent of the whole data set at once).
    /// </summary>
    public int? DataPoints { get; init; }

    /// <summary><see cref="Value"/> / N, the bound per data point (null for the joint bound).</summary>
    public double? PerDataPoint => DataPoints is int n ? Value / n : null;

    /// <summary><see cref="StandardError"/> / N (null for the joint bound or one repeat).</summary>
    public double? PerDataPointStandardError => DataPoints is int n && StandardError is double se ? se / n : null;
}
