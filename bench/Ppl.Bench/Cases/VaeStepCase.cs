using Ppl.Bench.Peers;

namespace Ppl.Bench.Cases;

/// <summary>
/// <c>mlp-step</c> (forward + backward) and <c>mlp-step-adam</c> (+ an Adam step): one batch of the
/// VAE's MLPs, as <c>vae_fmnist.py --batch-only</c> times it in PyTorch: the first 128 Fashion-MNIST
/// training images (pixels / 255), the <see cref="VaeModel"/> (encoder 784-400(ReLU)-{20 mean, 20
/// log-variance}, one reparameterised draw, decoder 20-400(ReLU)-784 logits, loss = Σ BCE-with-logits
/// + analytic KL). Quality: the loss per image (a sanity check: the initial weights are drawn by a
/// different generator), and the bytes allocated per step in the steady state.
/// </summary>
internal sealed class VaeStepCase(bool withAdam, VaePeer peer) : IBenchmarkCase
{
    private const int Batch = 128;

    /// <summary>Both variants, sharing one run of the peer.</summary>
    public static IEnumerable<IBenchmarkCase> All()
    {
        var peer = new VaePeer();
        yield return new VaeStepCase(withAdam: false, peer);
        yield return new VaeStepCase(withAdam: true, peer);
    }

    public string Name => withAdam ? "mlp-step-adam" : "mlp-step";

    public double? Flops => null;

    public PplResult RunPpl(BenchmarkSettings settings)
    {
        var images = FashionMnist.Training(Batch);
        var model = new VaeModel(0, Batch);
        var loss = double.NaN;
        void Step() => loss = model.NegativeElbo(images, Batch, train: true, adamStep: withAdam);

        // As the peer: 20 warm-up steps, then at least 200 timed ones (the median is reported).
        for (var i = 0; i < 20; i++)
        {
            Step();
        }
        var timing = Timing.Measure(Step, settings with { MinRepeats = Math.Max(settings.MinRepeats, 200) });
        // Allocation per step in the steady state: this thread's, and the whole process's (GEMM worker, pool threads).
        const int counted = 50;
        var thread = GC.GetAllocatedBytesForCurrentThread();
        var process = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < counted; i++)
        {
            Step();
        }
        var threadBytes = (GC.GetAllocatedBytesForCurrentThread() - thread) / (double)counted;
        var processBytes = (GC.GetTotalAllocatedBytes(precise: true) - process) / (double)counted;
        return new PplResult(timing, new Dictionary<string, double>
        {
            ["loss_per_image"] = loss / Batch,
            ["allocated_bytes_per_step_thread"] = threadBytes,
            ["allocated_bytes_per_step_process"] = processBytes,
        });
    }

    public PeerResult RunPeer(BenchmarkSettings settings) => peer.Result(settings, withAdam);
}

/// <summary>Runs <c>vae_fmnist.py --batch-only</c> once and hands out its two medians.</summary>
internal sealed class VaePeer
{
    private (PeerResult Plain, PeerResult Adam)? _results;

    /// <summary>The peer's fwd+bwd (or fwd+bwd+Adam) median, running the script on first use.</summary>
    public PeerResult Result(BenchmarkSettings settings, bool withAdam)
    {
        _results ??= Run(settings);
        return withAdam ? _results.Value.Adam : _results.Value.Plain;
    }

    private static (PeerResult, PeerResult) Run(BenchmarkSettings settings)
    {
        var name = $"torch {PythonPeer.Evaluate("__import__('torch').__version__") ?? "(not installed)"} / OpenBLAS SkylakeX, 2 threads";
        var (lines, error) = PythonPeer.Run(settings.SharedFolder, "vae_fmnist.py", "--batch-only", "--tag", "ppl-bench");
        PeerResult Find(string metric)
        {
            foreach (var line in lines)
            {
                if (line.GetProperty("metric").GetString() == metric)
                {
                    var seconds = line.GetProperty("value").GetDouble() / 1e3;
                    return new PeerResult(name, new Timing(seconds, null, null, 200), null, null);
                }
            }
            return PeerResult.NotRun(name, error ?? $"vae_fmnist.py printed no {metric}");
        }
        return (Find("batch128_fwd_bwd_median"), Find("batch128_fwd_bwd_adam_median"));
    }
}
