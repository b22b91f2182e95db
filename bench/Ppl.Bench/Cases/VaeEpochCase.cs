using System.Diagnostics;

namespace Ppl.Bench.Cases;

/// <summary>
/// <c>vae-epoch-engine</c>: the whole VAE training of <c>vae_fmnist.py</c> on the tensor engine, by hand
/// (<see cref="VaeModel"/>): 5 epochs over the 60,000 Fashion-MNIST training images, each shuffled
/// and cut into batches of 128 (the last one 96), Adam 1e-3; then the test ELBO per image over the
/// 10,000 test images (one z draw each). The time is the median epoch of the 5; the peer's is its
/// <c>sec_per_epoch_median</c> from the same script run in full. The SVI backend runs the same model
/// from <c>vae.ppl</c> in <c>vae-epoch</c> (<see cref="VaeBackendEpochCase"/>); both share one run of the peer.
/// </summary>
internal sealed class VaeEpochCase(VaeEpochPeer peer) : IBenchmarkCase
{
    private const int Batch = 128;
    private const int Epochs = 5;
    private const int Pixels = FashionMnist.Pixels;

    public string Name => "vae-epoch-engine";

    public double? Flops => null;

    public PplResult RunPpl(BenchmarkSettings settings)
    {
        var training = FashionMnist.Training();
        var test = FashionMnist.Test();
        var count = training.Length / Pixels;
        var model = new VaeModel(0, Batch);
        var shuffle = new Random(0);
        var order = Enumerable.Range(0, count).ToArray();
        var batch = new float[Batch * Pixels];
        var seconds = new List<double>();
        var trainElbo = double.NaN;
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            var start = Stopwatch.GetTimestamp();
            shuffle.Shuffle(order);
            var total = 0.0;
            for (var first = 0; first < count; first += Batch)
            {
                var size = Math.Min(Batch, count - first);
                for (var r = 0; r < size; r++)
                {
                    training.AsSpan(order[first + r] * Pixels, Pixels).CopyTo(batch.AsSpan(r * Pixels, Pixels));
                }
                total += model.NegativeElbo(batch, size, train: true, adamStep: true);
            }
            seconds.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
            trainElbo = -total / count;
            Console.Error.WriteLine($"vae-epoch-engine: epoch {epoch + 1}: {seconds[^1]:F2} s, train ELBO (running mean) {trainElbo:F2}");
        }
        return new PplResult(Timing.Of(seconds), new Dictionary<string, double>
        {
            ["train_elbo_last_epoch"] = trainElbo,
            ["test_elbo"] = model.Elbo(test),
        });
    }

    public PeerResult RunPeer(BenchmarkSettings settings) => peer.Result(settings);
}
