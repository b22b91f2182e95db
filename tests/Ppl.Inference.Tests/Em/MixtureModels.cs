namespace Ppl.Inference.Tests.Em;

/// <summary>Model texts shared by the EM tests.</summary>
internal static class MixtureModels
{
    /// <summary>A mixture of K = 3 full-covariance Gaussians, every parameter a point estimate.</summary>
    public const string FullCovarianceK3 = """
        data x: real[N, D]
        const K = 3
        param weights: simplex[K]
        param mu: real[K, D]
        param Sigma: cov[K, D]
        plate n in N {
          z[n] ~ Categorical(weights)
          x[n] ~ MvNormal(mu[z[n]], Sigma[z[n]])
        }
        """;
}
