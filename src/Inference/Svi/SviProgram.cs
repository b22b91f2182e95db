using Ppl.Compiler.Binding;
using Ppl.Compiler.Ir;
using Ppl.Tensors;
using Ppl.Tensors.Nn;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Svi;

/// <summary>
/// The model and its guide compiled once into a log-joint program over tensors (Pyro's
/// trace/replay, written as two passes): the guide pass draws every latent by reparameterisation and
/// records log q; the model pass evaluates the IR in dependency order and adds each site's
/// log-density summed over its plates, weighted by the plate frame. Built once per run; each step
/// reuses the compiled sites and the trainable tensors.
/// </summary>
internal sealed partial class SviProgram
{
    private readonly ModelIr _model;
    private readonly ExpressionEvaluator _ev;
    private readonly Dictionary<string, Tensor> _data = [];
    private readonly Dictionary<string, (Tensor Raw, LatentTransform Transform)> _params = [];
    private readonly Dictionary<string, NetState> _nets = [];
    private readonly Dictionary<string, Tensor[]> _netWeights = [];
    private readonly Dictionary<string, (Tensor[] Loc, Tensor[] Rho)> _bayesNets = [];
    private readonly Dictionary<string, AutoSite> _auto = [];
    private readonly HashSet<string> _guided = [];
    private readonly HashSet<string> _predicted = [];
    private readonly List<Tensor> _trainable = [];
    private readonly Dictionary<string, int> _plateSizes = [];
    private readonly bool _delta;
    private int _particles = 1;

    /// <summary>Compiles the program.</summary>
    public SviProgram(ModelIr model, BoundData data, DType dtype, string guide, RandomSource random, int rank = 2)
    {
        _model = model;
        _ev = new ExpressionEvaluator(data.Sizes, dtype);
        _delta = guide == "delta";
        if (guide is not ("auto" or "normal" or "delta" or "lowrank"))
        {
            throw ExpressionEvaluator.Unsupported($"the '{guide}' guide (available: auto, normal, delta, lowrank)");
        }
        _lowRankSites = guide == "lowrank" ? [] : null;
        foreach (var plate in model.Plates.Concat(model.Guide?.Plates ?? []))
        {
            _plateSizes[plate.Index] = _ev.Resolve(plate.Size);
            if (plate.Batch is int b)
            {
                BatchedPlates[plate.Index] = Math.Min(b, _plateSizes[plate.Index]);
            }
        }
        LoadData(data);
        var guideNodes = model.Guide?.Nodes ?? [];
        foreach (var node in guideNodes.OfType<RandomNode>())
        {
            _guided.Add(node.Name);
        }
        var referenced = model.Nodes.SelectMany(IrWalker.Dependencies).ToHashSet();
        foreach (var node in model.Nodes.Concat(guideNodes))
        {
            switch (node)
            {
                case ConstNode c:
                    _ev.Consts[c.Name] = c.Value;
                    break;
                case ParamNode p:
                    AddParam(p, random);
                    break;
                case NetNode n:
                    AddNet(n, random);
                    break;
                case RandomNode { IsObserved: false } r when model.Nodes.Contains(r) && !_guided.Contains(r.Name):
                    if (!referenced.Contains(r.Name) && !data.Arrays.ContainsKey(r.Name))
                    {
                        _predicted.Add(r.Name);
                    }
                    else
                    {
                        AddAuto(r);
                    }
                    break;
            }
        }
        BuildLowRank(rank, random);
        ParticlePlate = FindParticlePlate();
        _drawFree = DrawFreeNames(model);
    }

    private string? FindParticlePlate()
    {
        if (BatchedPlates.Count != 1 || _bayesNets.Count != 0 || _discrete.Count != 0 || LowRank is not null)
        {
            return null;
        }
        var plate = BatchedPlates.Keys.First();
        var local = _auto.Values.All(a => a.Node.Plates.Contains(plate))
            && (_model.Guide?.Nodes ?? []).OfType<RandomNode>().All(r => r.Plates.Contains(plate));
        return local ? plate : null;
    }

    /// <summary>Subsampled plates and their batch sizes.</summary>
    public Dictionary<string, int> BatchedPlates { get; } = [];

    /// <summary>
    /// The batch plate along which K particles can be tiled, or null: the only batch plate, when
    /// every draw of a pass (automatic-guide latents, guide sites) lies in it and no net has sampled
    /// weights — then repeating the minibatch positions K times gives K independent draws per data
    /// point and nothing global is shared between particles.
    /// </summary>
    public string? ParticlePlate { get; private set; }

    /// <summary>Every tensor Adam updates.</summary>
    public IReadOnlyList<Tensor> Trainable => _trainable;

    /// <summary>The full length of a plate.</summary>
    public int PlateSize(string plate) => _plateSizes[plate];

    /// <summary>The latents summarised from the automatic guide.</summary>
    public IEnumerable<RandomNode> AutoLatents => _auto.Values.Select(a => a.Node);

    /// <summary>The latents drawn by the user's guide.</summary>
    public IEnumerable<RandomNode> GuidedLatents => _model.Nodes.OfType<RandomNode>().Where(r => _guided.Contains(r.Name));

    /// <summary>Unobserved leaves: predictions, drawn from the model given the guide's draws.</summary>
    public IEnumerable<RandomNode> Predicted => _model.Nodes.OfType<RandomNode>().Where(r => _predicted.Contains(r.Name));

    /// <summary>Model params, constrained, by name.</summary>
    public IEnumerable<(string Name, Tensor Value)> ModelParams =>
        _model.Nodes.OfType<ParamNode>().Select(p => (p.Name, LatentTransforms.Forward(_params[p.Name].Transform, _params[p.Name].Raw)));

    /// <summary>Location and scale of each Bayes-by-Backprop net's weights.</summary>
    public IEnumerable<(string Net, Tensor[] Loc, Tensor[] Rho)> BayesNets => _bayesNets.Select(kv => (kv.Key, kv.Value.Loc, kv.Value.Rho));

    /// <summary>Frame for a step: batched plates draw their positions from <paramref name="indices"/>.</summary>
    public PlateFrame Frame(Dictionary<string, int[]> indices, double localScale, double globalScale)
    {
        var sizes = new Dictionary<string, int>(_plateSizes);
        foreach (var (plate, idx) in indices)
        {
            sizes[plate] = idx.Length;
        }
        return new PlateFrame(sizes, indices, localScale, globalScale);
    }

    /// <summary>
    /// Replaces the data arrays (and the plate sizes they bind) by <paramref name="data"/>, bound to
    /// the same model, until the returned scope ends: how held-out data is evaluated under the
    /// trained parameters. Refused when a plate that changes size carries automatic-guide latents,
    /// whose parameters exist only for the training positions.
    /// </summary>
    public IDisposable UseData(BoundData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var saved = (new Dictionary<string, Tensor>(_data), new Dictionary<string, int>(_plateSizes),
            new Dictionary<string, int>(BatchedPlates), _ev.Sizes);
        var swap = new DataSwap(this, saved);
        _ev.Sizes = data.Sizes;
        foreach (var plate in _model.Plates.Concat(_model.Guide?.Plates ?? []))
        {
            var size = _ev.Resolve(plate.Size);
            if (size != _plateSizes[plate.Index] && _auto.Values.FirstOrDefault(a => a.Node.Plates.Contains(plate.Index)) is { } local)
            {
                swap.Dispose();
                throw ExpressionEvaluator.Unsupported($"held-out data for plate '{plate.Index}': the latent '{local.Node.Name}' has guide parameters only for the training data (write an amortised guide)");
            }
            _plateSizes[plate.Index] = size;
            if (plate.Batch is int b)
            {
                BatchedPlates[plate.Index] = Math.Min(b, size);
            }
        }
        LoadData(data);
        _ev.ClearConstants();
        return swap;
    }

    private void LoadData(BoundData data)
    {
        foreach (var (name, array) in data.Arrays)
        {
            var shape = array.Shape.AsSpan();
            if (array.Reals is { } reals)
            {
                _data[name] = ExpressionEvaluator.Persistent(reals, _ev.DType, shape);
            }
            else
            {
                _data[name] = ExpressionEvaluator.Persistent([.. array.Integers!.Select(i => (double)i)], _ev.DType, shape);
            }
        }
    }

    /// <summary>Puts the training data back when a held-out evaluation ends.</summary>
    private sealed class DataSwap(SviProgram program, (Dictionary<string, Tensor> Data, Dictionary<string, int> Sizes, Dictionary<string, int> Batched, SizeBindings Bindings) saved) : IDisposable
    {
        private bool _done;

        public void Dispose()
        {
            if (_done)
            {
                return;
            }
            _done = true;
            Restore(program._data, saved.Data);
            Restore(program._plateSizes, saved.Sizes);
            Restore(program.BatchedPlates, saved.Batched);
            program._ev.Sizes = saved.Bindings;
            program._ev.ClearConstants();
        }

        private static void Restore<T>(Dictionary<string, T> target, Dictionary<string, T> source)
        {
            target.Clear();
            foreach (var (key, value) in source)
            {
                target[key] = value;
            }
        }
    }

    private Tensor NewTrainable(double[] values, int[] shape)
    {
        var t = Tensor.Parameter(values, _ev.DType, shape);
        t.RequiresGrad = true;
        _trainable.Add(t);
        return t;
    }

    private void AddParam(ParamNode p, RandomSource random)
    {
        var transform = p.Type.Kind switch
        {
            ValueKind.Real => LatentTransform.Identity,
            ValueKind.Pos => LatentTransform.Exp,
            ValueKind.Prob => LatentTransform.Sigmoid,
            _ => throw ExpressionEvaluator.Unsupported($"a {p.Type} param ('{p.Name}')"),
        };
        int[] shape = [.. p.Plates.Select(x => _plateSizes[x]), .. _ev.Dims(p.Type.Shape)];
        var count = shape.Aggregate(1, (a, b) => a * b);
        var values = new double[count];
        double? init = p.Init is IrConstant { Values.Length: 1 } c ? c.Values[0] : null;
        for (var i = 0; i < count; i++)
        {
            values[i] = init is double v ? LatentTransforms.Inverse(transform, v) : 0.01 * random.NextNormal();
        }
        _params[p.Name] = (NewTrainable(values, shape), transform);
    }

    private void AddNet(NetNode n, RandomSource random)
    {
        var sizes = n.Layers.Select(_ev.Resolve).ToArray();
        var activation = n.Activation switch
        {
            NetActivation.Tanh => Activation.Tanh,
            NetActivation.Sigmoid => Activation.Sigmoid,
            NetActivation.Softplus => Activation.Softplus,
            _ => Activation.Relu,
        };
        _nets[n.Name] = new NetState(activation, n.Dropout ?? 0, sizes);
        var mlp = new Mlp(sizes, random, activation, 0, _ev.DType);
        if (n.Prior is null)
        {
            // PyTorch's nn.Linear default, W and b ~ U(±1/√fan_in) (He et al. 2015's Kaiming-uniform
            // with a = √5): the initialisation of the peers, so that runs compare like for like.
            var weights = mlp.Parameters.ToArray();
            for (var i = 0; i < weights.Length; i++)
            {
                var w = weights[i];
                var bound = 1 / Math.Sqrt(sizes[i / 2]);
                for (var j = 0; j < w.Length; j++)
                {
                    w[j] = bound * (2 * random.NextDouble() - 1);
                }
                w.RequiresGrad = true;
                _trainable.Add(w);
            }
            _netWeights[n.Name] = weights;
            return;
        }
        // Bayes by Backprop (Blundell et al. 2015): w = μ + softplus(ρ) ε, μ ~ U(±1/√fan_in), ρ = −5.
        var locs = new List<Tensor>();
        var rhos = new List<Tensor>();
        for (var layer = 0; layer < sizes.Length - 1; layer++)
        {
            var bound = 1 / Math.Sqrt(sizes[layer]);
            foreach (var shape in new[] { new[] { sizes[layer], sizes[layer + 1] }, new[] { sizes[layer + 1] } })
            {
                var count = shape.Aggregate(1, (a, b) => a * b);
                var mu = new double[count];
                for (var i = 0; i < count; i++)
                {
                    mu[i] = bound * (2 * random.NextDouble() - 1);
                }
                locs.Add(NewTrainable(mu, shape));
                rhos.Add(NewTrainable([.. Enumerable.Repeat(-5.0, count)], shape));
            }
        }
        _bayesNets[n.Name] = ([.. locs], [.. rhos]);
    }

    private void AddAuto(RandomNode r)
    {
        if (LatentTransforms.ForFamily(r.Distribution.Family) is null && AddDiscrete(r))
        {
            return;
        }
        var transform = LatentTransforms.ForFamily(r.Distribution.Family)
            ?? throw ExpressionEvaluator.Unsupported(r.Type.IsDiscrete
                ? $"discrete {r.Distribution.Family} latent '{r.Name}' (the score-function estimator covers Bernoulli and Categorical latents; marginalise it or use em/vmp)"
                : $"an automatic guide for the {r.Distribution.Family} latent '{r.Name}'");
        int[] shape = [.. r.Plates.Select(p => _plateSizes[p]), .. _ev.Dims(r.Type.Shape)];
        if (_lowRankSites is { } lowRank)
        {
            lowRank.Add((r, transform, shape));
            return;
        }
        var count = shape.Aggregate(1, (a, b) => a * b);
        // Initial scale 0.1 in the unconstrained space (NumPyro's AutoNormal default): ρ = log(e^0.1 − 1).
        var loc = NewTrainable(new double[count], shape);
        var scale = _delta ? null : NewTrainable([.. Enumerable.Repeat(Math.Log(Math.Exp(0.1) - 1), count)], shape);
        _auto[r.Name] = new AutoSite(r, transform, loc, scale);
    }

    /// <summary>One latent of the automatic guide: q(u) = N(loc, softplus(ρ)), x = T(u).</summary>
    internal sealed record AutoSite(RandomNode Node, LatentTransform Transform, Tensor Loc, Tensor? Rho);
}
