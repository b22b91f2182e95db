using Ppl.Inference.Svi;
using Ppl.Tensors;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Tests.Svi;

/// <summary>
/// The per-data-point IWAE bound on the VAE example after a short run on the bundled 1,000-image
/// subset: IWAE_1 is the ELBO in expectation (sampled log q and the per-row fused Bernoulli against
/// the training path's analytic KL and whole-batch fused likelihood), and IWAE_20 lies above it.
/// </summary>
public sealed class VaeIwaeTests
{
    [Fact]
    public void After_a_short_run_iwae_is_the_elbo_at_k_1_and_above_it_at_k_20()
    {
        var request = VaeTests.SubsetRequest(new InferenceOptions { Seed = 1, Epochs = 3, LearningRate = 2e-3 });
        var random = new RandomSource(1);
        var program = new SviProgram(request.Model, request.Data, DType.Float32, "auto", random.Split());
        var trainer = new SviTrainer(program, request.Options, random, request.Model);
        trainer.Train(null, default);
        Assert.Equal(("n", (string?)null), program.PerDataPointPlate());

        var elbos = Enumerable.Range(0, 4).Select(_ => trainer.FullDataElbo()).ToArray();
        var elbo = elbos.Average();
        var elboSe = Math.Sqrt(elbos.Sum(e => (e - elbo) * (e - elbo)) / (elbos.Length - 1) / elbos.Length);
        var k1 = SviEvaluation.PerDataPointIwae(program, "n", random, 1);
        var k20 = SviEvaluation.PerDataPointIwae(program, "n", random, 20);

        Assert.Equal(1000, k20.DataPoints);
        var se1 = Math.Sqrt(elboSe * elboSe + k1.StandardError!.Value * k1.StandardError.Value);
        Assert.InRange(k1.Value, elbo - 5 * se1, elbo + 5 * se1);
        var se20 = Math.Sqrt(elboSe * elboSe + k20.StandardError!.Value * k20.StandardError.Value);
        Assert.True(k20.Value - elbo > 5 * se20, $"IWAE_20 {k20.PerDataPoint:F2} per image, ELBO {elbo / 1000:F2} (se of the difference {se20 / 1000:F3})");
    }
}
