using Ppl.Inference.Em;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Tests.Em;

/// <summary>
/// Data and starting points that break a naive EM: an empty component, points that are all the same,
/// a constant feature (a component collapsing onto zero variance). Each ends with a finite fit and a
/// note that says what happened, never a stack trace.
/// </summary>
public sealed class DegenerateDataTests
{
    private const string Gmm = MixtureModels.FullCovarianceK3;

    /// <summary>Two unit clusters at (0, 0) and (8, 0), 100 points each, and one outlier at (4, 30) as the last row.</summary>
    private static double[] TwoClustersAndAnOutlier()
    {
        var random = new RandomSource(8);
        var x = new double[201 * 2];
        for (var row = 0; row < 200; row++)
        {
            x[row * 2] = (row < 100 ? 0 : 8) + random.NextNormal();
            x[row * 2 + 1] = random.NextNormal();
        }
        (x[400], x[401]) = (4, 30);
        return x;
    }

    [Fact]
    public void An_empty_component_is_re_seeded_at_the_worst_explained_point_and_reported()
    {
        var x = TwoClustersAndAnOutlier();
        var components = new GaussianFullComponents(x, 201, 2, 3, new MixtureNames("z", "weights", "mu", "Sigma"));
        // Component 2 starts a thousand units away: its responsibilities underflow to exactly 0 in the first E-step.
        components.SetParameters([0, 0, 8, 0, 1000, 1000], [1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1]);
        var fit = MixtureEm.Iterate(components, [0.45, 0.45, 0.1], new EmSettings(30, 0, 1), "em", [], null, default);

        // The outlier (row 200) has by far the lowest log-likelihood under the starting fit, so it takes component 2.
        Assert.Contains(fit.Notes, note => note.StartsWith("component 2 was empty at iteration 1", StringComparison.Ordinal)
            && note.Contains("re-seeded at data point 200", StringComparison.Ordinal));
        Assert.True(double.IsFinite(fit.LogLikelihood));
        Assert.Equal(1.0 / 201, fit.Weights[2], 1e-6);
        Assert.Equal(4, components.Means[4], 1e-6);
        Assert.Equal(30, components.Means[5], 1e-6);
        // A component on a single point is singular: the floor keeps it there with a finite density.
        Assert.Contains(fit.Notes, note => note.Contains("floor", StringComparison.Ordinal));
        // After the re-seed (iteration 1) EM is monotone again.
        EmPipeline.AssertMonotone([.. fit.Trace.Skip(1)]);
    }

    [Fact]
    public void Points_that_are_all_the_same_end_with_a_finite_fit_and_notes()
    {
        var x = Enumerable.Repeat(new[] { 1.5, -2.0 }, 30).SelectMany(p => p).ToArray();
        var result = EmPipeline.Run(Gmm, "gmm.ppl", [EmPipeline.Reals("x", x, 30, 2)], new InferenceOptions { Seed = 1, MaxIterations = 20 });

        Assert.True(double.IsFinite(result.Elbo), $"log-likelihood {result.Elbo}");
        Assert.Contains(result.Notes, note => note.Contains("was empty", StringComparison.Ordinal) || note.Contains("floor", StringComparison.Ordinal));
        var mu = result.Param("mu")!.Value.Values;
        for (var c = 0; c < 3; c++)
        {
            Assert.Equal(1.5, mu[c * 2], 9);
            Assert.Equal(-2.0, mu[c * 2 + 1], 9);
        }
    }

    [Fact]
    public void A_constant_feature_collapses_a_diagonal_component_onto_the_floor_with_a_note()
    {
        const string model = """
            data x: real[N, D]
            const K = 2
            param weights: simplex[K]
            param mu: real[K, D]
            param v: pos[K, D]
            plate n in N {
              z[n] ~ Categorical(weights)
              x[n] ~ Normal(mu[z[n]], var: v[z[n]])
            }
            """;
        var random = new RandomSource(3);
        var x = new double[400 * 2];
        for (var row = 0; row < 400; row++)
        {
            (x[row * 2], x[row * 2 + 1]) = ((row % 2 == 0 ? -4 : 4) + random.NextNormal(), 5.0);
        }
        var result = EmPipeline.Run(model, "mixture.ppl", [EmPipeline.Reals("x", x, 400, 2)], new InferenceOptions { Seed = 2 });

        Assert.True(double.IsFinite(result.Elbo));
        Assert.Contains(result.Notes, note => note.Contains("floor acted", StringComparison.Ordinal));
        var v = result.Param("v")!.Value.Values;
        Assert.True(v[1] > 0 && v[3] > 0, "the constant feature's variances stay positive");
        EmPipeline.AssertMonotone(result.Trace);
    }
}
