namespace Ppl.Compiler.Fluent;

/// <summary>A distribution call of the model language, e.g. <c>Normal(0, precision: alpha)</c>; made by <see cref="Dist"/>.</summary>
public sealed class PplDist
{
    internal PplDist(string family, IEnumerable<PplExpr> positional, IEnumerable<(string Name, PplExpr? Value)> named, IEnumerable<PplDist>? components = null)
    {
        var parts = positional.Select(p => p.Text)
            .Concat(components?.Select(c => c.Text) ?? [])
            .Concat(named.Where(n => n.Value is not null).Select(n => $"{n.Name}: {n.Value!.Text}"));
        Text = family + "(" + string.Join(", ", parts) + ")";
    }

    /// <summary>The call in the language's syntax.</summary>
    public string Text { get; }

    /// <summary>The call's text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Text;
}

/// <summary>
/// The language's distributions, with named alternatives as C# optional parameters:
/// <c>Dist.Normal(mu, precision: tau)</c> is <c>Normal(mu, precision: tau)</c>. Exactly one of a set of
/// alternatives must be given; the compiler checks everything else (types, shapes, support).
/// </summary>
public static class Dist
{
    /// <summary><c>Normal(mean, sd | var: | precision:)</c>.</summary>
    /// <param name="mean">Mean.</param>
    /// <param name="sd">Standard deviation (positional).</param>
    /// <param name="var">Variance, instead of <paramref name="sd"/>.</param>
    /// <param name="precision">Precision, instead of <paramref name="sd"/>.</param>
    /// <returns>The distribution.</returns>
    public static PplDist Normal(PplExpr mean, PplExpr? sd = null, PplExpr? var = null, PplExpr? precision = null) =>
        OneOf("Normal", [mean], ("sd", sd), ("var", var), ("precision", precision));

    /// <summary><c>MvNormal(mean, cov | precision:)</c>.</summary>
    /// <param name="mean">Mean vector.</param>
    /// <param name="cov">Covariance (positional).</param>
    /// <param name="precision">Precision matrix, instead of <paramref name="cov"/>.</param>
    /// <returns>The distribution.</returns>
    public static PplDist MvNormal(PplExpr mean, PplExpr? cov = null, PplExpr? precision = null) =>
        OneOf("MvNormal", [mean], ("cov", cov), ("precision", precision));

    /// <summary><c>Gamma(shape, rate | scale:)</c>.</summary>
    /// <param name="shape">Shape.</param>
    /// <param name="rate">Rate (positional).</param>
    /// <param name="scale">Scale, instead of <paramref name="rate"/>.</param>
    /// <returns>The distribution.</returns>
    public static PplDist Gamma(PplExpr shape, PplExpr? rate = null, PplExpr? scale = null) =>
        OneOf("Gamma", [shape], ("rate", rate), ("scale", scale));

    /// <summary><c>InverseGamma(shape, scale)</c>.</summary>
    /// <param name="shape">Shape.</param>
    /// <param name="scale">Scale.</param>
    /// <returns>The distribution.</returns>
    public static PplDist InverseGamma(PplExpr shape, PplExpr scale) => Of("InverseGamma", shape, scale);

    /// <summary><c>Beta(a, b)</c>.</summary>
    /// <param name="a">First shape.</param>
    /// <param name="b">Second shape.</param>
    /// <returns>The distribution.</returns>
    public static PplDist Beta(PplExpr a, PplExpr b) => Of("Beta", a, b);

    /// <summary><c>Bernoulli(p | logits:)</c>.</summary>
    /// <param name="p">Probability (positional).</param>
    /// <param name="logits">Log-odds, instead of <paramref name="p"/>.</param>
    /// <returns>The distribution.</returns>
    public static PplDist Bernoulli(PplExpr? p = null, PplExpr? logits = null) =>
        OneOf("Bernoulli", [], ("p", p), ("logits", logits));

    /// <summary><c>Binomial(n, p)</c>.</summary>
    /// <param name="n">Trials.</param>
    /// <param name="p">Success probability.</param>
    /// <returns>The distribution.</returns>
    public static PplDist Binomial(PplExpr n, PplExpr p) => Of("Binomial", n, p);

    /// <summary><c>Categorical(p | logits:)</c>.</summary>
    /// <param name="p">Probabilities (positional).</param>
    /// <param name="logits">Log-probabilities up to a constant, instead of <paramref name="p"/>.</param>
    /// <returns>The distribution.</returns>
    public static PplDist Categorical(PplExpr? p = null, PplExpr? logits = null) =>
        OneOf("Categorical", [], ("p", p), ("logits", logits));

    /// <summary><c>Multinomial(n, p)</c>.</summary>
    /// <param name="n">Trials.</param>
    /// <param name="p">Probabilities.</param>
    /// <returns>The distribution.</returns>
    public static PplDist Multinomial(PplExpr n, PplExpr p) => Of("Multinomial", n, p);

    /// <summary><c>Dirichlet(alpha)</c>.</summary>
    /// <param name="alpha">Concentrations.</param>
    /// <returns>The distribution.</returns>
    public static PplDist Dirichlet(PplExpr alpha) => Of("Dirichlet", alpha);

    /// <summary><c>Poisson(rate)</c>.</summary>
    /// <param name="rate">Rate.</param>
    /// <returns>The distribution.</returns>
    public static PplDist Poisson(PplExpr rate) => Of("Poisson", rate);

    /// <summary><c>Exponential(rate)</c>.</summary>
    /// <param name="rate">Rate.</param>
    /// <returns>The distribution.</returns>
    public static PplDist Exponential(PplExpr rate) => Of("Exponential", rate);

    /// <summary><c>Uniform(lo, hi)</c>.</summary>
    /// <param name="lo">Lower bound.</param>
    /// <param name="hi">Upper bound.</param>
    /// <returns>The distribution.</returns>
    public static PplDist Uniform(PplExpr lo, PplExpr hi) => Of("Uniform", lo, hi);

    /// <summary><c>Laplace(loc, scale)</c>.</summary>
    /// <param name="loc">Location.</param>
    /// <param name="scale">Scale.</param>
    /// <returns>The distribution.</returns>
    public static PplDist Laplace(PplExpr loc, PplExpr scale) => Of("Laplace", loc, scale);

    /// <summary><c>StudentT(nu, loc, scale)</c>.</summary>
    /// <param name="nu">Degrees of freedom.</param>
    /// <param name="loc">Location.</param>
    /// <param name="scale">Scale.</param>
    /// <returns>The distribution.</returns>
    public static PplDist StudentT(PplExpr nu, PplExpr loc, PplExpr scale) => Of("StudentT", nu, loc, scale);

    /// <summary><c>HalfNormal(sd)</c>.</summary>
    /// <param name="sd">Scale.</param>
    /// <returns>The distribution.</returns>
    public static PplDist HalfNormal(PplExpr sd) => Of("HalfNormal", sd);

    /// <summary><c>HalfCauchy(scale)</c>.</summary>
    /// <param name="scale">Scale.</param>
    /// <returns>The distribution.</returns>
    public static PplDist HalfCauchy(PplExpr scale) => Of("HalfCauchy", scale);

    /// <summary><c>LogNormal(mu, sigma)</c>.</summary>
    /// <param name="mu">Log-scale location.</param>
    /// <param name="sigma">Log-scale sd.</param>
    /// <returns>The distribution.</returns>
    public static PplDist LogNormal(PplExpr mu, PplExpr sigma) => Of("LogNormal", mu, sigma);

    /// <summary><c>Wishart(dof, scale)</c>.</summary>
    /// <param name="dof">Degrees of freedom.</param>
    /// <param name="scale">Scale matrix.</param>
    /// <returns>The distribution.</returns>
    public static PplDist Wishart(PplExpr dof, PplExpr scale) => Of("Wishart", dof, scale);

    /// <summary><c>Mixture(weights, D1, D2, ...)</c>.</summary>
    /// <param name="weights">Mixture weights.</param>
    /// <param name="components">The components.</param>
    /// <returns>The distribution.</returns>
    public static PplDist Mixture(PplExpr weights, params PplDist[] components)
    {
        ArgumentNullException.ThrowIfNull(components);
        return new("Mixture", [weights], [], components);
    }

    /// <summary>Any family by name, with positional arguments only (the compiler checks the name and arity).</summary>
    /// <param name="family">The family's name.</param>
    /// <param name="arguments">Positional arguments.</param>
    /// <returns>The distribution.</returns>
    public static PplDist Of(string family, params PplExpr[] arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(family);
        ArgumentNullException.ThrowIfNull(arguments);
        return new(family, arguments, []);
    }

    /// <summary>
    /// A family whose last positional parameter has named alternatives: exactly one of
    /// <paramref name="choices"/> must be given; the first choice is written positionally, the others named.
    /// </summary>
    private static PplDist OneOf(string family, PplExpr[] leading, params (string Name, PplExpr? Value)[] choices)
    {
        var given = choices.Where(c => c.Value is not null).ToList();
        if (given.Count != 1)
        {
            throw new ArgumentException(
                $"{family} needs exactly one of {string.Join(", ", choices.Select(c => c.Name))}; {given.Count} were given");
        }

        var (name, value) = given[0];
        return name == choices[0].Name
            ? new(family, [.. leading, value!], [])
            : new(family, leading, [(name, value)]);
    }
}
