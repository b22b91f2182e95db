using Ppl.Compiler.Binding;
using Ppl.Compiler.Ir;
using Ppl.Language.Diagnostics;
using Ppl.Tensors;
using Ppl.Tensors.Optim;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Svi;

/// <summary>
/// The training loop: epochs over shuffled data cut into minibatches (the last one of an epoch
/// smaller when B does not divide N, as PyTorch's DataLoader), K particles, Adam, NaN detection.
/// Every step runs in a pooled <see cref="TensorScope"/>, so a steady state reuses its buffers.
/// </summary>
internal sealed class SviTrainer
{
    private readonly SviProgram _program;
    private readonly InferenceOptions _options;
    private readonly RandomSource _random;
    private readonly ModelIr _model;
    private readonly MinibatchSampler _batches;
    private readonly BufferPool _pool = new();

    /// <summary>Creates the trainer.</summary>
    public SviTrainer(SviProgram program, InferenceOptions options, RandomSource random, ModelIr model)
    {
        _program = program;
        _options = options;
        _random = random;
        _model = model;
        _batches = new MinibatchSampler(program, random);
    }

    /// <summary>Steps in one pass over the data (1 without batch plates).</summary>
    public int StepsPerEpoch => _batches.StepsPerEpoch;

    /// <summary>Called at the end of every epoch with its number (from 1), before the next step starts.</summary>
    public Action<int>? EpochEnded { get; set; }

    /// <summary>
    /// The default learning rate: 1e-3 when the model or guide has a net (Adam's and PyTorch's
    /// default, the scale at which MLP weights train stably), else 1e-2 (NumPyro's and Pyro's usual
    /// choice for low-dimensional guides, where 1e-3 needs thousands more steps). DESIGN.md leaves
    /// <c>--lr</c>'s default to the backend; docs/backends/svi.md states this rule.
    /// </summary>
    public static double DefaultLearningRate(ModelIr model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var node in model.Nodes)
        {
            if (node is NetNode)
            {
                return 1e-3;
            }
        }
        foreach (var node in model.Guide?.Nodes ?? [])
        {
            if (node is NetNode)
            {
                return 1e-3;
            }
        }
        return 1e-2;
    }

    /// <summary>Runs Adam; returns the per-step ELBO estimates, the steps taken and whether the ELBO settled.</summary>
    public (List<double> Trace, int Steps, bool Converged) Train(IProgress<InferenceProgress>? progress, CancellationToken ct)
    {
        var perEpoch = StepsPerEpoch;
        var total = _options.Steps ?? (_options.Epochs is int e ? e * perEpoch
            : _program.BatchedPlates.Count > 0 ? 10 * perEpoch : 3000);
        var lr = _options.LearningRate ?? DefaultLearningRate(_model);
        var adam = new Adam(_program.Trainable, lr);
        var particles = Math.Max(1, _options.Particles);
        var trace = new List<double>(total);
        var score = new ScoreFunctionEstimator();
        var report = Math.Max(1, total / 100);
        for (var step = 0; step < total; step++)
        {
            ct.ThrowIfCancellationRequested();
            var value = Step(adam, particles, step, score);
            trace.Add(value);
            if (progress is not null && (step % report == 0 || step == total - 1))
            {
                progress.Report(new InferenceProgress(step + 1, total, value, $"epoch {step / perEpoch + 1}"));
            }
            if ((step + 1) % perEpoch == 0)
            {
                EpochEnded?.Invoke((step + 1) / perEpoch);
            }
        }
        return (trace, total, Settled(trace));
    }

    /// <summary>One Adam step on the mean of <paramref name="particles"/> ELBO estimates.</summary>
    private double Step(Adam adam, int particles, int step, ScoreFunctionEstimator score)
    {
        using var scope = TensorScope.Begin(_pool);
        var frame = _batches.Next();
        adam.ZeroGrad();
        var (elbo, value) = ParticleMean(frame, particles, vectorise: true, step, score);
        (elbo * -1.0).Backward();
        adam.Step();
        score.Update(value);
        return value;
    }

    /// <summary>
    /// The mean of K ELBO estimates on one frame, as a differentiable scalar and its value. When
    /// every random draw of a pass lies in the one batch plate (<see cref="SviProgram.ParticlePlate"/>,
    /// e.g. the VAE), the K particles run as one pass over the minibatch tiled K times along that
    /// plate, local terms weighted N/(K·B): one set of K·B-row GEMMs instead of K passes. Otherwise
    /// (global latents, sampled net weights) K passes are summed in one graph.
    /// </summary>
    /// <remarks>
    /// With a <paramref name="score"/> estimator, each pass contributes its score-function surrogate
    /// (<see cref="ScoreFunctionEstimator.Surrogate"/>) instead of its ELBO, so discrete latents get
    /// their REINFORCE gradient; the reported value stays the ELBO.
    /// </remarks>
    internal (Tensor Elbo, double Value) ParticleMean(PlateFrame frame, int particles, bool vectorise, int step = 0, ScoreFunctionEstimator? score = null)
    {
        if (particles > 1 && vectorise && _program.ParticlePlate is { } plate && frame.Indices(plate) is { } indices)
        {
            var tiled = new int[indices.Length * particles];
            for (var k = 0; k < particles; k++)
            {
                indices.CopyTo(tiled, k * indices.Length);
            }
            var tiledFrame = _program.Frame(new() { [plate] = tiled }, frame.LocalScale / particles, frame.GlobalScale);
            var pass = _program.Run(tiledFrame, _random, particles: particles);
            var value = pass.Elbo.Item();
            return double.IsFinite(value) ? (pass.Elbo, value) : throw BadSite(pass, step);
        }
        var sum = 0.0;
        Tensor? mean = null;
        for (var k = 0; k < particles; k++)
        {
            var pass = _program.Run(frame, _random);
            var value = pass.Elbo.Item();
            if (!double.IsFinite(value))
            {
                throw BadSite(pass, step);
            }
            sum += value;
            var objective = score is null ? pass.Elbo : score.Surrogate(pass, value);
            var term = particles == 1 ? objective : objective * (1.0 / particles);
            mean = mean is null ? term : mean + term;
        }
        return (mean!, sum / particles);
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
                using var scope = TensorScope.Begin(_pool);
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
            using var scope = TensorScope.Begin(_pool);
            var count = Math.Min(chunk, n - start);
            var idx = new int[count];
            for (var i = 0; i < count; i++)
            {
                idx[i] = start + i;
            }
            var frame = _program.Frame(new() { [plate] = idx }, 1, (double)count / n);
            total += _program.Run(frame, _random, dropout: false).Elbo.Item();
        }
        return total;
    }

    /// <summary>
    /// The ELBO of held-out data (e.g. a test set) under the trained parameters, by the same chunked
    /// sum as <see cref="FullDataElbo"/>: <paramref name="data"/> is bound to the same model and
    /// replaces the training data while it runs. Amortised guides only — a local latent with its own
    /// automatic-guide parameters has none for unseen data points.
    /// </summary>
    public double HeldOutElbo(BoundData data)
    {
        using var swap = _program.UseData(data);
        return FullDataElbo();
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
