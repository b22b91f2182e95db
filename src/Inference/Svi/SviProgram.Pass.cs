using System.Collections.Immutable;
using Ppl.Compiler.Ir;
using Ppl.Tensors;
using Ppl.Tensors.Random;
using Categorical = Ppl.StdLib.Distributions.Categorical;
using FamilyDensities = Ppl.StdLib.Distributions.FamilyDensities;
using KullbackLeibler = Ppl.StdLib.Distributions.KullbackLeibler;

namespace Ppl.Inference.Svi;

/// <summary>A site's contribution to one ELBO estimate, kept to name the site when the ELBO goes bad.</summary>
/// <param name="Node">The site.</param>
/// <param name="Term">Its weighted log-density (or −KL) summed over plates.</param>
internal readonly record struct SiteTerm(IrNode Node, Tensor Term);

/// <summary>What one pass of the program gives.</summary>
/// <param name="Elbo">The ELBO estimate (a scalar tensor, differentiable).</param>
/// <param name="Terms">Each site's term.</param>
internal sealed record PassResult(Tensor Elbo, List<SiteTerm> Terms)
{
    /// <summary>Σ log q(z) of the discrete latents drawn in this pass (for the score-function estimator), or null.</summary>
    public Tensor? ScoreLogQ { get; init; }
}

internal sealed partial class SviProgram
{
    /// <summary>
    /// One reparameterised estimate of the ELBO, E_q[log p(x, z) − log q(z)] (Kingma and Welling
    /// 2014, eq. 3 for the first estimator, eq. 7 for the second: a latent with a Normal prior and a
    /// Normal guide contributes −KL(q ‖ p) in closed form instead of log p(z) − log q(z)).
    /// </summary>
    /// <param name="frame">The plate sizes, minibatch positions and term weights of this pass.</param>
    /// <param name="random">The source of the reparameterisation noise and dropout masks.</param>
    /// <param name="dropout">Dropout on (training, MC dropout) or off.</param>
    /// <param name="predict">Also draw the prediction sites.</param>
    /// <param name="particles">
    /// K when the frame's <see cref="ParticlePlate"/> holds the minibatch tiled K times: the noise
    /// of each site is then drawn particle after particle, B rows at a time, so that a model with
    /// one random site consumes the stream exactly as K separate passes would.
    /// </param>
    public PassResult Run(PlateFrame frame, RandomSource random, bool dropout = true, bool predict = false, int particles = 1)
    {
        _particles = particles;
        BeginPass(frame, random, dropout);
        var terms = new List<SiteTerm>();
        var guideSites = new Dictionary<string, GuideDraw>();
        SampleNets(random, terms, frame);
        SampleAuto(random, guideSites, frame);
        _discreteLogQ = SampleDiscrete(random, frame);
        if (SampleLowRank(random, guideSites, frame) is { } lowRankTerm)
        {
            terms.Add(lowRankTerm);
        }
        foreach (var node in _model.Guide?.Nodes ?? [])
        {
            GuideNode(node, random, guideSites);
        }
        foreach (var node in _model.Nodes)
        {
            ModelNode(node, random, guideSites, terms, frame, predict);
        }
        var elbo = terms.Count == 0 ? Tensor.Scalar(0, _ev.DType) : terms[0].Term;
        for (var i = 1; i < terms.Count; i++)
        {
            elbo += terms[i].Term;
        }
        return new PassResult(elbo, terms) { ScoreLogQ = ScoreLogQ() };
    }

    /// <summary>The value of a node after the last pass.</summary>
    public Tensor? Value(string name) => _ev.Values.GetValueOrDefault(name);

    /// <summary>The model's distribution arguments of a node after the last pass, aligned to the node.</summary>
    public Tensor[] Arguments(RandomNode node) => Args(node.Distribution, node);

    private Tensor Noise(int[] shape, RandomSource random)
    {
        var eps = Tensor.Zeros(_ev.DType, shape);
        var chunks = _particles > 1 && eps.Length % _particles == 0 ? _particles : 1;
        var chunk = eps.Length / chunks;
        for (var k = 0; k < chunks; k++)
        {
            if (_ev.DType == DType.Float32)
            {
                random.FillNormal(eps.AsFloatSpan().Slice(k * chunk, chunk));
            }
            else
            {
                random.FillNormal(eps.AsDoubleSpan().Slice(k * chunk, chunk));
            }
        }
        return eps;
    }

    private void SampleNets(RandomSource random, List<SiteTerm> terms, PlateFrame frame)
    {
        foreach (var (name, weights) in _netWeights)
        {
            _nets[name].Weights = weights;
        }
        foreach (var (name, (locs, rhos)) in _bayesNets)
        {
            var node = _model.Nodes.OfType<NetNode>().First(n => n.Name == name);
            var prior = node.Prior!;
            var sampled = new Tensor[locs.Length];
            for (var i = 0; i < locs.Length; i++)
            {
                var sd = Tensor.Softplus(rhos[i]);
                var w = locs[i] + sd * Noise([.. locs[i].Shape], random);
                sampled[i] = w;
                Tensor term;
                if (AnalyticKl && prior.Family == "Normal" && prior.Arguments.All(a => a.Plates.Length == 0))
                {
                    var m = _ev.Evaluate(prior.Arguments[0]);
                    var s = FamilyDensities.NormalSd(prior.Parameterisation, _ev.Evaluate(prior.Arguments[1]));
                    term = -KullbackLeibler.NormalNormal(locs[i], sd, m, s).Sum();
                }
                else
                {
                    var logq = FamilyDensities.LogDensity("Normal", "sd", [locs[i], sd], w);
                    term = (PriorLogDensity(prior, w) - logq).Sum();
                }
                terms.Add(new SiteTerm(node, term * frame.GlobalScale));
            }
            _nets[name].Weights = sampled;
        }
        foreach (var (name, state) in _nets)
        {
            _ev.Nets[name] = state;
        }
    }

    private Tensor PriorLogDensity(IrDistribution prior, Tensor w)
    {
        if (prior.Family == "Mixture")
        {
            // log Σₖ πₖ pₖ(w), by log-sum-exp over a trailing component axis (Blundell et al. 2015, eq. 7).
            var weights = _ev.Evaluate(prior.Arguments[0]).ToArray();
            var parts = new List<Tensor>();
            for (var k = 0; k < prior.Components.Length; k++)
            {
                var c = prior.Components[k];
                var lp = Elementwise(c.Family, c.Parameterisation, [.. c.Arguments.Select(_ev.Evaluate)], w) + Math.Log(weights[k]);
                parts.Add(lp.Reshape([.. w.Shape, 1]));
            }
            return Tensor.Concat(parts, w.Rank).LogSumExp(-1);
        }
        return Elementwise(prior.Family, prior.Parameterisation, [.. prior.Arguments.Select(_ev.Evaluate)], w);
    }

    private void SampleAuto(RandomSource random, Dictionary<string, GuideDraw> draws, PlateFrame frame)
    {
        foreach (var (name, site) in _auto)
        {
            var loc = Select(site.Loc, site.Node.Plates, frame);
            if (site.Rho is null)
            {
                _ev.Values[name] = LatentTransforms.Forward(site.Transform, loc);
                draws[name] = new GuideDraw(loc, null, site.Transform, loc);
                continue;
            }
            var sd = Tensor.Softplus(Select(site.Rho, site.Node.Plates, frame));
            var u = loc + sd * Noise([.. loc.Shape], random);
            _ev.Values[name] = LatentTransforms.Forward(site.Transform, u);
            draws[name] = new GuideDraw(loc, sd, site.Transform, u);
        }
    }

    private static Tensor Select(Tensor full, ImmutableArray<string> plates, PlateFrame frame)
    {
        var t = full;
        for (var axis = 0; axis < plates.Length; axis++)
        {
            if (frame.Indices(plates[axis]) is { } idx)
            {
                t = t.IndexSelect(axis, idx);
            }
        }
        return t;
    }

    private void GuideNode(IrNode node, RandomSource random, Dictionary<string, GuideDraw> draws)
    {
        switch (node)
        {
            case LetNode l:
                _ev.Values[l.Name] = LetValue(l);
                break;
            case RandomNode r:
                if (r.Distribution.Family != "Normal")
                {
                    throw ExpressionEvaluator.Unsupported($"a {r.Distribution.Family} guide site ('{r.Name}'); guides draw Normal sites");
                }
                var a = Args(r.Distribution, r);
                var sd = FamilyDensities.NormalSd(r.Distribution.Parameterisation, a[1]);
                // The location broadcast to the draw's layout only when the two differ.
                var loc = a[0].Shape.SequenceEqual(sd.Shape) ? a[0] : a[0] + 0.0 * sd;
                var z = loc + sd * Noise([.. loc.Shape], random);
                _ev.Values[r.Name] = z;
                draws[r.Name] = new GuideDraw(loc, sd, LatentTransform.Identity, z);
                break;
        }
    }

    /// <summary>Starts a pass: the frame, the random stream, dropout, the data and the params (in their constrained space) as the evaluator's values.</summary>
    private void BeginPass(PlateFrame frame, RandomSource random, bool dropout)
    {
        _ev.Frame = frame;
        _ev.Random = random;
        _ev.DropoutOn = dropout;
        _distinctRows.Clear();
        var values = _ev.Values;
        values.Clear();
        foreach (var (name, tensor) in _data)
        {
            values[name] = tensor;
        }
        foreach (var (name, (raw, transform)) in _params)
        {
            values[name] = LatentTransforms.Forward(transform, raw);
        }
    }

    private Tensor[] Args(IrDistribution d, RandomNode node) =>
        [.. d.Arguments.Select(a => _ev.EvaluateAligned(a, node.Plates, node.Type.Shape.Rank))];

    private void ModelNode(IrNode node, RandomSource random, Dictionary<string, GuideDraw> draws, List<SiteTerm> terms, PlateFrame frame, bool predict)
    {
        switch (node)
        {
            case LetNode l:
                _ev.Values[l.Name] = LetValue(l);
                break;
            case RandomNode r:
                var scale = frame.Scale(r.Plates);
                if (r.IsObserved)
                {
                    var x = Select(_data[r.Name], r.Plates, frame);
                    terms.Add(new SiteTerm(r, ObservedLogLikelihood(r, x) * scale));
                }
                else if (_predicted.Contains(r.Name))
                {
                    // A prediction adds nothing to the ELBO (it integrates to one); drawn only when asked.
                    if (predict)
                    {
                        _ev.Values[r.Name] = DrawFromModel(r, random);
                    }
                }
                else
                {
                    var term = _discreteLogQ.TryGetValue(r.Name, out var logq) ? DiscreteTerm(r, logq) : LatentTerm(r, draws[r.Name]);
                    terms.Add(new SiteTerm(r, term * scale));
                }
                break;
        }
    }

    /// <summary>
    /// Σ log p(x | ·) over an observed site's plates (per data point during
    /// <see cref="RunPerDataPoint"/>, <see cref="SumOverSite"/>). Bernoulli on logits whose layout is
    /// the data's runs as one fused op (BernoulliLogitsOp: one pass forward, one backward, no
    /// temporaries), summed per row when the per-data-point plate is the site's first axis.
    /// </summary>
    private Tensor ObservedLogLikelihood(RandomNode r, Tensor x)
    {
        var d = r.Distribution;
        if (d.Family == "Bernoulli" && d.Parameterisation == "logits")
        {
            var logits = Args(d, r)[0];
            var perPointAxis = _perPointPlate is null ? -1 : r.Plates.IndexOf(_perPointPlate);
            if (logits.Shape.SequenceEqual(x.Shape) && logits.DType == x.DType)
            {
                if (perPointAxis < 0)
                {
                    return Tensor.BernoulliLogitsLogLikelihood(logits, x);
                }
                if (perPointAxis == 0 && x.Rank > 0 && x.Shape[0] == _ev.Frame.Size(_perPointPlate!))
                {
                    return Tensor.BernoulliLogitsLogLikelihoodPerRow(logits, x);
                }
            }
        }
        return SumOverSite(LogDensity(r, x), r);
    }

    private Tensor LatentTerm(RandomNode r, GuideDraw q)
    {
        if (AnalyticKl && q.Sd is { } qsd && q.Transform == LatentTransform.Identity && r.Distribution.Family == "Normal")
        {
            var d = r.Distribution;
            if (d.Arguments[0] is IrConstant { Values.Length: 1 } m && d.Arguments[1] is IrConstant { Values.Length: 1 } second)
            {
                var sd = d.Parameterisation switch
                {
                    "var" => Math.Sqrt(second.Values[0]),
                    "precision" => 1 / Math.Sqrt(second.Values[0]),
                    _ => second.Values[0],
                };
                return -StandardisedNormalKl(q.Loc, qsd, m.Values[0], sd);
            }
            var a = Args(d, r);
            var psd = FamilyDensities.NormalSd(d.Parameterisation, a[1]);
            return -KullbackLeibler.NormalNormal(q.Loc, qsd, a[0], psd).Sum();
        }
        var logp = LogDensity(r, _ev.Values[r.Name]);
        if (q.Sd is null)
        {
            return SumOverSite(logp, r);
        }
        var logq = FamilyDensities.LogDensity("Normal", "sd", [q.Loc, q.Sd], q.Unconstrained);
        if (LatentTransforms.LogJacobian(q.Transform, q.Unconstrained) is { } logJ)
        {
            logq -= logJ;
        }
        return SumOverSite(logp - logq, r);
    }

    /// <summary>
    /// Σ KL(N(m₁, s₁) ‖ N(m, s)) for a prior with constant m and s (the VAE's N(0, 1)):
    /// Σ [(s₁² + (m₁ − m)²)/(2s²) − log s₁] + n (log s − ½) (Kingma and Welling 2014, appendix B),
    /// with the constants folded rather than broadcast as tensors.
    /// </summary>
    internal static Tensor StandardisedNormalKl(Tensor m1, Tensor s1, double m, double s)
    {
        var centred = m == 0 ? m1 : m1 - m;
        var squares = Tensor.Square(s1) + Tensor.Square(centred);
        // n: the sites in the draw's layout; s₁ may be broadcast (a shared sd), each element n/|s₁| times.
        var n = squares.Length;
        var logs = s1.Length == n ? Tensor.Log(s1).Sum() : Tensor.Log(s1).Sum() * ((double)n / s1.Length);
        return squares.Sum() * (0.5 / (s * s)) - logs + n * (Math.Log(s) - 0.5);
    }

    private Tensor LogDensity(RandomNode r, Tensor x)
    {
        var d = r.Distribution;
        if (d.Family == "Categorical")
        {
            var table = _ev.EvaluateAligned(d.Arguments[0], r.Plates, 1);
            var index = x.ToArray().Select(v => (int)v).ToArray();
            return d.Parameterisation == "logits" ? Categorical.LogDensityFromLogits(table, index) : Categorical.LogDensity(table, index);
        }
        if (IsVectorFamily(d.Family))
        {
            return VectorLogDensity(r, x);
        }
        if (!FamilyDensities.Supports(d.Family))
        {
            throw ExpressionEvaluator.Unsupported($"the {d.Family} log-density of '{r.Name}'");
        }
        return Elementwise(d.Family, d.Parameterisation, Args(d, r), x);
    }

    /// <summary>The catalogue's one elementwise definition of the family (StdLib), or "unsupported" here.</summary>
    private static Tensor Elementwise(string family, string parameterisation, IReadOnlyList<Tensor> arguments, Tensor x) =>
        FamilyDensities.Supports(family)
            ? FamilyDensities.LogDensity(family, parameterisation, arguments, x)
            : throw ExpressionEvaluator.Unsupported($"the {family} log-density");

    private Tensor DrawFromModel(RandomNode r, RandomSource random)
    {
        var d = r.Distribution;
        if (d.Family == "Categorical")
        {
            return DrawCategorical(r, random);
        }
        if (!Sampling.ForwardSampler.IsScalarFamily(d))
        {
            throw ExpressionEvaluator.Unsupported($"drawing the {d.Family} node '{r.Name}' (scalar families and Categorical only)");
        }
        var a = Args(d, r);
        var dims = _ev.Layout(r.Plates, r.Type);
        switch (d.Family)
        {
            case "Normal":
                var sd = FamilyDensities.NormalSd(d.Parameterisation, a[1]);
                return a[0] + sd * Noise(dims, random);
            case "Bernoulli":
                var p = d.Parameterisation == "logits" ? Tensor.Sigmoid(a[0]) : a[0];
                var u = Tensor.Zeros(_ev.DType, dims);
                var pv = (p + Tensor.Zeros(_ev.DType, dims)).ToArray();
                for (var i = 0; i < pv.Length; i++)
                {
                    u[i] = random.NextDouble() < pv[i] ? 1 : 0;
                }
                return u;
            default:
                // Any other scalar family: the StdLib distribution per element, its arguments broadcast to the node.
                var broadcast = a.Select(t => (t + Tensor.Zeros(_ev.DType, dims)).ToArray()).ToList();
                try
                {
                    return Tensor.FromDoubles(Sampling.ForwardSampler.ElementDraws(d, broadcast, random), _ev.DType, dims);
                }
                catch (Sampling.ForwardSamplingException e)
                {
                    throw ExpressionEvaluator.Unsupported($"drawing the {d.Family} node '{r.Name}' ({e.Message})");
                }
        }
    }

    /// <summary>A guide draw: N(loc, sd) in the unconstrained space (sd null for a Delta guide), then T.</summary>
    private sealed record GuideDraw(Tensor Loc, Tensor? Sd, LatentTransform Transform, Tensor Unconstrained);
}
