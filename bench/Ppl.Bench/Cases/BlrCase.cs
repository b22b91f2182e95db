using Ppl.Bench.Peers;
using Ppl.Inference;
using Ppl.StdLib.Data;
using Ppl.Tensors.Random;

namespace Ppl.Bench.Cases;

/// <summary>
/// <c>blr</c> and <c>blr-evidence</c>: Bayesian linear regression at N = 1,000,000, D = 50 (true α = 1,
/// β = 25, data simulated here with the same distribution as blr.py), through the vmp backend from a
/// bound model: the closed form at α = 1, β = 25 beside NumPy's closed form, and evidence maximisation
/// (params α, β) beside scikit-learn's BayesianRidge. Quality: log evidence, max |m − w_true|, α, β.
/// Timed, like the peer's closed form on arrays already in memory: the backend's run on bound data —
/// building the factor graph (the one pass for XᵀX, Xᵀy, yᵀy), the iterations (D×D solves), the
/// summaries; not compiling (reported apart as compile_and_plan_seconds) nor binding the data.
/// The <c>blr</c> sweep (<see cref="Sweeps.BlrSweep"/>) runs the closed form at other N.
/// </summary>
internal sealed class BlrCase(bool evidence, ScriptPeer? peer, int n = 1_000_000, Func<BenchmarkSettings, PeerResult>? sweepPeer = null) : IBenchmarkCase
{
    private const int D = 50;

    private static (int N, double[] X, double[] Y, double[] W)? _data;

    public static IEnumerable<IBenchmarkCase> All()
    {
        var peer = new ScriptPeer("blr.py", "numpy closed form / sklearn BayesianRidge, 2 threads");
        yield return new BlrCase(false, peer);
        yield return new BlrCase(true, peer);
    }

    public string Name => sweepPeer is not null ? $"blr-{n}" : evidence ? "blr-evidence" : "blr";

    public double? Flops => 1.0 * n * D * D;

    private (double[] X, double[] Y, double[] W) Data()
    {
        if (_data is { } d && d.N == n)
        {
            return (d.X, d.Y, d.W);
        }
        _data = null;
        var N = n;
        var random = new RandomSource(5);
        var x = new double[N * D];
        random.FillNormal(x);
        var w = new double[D];
        random.FillNormal(w);
        var y = new double[N];
        for (var i = 0; i < N; i++)
        {
            y[i] = System.Numerics.Tensors.TensorPrimitives.Dot<double>(x.AsSpan(i * D, D), w) + 0.2 * random.NextNormal();
        }
        _data = (n, x, y, w);
        return (x, y, w);
    }

    public PplResult RunPpl(BenchmarkSettings settings)
    {
        var (x, y, w) = Data();
        var source = evidence
            ? "data X: real[N, D]\ndata y: real[N]\nparam alpha: pos\nparam beta: pos\nw: real[D] ~ Normal(0, precision: alpha)\ny ~ Normal(X @ w, precision: beta)"
            : "data X: real[N, D]\ndata y: real[N]\nw: real[D] ~ Normal(0, precision: 1)\ny ~ Normal(X @ w, precision: 25)";
        var model = new VmpModels(source, new InferenceOptions(),
            DataArray.FromValues("X", [n, D], DataElementKind.Real, x), DataArray.FromValues("y", [n], DataElementKind.Real, y));
        Inference.Results.InferenceResult? result = null;
        var timing = Timing.Measure(() => result = model.Run(), settings);
        var mean = result!.Posterior("w")!.Mean.Values;
        var quality = new Dictionary<string, double>
        {
            ["log_evidence"] = result.LogEvidence ?? double.NaN,
            ["max_abs_err_vs_w_true"] = mean.Select((m, i) => Math.Abs(m - w[i])).Max(),
            ["iterations"] = result.Iterations,
            ["compile_and_plan_seconds"] = VmpModels.CompileSeconds(source),
        };
        if (evidence)
        {
            quality["alpha"] = result.Param("alpha")!.Value.ScalarValue;
            quality["beta"] = result.Param("beta")!.Value.ScalarValue;
        }
        return new PplResult(timing, quality);
    }

    public PeerResult RunPeer(BenchmarkSettings settings) => sweepPeer is not null ? sweepPeer(settings)
        : evidence ? peer!.Result(settings, "bayesianridge_seconds", "closed_form_log_evidence_at_sklearn_hypers")
        : peer!.Result(settings, "closed_form_seconds", "closed_form_log_evidence", "closed_form_max_abs_err_vs_w_true");
}
