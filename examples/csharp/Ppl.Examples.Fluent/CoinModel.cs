using Ppl.Compiler.Fluent;

namespace Ppl.Examples.Fluent;

/// <summary>examples/coin/coin.ppl written with the fluent API: a Beta(1, 1) prior on the heads probability.</summary>
internal static class CoinModel
{
    /// <summary>The model; its data is examples/coin/coin.json (<c>flips</c>).</summary>
    public static ModelBuilder Build()
    {
        var m = new ModelBuilder("coin");
        var n = m.Size("N");
        var flips = m.Data("flips", Types.Bool(n));
        var theta = m.Latent("theta", Dist.Beta(1, 1));
        m.Plate("n", n, i => m.Observe(flips[i], Dist.Bernoulli(theta)));
        return m;
    }
}
