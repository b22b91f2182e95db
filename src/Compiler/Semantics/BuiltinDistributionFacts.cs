using static Ppl.Compiler.Semantics.Constraint;

namespace Ppl.Compiler.Semantics;

/// <summary>The facts of DESIGN.md's distributions, as a table (kept in step with the StdLib catalogue).</summary>
internal sealed class BuiltinDistributionFacts : IDistributionFacts
{
    private static readonly DistributionFacts[] s_all =
    [
        new("Normal", [P("mean", Real), P("sd", Positive)], [A("var", Positive, "sd"), A("precision", Positive, "sd")], Real, 0),
        new("MvNormal", [P("mean", Real, 1), P("cov", PositiveDefinite, 2)], [A("precision", PositiveDefinite, "cov", 2)], Real, 1),
        new("Gamma", [P("shape", Positive), P("rate", Positive)], [A("scale", Positive, "rate")], Positive, 0),
        new("InverseGamma", [P("shape", Positive), P("scale", Positive)], [], Positive, 0),
        new("Beta", [P("a", Positive), P("b", Positive)], [], UnitInterval, 0),
        new("Bernoulli", [P("p", UnitInterval)], [A("logits", Real, "p")], Constraint.Bool, 0),
        new("Binomial", [P("n", NonNegativeInteger), P("p", UnitInterval)], [], BoundedInteger, 0),
        new("Categorical", [P("p", Simplex, 1)], [A("logits", Real, "p", 1)], CategoryIndex, 0),
        new("Multinomial", [P("n", NonNegativeInteger), P("p", Simplex, 1)], [], CountVector, 1),
        new("Dirichlet", [P("alpha", Positive, 1)], [], Simplex, 1),
        new("Poisson", [P("rate", Positive)], [], NonNegativeInteger, 0),
        new("Exponential", [P("rate", Positive)], [], NonNegative, 0),
        new("Uniform", [P("lo", Real), P("hi", GreaterThanPrevious)], [], Interval, 0),
        new("Laplace", [P("loc", Real), P("scale", Positive)], [], Real, 0),
        new("StudentT", [P("nu", Positive), P("loc", Real), P("scale", Positive)], [], Real, 0),
        new("HalfNormal", [P("sd", Positive)], [], NonNegative, 0),
        new("HalfCauchy", [P("scale", Positive)], [], NonNegative, 0),
        new("LogNormal", [P("mu", Real), P("sigma", Positive)], [], Positive, 0),
        new("Wishart", [P("dof", DegreesOfFreedom), P("scale", PositiveDefinite, 2)], [], PositiveDefinite, 2),
        new("Mixture", [P("weights", Simplex, 1)], [], Real, 0, IsVariadic: true),
    ];

    private static readonly Dictionary<string, DistributionFacts> s_byName = s_all.ToDictionary(d => d.Name, StringComparer.Ordinal);

    /// <summary>The shared instance.</summary>
    public static BuiltinDistributionFacts Instance { get; } = new();

    /// <inheritdoc/>
    public IEnumerable<string> Names => s_all.Select(d => d.Name);

    /// <inheritdoc/>
    public DistributionFacts? Find(string name) => s_byName.GetValueOrDefault(name);

    private static ParameterFacts P(string name, Constraint constraint, int rank = 0) => new(name, constraint, rank);

    private static ParameterFacts A(string name, Constraint constraint, string replaces, int rank = 0) => new(name, constraint, rank, replaces);
}
