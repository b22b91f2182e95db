using Ppl.Bench.Peers;

namespace Ppl.Bench.Cases;

/// <summary>
/// <c>gmm-em-{N}</c>: EM for a full-covariance Gaussian mixture, D = 10, K = 8, exactly 100 iterations
/// (tolerance 0), k-means++ initialisation included, through the real pipeline (gmm.ppl text →
/// planner → binding → EM backend), on the first N rows of the peer's data. The peer is scikit-learn's
/// GaussianMixture (<c>gmm_sklearn.py</c>, same data, <c>tol=0</c>, 100 iterations, k-means init), run at N = 100,000.
/// The <c>gmm-em</c> sweep (<see cref="Sweeps.GmmEmSweep"/>) uses the same case with fewer iterations
/// (named <c>gmm-em-{N}-it{iterations}</c>), rows beyond 100,000 repeating the data.
/// Quality: the final average log-likelihood per point.
/// </summary>
internal sealed class GmmEmCase(int n, int iterations, Func<BenchmarkSettings, PeerResult> peer) : IBenchmarkCase
{
    private const int DataRows = 100_000;

    private const int D = 10;
    private const string Model = """
        data x: real[N, D]
        const K = 8
        param weights: simplex[K]
        param mu: real[K, D]
        param Sigma: cov[K, D]
        plate n in N {
          z[n] ~ Categorical(weights)
          x[n] ~ MvNormal(mu[z[n]], Sigma[z[n]])
        }
        """;

    /// <summary>The N sweep.</summary>
    public static IEnumerable<IBenchmarkCase> All()
    {
        var peer = new GmmPeer();
        foreach (var n in new[] { 10_000, 100_000 })
        {
            yield return new GmmEmCase(n, 100, settings => n == DataRows
                ? peer.Result(settings)
                : PeerResult.NotRun("sklearn GaussianMixture", "the peer script runs N = 100,000 only"));
        }
    }

    public string Name => iterations == 100 ? $"gmm-em-{n}" : $"gmm-em-{n}-it{iterations}";

    /// <summary>The peers' data file.</summary>
    public static string DataPath(BenchmarkSettings settings) =>
        Path.Combine(settings.SharedFolder, "bench", "peers", "data", "gmm_N100000_D10_K8.csv.gz");

    public double? Flops => null;

    public PplResult RunPpl(BenchmarkSettings settings)
    {
        var rows = EmCaseData.ReadCsv(DataPath(settings), Math.Min(n, DataRows), D);
        var x = new double[n * D];
        for (var start = 0; start < x.Length; start += rows.Length)
        {
            rows.AsSpan(0, Math.Min(rows.Length, x.Length - start)).CopyTo(x.AsSpan(start));
        }
        var run = EmCaseData.Prepare(Model, "gmm.ppl", x, n, D, new Inference.InferenceOptions { MaxIterations = iterations, Tolerance = 0, Seed = 1 });
        Inference.Results.InferenceResult? last = null;
        var timing = Timing.Measure(() => last = run(), settings);
        return new PplResult(timing, new Dictionary<string, double>
        {
            ["avg_loglik"] = last!.Elbo / n,
            ["iterations"] = last.Iterations,
            ["seconds_per_iteration"] = timing.Median / last.Iterations,
        });
    }

    public PeerResult RunPeer(BenchmarkSettings settings) => peer(settings);
}

/// <summary>Runs <c>gmm_sklearn.py</c> once and keeps its GaussianMixture timing.</summary>
internal sealed class GmmPeer
{
    private PeerResult? _result;

    public PeerResult Result(BenchmarkSettings settings)
    {
        if (_result is null)
        {
            var (lines, error) = PythonPeer.Run(settings.SharedFolder, "gmm_sklearn.py");
            var seconds = EmCaseData.Metric(lines, "gm_fit_seconds");
            var name = $"sklearn {PythonPeer.Evaluate("__import__('sklearn').__version__") ?? "?"} GaussianMixture, 2 threads";
            _result = seconds is { } s
                ? new PeerResult(name, new Timing(s, s, null, 1), new Dictionary<string, double>
                {
                    ["avg_loglik"] = EmCaseData.Metric(lines, "gm_score_avg_loglik") ?? double.NaN,
                    ["seconds_per_iteration"] = EmCaseData.Metric(lines, "gm_seconds_per_em_iteration") ?? double.NaN,
                }, null)
                : PeerResult.NotRun(name, error ?? "gmm_sklearn.py printed no gm_fit_seconds");
        }
        return _result;
    }
}
