using Ppl.Compiler.Ir;
using Ppl.StdLib.Distributions;

namespace Ppl.Compiler.Analysis;

/// <summary>
/// One conjugate-exponential pair: a latent with prior <paramref name="Prior"/> entering parameter
/// <paramref name="Parameter"/> of a <paramref name="Likelihood"/> factor at most as
/// <paramref name="Loosest"/> (Direct ⊂ Scaled ⊂ Affine) keeps its posterior (or its variational factor)
/// in the prior's family (Bishop 2006, section 2.4.2; Winn and Bishop 2005, VMP).
/// </summary>
/// <param name="Prior">The latent's family.</param>
/// <param name="Likelihood">The factor's family.</param>
/// <param name="Parameter">The factor's parameter the latent enters (positional name or named alternative).</param>
/// <param name="Loosest">The loosest occurrence still conjugate.</param>
/// <param name="Name">The pair's name as <c>ppl explain</c> prints it.</param>
internal sealed record ConjugacyRule(string Prior, string Likelihood, string Parameter, OccurrenceKind Loosest, string Name);

/// <summary>The table of conjugate pairs the planner accepts for message passing.</summary>
internal static class ConjugacyRules
{
    private static readonly ConjugacyRule[] s_rules =
    [
        new("Beta", "Bernoulli", "p", OccurrenceKind.Direct, "Beta–Bernoulli"),
        new("Beta", "Binomial", "p", OccurrenceKind.Direct, "Beta–Binomial"),
        new("Gamma", "Poisson", "rate", OccurrenceKind.Scaled, "Gamma–Poisson"),
        new("Gamma", "Exponential", "rate", OccurrenceKind.Scaled, "Gamma–Exponential"),
        new("Gamma", "Gamma", "rate", OccurrenceKind.Scaled, "Gamma–Gamma rate"),
        new("Gamma", "Normal", "precision", OccurrenceKind.Scaled, "Gamma as Normal precision"),
        new("InverseGamma", "Normal", "var", OccurrenceKind.Scaled, "InverseGamma as Normal variance"),
        new("Normal", "Normal", "mean", OccurrenceKind.Affine, "Normal mean"),
        new("Normal", "MvNormal", "mean", OccurrenceKind.Affine, "Gaussian mean"),
        new("Normal", "LogNormal", "mu", OccurrenceKind.Affine, "Normal–LogNormal location"),
        new("MvNormal", "MvNormal", "mean", OccurrenceKind.Affine, "MvNormal mean"),
        new("MvNormal", "Normal", "mean", OccurrenceKind.Affine, "MvNormal weights in a Normal mean"),
        new("Dirichlet", "Categorical", "p", OccurrenceKind.Direct, "Dirichlet–Categorical"),
        new("Dirichlet", "Multinomial", "p", OccurrenceKind.Direct, "Dirichlet–Multinomial"),
        new("Wishart", "MvNormal", "precision", OccurrenceKind.Direct, "Wishart as MvNormal precision"),
    ];

    /// <summary>The rule for a prior family, a factor family and the factor's parameter, or null.</summary>
    public static ConjugacyRule? Find(string prior, string likelihood, string parameter) =>
        Array.Find(s_rules, r => r.Prior == prior && r.Likelihood == likelihood && r.Parameter == parameter);

    /// <summary>True when <paramref name="kind"/> is at most as loose as <paramref name="loosest"/>.</summary>
    public static bool Admits(OccurrenceKind loosest, OccurrenceKind kind) =>
        kind is OccurrenceKind.Direct or OccurrenceKind.Scaled or OccurrenceKind.Affine && kind <= loosest;

    /// <summary>
    /// The names of a distribution's arguments in its parameterisation's order: the family's positional
    /// names, with the one a named alternative replaces renamed (<c>Normal.precision</c>: mean, precision).
    /// </summary>
    public static IReadOnlyList<string> ParameterNames(IrDistribution distribution)
    {
        if (!DistributionCatalog.TryGet(distribution.Family, out var spec))
        {
            return [.. distribution.Arguments.Select((_, i) => "argument " + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))];
        }

        var alternative = spec.Alternatives.FirstOrDefault(a => a.Name == distribution.Parameterisation);
        return [.. spec.Parameters.Select(p => alternative is not null && alternative.Replaces == p.Name ? alternative.Name : p.Name)];
    }
}
