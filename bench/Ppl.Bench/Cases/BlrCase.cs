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
/// </summary>
internal sealed class BlrCase(bool evidence, ScriptPeer peer) : IBenchmarkCase
{
    private const int N = 1_000_000;
    private const int D = 50;

    private static (double[] X, double[] Y, double[] W)? _data;

    public static IEnumerable<IBenchmarkCase> All()
    {
        var peer = new ScriptPeer("blr.py", "numpy closed form / sklearn BayesianRidge, 2 threads");
        yield return new BlrCase(false, peer);
        yield return new BlrCase(true, peer);
    }

    public string Name => evidence ? "blr-evidence" : "blr";

    public double? Flops => 1.0 * N * D * D;

    private static (double[] X, double[] Y, double[] W) Data()
    {
        if (_data is { } d)
        {
            return d;
        }
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
        _data = (x, y, w);
        return _data.Value;
    }

    public PplResult RunPpl(BenchmarkSettings settings)
    {
        var (x, y, w) = Data();
        var source = evidence
            ? "data X: real[N, D]\ndata y: real[N]\nparam alpha: pos\nparam beta: pos\nw: real[D] ~ Normal(0, precision: alpha)\ny ~ Normal(X @ w, precision: beta)"
            : "data X: real[N, D]\ndata y: real[N]\nw: real[D] ~ Normal(0, precision: 1)\ny ~ Normal(X @ w, precision: 25)";
        var model = new VmpModels(source, new InferenceOptions(),
            DataArray.FromValues("X", [N, D], DataElementKind.Real, x), DataArray.FromValues("y", [N], DataElementKind.Real, y));
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

    public PeerResult RunPeer(BenchmarkSettings settings) => evidence
        ? peer.Result(settings, "bayesianridge_seconds", "closed_form_log_evidence_at_sklearn_hypers")
        : peer.Result(settings, "closed_form_seconds", "closed_form_log_evidence", "closed_form_max_abs_err_vs_w_true");
}
