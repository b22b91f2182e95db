using Ppl.Compiler.Ir;
using Ppl.Language.Diagnostics;
using Ppl.Tensors;
using Ppl.Tensors.Optim;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Svi;

/// <summary>The training loop: minibatches over shuffled epochs, K particles, Adam, NaN detection.</summary>
internal sealed class SviTrainer
{
    private readonly SviProgram _program;
    private readonly InferenceOptions _options;
    private readonly RandomSource _random;
    private readonly ModelIr _model;
    private readonly Dictionary<string, int[]> _permutations = [];
    private readonly Dictionary<string, int> _cursor = [];

    /// <summary>Creates the trainer.</summary>
    public SviTrainer(SviProgram program, InferenceOptions options, RandomSource random, ModelIr model)
    {
        _program = program;
        _options = options;
        _random = random;
        _model = model;
    }

    /// <summary>Steps in one pass over the data (1 without batch plates).</summary>
    public int StepsPerEpoch => _program.BatchedPlates.Count == 0
        ? 1
        : _program.BatchedPlates.Max(kv => (_program.PlateSize(kv.Key) + kv.Value - 1) / kv.Value);

    /// <summary>Runs Adam; returns the per-step ELBO estimates, the steps taken and whether the ELBO settled.</summary>
    public (List<double> Trace, int Steps, bool Converged) Train(IProgress<InferenceProgress>? progress, CancellationToken ct)
    {
        var hasNets = _model.Nodes.Concat(_model.Guide?.Nodes ?? []).OfType<NetNode>().Any();
        var total = _options.Steps ?? (_options.Epochs is int e ? e * StepsPerEpoch
            : _program.BatchedPlates.Count > 0 ? 10 * StepsPerEpoch : 3000);
        var lr = _options.LearningRate ?? (hasNets ? 1e-3 : 1e-2);
        var adam = new Adam(_program.Trainable, lr);
        var particles = Math.Max(1, _options.Particles);
        var trace = new List<double>(total);
        var score = new ScoreFunctionEstimator();
        var report = Math.Max(1, total / 100);
        for (var step = 0; step < total; step++)
        {
            ct.ThrowIfCancellationRequested();
            var frame = NextFrame();
            adam.ZeroGrad();
            var sum = 0.0;
            Tensor? loss = null;
            for (var k = 0; k < particles; k++)
            {
                var pass = _program.Run(frame, _random);
                var value = pass.Elbo.Item();
                if (!double.IsFinite(value))
                {
                    throw BadSite(pass, step);
                }
                sum += value;
                var l = score.Surrogate(pass, value) * (-1.0 / particles);
                loss = loss is null ? l : loss + l;
            }
            loss!.Backward();
            adam.Step();
            score.Update(sum / particles);
            trace.Add(sum / particles);
            if (progress is not null && (step % report == 0 || step == total - 1))
            {
                progress.Report(new InferenceProgress(step + 1, total, sum / particles, $"epoch {step / StepsPerEpoch + 1}"));
            }
        }
        return (trace, total, Settled(trace));
    }

    /// <summary>
    /// The ELBO of the whole data set under the final parameters: with batch plates, the sum over
    /// chunks of the data (local sites weight 1, global sites C/N so that they count once in total);
    /// averaged over 20 estimates without them.
    /// </summary>
    public double FullDataElbo()
    {
        using var noGrad = Tensor.NoGrad();
        if (_program.BatchedPlates.Count == 0)
        {
            var frame = _program.Frame([], 1, 1);
            var sum = 0.0;
            const int estimates = 20;
            for (var i = 0; i < estimates; i++)
            {
                sum += _program.Run(frame, _random, dropout: false).Elbo.Item();
            }
            return sum / estimates;
        }
        var plate = _program.BatchedPlates.Keys.First();
        var n = _program.PlateSize(plate);
        var chunk = Math.Max(_program.BatchedPlates[plate], Math.Min(n, 1000));
        var total = 0.0;
        for (var start = 0; start < n; start += chunk)
        {
            var count = Math.Min(chunk, n - start);
            var idx = Enumerable.Range(start, count).ToArray();
            var frame = _program.Frame(new() { [plate] = idx }, 1, (double)count / n);
            total += _program.Run(frame, _random, dropout: false).Elbo.Item();
        }
        return total;
    }

    private PlateFrame NextFrame()
    {
        if (_program.BatchedPlates.Count == 0)
        {
            return _program.Frame([], 1, 1);
        }
        var indices = new Dictionary<string, int[]>();
        var scale = 1.0;
        foreach (var (plate, batch) in _program.BatchedPlates)
        {
            var n = _program.PlateSize(plate);
            if (!_permutations.TryGetValue(plate, out var perm) || _cursor[plate] + batch > n)
            {
                perm = Enumerable.Range(0, n).ToArray();
                for (var i = n - 1; i > 0; i--)
                {
                    var j = _random.NextInt(i + 1);
                    (perm[i], perm[j]) = (perm[j], perm[i]);
                }
                _permutations[plate] = perm;
                _cursor[plate] = 0;
            }
            indices[plate] = perm.AsSpan(_cursor[plate], batch).ToArray();
            _cursor[plate] += batch;
            scale *= (double)n / batch;
        }
        return _program.Frame(indices, scale, 1);
    }

    private static InferenceException BadSite(PassResult pass, int step)
    {
        foreach (var (node, term) in pass.Terms)
        {
            var value = term.Item();
            if (!double.IsFinite(value))
            {
                return new InferenceException(Diagnostic.Error("SVI002",
                    $"the ELBO became {value} at step {step + 1}: the log-density of '{node.Name}' is {value}",
                    node.Span, "lower the learning rate (--lr) or check the site's parameters and data"));
            }
        }
        return new InferenceException(Diagnostic.Error("SVI002", $"the ELBO became non-finite at step {step + 1}", default));
    }

    /// <summary>
    /// Convergence: the means of the last two windows of the trace differ by less than three
    /// standard errors of their difference or 1e-4 of their size.
    /// </summary>
    private static bool Settled(List<double> trace)
    {
        var w = Math.Min(200, trace.Count / 4);
        if (w < 5)
        {
            return false;
        }
        var last = trace.Skip(trace.Count - w).ToArray();
        var prev = trace.Skip(trace.Count - 2 * w).Take(w).ToArray();
        double m1 = last.Average(), m0 = prev.Average();
        var v = (last.Sum(x => (x - m1) * (x - m1)) + prev.Sum(x => (x - m0) * (x - m0))) / (2 * w - 2);
        var se = Math.Sqrt(2 * v / w);
        return Math.Abs(m1 - m0) <= Math.Max(3 * se, 1e-4 * Math.Abs(m1));
    }
}
