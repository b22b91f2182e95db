using Ppl.Tensors.Random;

namespace Ppl.Inference.Tests.Em;

public sealed class OtherMixtureTests
{
    [Fact]
    public void Bernoulli_mixture_recovers_its_prototypes()
    {
        const string model = """
            data x: bool[N, D]
            const K = 2
            param weights: simplex[K]
            param p: prob[K, D]
            plate n in N {
              z[n] ~ Categorical(weights)
              x[n] ~ Bernoulli(p[z[n]])
            }
            """;
        const int n = 4000, d = 8;
        double[][] prototypes = [[0.9, 0.9, 0.9, 0.9, 0.1, 0.1, 0.1, 0.1], [0.1, 0.2, 0.1, 0.2, 0.8, 0.9, 0.8, 0.9]];
        var random = new RandomSource(21);
        var x = new double[n * d];
        for (var row = 0; row < n; row++)
        {
            var k = random.NextDouble() < 0.4 ? 0 : 1;
            for (var j = 0; j < d; j++)
            {
                x[row * d + j] = random.NextDouble() < prototypes[k][j] ? 1 : 0;
            }
        }
        var result = EmPipeline.Run(model, "bernoulli-mixture.ppl", [EmPipeline.Booleans("x", x, n, d)], new InferenceOptions { Seed = 4 });
        EmPipeline.AssertMonotone(result.Trace);
        var p = result.Param("p")!.Value.Values;
        var first = p[0] > 0.5 ? 0 : 1;
        for (var j = 0; j < d; j++)
        {
            foreach (var (truth, k, weight) in new[] { (0, first, 0.4), (1, 1 - first, 0.6) })
            {
                var se = Math.Sqrt(prototypes[truth][j] * (1 - prototypes[truth][j]) / (n * weight));
                Assert.InRange(p[k * d + j], prototypes[truth][j] - 6 * se, prototypes[truth][j] + 6 * se);
            }
        }
    }

    [Fact]
    public void Poisson_mixture_recovers_its_rates()
    {
        const string model = """
            data counts: int[N]
            const K = 2
            param weights: simplex[K]
            param rate: pos[K]
            plate n in N {
              z[n] ~ Categorical(weights)
              counts[n] ~ Poisson(rate[z[n]])
            }
            """;
        const int n = 5000;
        var random = new RandomSource(8);
        var counts = new double[n];
        for (var row = 0; row < n; row++)
        {
            var rate = random.NextDouble() < 0.3 ? 2.0 : 20.0;
            // Knuth's product of uniforms (fine for these small rates).
            var (limit, product, k) = (Math.Exp(-rate), random.NextDouble(), 0);
            while (product > limit)
            {
                product *= random.NextDouble();
                k++;
            }
            counts[row] = k;
        }
        var result = EmPipeline.Run(model, "poisson-mixture.ppl", [EmPipeline.Integers("counts", counts, n)], new InferenceOptions { Seed = 2 });
        EmPipeline.AssertMonotone(result.Trace);
        var rates = result.Param("rate")!.Value.Values.Order().ToArray();
        Assert.InRange(rates[0], 2 - 5 * Math.Sqrt(2 / (0.3 * n)), 2 + 5 * Math.Sqrt(2 / (0.3 * n)));
        Assert.InRange(rates[1], 20 - 5 * Math.Sqrt(20 / (0.7 * n)), 20 + 5 * Math.Sqrt(20 / (0.7 * n)));
    }

    [Fact]
    public void Spherical_normal_mixture_reports_one_variance_per_component()
    {
        const string model = """
            data x: real[N, D]
            const K = 2
            param weights: simplex[K]
            param mu: real[K, D]
            param v: pos[K]
            plate n in N {
              z[n] ~ Categorical(weights)
              x[n] ~ Normal(mu[z[n]], var: v[z[n]])
            }
            """;
        const int n = 3000;
        var random = new RandomSource(5);
        var x = new double[n * 3];
        for (var row = 0; row < n; row++)
        {
            var k = row % 2;
            for (var j = 0; j < 3; j++)
            {
                x[row * 3 + j] = (k == 0 ? -5 : 5) + (k == 0 ? 1.0 : 2.0) * random.NextNormal();
            }
        }
        var result = EmPipeline.Run(model, "spherical.ppl", [EmPipeline.Reals("x", x, n, 3)]);
        EmPipeline.AssertMonotone(result.Trace);
        var v = result.Param("v")!.Value;
        Assert.Equal([2], v.Shape);
        var sorted = v.Values.Order().ToArray();
        var se = Math.Sqrt(2.0 / (1500 * 3));
        Assert.InRange(sorted[0], 1 - 5 * se, 1 + 5 * se);
        Assert.InRange(sorted[1], 4 * (1 - 5 * se), 4 * (1 + 5 * se));
    }
}
