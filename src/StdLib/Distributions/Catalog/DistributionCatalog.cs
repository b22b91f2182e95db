using System.Diagnostics.CodeAnalysis;
using static Ppl.StdLib.Distributions.Domain;
using static Ppl.StdLib.Distributions.EventRank;

namespace Ppl.StdLib.Distributions;

/// <summary>
/// Every distribution of the language (DESIGN.md, "Distributions") as data: names, positional
/// parameters, named alternatives, constraints, support and capabilities. The compiler looks names up
/// here; nothing about a family is hard-coded elsewhere in the front end.
/// </summary>
public static class DistributionCatalog
{
    private const string Discrete = "discrete: no pathwise gradient; enumerate or use a score-function estimator";
    private const string ByRejection = "sampled by rejection: implicit reparameterisation via the CDF (Figurnov et al. 2018)";

    private static readonly DistributionSpec[] _all =
    [
        Family("Normal", [P("mean", Real), P("sd", Positive)], [A("var", Positive, "sd", ParameterConversion.SquareRoot), A("precision", Positive, "sd", ParameterConversion.InverseSquareRoot)],
            Real, Scalar, Reparameterisation.Explicit, "mean + sd·ε, ε ~ Normal(0, 1)", expFamily: true),
        Family("MvNormal", [P("mean", Real, Vector), P("cov", PositiveDefinite, Matrix)], [A("precision", PositiveDefinite, "cov", ParameterConversion.MatrixInverse, Matrix)],
            Real, Vector, Reparameterisation.Explicit, "mean + L·ε with L the Cholesky factor of cov", expFamily: true),
        Family("Gamma", [P("shape", Positive), P("rate", Positive)], [A("scale", Positive, "rate", ParameterConversion.Reciprocal)],
            Positive, Scalar, Reparameterisation.Implicit, ByRejection, expFamily: true),
        Family("InverseGamma", [P("shape", Positive), P("scale", Positive)], [],
            Positive, Scalar, Reparameterisation.Implicit, "1 / Gamma(shape, rate: scale); " + ByRejection, expFamily: true),
        Family("Beta", [P("a", Positive), P("b", Positive)], [],
            UnitInterval, Scalar, Reparameterisation.Implicit, ByRejection, expFamily: true),
        Family("Bernoulli", [P("p", UnitInterval, reparameterised: false)], [A("logits", Real, "p", ParameterConversion.Sigmoid, reparameterised: false)],
            Bool, Scalar, Reparameterisation.None, Discrete, expFamily: true, discrete: true),
        Family("Binomial", [P("n", NonNegativeInteger, reparameterised: false), P("p", UnitInterval, reparameterised: false)], [],
            BoundedInteger, Scalar, Reparameterisation.None, Discrete, expFamily: true, discrete: true),
        Family("Categorical", [P("p", Simplex, Vector, reparameterised: false)], [A("logits", Real, "p", ParameterConversion.Softmax, Vector, reparameterised: false)],
            CategoryIndex, Scalar, Reparameterisation.None, Discrete, expFamily: true, discrete: true),
        Family("Multinomial", [P("n", NonNegativeInteger, reparameterised: false), P("p", Simplex, Vector, reparameterised: false)], [],
            CountVector, Vector, Reparameterisation.None, Discrete, expFamily: true, discrete: true),
        Family("Dirichlet", [P("alpha", Positive, Vector)], [],
            Simplex, Vector, Reparameterisation.Implicit, "normalised Gamma draws; " + ByRejection, expFamily: true),
        Family("Poisson", [P("rate", Positive, reparameterised: false)], [],
            NonNegativeInteger, Scalar, Reparameterisation.None, Discrete, expFamily: true, discrete: true),
        Family("Exponential", [P("rate", Positive)], [],
            NonNegative, Scalar, Reparameterisation.Explicit, "e / rate, e ~ Exponential(1)", expFamily: true),
        Family("Uniform", [P("lo", Real), P("hi", GreaterThanPrevious)], [],
            Interval, Scalar, Reparameterisation.Explicit, "lo + (hi − lo)·u, u ~ Uniform(0, 1)", expFamily: false),
        Family("Laplace", [P("loc", Real), P("scale", Positive)], [],
            Real, Scalar, Reparameterisation.Explicit, "loc + scale·e, e ~ Laplace(0, 1)", expFamily: false),
        Family("StudentT", [P("nu", Positive, reparameterised: false), P("loc", Real), P("scale", Positive)], [],
            Real, Scalar, Reparameterisation.Explicit,
            "loc + scale·t: pathwise in loc and scale; t ~ StudentT(nu) is a Normal over a Gamma, not reparameterised in nu",
            expFamily: false),
        Family("HalfNormal", [P("sd", Positive)], [],
            NonNegative, Scalar, Reparameterisation.Explicit, "sd·|ε|, ε ~ Normal(0, 1)", expFamily: false),
        Family("HalfCauchy", [P("scale", Positive)], [],
            NonNegative, Scalar, Reparameterisation.Explicit, "scale·tan(π·u/2), u ~ Uniform(0, 1)", expFamily: false),
        Family("LogNormal", [P("mu", Real), P("sigma", Positive)], [],
            Positive, Scalar, Reparameterisation.Explicit, "exp(mu + sigma·ε), ε ~ Normal(0, 1)", expFamily: true),
        Family("Wishart", [P("dof", DegreesOfFreedom, reparameterised: false), P("scale", PositiveDefinite, Matrix)], [],
            PositiveDefinite, Matrix, Reparameterisation.None,
            "Bartlett decomposition draws chi-square (Gamma) variates; not reparameterised", expFamily: true),
        new DistributionSpec("Mixture", [P("weights", Simplex, Vector, reparameterised: false)], [],
            Real, Scalar, false, Reparameterisation.None,
            "the component indicator is discrete: marginalise it (log-sum-exp) instead of sampling it",
            IsExponentialFamily: false, IsVariadic: true),
    ];

    private static readonly Dictionary<string, DistributionSpec> _byName =
        _all.ToDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>Every distribution, in DESIGN.md's order.</summary>
    public static IReadOnlyList<DistributionSpec> All => _all;

    /// <summary>The names of every distribution, in DESIGN.md's order.</summary>
    public static IEnumerable<string> Names => _all.Select(s => s.Name);

    /// <summary>Looks a distribution up by its exact (case-sensitive) name.</summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out DistributionSpec? spec) =>
        _byName.TryGetValue(name, out spec);

    /// <summary>
    /// Names close to an unknown one, best first, for "did you mean" messages: a case-insensitive match,
    /// then names within an edit distance of a third of the name's length (at least 1, at most 3).
    /// </summary>
    public static IReadOnlyList<string> Suggest(string unknown)
    {
        ArgumentNullException.ThrowIfNull(unknown);
        var limit = Math.Clamp(unknown.Length / 3, 1, 3);
        return _all
            .Select(s => (s.Name, Distance: string.Equals(s.Name, unknown, StringComparison.OrdinalIgnoreCase)
                ? 0
                : EditDistance(s.Name.ToUpperInvariant(), unknown.ToUpperInvariant())))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .ToArray();
    }

    /// <summary>Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent
    /// transpositions each cost one ("Nromal" is one step from "Normal"). Case-sensitive; callers that
    /// suggest names regardless of case upper-case both sides. The compiler's "did you mean" uses it too.</summary>
    /// <param name="a">One string.</param>
    /// <param name="b">The other.</param>
    /// <returns>The number of edits.</returns>
    public static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }

    private static ParameterSpec P(string name, Domain domain, EventRank rank = Scalar, bool reparameterised = true) =>
        new(name, domain, rank, reparameterised);

    private static ParameterSpec A(string name, Domain domain, string replaces, ParameterConversion conversion,
        EventRank rank = Scalar, bool reparameterised = true) =>
        new(name, domain, rank, reparameterised, replaces, conversion);

    private static DistributionSpec Family(
        string name, ParameterSpec[] parameters, ParameterSpec[] alternatives, Domain support, EventRank supportRank,
        Reparameterisation reparameterisation, string note, bool expFamily, bool discrete = false) =>
        new(name, parameters, alternatives, support, supportRank, discrete, reparameterisation, note, expFamily);
}
