using System.Text.Json;
using Ppl.Inference.Em;
using static Ppl.Inference.Tests.Em.FixtureValues;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Tests.Em;

public sealed class GaussianMixtureTests
{
    private const string Gmm = MixtureModels.FullCovarianceK3;

    private static readonly double[][] s_trueMeans = [[0, 0], [6, 6], [-6, 5]];
    private static readonly double[] s_trueWeights = [0.2, 0.3, 0.5];

    /// <summary>Draws N points from three 2-D Gaussians with covariances [[1, ρ],[ρ, 1]]·s, ρ = 0.5, s = 1, 0.5, 2.</summary>
    private static (double[] X, int[] Labels) Sample(int n, ulong seed)
    {
        var random = new RandomSource(seed);
        var x = new double[n * 2];
        var labels = new int[n];
        double[] scales = [1, 0.5, 2];
        for (var row = 0; row < n; row++)
        {
            var u = random.NextDouble();
            var k = u < 0.2 ? 0 : u < 0.5 ? 1 : 2;
            labels[row] = k;
            var (e1, e2) = (random.NextNormal(), random.NextNormal());
            // Cholesky of s·[[1, 0.5], [0.5, 1]]: √s·[[1, 0], [0.5, √0.75]].
            var root = Math.Sqrt(scales[k]);
            x[row * 2] = s_trueMeans[k][0] + root * e1;
            x[row * 2 + 1] = s_trueMeans[k][1] + root * (0.5 * e1 + Math.Sqrt(0.75) * e2);
        }
        return (x, labels);
    }

    [Fact]
    public void Agrees_with_scikit_learn_from_the_same_initial_parameters()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(EmPipeline.FixturePath("gmm_sklearn.json")));
        var root = json.RootElement;
        var (n, d, k) = (root.GetProperty("N").GetInt32(), root.GetProperty("D").GetInt32(), root.GetProperty("K").GetInt32());
        var x = Flatten(root.GetProperty("x"));
        var components = new GaussianFullComponents(x, n, d, k, new MixtureNames("z", "weights", "mu", "Sigma"));
        Assert.Equal(0, components.SetParameters(Flatten(root.GetProperty("means_init")), Flatten(root.GetProperty("covariances_init"))));
        var settings = new EmSettings(root.GetProperty("iterations").GetInt32(), 0, 1);
        var fit = MixtureEm.Iterate(components, Flatten(root.GetProperty("weights_init")), settings, "em", [], null, default);

        Assert.Equal(settings.MaxIterations, fit.Iterations);
        AssertClose(Flatten(root.GetProperty("weights")), fit.Weights, 1e-8);
        AssertClose(Flatten(root.GetProperty("means")), components.Means.ToArray(), 1e-7);
        AssertClose(Flatten(root.GetProperty("covariances")), components.Covariances.ToArray(), 1e-7);
        var expected = root.GetProperty("log_likelihood").GetDouble();
        Assert.True(Math.Abs(fit.LogLikelihood - expected) <= 1e-9 * Math.Abs(expected), $"{fit.LogLikelihood} vs sklearn {expected}");
        EmPipeline.AssertMonotone(fit.Trace);
    }

    [Fact]
    public void Recovers_known_parameters_through_the_pipeline_with_a_monotone_log_likelihood()
    {
        const int n = 6000;
        var (x, _) = Sample(n, 11);
        var result = EmPipeline.Run(Gmm, "gmm.ppl", [EmPipeline.Reals("x", x, n, 2)], new InferenceOptions { Seed = 3, Restarts = 2 });

        Assert.Equal("em", result.Method);
        Assert.True(result.Converged);
        EmPipeline.AssertMonotone(result.Trace);
        var weights = result.Param("weights")!.Value.Values;
        var mu = result.Param("mu")!.Value.Values;
        var sigma = result.Param("Sigma")!.Value;
        Assert.Equal([3, 2, 2], sigma.Shape);
        double[] scales = [1, 0.5, 2];
        for (var truth = 0; truth < 3; truth++)
        {
            // Match components by nearest mean (EM's labels are arbitrary).
            var k = Enumerable.Range(0, 3).MinBy(c => Math.Pow(mu[c * 2] - s_trueMeans[truth][0], 2) + Math.Pow(mu[c * 2 + 1] - s_trueMeans[truth][1], 2));
            var nk = n * s_trueWeights[truth];
            // Tolerances: 5 standard errors of the ML estimates (weight √(w(1−w)/N), mean √(s/Nₖ), variance s√(2/Nₖ)).
            Assert.InRange(weights[k], s_trueWeights[truth] - 5 * Math.Sqrt(s_trueWeights[truth] * (1 - s_trueWeights[truth]) / n), s_trueWeights[truth] + 5 * Math.Sqrt(s_trueWeights[truth] * (1 - s_trueWeights[truth]) / n));
            Assert.InRange(mu[k * 2], s_trueMeans[truth][0] - 5 * Math.Sqrt(scales[truth] / nk), s_trueMeans[truth][0] + 5 * Math.Sqrt(scales[truth] / nk));
            Assert.InRange(sigma.Values[k * 4], scales[truth] * (1 - 5 * Math.Sqrt(2 / nk)), scales[truth] * (1 + 5 * Math.Sqrt(2 / nk)));
            Assert.InRange(sigma.Values[k * 4 + 1], 0.5 * scales[truth] - 5 * scales[truth] * Math.Sqrt(1.25 / nk), 0.5 * scales[truth] + 5 * scales[truth] * Math.Sqrt(1.25 / nk));
        }
        var ll = result.Elbo;
        Assert.Equal(ll, result.Diagnostics["logLikelihood"]);
        Assert.Equal(-2 * ll + 17 * Math.Log(n), result.Diagnostics["bic"], 9);
        Assert.Equal(-2 * ll + 34, result.Diagnostics["aic"], 9);
        Assert.Empty(result.Posteriors);
    }

    [Fact]
    public void Show_z_reports_responsibilities_that_sum_to_one_and_hard_assignments()
    {
        const int n = 600;
        var (x, labels) = Sample(n, 5);
        var result = EmPipeline.Run(Gmm, "gmm.ppl", [EmPipeline.Reals("x", x, n, 2)],
            new InferenceOptions { Seed = 1, Show = new HashSet<string> { "z" } });
        var z = result.Posterior("z")!;
        var p = z.Parameters["p"];
        Assert.Equal([n, 3], p.Shape);
        var mode = z.Parameters["mode"].Values;
        for (var row = 0; row < n; row++)
        {
            var sum = p.Values[row * 3] + p.Values[row * 3 + 1] + p.Values[row * 3 + 2];
            Assert.Equal(1.0, sum, 12);
            Assert.Equal(mode[row], Enumerable.Range(0, 3).MaxBy(c => p.Values[row * 3 + c]));
        }
        // Hard assignments agree with the true labels up to relabelling on well-separated clusters.
        var agree = Enumerable.Range(0, 3).Sum(truth => Enumerable.Range(0, n).Where(r => labels[r] == truth).GroupBy(r => mode[r]).Max(g => g.Count()));
        Assert.True(agree >= 0.97 * n, $"{agree} of {n}");
    }

    [Fact]
    public void More_components_than_points_is_a_clear_error()
    {
        var error = Assert.Throws<InferenceException>(() =>
            EmPipeline.Run(Gmm, "gmm.ppl", [EmPipeline.Reals("x", [0, 0, 1, 1], 2, 2)]));
        Assert.Contains("K = 3 components but 'x' has only N = 2 points", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_points_end_with_a_finite_log_likelihood_and_a_reported_floor()
    {
        var x = new double[40];
        for (var row = 0; row < 20; row++)
        {
            (x[row * 2], x[row * 2 + 1]) = row < 10 ? (1.0, 2.0) : (row, -row);
        }
        var result = EmPipeline.Run(Gmm, "gmm.ppl", [EmPipeline.Reals("x", x, 20, 2)], new InferenceOptions { Seed = 2, MaxIterations = 50 });
        Assert.True(double.IsFinite(result.Elbo));
        Assert.Contains(result.Notes, note => note.Contains("floor", StringComparison.Ordinal));
    }

    [Fact]
    public void The_E_step_matches_a_slow_twin_of_the_mixture_density()
    {
        var (x, _) = Sample(50, 9);
        var components = new GaussianFullComponents(x, 50, 2, 2, new MixtureNames("z", "w", "mu", "S"));
        double[] means = [0.5, -1, 2, 3];
        double[] covariances = [2, 0.3, 0.3, 1, 0.5, -0.2, -0.2, 0.7];
        components.SetParameters(means, covariances);
        double[] weights = [0.4, 0.6];
        var ll = MixtureEm.EStep(components, weights, new double[100]);
        var slow = 0.0;
        for (var row = 0; row < 50; row++)
        {
            var p = 0.0;
            for (var k = 0; k < 2; k++)
            {
                var (a, b, c) = (covariances[k * 4], covariances[k * 4 + 1], covariances[k * 4 + 3]);
                var det = a * c - b * b;
                var (u, v) = (x[row * 2] - means[k * 2], x[row * 2 + 1] - means[k * 2 + 1]);
                var quadratic = (c * u * u - 2 * b * u * v + a * v * v) / det;
                p += weights[k] * Math.Exp(-0.5 * quadratic) / (2 * Math.PI * Math.Sqrt(det));
            }
            slow += Math.Log(p);
        }
        Assert.Equal(slow, ll, 9);
    }
}
