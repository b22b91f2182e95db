using System.Diagnostics;
using Ppl.Compiler;
using Ppl.Compiler.Binding;
using Ppl.Compiler.Ir;
using Ppl.Compiler.Planning;
using Ppl.Inference;
using Ppl.Inference.Svi;
using Ppl.StdLib.Data;
using Ppl.Tensors;
using Ppl.Tensors.Random;

namespace Ppl.Bench.Cases;

/// <summary>
/// <c>vae-epoch</c>: the VAE of <c>vae_fmnist.py</c> compiled from <c>examples/vae/vae.ppl</c> and
/// trained by the SVI backend — the same pipeline as <c>ppl infer vae.ppl --data
/// x=train-images-idx3-ubyte.gz --epochs 5</c>: compile, plan (svi), read the IDX file and bind it
/// (pixels / 255), build the log-joint program, then Adam (the backend's default 1e-3 for models
/// with nets) over 5 shuffled epochs of batches of 128 (the last one 96). The time is the median
/// epoch; the quality is the held-out ELBO per image on the 10,000 test images (one z draw each,
/// in chunks of 1000, as the peer's eval_elbo), the running-mean training ELBO of the last epoch, and
/// the per-data-point IWAE(k = 100) per image on the first 1,000 test images (the peer's iwae_ll).
/// The trainer is driven directly rather than through <see cref="SviBackend.Run"/> only to time each
/// epoch and to evaluate the test set under the trained parameters.
/// </summary>
internal sealed class VaeBackendEpochCase(string repositoryRoot, VaeEpochPeer peer) : IBenchmarkCase
{
    private const int Epochs = 5;
    private const int IwaeSamples = 100;
    private const int IwaeImages = 1000;

    public string Name => "vae-epoch";

    public double? Flops => null;

    public PplResult RunPpl(BenchmarkSettings settings)
    {
        var source = File.ReadAllText(Path.Combine(repositoryRoot, "examples", "vae", "vae.ppl"));
        var compiled = Compilation.Compile(source, "vae.ppl");
        var model = compiled.Ir ?? throw new InvalidOperationException(string.Join("; ", compiled.Diagnostics.Select(d => d.Message)));
        var plan = Planner.Plan(model, Backend.Svi, source);
        if (!plan.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", plan.Diagnostics.Select(d => d.Message)));
        }
        var training = Bind(model, "train-images-idx3-ubyte.gz");
        var test = Bind(model, "t10k-images-idx3-ubyte.gz");
        var options = new InferenceOptions { Seed = 0, Epochs = Epochs };
        var random = new RandomSource(options.Seed);
        var program = new SviProgram(model, training, DType.Float32, options.Guide, random.Split());
        var trainer = new SviTrainer(program, options, random, model);

        var seconds = new List<double>();
        var start = Stopwatch.GetTimestamp();
        trainer.EpochEnded = epoch =>
        {
            seconds.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
            Console.Error.WriteLine($"vae-epoch: epoch {epoch}: {seconds[^1]:F2} s");
            start = Stopwatch.GetTimestamp();
        };
        var (trace, _, _) = trainer.Train(null, CancellationToken.None);

        // The peer's running mean: Σ over the last epoch's batches of their summed ELBO, over N.
        // Step j of an epoch estimates the full ELBO as (N/bⱼ)·(its batch's sum), so its sum is trace·bⱼ/N.
        var n = program.PlateSize("n");
        var perEpoch = trainer.StepsPerEpoch;
        var batch = program.BatchedPlates["n"];
        var lastEpoch = 0.0;
        for (var j = 0; j < perEpoch; j++)
        {
            var size = Math.Min(batch, n - j * batch);
            lastEpoch += trace[trace.Count - perEpoch + j] * size / n;
        }
        var testImages = test["x"].Shape[0];
        var clock = Stopwatch.StartNew();
        var testElbo = trainer.HeldOutElbo(test) / testImages;
        Console.Error.WriteLine($"vae-epoch: test ELBO {testElbo:F2} per image ({clock.Elapsed.TotalSeconds:F2} s)");
        clock.Restart();
        var iwae = TestIwae(program, FirstImages(model, test, IwaeImages), random);
        Console.Error.WriteLine($"vae-epoch: test IWAE(k = {IwaeSamples}) {iwae.PerDataPoint:F2} ± {iwae.PerDataPointStandardError:F3} per image on the first {IwaeImages} ({clock.Elapsed.TotalSeconds:F2} s)");
        return new PplResult(Timing.Of(seconds), new Dictionary<string, double>
        {
            ["train_elbo_last_epoch"] = lastEpoch / n,
            ["test_elbo"] = testElbo,
            ["test_iwae_k100_first1000"] = iwae.PerDataPoint!.Value,
            ["test_iwae_k100_first1000_se"] = iwae.PerDataPointStandardError!.Value,
        });
    }

    public PeerResult RunPeer(BenchmarkSettings settings) => peer.Result(settings);

    /// <summary>
    /// The per-data-point IWAE bound with k = 100 (<see cref="SviEvaluation.PerDataPointIwae"/>) of
    /// <paramref name="images"/> under the trained parameters, as the peer's <c>iwae_ll</c> on the
    /// first 1,000 test images (which reports one estimate; here the mean of two, with its error).
    /// </summary>
    private static Inference.Results.ImportanceWeightedBound TestIwae(SviProgram program, BoundData images, RandomSource random)
    {
        using var swap = program.UseData(images);
        return SviEvaluation.PerDataPointIwae(program, "n", random, IwaeSamples);
    }

    /// <summary>The first <paramref name="count"/> images of <paramref name="bound"/> (pixels already / 255, [N, 784]), bound again on their own.</summary>
    private static BoundData FirstImages(ModelIr model, BoundData bound, int count)
    {
        var x = bound["x"];
        var pixels = x.Shape[1];
        var first = DataArray.FromValues("x", [count, pixels], DataElementKind.Real, x.Reals!.AsSpan(0, count * pixels));
        var subset = DataBinder.Bind(model, new DataSet([first]));
        return subset.Data ?? throw new InvalidDataException(string.Join("; ", subset.Diagnostics.Select(d => d.Message)));
    }

    /// <summary>Reads a Fashion-MNIST IDX file as <c>x</c> and binds it to the model, as <c>--data x=FILE</c> does.</summary>
    private static BoundData Bind(ModelIr model, string file)
    {
        var read = IdxDataReader.Read(Path.Combine(FashionMnist.Folder, file), "x");
        if (read.Errors.Count > 0)
        {
            throw new InvalidDataException(string.Join("; ", read.Errors.Select(e => e.ToString())));
        }
        var bound = DataBinder.Bind(model, read.Data);
        return bound.Data ?? throw new InvalidDataException(string.Join("; ", bound.Diagnostics.Select(d => d.Message)));
    }
}
