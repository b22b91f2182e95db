using Ppl.StdLib.Data;

namespace Ppl.Inference.Tests.Svi;

/// <summary>
/// The VAE example (examples/vae/vae.ppl) on the bundled 1,000-image Fashion-MNIST subset. The
/// threshold is data-derived: the full-data ELBO must beat the exact log-likelihood of the best
/// model with no latent at all (independent pixels, each Bernoulli at its mean grey level), which a
/// VAE can only do by using z.
/// </summary>
public sealed class VaeTests
{
    internal static string RepoFile(params string[] parts)
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Ppl.sln")))
        {
            dir = Path.GetDirectoryName(dir)!;
        }
        return Path.Combine([dir, .. parts]);
    }

    /// <summary>The VAE example's request on the bundled 1,000-image Fashion-MNIST subset.</summary>
    internal static InferenceRequest SubsetRequest(InferenceOptions? options = null)
    {
        var source = File.ReadAllText(RepoFile("examples", "vae", "vae.ppl"));
        var read = IdxDataReader.Read(RepoFile("examples", "vae", "data", "fashion-mnist-1000-images-idx3-ubyte.gz"), "x");
        Assert.False(read.HasErrors);
        return SviPipeline.Request(source, read.Data.Arrays, options);
    }

    [Fact]
    public void A_short_run_beats_the_independent_pixel_model_on_the_whole_subset()
    {
        var source = File.ReadAllText(RepoFile("examples", "vae", "vae.ppl"));
        var read = IdxDataReader.Read(RepoFile("examples", "vae", "data", "fashion-mnist-1000-images-idx3-ubyte.gz"), "x");
        Assert.False(read.HasErrors);
        var images = read.Data["x"];

        var request = SviPipeline.Request(source, read.Data.Arrays, new InferenceOptions { Seed = 1, Epochs = 15, LearningRate = 2e-3 });
        var x = request.Data["x"].Reals!;
        var n = request.Data["x"].Shape[0];
        const int pixels = 784;
        var baseline = 0.0;
        for (var j = 0; j < pixels; j++)
        {
            var p = 0.0;
            for (var i = 0; i < n; i++)
            {
                p += x[i * pixels + j] / n;
            }
            p = Math.Clamp(p, 1e-6, 1 - 1e-6);
            for (var i = 0; i < n; i++)
            {
                var v = x[i * pixels + j];
                baseline += v * Math.Log(p) + (1 - v) * Math.Log(1 - p);
            }
        }

        var result = new Ppl.Inference.Svi.SviBackend().Run(request);
        Assert.Equal(n, images.Shape[0]);
        Assert.True(result.Elbo > baseline, $"ELBO {result.Elbo / n:F1} per image, independent pixels {baseline / n:F1}");
        Assert.True(result.Trace[^1] > result.Trace[0]);
    }
}
