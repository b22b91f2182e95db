using Ppl.Compiler.Ir;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Svi;

internal sealed partial class SviProgram
{
    private readonly List<(RandomNode Node, LatentTransform Transform, int[] Shape)>? _lowRankSites;

    /// <summary>The low-rank multivariate Normal guide (<c>--guide lowrank</c>), or null.</summary>
    public LowRankGuide? LowRank { get; private set; }

    private void BuildLowRank(int rank, RandomSource random)
    {
        if (_lowRankSites is not { Count: > 0 } sites)
        {
            return;
        }
        if (sites.FirstOrDefault(s => s.Node.Plates.Any(BatchedPlates.ContainsKey)) is { Node: { } local })
        {
            throw ExpressionEvaluator.Unsupported($"the lowrank guide for '{local.Name}', a latent in a batch plate (use --guide normal, or a guide {{ }} block)");
        }
        LowRank = new LowRankGuide(sites, rank, _ev.DType, NewTrainable, random);
    }

    /// <summary>
    /// Draws the latents of the low-rank guide (no-op without it) and returns its term H(q) + Σ log|T′(u)|
    /// (−log q(u) + Σ log|T′(u)| at the draw when <see cref="AnalyticKl"/> is off, as importance
    /// weights need); each latent's own term is then log p alone (its draw carries no sd).
    /// </summary>
    private SiteTerm? SampleLowRank(RandomSource random, Dictionary<string, GuideDraw> draws, PlateFrame frame)
    {
        if (LowRank is not { } guide)
        {
            return null;
        }
        var (values, term) = guide.Draw(random, logDensityAtDraw: !AnalyticKl);
        foreach (var (node, transform, _, _) in guide.Sites)
        {
            var u = values[node.Name];
            _ev.Values[node.Name] = LatentTransforms.Forward(transform, u);
            draws[node.Name] = new GuideDraw(u, null, transform, u);
        }
        return new SiteTerm(guide.Sites[0].Node, term * frame.GlobalScale);
    }
}
