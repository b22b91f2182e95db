using Ppl.Compiler.Ir;
using Ppl.Tensors;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Svi;

/// <summary>
/// Per-data-point log weights: one pass whose sites in the batch plate are summed over everything
/// but that plate's axis, so that each position n gets log p(xₙ, zₙ) − log q(zₙ | xₙ) — what the
/// per-data-point IWAE bound needs (Burda et al. 2016, §5: the bound of each test point, summed).
/// </summary>
internal sealed partial class SviProgram
{
    private string? _perPointPlate;

    /// <summary>
    /// The batch plate over which log p(x) factorises into one term per data point given the
    /// params, or null with the reason: the one batch plate, when every latent (automatic guide,
    /// discrete, user guide) lies in it, no net has sampled weights, the low-rank guide is not in use
    /// (its latents are global) and no site outside the plate depends on a latent. Positions are then
    /// independent given the params — which minibatch training with N/B scaling assumes already.
    /// </summary>
    public (string? Plate, string? Reason) PerDataPointPlate()
    {
        if (BatchedPlates.Count != 1)
        {
            return (null, BatchedPlates.Count == 0 ? "the model has no batch plate" : "the model has more than one batch plate");
        }
        var plate = BatchedPlates.Keys.First();
        if (_bayesNets.Count > 0)
        {
            return (null, $"the net '{_bayesNets.Keys.First()}' has sampled weights (a global latent)");
        }
        if (LowRank is { } lowRank)
        {
            return (null, $"the lowrank guide's latents ('{lowRank.Sites[0].Node.Name}', …) are global");
        }
        var latents = _auto.Values.Select(a => a.Node)
            .Concat(_discrete.Values.Select(d => d.Node))
            .Concat((_model.Guide?.Nodes ?? []).OfType<RandomNode>())
            .ToList();
        if (latents.FirstOrDefault(r => !r.Plates.Contains(plate)) is { } global)
        {
            return (null, $"'{global.Name}' is a global latent (outside plate '{plate}')");
        }
        var latentNames = latents.Select(r => r.Name).ToHashSet();
        var dependsOnLatent = new HashSet<string>();
        foreach (var node in _model.Nodes)
        {
            if (node is LetNode or RandomNode && IrWalker.Dependencies(node).Any(d => latentNames.Contains(d) || dependsOnLatent.Contains(d)))
            {
                dependsOnLatent.Add(node.Name);
                if (node is RandomNode { IsObserved: true } site && !site.Plates.Contains(plate))
                {
                    return (null, $"'{site.Name}' lies outside plate '{plate}' and depends on its latents");
                }
            }
        }
        return (plate, null);
    }

    /// <summary>
    /// One pass with dropout off over <paramref name="frame"/>, whose positions of
    /// <paramref name="plate"/> (from <see cref="PerDataPointPlate"/>) may repeat a chunk K times:
    /// each position's log p(xₙ, zₙ) − log q(zₙ) as a vector along the plate, and the sum of the
    /// terms outside the plate (observed sites that depend on params and data only), weighted as the
    /// frame says.
    /// </summary>
    public (Tensor PerPoint, double Global) RunPerDataPoint(PlateFrame frame, string plate, RandomSource random, int particles)
    {
        _perPointPlate = plate;
        try
        {
            var pass = Run(frame, random, dropout: false, particles: particles);
            Tensor? perPoint = null;
            var global = 0.0;
            foreach (var (node, term) in pass.Terms)
            {
                if (node is RandomNode r && r.Plates.Contains(plate))
                {
                    perPoint = perPoint is null ? term : perPoint + term;
                }
                else
                {
                    global += term.Item();
                }
            }
            return (perPoint ?? Tensor.Zeros(_ev.DType, [frame.Size(plate)]), global);
        }
        finally
        {
            _perPointPlate = null;
        }
    }

    /// <summary>
    /// A site's log-density terms summed over its layout: to a scalar, or, during
    /// <see cref="RunPerDataPoint"/> for a site in that plate, over every axis but the plate's.
    /// </summary>
    private Tensor SumOverSite(Tensor terms, RandomNode r)
    {
        if (_perPointPlate is not { } plate || r.Plates.IndexOf(plate) is var axis && axis < 0)
        {
            return terms.Sum();
        }
        if (terms.Rank <= axis || terms.Shape[axis] != _ev.Frame.Size(plate))
        {
            throw new InvalidOperationException($"internal error: the log-density of '{r.Name}' is laid out [{string.Join(", ", terms.Shape.ToArray())}], without the positions of plate '{plate}' on axis {axis}");
        }
        for (var a = terms.Rank - 1; a > axis; a--)
        {
            terms = terms.Sum(a);
        }
        for (var a = axis - 1; a >= 0; a--)
        {
            terms = terms.Sum(a);
        }
        return terms;
    }
}
