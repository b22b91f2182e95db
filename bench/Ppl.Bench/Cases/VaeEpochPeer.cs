using System.Text.Json;
using Ppl.Bench.Peers;

namespace Ppl.Bench.Cases;

/// <summary>
/// Runs <c>vae_fmnist.py</c> in full once (5 epochs, then the test ELBO) and hands its result to both
/// epoch cases, <c>vae-epoch-engine</c> and <c>vae-epoch</c>: the median of its five epoch times, the
/// running-mean training ELBO of the last epoch, the test ELBO per image and IWAE(k = 100) per
/// image on the first 1,000 test images.
/// </summary>
internal sealed class VaeEpochPeer
{
    private PeerResult? _result;

    /// <summary>The peer's result, running the script on first use.</summary>
    public PeerResult Result(BenchmarkSettings settings) => _result ??= Run(settings);

    private static PeerResult Run(BenchmarkSettings settings)
    {
        var name = $"torch {PythonPeer.Evaluate("__import__('torch').__version__") ?? "(not installed)"} / OpenBLAS SkylakeX, 2 threads";
        var (lines, error) = PythonPeer.Run(settings.SharedFolder, "vae_fmnist.py", "--tag", "ppl-bench");
        var epochs = new List<double>();
        var quality = new Dictionary<string, double>();
        foreach (var line in lines)
        {
            var value = line.GetProperty("value");
            switch (line.GetProperty("metric").GetString())
            {
                case "epoch":
                    epochs.Add(value.GetProperty("seconds").GetDouble());
                    quality["train_elbo_last_epoch"] = value.GetProperty("train_elbo_running_avg").GetDouble();
                    break;
                case "test_elbo_after_5_epochs" when value.ValueKind == JsonValueKind.Number:
                    quality["test_elbo"] = value.GetDouble();
                    break;
                case "test_iwae_k100_loglik_first1000" when value.ValueKind == JsonValueKind.Number:
                    quality["test_iwae_k100_first1000"] = value.GetDouble();
                    break;
                default:
                    break;
            }
        }
        return epochs.Count == 0
            ? PeerResult.NotRun(name, error ?? "vae_fmnist.py printed no epoch")
            : new PeerResult(name, Timing.Of(epochs), quality, null);
    }
}
