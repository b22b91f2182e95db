using System.Diagnostics;
using Ppl.Compiler;
using Ppl.Compiler.Binding;
using Ppl.Compiler.Planning;
using Ppl.Inference.Svi;
using Ppl.StdLib.Data;
using Ppl.Tensors;
using Ppl.Tensors.Optim;
using Ppl.Tensors.Random;

namespace Ppl.Bench.Cases;

/// <summary>
/// <c>svi-vae-step</c>: one training step (forward, backward, Adam) of <c>examples/vae/vae.ppl</c>
/// through the SVI backend's compiled program on the first 128 Fashion-MNIST images, interleaved
/// step by step with the hand-written <see cref="VaeModel"/> step on the same batch, so that the
/// ratio of the two survives a loaded machine. Beside the peer's <c>batch128_fwd_bwd_adam_median</c>.
/// Quality: the hand-written step's median (ms), the backend's median split into its program pass
/// (forward: the guide and model passes), backward and Adam (ms), the ratio backend / hand-written,
/// and the bytes the backend step allocates in the steady state.
/// </summary>
internal sealed class SviVaeStepCase(string repositoryRoot, VaePeer peer) : IBenchmarkCase
{
    private const int Batch = 128;
    private const int Warmup = 20;
    private const int Timed = 200;

    public string Name => "svi-vae-step";

    public double? Flops => null;

    public PplResult RunPpl(BenchmarkSettings settings)
    {
        var source = File.ReadAllText(Path.Combine(repositoryRoot, "examples", "vae", "vae.ppl"));
        var model = Compilation.Compile(source, "vae.ppl").Ir!;
        var images = FashionMnist.Training(Batch);
        var doubles = Array.ConvertAll(images, v => (double)v);
        var bound = DataBinder.Bind(model, new DataSet([DataArray.FromValues("x", [Batch, FashionMnist.Pixels], DataElementKind.Real, doubles)]));
        var data = bound.Data ?? throw new InvalidDataException(string.Join("; ", bound.Diagnostics.Select(d => d.Message)));
        _ = Planner.Plan(model, Backend.Svi, source);
        var random = new RandomSource(0);
        var program = new SviProgram(model, data, DType.Float32, "auto", random.Split());
        var adam = new Adam(program.Trainable, 1e-3);
        var pool = new BufferPool();
        var frame = program.Frame(new() { ["n"] = [.. Enumerable.Range(0, Batch)] }, 1, 1);
        var engine = new VaeModel(0, Batch);

        double forward = 0, backward = 0, step = 0;
        void BackendStep()
        {
            using var scope = TensorScope.Begin(pool);
            var t0 = Stopwatch.GetTimestamp();
            adam.ZeroGrad();
            var pass = program.Run(frame, random);
            _ = pass.Elbo.Item();
            var t1 = Stopwatch.GetTimestamp();
            (pass.Elbo * -1.0).Backward();
            var t2 = Stopwatch.GetTimestamp();
            adam.Step();
            var t3 = Stopwatch.GetTimestamp();
            forward = Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
            backward = Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds;
            step = Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds;
        }

        for (var i = 0; i < Warmup; i++)
        {
            BackendStep();
            engine.NegativeElbo(images, Batch, train: true, adamStep: true);
        }
        var backendTimes = new List<double>();
        var engineTimes = new List<double>();
        var forwards = new List<double>();
        var backwards = new List<double>();
        var steps = new List<double>();
        for (var i = 0; i < Timed; i++)
        {
            var start = Stopwatch.GetTimestamp();
            BackendStep();
            backendTimes.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
            forwards.Add(forward);
            backwards.Add(backward);
            steps.Add(step);
            start = Stopwatch.GetTimestamp();
            engine.NegativeElbo(images, Batch, train: true, adamStep: true);
            engineTimes.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        const int counted = 50;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < counted; i++)
        {
            BackendStep();
        }
        var bytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)counted;
        var backendMedian = Median(backendTimes);
        var engineMedian = Median(engineTimes);
        return new PplResult(Timing.Of(backendTimes), new Dictionary<string, double>
        {
            ["engine_step_ms"] = engineMedian * 1e3,
            ["backend_forward_ms"] = Median(forwards),
            ["backend_backward_ms"] = Median(backwards),
            ["backend_adam_ms"] = Median(steps),
            ["backend_over_engine"] = backendMedian / engineMedian,
            ["allocated_bytes_per_step_process"] = bytes,
        });
    }

    public PeerResult RunPeer(BenchmarkSettings settings) => peer.Result(settings, withAdam: true);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
