using Ppl.Compiler.Ir;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Svi;

internal sealed partial class SviProgram
{
    /// <summary>
    /// One ancestral pass of the model alone, ignoring the guide: every unobserved node drawn from the
    /// model given its parents (z ~ p(z)), nets at their fitted weights, so that
    /// <see cref="Arguments"/> of an observed node then gives p(x | z) for prior draws of z — a VAE's
    /// generated samples. Observed nodes are not drawn; no ELBO term is computed.
    /// </summary>
    /// <param name="frame">The plate frame (which rows of the batched plates).</param>
    /// <param name="random">The random stream.</param>
    public void RunPrior(PlateFrame frame, RandomSource random)
    {
        BeginPass(frame, random, dropout: false);
        SampleNets(random, [], frame);
        foreach (var node in _model.Nodes)
        {
            switch (node)
            {
                case LetNode l:
                    _ev.Values[l.Name] = _ev.Evaluate(l.Value);
                    break;
                case RandomNode { IsObserved: false } r:
                    _ev.Values[r.Name] = DrawFromModel(r, random);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Whether the param <paramref name="name"/> is declared a scalar (its tensor holds one value of shape [1]).</summary>
    /// <param name="name">A param's name.</param>
    public bool IsScalarParam(string name) =>
        _model.Nodes.OfType<ParamNode>().Any(p => p.Name == name && p.Plates.Length == 0 && p.Type.Shape.Rank == 0);
}
