using Ppl.Tensors;

namespace Ppl.Inference.Svi;

/// <summary>
/// The score-function (REINFORCE) gradient for latents that cannot be reparameterised (Williams
/// 1992; Ranganath et al. 2014, eq. 3): ∇_φ L = E_q[∇_φ f(z) + (f(z) − b) ∇_φ log q_φ(z)] with
/// f = log p(x, z) − log q(z) and a baseline b that does not depend on the current draw, so the
/// estimate stays unbiased while its variance drops (Mnih and Gregor 2014, §3.1: a moving average
/// of past ELBO values). The surrogate L̃ = L + (f − b)·log q(z), with f and b held constant, has
/// exactly this gradient. f is the whole ELBO estimate (not Rao-Blackwellised per site): unbiased,
/// at the cost of some variance.
/// </summary>
internal sealed class ScoreFunctionEstimator
{
    /// <summary>Weight of the newest ELBO in the moving-average baseline.</summary>
    private const double Decay = 0.1;

    private double? _baseline;

    /// <summary>The baseline now (null before the first step: then b = 0).</summary>
    public double? Baseline => _baseline;

    /// <summary>The objective to differentiate: the ELBO plus the score term when the pass drew discrete latents.</summary>
    public Tensor Surrogate(PassResult pass, double elbo) =>
        pass.ScoreLogQ is { } logq ? pass.Elbo + (elbo - (_baseline ?? 0)) * logq : pass.Elbo;

    /// <summary>Moves the baseline towards the step's ELBO, after the step's gradient has been taken.</summary>
    public void Update(double elbo) => _baseline = _baseline is { } b ? (1 - Decay) * b + Decay * elbo : elbo;
}
