using Ppl.StdLib.Distributions;
using Ppl.Tensors.Random;
using static Ppl.Inference.Tests.Vmp.VmpHarness;

namespace Ppl.Inference.Tests.Vmp;

/// <summary>The variational GMM (Bishop 2006, §10.2): monotone ELBO and pruning of the components the data do not need.</summary>
public sealed class VariationalMixtureTests
{
    private const string Model = """
        data x: real[N, D]
        const K = 8
        weights ~ Dirichlet(ones(K) * 1e-3)
        plate k in K {
          Lambda[k]: cov[D] ~ Wishart(D + 1, I(D))
          mu[k]: real[D] ~ MvNormal(zeros(D), precision: I(D) * 1e-2)
        }
        plate n in N {
          z[n] ~ Categorical(weights)
          x[n] ~ MvNormal(mu[z[n]], precision: Lambda[z[n]])
        }
        """;

    private static readonly double[][] Centres = [[-4, 0], [3, 3], [3, -3]];

    private static double[] ThreeClusters(int n)
    {
        var random = new RandomSource(11);
        var x = new double[n * 2];
        for (var i = 0; i < n; i++)
        {
            var c = Centres[i % 3];
            x[2 * i] = c[0] + 0.7 * random.NextNormal();
            x[2 * i + 1] = c[1] + 0.7 * random.NextNormal();
        }

        return x;
    }

    [Fact]
    public void Prunes_to_three_components_with_a_monotone_elbo()
    {
        var result = Run(Model, new InferenceOptions { MaxIterations = 500, Tolerance = 1e-12 }, Reals("x", ThreeClusters(600), 600, 2));
        for (var i = 1; i < result.Trace.Count; i++)
        {
            Assert.True(result.Trace[i] >= result.Trace[i - 1] - 1e-9 * Math.Abs(result.Trace[i - 1]), $"ELBO decreased at {i}: {result.Trace[i - 1]} → {result.Trace[i]}");
        }

        var weights = result.Posterior("weights")!.Mean.Values;
        Assert.Equal(3, weights.Count(w => w > 0.01));
        var mu = result.Posterior("mu")!.Mean.Values;
        foreach (var centre in Centres)
        {
            // Each true centre has a used component within 5 posterior sd (sd ≈ 0.7/√200 ≈ 0.05) of it.
            Assert.Contains(Enumerable.Range(0, 8), k => weights[k] > 0.01
                && Math.Abs(mu[2 * k] - centre[0]) < 0.25 && Math.Abs(mu[2 * k + 1] - centre[1]) < 0.25);
        }

        Assert.Equal("Wishart", result.Posterior("Lambda")!.Family);
        Assert.Null(result.Posterior("z"));
    }

    [Fact]
    public void Wishart_diagonal_quantiles_are_those_of_the_posterior_itself()
    {
        // The 5% and 95% points of each diagonal precision, checked against draws from the reported
        // Wishart(dof, scale): the share of draws below each point is within 5 standard errors of it.
        var result = Run(Model, new InferenceOptions { MaxIterations = 200 }, Reals("x", ThreeClusters(300), 300, 2));
        var lambda = result.Posterior("Lambda")!;
        var dof = lambda.Parameters["dof"].Values;
        var scale = lambda.Parameters["scale"].Values;
        var random = new RandomSource(3);
        const int draws = 20_000;
        foreach (var k in new[] { 0, 3 })
        {
            var wishart = new Wishart(dof[k], scale.Skip(4 * k).Take(4).ToArray());
            var samples = Enumerable.Range(0, draws).Select(_ => wishart.Sample(random)).ToArray();
            foreach (var i in new[] { 0, 3 })
            {
                var e = 4 * k + i;
                Assert.True(lambda.Q05.Values[e] > 0, "a diagonal precision's 5% point is positive");
                foreach (var (level, point) in new[] { (0.05, lambda.Q05.Values[e]), (0.95, lambda.Q95.Values[e]) })
                {
                    var below = samples.Count(s => s[i] <= point) / (double)draws;
                    var se = Math.Sqrt(level * (1 - level) / draws);
                    Assert.InRange(below - level, -5 * se, 5 * se);
                }
            }
        }
    }
}
