using System.Globalization;
using Ppl.Bench.Cases;
using Ppl.Bench.Peers;

namespace Ppl.Bench.Sweeps;

/// <summary>
/// <c>blr</c> over the number of rows N (default 10³…10⁶, D = 50): the vmp backend's closed form beside
/// NumPy's (<c>Peers/blr_sweep.py</c>, which imports blr.py's closed form) at each N. Time should grow
/// as N once the one pass over the data dominates the D×D solve; a smaller exponent at small N shows
/// the fixed cost of building the model and solving.
/// </summary>
/// <param name="repositoryRoot">The repository, whose <c>bench/Ppl.Bench/Peers</c> holds the peer script.</param>
internal sealed class BlrSweep(string repositoryRoot) : ISweepable
{
    public string Family => "blr";

    public string Parameter => "N";

    public IReadOnlyList<long> DefaultValues { get; } = [1_000, 10_000, 100_000, 1_000_000];

    public IBenchmarkCase At(long value)
    {
        var n = checked((int)value);
        return new BlrCase(false, null, n, settings => Peer(settings, n));
    }

    private PeerResult Peer(BenchmarkSettings settings, int n)
    {
        const string name = "numpy closed form (blr.py's), 2 threads";
        var script = Path.Combine(repositoryRoot, "bench", "Ppl.Bench", "Peers", "blr_sweep.py");
        var (lines, error) = PythonPeer.RunScript(script, Path.Combine(settings.SharedFolder, "bench", "peers"), n.ToString(CultureInfo.InvariantCulture));
        if (lines.Count == 0)
        {
            return PeerResult.NotRun(name, error ?? "blr_sweep.py printed no line");
        }

        var line = lines[0];
        var timing = new Timing(line.GetProperty("value").GetDouble(), line.GetProperty("seconds_min").GetDouble(), null, line.GetProperty("reps").GetInt32());
        var quality = new Dictionary<string, double>
        {
            ["log_evidence"] = line.GetProperty("log_evidence").GetDouble(),
            ["max_abs_err_vs_w_true"] = line.GetProperty("max_abs_err_vs_w_true").GetDouble(),
        };
        return new PeerResult(name, timing, quality, null);
    }
}
