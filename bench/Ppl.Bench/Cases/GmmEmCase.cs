using Ppl.Bench.Peers;

namespace Ppl.Bench.Cases;

/// <summary>
/// <c>gmm-em-{N}</c>: EM for a full-covariance Gaussian mixture, D = 10, K = 8, exactly 100 iterations
/// (tolerance 0), k-means++ initialisation included, through the real pipeline (gmm.ppl text →
/// planner → binding → EM backend), on the first N rows of the peer's data. The peer is scikit-learn's
/// GaussianMixture (<c>gmm_sklearn.py</c>, same data, <c>tol=0</c>, 100 iterations, k-means init), run at N = 100,000.
/// Quality: the final average log-likelihood per point.
/// </summary>
internal sealed class GmmEmCase(int n, GmmPeer peer) : IBenchmarkCase
{
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
            yield return new GmmEmCase(n, peer);
        }
    }

    public string Name => $"gmm-em-{n}";

    public double? Flops => null;

    public PplResult RunPpl(BenchmarkSettings settings)
    {
        var x = EmCaseData.ReadCsv(Path.Combine(settings.SharedFolder, "bench", "peers", "data", "gmm_N100000_D10_K8.csv.gz"), n, D);
        var run = EmCaseData.Prepare(Model, "gmm.ppl", x, n, D, new Inference.InferenceOptions { MaxIterations = 100, Tolerance = 0, Seed = 1 });
        Inference.Results.InferenceResult? last = null;
        var timing = Timing.Measure(() => last = run(), settings);
        return new PplResult(timing, new Dictionary<string, double>
        {
            ["avg_loglik"] = last!.Elbo / n,
            ["iterations"] = last.Iterations,
            ["seconds_per_iteration"] = timing.Median / last.Iterations,
        });
    }

    public PeerResult RunPeer(BenchmarkSettings settings) => n == 100_000
        ? peer.Result(settings)
        : PeerResult.NotRun("sklearn GaussianMixture", "the peer script runs N = 100,000 only");
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
