using System.Text.Json;
using Ppl.Inference.Em;
using static Ppl.Inference.Tests.Em.FixtureValues;

namespace Ppl.Inference.Tests.Em;

/// <summary>One covariance shared by every component (scikit-learn's <c>covariance_type='tied'</c>).</summary>
public sealed class TiedCovarianceTests
{
    private const string TiedGmm = """
        data x: real[N, D]
        const K = 3
        param weights: simplex[K]
        param mu: real[K, D]
        param Sigma: cov[D]
        plate n in N {
          z[n] ~ Categorical(weights)
          x[n] ~ MvNormal(mu[z[n]], Sigma)
        }
        """;

    private static (JsonDocument Json, int N, int D, int K, double[] X) Fixture()
    {
        var json = JsonDocument.Parse(File.ReadAllText(EmPipeline.FixturePath("gmm_tied_sklearn.json")));
        var root = json.RootElement;
        return (json, root.GetProperty("N").GetInt32(), root.GetProperty("D").GetInt32(), root.GetProperty("K").GetInt32(), Flatten(root.GetProperty("x")));
    }

    [Fact]
    public void Agrees_with_scikit_learn_tied_from_the_same_initial_parameters()
    {
        var (json, n, d, k, x) = Fixture();
        using var _ = json;
        var root = json.RootElement;
        var components = new GaussianFullComponents(x, n, d, k, new MixtureNames("z", "weights", "mu", "Sigma"), tied: true);
        Assert.Equal(0, components.SetParameters(Flatten(root.GetProperty("means_init")), Flatten(root.GetProperty("covariance_init"))));
        var settings = new EmSettings(root.GetProperty("iterations").GetInt32(), 0, 1);
        var fit = MixtureEm.Iterate(components, Flatten(root.GetProperty("weights_init")), settings, "em", [], null, default);

        AssertClose(Flatten(root.GetProperty("weights")), fit.Weights, 1e-8);
        AssertClose(Flatten(root.GetProperty("means")), components.Means.ToArray(), 1e-7);
        var expectedCovariance = Flatten(root.GetProperty("covariance"));
        for (var c = 0; c < k; c++)
        {
            AssertClose(expectedCovariance, components.Covariances.Slice(c * d * d, d * d).ToArray(), 1e-7);
        }
        var expected = root.GetProperty("log_likelihood").GetDouble();
        Assert.True(Math.Abs(fit.LogLikelihood - expected) <= 1e-9 * Math.Abs(expected), $"{fit.LogLikelihood} vs sklearn {expected}");
        EmPipeline.AssertMonotone(fit.Trace);
    }

    [Fact]
    public void Runs_through_the_pipeline_with_one_covariance_and_its_parameter_count()
    {
        var (json, n, d, k, x) = Fixture();
        using var _ = json;
        var result = EmPipeline.Run(TiedGmm, "tied.ppl", [EmPipeline.Reals("x", x, n, d)], new InferenceOptions { Seed = 2 });

        var sigma = result.Param("Sigma")!.Value;
        Assert.Equal([d, d], sigma.Shape);
        Assert.Equal([k, d], result.Param("mu")!.Value.Shape);
        // K·D means + D(D+1)/2 shared covariance entries + K − 1 weights.
        Assert.Equal(k * d + d * (d + 1) / 2 + k - 1, result.Diagnostics["freeParameters"]);
        EmPipeline.AssertMonotone(result.Trace);
        // The true shared covariance is R Rᵀ with R = [[1, 0, 0], [0.6, 0.8, 0], [−0.3, 0.2, 1.1]]: check the
        // diagonal (1, 1, 1.34) within 5 standard errors of a variance estimate, σ²·√(2/N).
        double[] truth = [1, 1, 1.34];
        for (var i = 0; i < d; i++)
        {
            Assert.InRange(sigma.Values[i * d + i], truth[i] * (1 - 5 * Math.Sqrt(2.0 / n)), truth[i] * (1 + 5 * Math.Sqrt(2.0 / n)));
        }
    }
}
