using Ppl.Compiler.Ir;
using Ppl.Tensors;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Svi;

internal sealed partial class SviProgram
{
    private readonly Dictionary<string, DiscreteSite> _discrete = [];
    private Dictionary<string, Tensor> _discreteLogQ = [];

    /// <summary>The discrete latents of the automatic guide, trained by the score-function estimator.</summary>
    public IEnumerable<DiscreteSite> DiscreteGuide => _discrete.Values;

    /// <summary>
    /// A discrete latent without a guide gets a free categorical guide: q(z) = Categorical(softmax(ℓ))
    /// per element (a Bernoulli latent: q(z = 1) = σ(ℓ)), ℓ initialised at 0 (uniform). Its
    /// gradient comes from the score-function estimator (<see cref="ScoreFunctionEstimator"/>).
    /// </summary>
    private bool AddDiscrete(RandomNode r)
    {
        int classes;
        switch (r.Distribution.Family)
        {
            case "Bernoulli":
                classes = 1;
                break;
            case "Categorical":
                var probabilities = r.Distribution.Arguments[0];
                classes = _ev.Dims(probabilities.Type.Shape)[^1];
                break;
            default:
                return false;
        }
        int[] shape = [.. r.Plates.Select(p => _plateSizes[p]), .. _ev.Dims(r.Type.Shape), .. classes == 1 ? Array.Empty<int>() : [classes]];
        var logits = NewTrainable(new double[shape.Aggregate(1, (a, b) => a * b)], shape);
        _discrete[r.Name] = new DiscreteSite(r, logits, classes);
        return true;
    }

    /// <summary>Draws each discrete latent from its guide and records log q(z), differentiable in ℓ.</summary>
    private Dictionary<string, Tensor> SampleDiscrete(RandomSource random, PlateFrame frame)
    {
        var logq = new Dictionary<string, Tensor>();
        foreach (var (name, site) in _discrete)
        {
            var logits = Select(site.Logits, site.Node.Plates, frame);
            Tensor z, lq;
            if (site.Classes == 1)
            {
                var p = Tensor.Sigmoid(logits).ToArray();
                z = Tensor.Zeros(_ev.DType, [.. logits.Shape]);
                var sign = Tensor.Zeros(_ev.DType, [.. logits.Shape]);
                for (var i = 0; i < p.Length; i++)
                {
                    var one = random.NextDouble() < p[i];
                    z[i] = one ? 1 : 0;
                    sign[i] = one ? 1 : -1;
                }
                // log q(z) = log σ(±ℓ) = −softplus(∓ℓ).
                lq = -Tensor.Softplus(-(sign * logits));
            }
            else
            {
                var logp = logits.LogSoftmax(-1);
                var p = Tensor.Exp(logp).ToArray();
                var classes = site.Classes;
                var index = CategoricalDraws.Draw(p, classes, random);
                z = Tensor.Zeros(_ev.DType, [.. logits.Shape[..^1]]);
                for (var e = 0; e < index.Length; e++)
                {
                    z[e] = index[e];
                }
                lq = logp.Gather(-1, index);
            }
            _ev.Values[name] = z;
            logq[name] = lq;
        }
        return logq;
    }

    /// <summary>Σ log q(z) over the discrete draws of the last pass, or null without discrete latents.</summary>
    private Tensor? ScoreLogQ()
    {
        Tensor? total = null;
        foreach (var lq in _discreteLogQ.Values)
        {
            total = total is null ? lq.Sum() : total + lq.Sum();
        }
        return total;
    }

    /// <summary>
    /// A discrete latent's ELBO term log p(z) − log q(z) at the draw. Its direct gradient in ℓ is
    /// −∇ log q(z), whose expectation is zero; the signal comes from the score term added by
    /// <see cref="ScoreFunctionEstimator.Surrogate"/>.
    /// </summary>
    private Tensor DiscreteTerm(RandomNode r, Tensor logq) => SumOverSite(LogDensity(r, _ev.Values[r.Name]) - logq, r);

    /// <summary>One discrete latent of the automatic guide: logits ℓ with the latent's layout (and a class axis).</summary>
    internal sealed record DiscreteSite(RandomNode Node, Tensor Logits, int Classes);
}
