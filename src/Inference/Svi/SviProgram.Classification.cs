using Ppl.Compiler.Ir;
using Ppl.Tensors;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Svi;

internal sealed partial class SviProgram
{
    /// <summary>
    /// The class probabilities of a Bernoulli or Categorical prediction after the last pass, flat with
    /// the class axis last, and the number of classes (1 for Bernoulli: P(y = 1) only); null for
    /// other families.
    /// </summary>
    public (double[] Probabilities, int Classes)? ClassProbabilities(RandomNode r)
    {
        var d = r.Distribution;
        switch (d.Family)
        {
            case "Bernoulli":
                var a = Arguments(r)[0];
                var p = d.Parameterisation == "logits" ? Tensor.Sigmoid(a) : a;
                var dims = _ev.Layout(r.Plates, r.Type);
                return ((p + Tensor.Zeros(_ev.DType, dims)).ToArray(), 1);
            case "Categorical":
                var probs = CategoricalProbabilities(r);
                return (probs.ToArray(), probs.Shape[^1]);
            default:
                return null;
        }
    }

    /// <summary>Categorical probabilities aligned to the node, the class axis last (softmax of logits, or normalised).</summary>
    private Tensor CategoricalProbabilities(RandomNode r)
    {
        var d = r.Distribution;
        var a = _ev.EvaluateAligned(d.Arguments[0], r.Plates, r.Type.Shape.Rank + 1);
        var p = d.Parameterisation == "logits" ? a.Softmax(-1) : a / a.Sum(-1, keepDims: true);
        return p + Tensor.Zeros(_ev.DType, [.. _ev.Layout(r.Plates, r.Type), p.Shape[^1]]);
    }

    /// <summary>A Categorical prediction drawn by inverting each element's cumulative probabilities.</summary>
    private Tensor DrawCategorical(RandomNode r, RandomSource random)
    {
        var probs = CategoricalProbabilities(r);
        var classes = probs.Shape[^1];
        var p = probs.ToArray();
        var draw = Tensor.Zeros(_ev.DType, [.. probs.Shape[..^1]]);
        var classesDrawn = CategoricalDraws.Draw(p, classes, random);
        for (var e = 0; e < draw.Length; e++)
        {
            draw[e] = classesDrawn[e];
        }
        return draw;
    }
}
