using Ppl.Compiler.Ir;
using Ppl.Inference.Vmp.Variables;
using Ppl.Tensors.Special;

namespace Ppl.Inference.Vmp.Factors;

/// <summary>
/// The prior of a Gamma, Beta or Dirichlet latent with known parameters, elementwise over its plates.
/// Its message is the prior's natural parameters; its ELBO term E[log p] is linear in E[T(x)]:
/// <list type="bullet">
/// <item>Gamma(a₀, b₀): (a₀ − 1, b₀); a₀ log b₀ − log Γ(a₀) + (a₀ − 1) E[log τ] − b₀ E[τ];</item>
/// <item>Beta(a₀, b₀): (a₀ − 1, b₀ − 1); −log B(a₀, b₀) + (a₀ − 1) E[log p] + (b₀ − 1) E[log(1 − p)];</item>
/// <item>Dirichlet(α₀): α₀ − 1; log Γ(Σα₀) − Σ log Γ(α₀ₖ) + Σ (α₀ₖ − 1) E[log πₖ] (Bishop 2006, eq. B.16).</item>
/// </list>
/// </summary>
/// <param name="node">The latent's node.</param>
/// <param name="variable">Its variable.</param>
/// <param name="first">a₀ per element (Gamma shape, Beta a), or α₀ for a Dirichlet.</param>
/// <param name="second">b₀ per element (Gamma rate, Beta b); unused for a Dirichlet.</param>
internal sealed class KnownPriorFactor(RandomNode node, VmpVariable variable, double[] first, double[] second) : VmpFactor(node)
{
    /// <inheritdoc/>
    public override IEnumerable<VmpVariable> Variables => [variable];

    /// <inheritdoc/>
    public override void AddMessage(VmpVariable target, double[] natural)
    {
        var n = variable is DirichletVariable ? 0 : variable.Count;
        for (var i = 0; i < first.Length; i++)
        {
            natural[i] += first[i] - 1;
        }

        for (var i = 0; i < second.Length; i++)
        {
            natural[n + i] += variable is GammaArray ? second[i] : second[i] - 1;
        }
    }

    /// <inheritdoc/>
    public override double ExpectedLogDensity()
    {
        var sum = 0.0;
        switch (variable)
        {
            case GammaArray g:
                for (var i = 0; i < g.Count; i++)
                {
                    var a = first[i];
                    var b = second[i];
                    sum += a * Math.Log(b) - SpecialFunctions.LogGamma(a) + (a - 1) * g.ExpectedLog[i] - b * g.Expected[i];
                }

                break;
            case BetaArray beta:
                for (var i = 0; i < beta.Count; i++)
                {
                    var a = first[i];
                    var b = second[i];
                    sum += SpecialFunctions.LogGamma(a + b) - SpecialFunctions.LogGamma(a) - SpecialFunctions.LogGamma(b)
                        + (a - 1) * beta.ExpectedLog[i] + (b - 1) * beta.ExpectedLogComplement[i];
                }

                break;
            case DirichletVariable d:
                sum += SpecialFunctions.LogGamma(first.Sum());
                for (var k = 0; k < first.Length; k++)
                {
                    sum += -SpecialFunctions.LogGamma(first[k]) + (first[k] - 1) * d.ExpectedLog[k];
                }

                break;
            default:
                throw new InvalidOperationException("internal error: a known prior on an unsupported variable");
        }

        return sum;
    }
}
