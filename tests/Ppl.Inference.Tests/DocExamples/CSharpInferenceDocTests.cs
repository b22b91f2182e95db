using Ppl.Compiler.Binding;
using Ppl.Compiler.Fluent;
using Ppl.Compiler.Ir;
using Ppl.Compiler.Planning;
using Ppl.Inference.Results;
using Ppl.Language.Diagnostics;
using Ppl.StdLib.Data;

namespace Ppl.Inference.Tests.DocExamples;

/// <summary>
/// docs/csharp.md, "Running inference", verbatim: <see cref="RunCoin"/> and the start of
/// <see cref="Results_read_as_the_page_shows"/> are the page's blocks. The backend is an exact
/// Beta-Bernoulli stand-in, so the page's code is checked against a closed form without depending on
/// any backend's internals.
/// </summary>
public sealed class CSharpInferenceDocTests
{
    [Fact]
    public void Results_read_as_the_page_shows()
    {
        var backends = new BackendRegistry([new ExactCoinBackend()]);

        InferenceResult result = RunCoin(backends);
        Posterior theta = result.Posterior("theta")!;
        double mean = theta.Mean.ScalarValue;
        double a = theta.Parameters["a"].ScalarValue;
        double b = theta.Parameters["b"].ScalarValue;
        double? logEvidence = result.LogEvidence;

        // 7 heads in 10 flips under Beta(1, 1): Beta(8, 4), evidence B(8, 4) / B(1, 1).
        Assert.Equal(8, a);
        Assert.Equal(4, b);
        Assert.Equal(2.0 / 3.0, mean, 12);
        Assert.Equal(-7.185387015580417, logEvidence!.Value, 10);
        Assert.Equal("coin.ppl", result.Model);
        Assert.Equal(42UL, ExactCoinBackend.LastSeed);
    }

    [Fact]
    public void A_registry_without_the_chosen_backend_is_an_error_not_a_wrong_answer()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => RunCoin(new BackendRegistry([])));
        Assert.Contains("no vmp backend", ex.Message, StringComparison.Ordinal);
    }

    private static InferenceResult RunCoin(BackendRegistry backends)
    {
        PplModel model = PplModel.Parse("""
            data flips: bool[N]
            theta ~ Beta(1, 1)
            plate n in N { flips[n] ~ Bernoulli(theta) }
            """, "coin.ppl");
        ModelIr ir = model.RequireIr();

        double[] flips = [1, 0, 1, 1, 0, 1, 1, 1, 0, 1];
        var data = new DataSet([DataArray.FromValues("flips", [flips.Length], DataElementKind.Boolean, flips)]);
        BindingResult bound = DataBinder.Bind(ir, data);
        if (bound.HasErrors)
        {
            throw new PplModelException(DiagnosticRenderer.Render(bound.Diagnostics, model.Source));
        }

        Plan plan = model.Plan();
        IInferenceBackend backend = backends.Find(plan.Chosen!.Value)
            ?? throw new InvalidOperationException($"no {plan.Chosen.Value.Name()} backend in this build");
        var request = new InferenceRequest(ir, plan, bound.Data!, new InferenceOptions { Seed = 42 }, model.File);
        return backend.Run(request);
    }

    /// <summary>The conjugate update Beta(1 + heads, 1 + tails) from the bound data (Bishop 2006, eq. 2.18).</summary>
    private sealed class ExactCoinBackend : IInferenceBackend
    {
        public static ulong LastSeed { get; private set; }

        public Backend Kind => Backend.Vmp;

        public InferenceResult Run(InferenceRequest request, IProgress<InferenceProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            LastSeed = request.Options.Seed;
            var flips = request.Data["flips"].Integers!;
            double heads = flips.Sum();
            double tails = flips.Length - heads;
            var (a, b) = (1 + heads, 1 + tails);
            var mean = a / (a + b);
            var sd = Math.Sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)));
            var logEvidence = LogBeta(a, b) - LogBeta(1, 1);
            var nan = NdArray.Scalar(double.NaN);
            var theta = new Posterior("theta", "Beta",
                new Dictionary<string, NdArray> { ["a"] = NdArray.Scalar(a), ["b"] = NdArray.Scalar(b) },
                NdArray.Scalar(mean), NdArray.Scalar(sd), nan, nan, nan);
            return new InferenceResult(request.ModelName, "vmp", true, 1, logEvidence, logEvidence, [theta], [], [logEvidence]);
        }

        // ln B(a, b) for integer a, b: ln((a−1)!(b−1)!/(a+b−1)!).
        private static double LogBeta(double a, double b) => LogFactorial(a - 1) + LogFactorial(b - 1) - LogFactorial(a + b - 1);

        private static double LogFactorial(double n)
        {
            var sum = 0.0;
            for (var k = 2; k <= n; k++)
            {
                sum += Math.Log(k);
            }

            return sum;
        }
    }
}
