using System.Text.Json;

namespace Ppl.Inference.Tests.Svi;

/// <summary>
/// Bayes by Backprop (seed 003; Blundell et al. 2015) on the bundled toy regression
/// (examples/bbb/bbb.json, inputs in [0, 0.5]) with a predictive node over a grid: the epistemic sd
/// of the prediction is larger far outside the training range than inside it.
/// </summary>
public sealed class BayesByBackpropTests
{
    private const string Model = """
        data x: real[N, 1]
        data y: real[N]
        data x_new: real[M, 1]
        net f = mlp(1 -> 32 -> 32 -> 1, act: relu, prior: Normal(0, 1))
        plate n in N batch 100 { y[n] ~ Normal(f(x[n])[0], 0.1) }
        plate m in M { y_new[m] ~ Normal(f(x_new[m])[0], 0.1) }
        """;

    [Fact]
    public void Predictive_sd_is_larger_outside_the_training_range()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Ppl.sln")))
        {
            dir = Path.GetDirectoryName(dir)!;
        }
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "examples", "bbb", "bbb.json")));
        var x = json.RootElement.GetProperty("x").EnumerateArray().Select(r => r[0].GetDouble()).ToArray();
        var y = json.RootElement.GetProperty("y").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        double[] grid = [0.1, 0.25, 0.4, 1.5, 2.0];
        var result = SviPipeline.Run(Model,
            [SviPipeline.Real("x", x, x.Length, 1), SviPipeline.Real("y", y, y.Length), SviPipeline.Real("x_new", grid, grid.Length, 1)],
            new InferenceOptions { Seed = 5, Epochs = 30, LearningRate = 1e-2 });

        var prediction = result.Posterior("y_new")!;
        Assert.True(prediction.IsPrediction);
        var epistemic = prediction.EpistemicSd!.Values;
        var inside = epistemic.Take(3).Max();
        var outside = epistemic.Skip(3).Min();
        Assert.True(outside > inside, $"epistemic sd inside {inside:G3}, outside {outside:G3}");
        Assert.InRange(prediction.AleatoricSd!.Values[0], 0.1 - 1e-6, 0.1 + 1e-6);
        Assert.Contains("f.snr.mean", result.Diagnostics.Keys);
    }
}
