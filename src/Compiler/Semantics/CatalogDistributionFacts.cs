using Ppl.StdLib.Distributions;

namespace Ppl.Compiler.Semantics;

/// <summary>The checker's view of the StdLib <see cref="DistributionCatalog"/>: one definition of every family.</summary>
internal sealed class CatalogDistributionFacts : IDistributionFacts
{
    private readonly Dictionary<string, DistributionFacts> _byName = DistributionCatalog.All
        .Select(Convert)
        .ToDictionary(d => d.Name, StringComparer.Ordinal);

    /// <summary>The shared instance.</summary>
    public static CatalogDistributionFacts Instance { get; } = new();

    /// <inheritdoc/>
    public IEnumerable<string> Names => DistributionCatalog.Names;

    /// <inheritdoc/>
    public DistributionFacts? Find(string name) => _byName.GetValueOrDefault(name);

    private static DistributionFacts Convert(DistributionSpec spec) => new(
        spec.Name,
        [.. spec.Parameters.Select(Convert)],
        [.. spec.Alternatives.Select(Convert)],
        ConstraintOf(spec.Support),
        (int)spec.SupportRank,
        spec.IsVariadic);

    private static ParameterFacts Convert(ParameterSpec p) => new(p.Name, ConstraintOf(p.Domain), (int)p.Rank, p.Replaces);

    private static Constraint ConstraintOf(Domain domain) =>
        domain == Domain.Distribution ? Constraint.Real : Enum.Parse<Constraint>(domain.ToString());
}
