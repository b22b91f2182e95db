using Ppl.Compiler.Fluent;

namespace Ppl.Examples.Fluent;

/// <summary>
/// examples/blr/blr.ppl written with the fluent API: Bayesian linear regression with Gamma priors on the
/// weight precision <c>alpha</c> and the noise precision <c>beta</c>, and predictions <c>y_new</c> at new
/// inputs (a latent that nothing observes: its posterior is the posterior predictive).
/// </summary>
internal static class BlrModel
{
    /// <summary>The model; its data is examples/blr/blr.json (<c>X</c>, <c>y</c>, <c>X_new</c>).</summary>
    public static ModelBuilder Build()
    {
        var m = new ModelBuilder("blr");
        var (n, d, newRows) = (m.Size("N"), m.Size("D"), m.Size("M"));
        var x = m.Data("X", Types.Real(n, d));
        var y = m.Data("y", Types.Real(n));
        var xNew = m.Data("X_new", Types.Real(newRows, d));
        var alpha = m.Latent("alpha", Dist.Gamma(1e-2, 1e-2));
        var beta = m.Latent("beta", Dist.Gamma(1e-2, 1e-2));
        var w = m.Latent("w", Dist.Normal(0, precision: alpha), Types.Real(d));
        m.Observe(y, Dist.Normal(x.MatMul(w), precision: beta));
        m.Latent("y_new", Dist.Normal(xNew.MatMul(w), precision: beta));
        return m;
    }
}
