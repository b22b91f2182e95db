using Ppl.Bench.Cases;
using Ppl.Bench.Peers;

namespace Ppl.Bench.Sweeps;

/// <summary>
/// <c>gmm-em</c> over the number of points N (default 10³…10⁶): full-covariance EM with D = 10, K = 8
/// and a fixed <see cref="Iterations"/> (tolerance 0, k-means++ included), beside scikit-learn at every N
/// with the same iteration count (<c>bench/peers/gmm_em_sweep_sklearn.py</c>). Time should grow as N¹;
/// a smaller exponent at small N shows fixed costs (threads, initialisation). Beyond the 100,000 rows of
/// the peers' data the rows repeat (row i is row i mod 100,000), on both sides.
/// </summary>
internal sealed class GmmEmSweep(string repositoryRoot) : ISweepable
{
    /// <summary>EM iterations at every point: few, so that the sweep takes minutes, not an hour.</summary>
    public const int Iterations = 10;

    private readonly GmmSweepPeer _peer = new(repositoryRoot);

    public string Family => "gmm-em";

    public string Parameter => "N";

    public IReadOnlyList<long> DefaultValues { get; } = [1_000, 10_000, 100_000, 1_000_000];

    public IBenchmarkCase At(long value) => new GmmEmCase(checked((int)value), Iterations, _peer.At(checked((int)value)));
}

/// <summary>Runs the sweep's scikit-learn script once per N and keeps the fit time.</summary>
internal sealed class GmmSweepPeer(string repositoryRoot)
{
    private readonly Dictionary<int, PeerResult> _results = [];

    /// <summary>The peer of the point at <paramref name="n"/>.</summary>
    public Func<BenchmarkSettings, PeerResult> At(int n) => settings => Result(settings, n);

    private PeerResult Result(BenchmarkSettings settings, int n)
    {
        if (!_results.TryGetValue(n, out var result))
        {
            var script = Path.Combine(repositoryRoot, "bench", "peers", "gmm_em_sweep_sklearn.py");
            // PythonPeer.Run combines the shared folder with the script name; an absolute path stays as given.
            var (lines, error) = PythonPeer.Run(settings.SharedFolder, script, GmmEmCase.DataPath(settings), GmmEmSweep.Iterations.ToString(System.Globalization.CultureInfo.InvariantCulture), n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var seconds = EmCaseData.Metric(lines, "fit_seconds");
            const string name = "sklearn GaussianMixture, 2 threads";
            result = seconds is { } s
                ? new PeerResult(name, new Timing(s, s, null, 1), new Dictionary<string, double>
                {
                    ["avg_loglik"] = lines[0].GetProperty("avg_loglik").GetDouble(),
                    ["iterations"] = lines[0].GetProperty("iterations").GetDouble(),
                    ["seconds_per_iteration"] = s / GmmEmSweep.Iterations,
                }, null)
                : PeerResult.NotRun(name, error ?? "gmm_em_sweep_sklearn.py printed no fit_seconds");
            _results[n] = result;
        }
        return result;
    }
}
