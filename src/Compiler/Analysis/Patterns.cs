using System.Collections.Immutable;
using Ppl.Compiler.Ir;

namespace Ppl.Compiler.Analysis;

/// <summary>
/// The mixture pattern: a discrete local latent used as an index (<c>x[n] ~ MvNormal(mu[z[n]], Sigma[z[n]])</c>).
/// Its posterior is exact by enumeration over the categories (the E-step of EM, Bishop 2006, eq. 9.23).
/// </summary>
/// <param name="Indicator">The discrete latent, e.g. <c>z</c>.</param>
/// <param name="Components">The factors it selects a component of.</param>
public sealed record MixturePattern(string Indicator, ImmutableArray<string> Components);

/// <summary>
/// The linear-Gaussian pattern (probabilistic PCA, factor analysis): a Gaussian local latent with fixed
/// prior entering Gaussian factors affinely with known or point-estimated coefficients
/// (<c>x[n] ~ Normal(W @ z[n] + mu, var: sigma2)</c>); its posterior is Gaussian in closed form
/// (Tipping and Bishop 1999, eq. 6; Bishop 2006, eq. 12.42).
/// </summary>
/// <param name="Latent">The Gaussian latent, e.g. <c>z</c>.</param>
/// <param name="Factors">The Gaussian factors it enters.</param>
public sealed record LinearGaussianPattern(string Latent, ImmutableArray<string> Factors);

/// <summary>What the analyses found in a model: its latents and their classes, the patterns, and the rest of the graph.</summary>
/// <param name="Model">The analysed IR.</param>
/// <param name="Latents">Every latent (random nodes not observed, and nets with a weight prior), in IR order.</param>
/// <param name="Observed">The observed random nodes.</param>
/// <param name="Params">The model's params (point estimates).</param>
/// <param name="Nets">The model's networks.</param>
/// <param name="Mixtures">Mixture patterns found.</param>
/// <param name="LinearGaussians">Linear-Gaussian patterns found.</param>
public sealed record ModelAnalysis(
    ModelIr Model,
    ImmutableArray<LatentInfo> Latents,
    ImmutableArray<RandomNode> Observed,
    ImmutableArray<ParamNode> Params,
    ImmutableArray<NetNode> Nets,
    ImmutableArray<MixturePattern> Mixtures,
    ImmutableArray<LinearGaussianPattern> LinearGaussians)
{
    /// <summary>The latents whose posterior the data inform (predicted nodes left out).</summary>
    public IEnumerable<LatentInfo> Unknowns => Latents.Where(l => l.Role != LatentRole.Predicted);

    /// <summary>The latent called <paramref name="name"/>, or null.</summary>
    /// <param name="name">A latent's name.</param>
    /// <returns>Its class or null.</returns>
    public LatentInfo? Latent(string name) => Latents.FirstOrDefault(l => l.Name == name);
}
