namespace Ppl.Compiler.Semantics;

/// <summary>The set a distribution's parameter or variate lives in, as the checker sees it.</summary>
internal enum Constraint
{
    Real,
    Positive,
    NonNegative,
    UnitInterval,
    Interval,
    GreaterThanPrevious,
    DegreesOfFreedom,
    Bool,
    NonNegativeInteger,
    BoundedInteger,
    CategoryIndex,
    CountVector,
    Simplex,
    PositiveDefinite,
}

/// <summary>One parameter: its name (also its keyword), constraint and event rank (0 scalar, 1 vector, 2 matrix).</summary>
/// <param name="Name">Name, e.g. <c>sd</c>.</param>
/// <param name="Constraint">Its domain.</param>
/// <param name="Rank">Its event rank.</param>
/// <param name="Replaces">For a named alternative, the positional parameter it stands for.</param>
internal sealed record ParameterFacts(string Name, Constraint Constraint, int Rank, string? Replaces = null);

/// <summary>What the checker needs to know about one distribution family.</summary>
/// <param name="Name">Name in the language.</param>
/// <param name="Parameters">Positional parameters in order.</param>
/// <param name="Alternatives">Named alternatives.</param>
/// <param name="Support">The variate's domain.</param>
/// <param name="SupportRank">The variate's event rank.</param>
/// <param name="IsVariadic">True for <c>Mixture</c>: component distributions follow the positional parameters.</param>
internal sealed record DistributionFacts(
    string Name,
    IReadOnlyList<ParameterFacts> Parameters,
    IReadOnlyList<ParameterFacts> Alternatives,
    Constraint Support,
    int SupportRank,
    bool IsVariadic = false)
{
    /// <summary>The signature as DESIGN.md writes it, e.g. <c>Normal(mean, sd | var: | precision:)</c>.</summary>
    public string Signature =>
        $"{Name}({string.Join(", ", Parameters.Select(p => p.Name))}{(IsVariadic ? ", D1, D2, ..." : "")}"
        + string.Concat(Alternatives.Select(a => $" | {a.Name}:")) + ")";
}

/// <summary>The distribution facts the checker reads: arity, named alternatives, constraints and support.</summary>
internal interface IDistributionFacts
{
    /// <summary>Every family's name.</summary>
    IEnumerable<string> Names { get; }

    /// <summary>The family called <paramref name="name"/> (case-sensitive), or null.</summary>
    DistributionFacts? Find(string name);
}

/// <summary>Small conveniences on <see cref="DistributionFacts"/>.</summary>
internal static class DistributionFactsExtensions
{
    /// <summary>The number of positional parameters.</summary>
    public static int Arity(this DistributionFacts facts) => facts.Parameters.Count;
}
