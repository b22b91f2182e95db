using Ppl.Inference.Sampling;

namespace Ppl.Inference.Tests.Svi;

/// <summary>
/// Replicated draws of observed nodes for a model with a network (which the forward sampler cannot
/// run): SVI keeps y_rep ~ p(y | θ) from the same guide passes as its posterior draws. With a
/// prediction <c>y_new</c> at the same inputs, both are f_θ(x) + σε with independent ε given the
/// same θ, so y_rep − y_new ~ N(0, 2σ²) exactly whatever the posterior over the weights — a closed
/// form that fails when the rows of y_rep and y_new come from different weight draws (the
/// difference then also carries 2 Var_θ f_θ(x), checked below to be detectable).
/// </summary>
public sealed class ReplicatedDrawsTests
{
    private const double Sigma = 0.3;
    private const int N = 12;

    private const string Model = """
        data x: real[N, 1]
        data y: real[N]
        net f = mlp(1 -> 8 -> 1, act: tanh, prior: Normal(0, 1))
        plate n in N {
          y[n] ~ Normal(f(x[n])[0], 0.3)
          y_new[n] ~ Normal(f(x[n])[0], 0.3)
        }
        """;

    private static InferenceRequest Request(bool replicates)
    {
        var x = Enumerable.Range(0, N).Select(i => -1 + 2.0 * i / (N - 1)).ToArray();
        var y = x.Select(v => Math.Sin(2 * v)).ToArray();
        return SviPipeline.Request(Model, [SviPipeline.Real("x", x, N, 1), SviPipeline.Real("y", y, N)],
            new InferenceOptions { Seed = 3, Steps = 300, LearningRate = 1e-2, Replicates = replicates });
    }

    [Fact]
    public void Replicates_share_each_pass_with_the_posterior_draws()
    {
        var request = Request(replicates: true);
        var result = new Ppl.Inference.Svi.SviBackend().Run(request);
        var replicated = result.Replicated["y"];
        var predicted = result.Posterior("y_new")!.Draws!;
        Assert.Equal(predicted.Shape, replicated.Shape);
        var passes = replicated.Shape[0];
        Assert.Equal(N, replicated.Shape[1]);

        var aligned = Differences(replicated.Values, predicted.Values, 0);
        var shifted = Differences(replicated.Values, predicted.Values, N);
        var count = aligned.Length;
        var mean = aligned.Average();
        var variance = aligned.Sum(d => d * d) / count;
        var expected = 2 * Sigma * Sigma;
        // n iid N(0, 2σ²) values: the mean within 5 sd of √(2σ²/n), the mean square within 5 sd of 2σ²√(2/n).
        var varianceSe = expected * Math.Sqrt(2.0 / count);
        Assert.InRange(mean, -5 * Math.Sqrt(expected / count), 5 * Math.Sqrt(expected / count));
        Assert.InRange(variance, expected - 5 * varianceSe, expected + 5 * varianceSe);
        // The same statistic on rows one pass apart is visibly larger: the check above can fail.
        Assert.True(shifted.Sum(d => d * d) / shifted.Length > expected + 10 * varianceSe,
            $"misaligned mean square {shifted.Sum(d => d * d) / shifted.Length} vs {expected}");
        Assert.Equal(passes * N, replicated.Values.Count);
    }

    [Fact]
    public void The_posterior_predictive_sampler_returns_them_jointly_with_the_predictions()
    {
        var request = Request(replicates: true);
        var result = new Ppl.Inference.Svi.SviBackend().Run(request);
        var predictive = PosteriorPredictiveSampler.Draw(request.Model, request.Data, result, 3000, 11);
        Assert.Null(predictive.ReplicatesUnavailable);
        var y = predictive.Draws.Variables.Single(v => v.IsReplicated);
        Assert.Equal("y", y.Name);
        Assert.Equal([N], y.Shape);
        var yNew = predictive.Draws.Variables.Single(v => v.Name == "y_new");
        var differences = y.Draws.Zip(yNew.Draws, (a, b) => a.Zip(b, (u, v) => u - v)).SelectMany(d => d).ToArray();
        // Resampled passes repeat, so the draws are not independent: the bound uses the 1,000 distinct passes.
        var expected = 2 * Sigma * Sigma;
        var varianceSe = expected * Math.Sqrt(2.0 / (1000 * N));
        Assert.InRange(differences.Sum(d => d * d) / differences.Length, expected - 6 * varianceSe, expected + 6 * varianceSe);
    }

    [Fact]
    public void Without_the_option_nothing_is_kept_and_the_sampler_says_why()
    {
        var request = Request(replicates: false);
        var result = new Ppl.Inference.Svi.SviBackend().Run(request);
        Assert.Empty(result.Replicated);
        var predictive = PosteriorPredictiveSampler.Draw(request.Model, request.Data, result, 10, 11);
        Assert.Contains("cannot be sampled forwards", predictive.ReplicatesUnavailable, StringComparison.Ordinal);
        Assert.DoesNotContain(predictive.Draws.Variables, v => v.IsReplicated);
    }

    private static double[] Differences(IReadOnlyList<double> replicated, IReadOnlyList<double> predicted, int offset)
    {
        var count = replicated.Count - offset;
        var differences = new double[count];
        for (var i = 0; i < count; i++)
        {
            differences[i] = replicated[i + offset] - predicted[i];
        }
        return differences;
    }
}
