using Ppl.Compiler.Analysis;
using Ppl.Compiler.Ir;
using Ppl.Inference.Vmp.Building;

namespace Ppl.Inference.Vmp.Gmm;

/// <summary>
/// Recognises the variational-GMM pattern in the IR — a Dirichlet weight vector, per-component
/// MvNormal means and Wishart precisions with known parameters in one plate, a Categorical indicator
/// and an observed <c>MvNormal(mu[z[n]], precision: Lambda[z[n]])</c> — and builds its block.
/// </summary>
internal static class VariationalMixtureBuilder
{
    private static RandomNode? Random(ModelIr model, string name) =>
        model.Nodes.OfType<RandomNode>().FirstOrDefault(n => n.Name == name);

    /// <summary>Builds the block for the model's (single) mixture pattern.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <param name="known">The evaluator of known values.</param>
    /// <param name="seed">Seed of the initialisation.</param>
    /// <returns>The block.</returns>
    /// <exception cref="VmpModelException">The mixture is not the variational-GMM pattern.</exception>
    public static VariationalMixture Build(ModelAnalysis analysis, KnownEvaluator known, ulong seed)
    {
        var model = analysis.Model;
        if (analysis.Mixtures.Length != 1 || analysis.Mixtures[0].Components.Length != 1)
        {
            throw new VmpModelException("message passing runs one Gaussian mixture with one observed node per model");
        }

        var pattern = analysis.Mixtures[0];
        var z = Random(model, pattern.Indicator);
        var x = Random(model, pattern.Components[0]);
        if (z is null || x is null)
        {
            throw new VmpModelException("internal error: the mixture's nodes are missing");
        }

        VmpModelException Fail(string message) => new(message, x.Span);
        if (!x.IsObserved || x.Distribution.Family != "MvNormal" || x.Distribution.Parameterisation != "precision"
            || x.Distribution.Arguments[0] is not IrGather { Target: IrRef muRef } || x.Distribution.Arguments[1] is not IrGather { Target: IrRef lambdaRef })
        {
            throw Fail($"message passing runs the mixture as '{x.Name}[n] ~ MvNormal(mu[z[n]], precision: Lambda[z[n]])' with mu ~ MvNormal and Lambda ~ Wishart");
        }

        if (z.Distribution.Family != "Categorical" || z.Distribution.Parameterisation == "logits"
            || z.Distribution.Arguments[0] is not IrRef weightsRef || Random(model, weightsRef.Name) is not RandomNode { Distribution.Family: "Dirichlet" } weights)
        {
            throw new VmpModelException($"the indicator '{z.Name}' must be Categorical with Dirichlet weights for message passing", z.Span);
        }

        if (Random(model, muRef.Name) is not RandomNode { Distribution.Family: "MvNormal" } mu
            || Random(model, lambdaRef.Name) is not RandomNode { Distribution.Family: "Wishart" } lambda)
        {
            throw Fail("the component means must be MvNormal and the precisions Wishart for message passing");
        }

        var data = known.Observed(x);
        var n = data.Grid.Count;
        var d = data.ElementSize;
        var k = known.Size(model.Plate(mu.Plates.Single()).Size);
        KnownValue Known(RandomNode node, IrExpr e) =>
            known.Evaluate(e) is { Grid.Names.Length: 0 } v ? v : throw new VmpModelException($"the prior of '{node.Name}' must have known parameters, the same for every component", node.Span);

        var alpha0 = Known(weights, weights.Distribution.Arguments[0]);
        var mean0 = Known(mu, mu.Distribution.Arguments[0]);
        var matrix0 = Known(mu, mu.Distribution.Arguments[1]).Values;
        var precision0 = mu.Distribution.Parameterisation == "precision" ? matrix0
            : (Variables.SpdMatrix.TryFactor(matrix0, d) ?? throw new VmpModelException($"the prior covariance of '{mu.Name}' is not positive definite", mu.Span)).Inverse();
        var dof0 = Known(lambda, lambda.Distribution.Arguments[0]).Values[0];
        var scale0 = Known(lambda, lambda.Distribution.Arguments[1]).Values;
        var priors = new MixturePriors(
            alpha0.IsScalar ? Enumerable.Repeat(alpha0.Values[0], k).ToArray() : alpha0.Values,
            mean0.IsScalar ? Enumerable.Repeat(mean0.Values[0], d).ToArray() : mean0.Values,
            precision0, dof0, scale0);
        if (priors.Alpha0.Length != k || priors.Mean0.Length != d || precision0.Length != d * d || scale0.Length != d * d)
        {
            throw Fail("the mixture's prior parameters do not match K and D");
        }

        return new VariationalMixture(new MixtureNames(weights.Name, mu.Name, lambda.Name, z.Name, x.Name), data.Values, n, d, k, priors, seed);
    }
}
