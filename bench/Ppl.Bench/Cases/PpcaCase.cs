using Ppl.Bench.Peers;

namespace Ppl.Bench.Cases;

/// <summary>
/// <c>ppca</c>: probabilistic PCA at N = 50,000, D = 50, M = 5 through the real pipeline (ppca.ppl text →
/// planner → binding → EM backend): one pass for the sufficient statistics, the closed form, and exactly
/// 100 EM iterations (tolerance 0). The peer is NumPy's EM on the data, 100 iterations (<c>ppca.py</c>).
/// Quality: σ² and the log-likelihood gap of the EM iterate to the closed form.
/// </summary>
internal sealed class PpcaCase : IBenchmarkCase
{
    private const int N = 50_000;
    private const int D = 50;
    private const string Model = """
        data x: real[N, D]
        const M = 5
        param W: real[D, M]
        param mu: real[D]
        param sigma2: pos
        plate n in N {
          z[n]: real[M] ~ Normal(0, 1)
          x[n] ~ Normal(W @ z[n] + mu, var: sigma2)
        }
        """;

    public string Name => "ppca";

    public double? Flops => null;

    public PplResult RunPpl(BenchmarkSettings settings)
    {
        var x = EmCaseData.ReadCsv(Path.Combine(settings.SharedFolder, "bench", "peers", "data", "ppca_N50000_D50.csv.gz"), N, D);
        var run = EmCaseData.Prepare(Model, "ppca.ppl", x, N, D, new Inference.InferenceOptions { MaxIterations = 100, Tolerance = 0, Seed = 1 });
        Inference.Results.InferenceResult? last = null;
        var timing = Timing.Measure(() => last = run(), settings);
        return new PplResult(timing, new Dictionary<string, double>
        {
            ["sigma2"] = last!.Param("sigma2")!.Value.ScalarValue,
            ["ml_sigma2"] = last.Diagnostics["closedFormSigma2"],
            ["loglik_gap_to_ml"] = last.Diagnostics["closedFormLogLikelihood"] - last.Elbo,
        });
    }

    public PeerResult RunPeer(BenchmarkSettings settings)
    {
        var (lines, error) = PythonPeer.Run(settings.SharedFolder, "ppca.py");
        var seconds = EmCaseData.Metric(lines, "em_data_100it_seconds");
        var name = $"numpy {PythonPeer.Evaluate("__import__('numpy').__version__") ?? "?"} EM on the data, 100 iterations";
        return seconds is { } s
            ? new PeerResult(name, new Timing(s, s, null, 3), new Dictionary<string, double>
            {
                ["sigma2"] = EmCaseData.Metric(lines, "em_data_sigma2") ?? double.NaN,
                ["closed_form_seconds"] = EmCaseData.Metric(lines, "ml_closed_form_seconds") ?? double.NaN,
                ["em_cov_100it_seconds"] = EmCaseData.Metric(lines, "em_cov_100it_seconds") ?? double.NaN,
            }, null)
            : PeerResult.NotRun(name, error ?? "ppca.py printed no em_data_100it_seconds");
    }
}
