using Ppl.Compiler.Analysis;
using Ppl.Compiler.Binding;
using Ppl.Compiler.Ir;

namespace Ppl.Inference.Em;

/// <summary>What the backend needs to run EM on one mixture: a way to make fresh components, and the names.</summary>
/// <param name="Create">Makes components over the bound data (parameters unset).</param>
/// <param name="Names">The model's names of the indicator, weights and component params.</param>
/// <param name="Observed">The observed node.</param>
internal sealed record MixtureModel(Func<IMixtureComponents> Create, MixtureNames Names, RandomNode Observed);

/// <summary>
/// Reads a mixture pattern from the IR: <c>z[n] ~ Categorical(weights)</c> and one observed
/// <c>x[n] ~ F(theta[z[n]], ...)</c>. The component family and its covariance structure follow from
/// the family and the declared types of the params (docs/backends/em.md has the table).
/// </summary>
internal static class MixtureModelReader
{
    /// <summary>Reads <paramref name="pattern"/>; a shape EM does not run is an <see cref="InferenceException"/>.</summary>
    public static MixtureModel Read(ModelIr model, MixturePattern pattern, BoundData data)
    {
        var indicator = model.Nodes.OfType<RandomNode>().First(r => r.Name == pattern.Indicator);
        if (indicator.Distribution is not { Family: "Categorical", Parameterisation: "p" } prior || IrArguments.Param(prior.Arguments[0]) is not { } weightsName)
        {
            throw EmDiagnostics.Error(EmDiagnostics.Unsupported,
                $"em needs the indicator written as `{indicator.Name}[n] ~ Categorical(weights)` with `param weights: simplex[K]`",
                indicator.Span);
        }
        var weights = (ParamNode)model.Find(weightsName)!;
        var k = IrArguments.Dimensions(model, data, weights.Type.Shape)[^1];
        var observed = model.Nodes.OfType<RandomNode>().Where(r => r.IsObserved && pattern.Components.Contains(r.Name)).ToList();
        if (observed.Count != 1)
        {
            throw EmDiagnostics.Error(EmDiagnostics.Unsupported,
                $"em runs a mixture with exactly one observed factor per indicator; {indicator.Name} selects components of {observed.Count}",
                indicator.Span);
        }
        var x = observed[0];
        var array = data[x.Name];
        var n = array.Shape.IsEmpty ? 1 : array.Shape[0];
        if (n == 0)
        {
            throw EmDiagnostics.Error(EmDiagnostics.Degenerate, $"data '{x.Name}' has no rows; EM needs at least one point", x.Span);
        }
        if (k > n)
        {
            throw EmDiagnostics.Error(EmDiagnostics.Degenerate,
                $"the mixture has K = {k} components but '{x.Name}' has only N = {n} points; EM needs K ≤ N",
                weights.Span, "lower K, or give more data");
        }
        var d = array.Count / n;
        var reals = array.Reals ?? [.. array.Integers!.Select(v => (double)v)];
        var distribution = x.Distribution;
        var first = IrArguments.ComponentParam(distribution.Arguments[0], indicator.Name);
        var second = distribution.Arguments.Length > 1 ? IrArguments.ComponentParam(distribution.Arguments[1], indicator.Name) : null;
        var unsupported = () => EmDiagnostics.Error(EmDiagnostics.Unsupported,
            $"em does not run `{distribution.Family}` components written this way: every parameter must be a param selected by the indicator (`theta[{indicator.Name}[n]]`)",
            x.Span, "supported: MvNormal(mu[z[n]], Sigma[z[n]]), MvNormal(mu[z[n]], Sigma) with a shared Sigma: cov[D], Normal(mu[z[n]], sd/var/precision: s[z[n]]), Bernoulli(p[z[n]]), Poisson(rate[z[n]]), Categorical(p[z[n]])");
        if (first is null)
        {
            throw unsupported();
        }
        // A covariance read whole (`MvNormal(mu[z[n]], Sigma)` with `param Sigma: cov[D]`) is shared by all components.
        var shared = second is null && distribution.Arguments.Length > 1 && IrArguments.Param(distribution.Arguments[1]) is { } whole
            && model.Find(whole) is { Type: { Kind: ValueKind.Cov, Shape.Rank: 2 } } ? whole : null;
        var names = new MixtureNames(indicator.Name, weightsName, first, second ?? shared);
        return (distribution.Family, distribution.Parameterisation) switch
        {
            ("MvNormal", "cov") when second is not null && model.Find(second)!.Type.Kind == ValueKind.Cov =>
                new(() => new GaussianFullComponents(reals, n, d, k, names), names, x),
            ("MvNormal", "cov") when shared is not null =>
                new(() => new GaussianFullComponents(reals, n, d, k, names, tied: true), names, x),
            ("Normal", var spread) when second is not null =>
                new(() => new GaussianDiagonalComponents(reals, n, d, k, model.Find(second)!.Type.Shape.Rank == 1 && d > 1, Spread(spread), names), names, x),
            ("Bernoulli", "p") => new(() => new BernoulliComponents(reals, n, d, k, names), names, x),
            ("Poisson", _) => new(() => new PoissonComponents(reals, n, d, k, names), names, x),
            ("Categorical", "p") when array.Integers is { } categories && d == 1 =>
                new(() => new CategoricalComponents(categories, IrArguments.Dimensions(model, data, model.Find(first)!.Type.Shape)[^1], k, names), names, x),
            _ => throw unsupported(),
        };
    }

    private static SpreadParameter Spread(string parameterisation) => parameterisation switch
    {
        "var" => SpreadParameter.Variance,
        "precision" => SpreadParameter.Precision,
        _ => SpreadParameter.Sd,
    };
}
