using System.Collections.Immutable;
using Ppl.Compiler.Ir;
using Ppl.Language;

namespace Ppl.Compiler.Analysis;

/// <summary>How one latent meets one factor that depends on it.</summary>
/// <param name="Factor">The random node (observed or latent) whose distribution reads the latent.</param>
/// <param name="Parameter">The factor's parameter the latent enters (<c>precision</c>, <c>mean</c>, <c>p</c>).</param>
/// <param name="Occurrence">How it enters.</param>
/// <param name="Relation">The conjugate pair's name (<c>Beta–Bernoulli</c>), or null when not conjugate.</param>
/// <param name="Problem">Why the pair is not conjugate, or null.</param>
public sealed record FactorLink(IrNode Factor, string Parameter, Occurrence Occurrence, string? Relation, string? Problem)
{
    /// <summary>True when the pair is conjugate-exponential.</summary>
    public bool IsConjugate => Problem is null;
}

/// <summary>A latent and its class: scope, domain, role, family and conjugacy with each factor around it.</summary>
/// <param name="Name">The latent's name (a random node, or a net whose weights have a prior).</param>
/// <param name="Node">The declaring node.</param>
/// <param name="Family">Its prior's family (for net weights, the weight prior's).</param>
/// <param name="Scope">Global or local.</param>
/// <param name="Domain">Discrete or continuous.</param>
/// <param name="Role">Unknown, predicted or net weights.</param>
/// <param name="IsReparameterisable">Whether SVI's automatic guide can cover it with a reparameterised
/// (pathwise-gradient) family: continuous support with a bijection to unconstrained reals (reals, positive
/// reals, intervals, simplices); not for discrete latents, nor for covariance matrices.</param>
/// <param name="PriorProblem">Why the prior itself rules out conjugacy (not an exponential family), or null.</param>
/// <param name="Links">Each factor that reads it.</param>
public sealed record LatentInfo(
    string Name,
    IrNode Node,
    string Family,
    LatentScope Scope,
    LatentDomain Domain,
    LatentRole Role,
    bool IsReparameterisable,
    string? PriorProblem,
    ImmutableArray<FactorLink> Links)
{
    /// <summary>The declaring statement.</summary>
    public SourceSpan Span => Node.Span;

    /// <summary>True when the prior and every factor around the latent are conjugate.</summary>
    public bool IsConjugate => PriorProblem is null && Links.All(l => l.IsConjugate);

    /// <summary>The first reason the latent is not conjugate, or null.</summary>
    public string? FirstProblem => PriorProblem ?? Links.FirstOrDefault(l => !l.IsConjugate)?.Problem;
}
