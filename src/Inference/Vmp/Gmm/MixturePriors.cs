namespace Ppl.Inference.Vmp.Gmm;

/// <summary>The known priors of a variational Gaussian mixture.</summary>
/// <param name="Alpha0">Dirichlet concentration (K).</param>
/// <param name="Mean0">Prior mean of every μ_k (D).</param>
/// <param name="Precision0">Prior precision of every μ_k (D×D).</param>
/// <param name="Dof0">Wishart degrees of freedom ν₀.</param>
/// <param name="Scale0">Wishart scale W₀ (D×D).</param>
internal sealed record MixturePriors(double[] Alpha0, double[] Mean0, double[] Precision0, double Dof0, double[] Scale0);
