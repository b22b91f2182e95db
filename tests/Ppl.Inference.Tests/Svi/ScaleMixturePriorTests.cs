using System.Text.Json;

namespace Ppl.Inference.Tests.Svi;

/// <summary>
/// Bayes by Backprop with the scale-mixture prior of Blundell et al. (2015, eq. 7),
/// <c>Mixture([0.5, 0.5], Normal(0, 1), Normal(0, 0.0025))</c>, on examples/bbb-mixture (data from
/// its make_data.py, fixed seed): training improves the full-data ELBO, and the signal-to-noise ratio
/// |μ|/σ of every weight is reported, consistent with its summary diagnostics.
/// </summary>
public sealed class ScaleMixturePriorTests
{
    [Fact]
    public void Scale_mixture_prior_trains_and_reports_the_snr_of_every_weight()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Ppl.sln")))
        {
            dir = Path.GetDirectoryName(dir)!;
        }
        var example = Path.Combine(dir, "examples", "bbb-mixture");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(example, "bbb-mixture.json")));
        var x = json.RootElement.GetProperty("x").EnumerateArray().Select(r => r[0].GetDouble()).ToArray();
        var y = json.RootElement.GetProperty("y").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var source = File.ReadAllText(Path.Combine(example, "bbb-mixture.ppl"));
        IEnumerable<Ppl.StdLib.Data.DataArray> data = [SviPipeline.Real("x", x, x.Length, 1), SviPipeline.Real("y", y, y.Length)];

        var untrained = SviPipeline.Run(source, data, new InferenceOptions { Seed = 9, Steps = 1, LearningRate = 1e-3 });
        var trained = SviPipeline.Run(source, data, new InferenceOptions { Seed = 9, Epochs = 40, LearningRate = 1e-2 });

        Assert.True(double.IsFinite(trained.Elbo));
        Assert.True(trained.Elbo > untrained.Elbo + 100, $"ELBO after 1 step {untrained.Elbo:F1}, after 40 epochs {trained.Elbo:F1}");

        // 1-100-100-1: W1 [1, 100], b1 [100], W2 [100, 100], b2 [100], W3 [100, 1], b3 [1].
        var snr = trained.SignalToNoise;
        Assert.Equal(new[] { "f.W1", "f.b1", "f.W2", "f.b2", "f.W3", "f.b3" }, snr.Keys.ToArray());
        Assert.Equal(new[] { 100, 100 }, snr["f.W2"].Shape);
        var all = snr.Values.SelectMany(a => a.Values).ToArray();
        Assert.Equal(1 * 100 + 100 + 100 * 100 + 100 + 100 + 1, all.Length);
        Assert.All(all, v => Assert.True(v >= 0 && double.IsFinite(v)));
        Assert.Equal(all.Average(), trained.Diagnostics["f.snr.mean"], 9);
    }
}
