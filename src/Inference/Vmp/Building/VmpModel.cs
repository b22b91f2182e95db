using Ppl.Inference.Vmp.Factors;
using Ppl.Inference.Vmp.Gmm;
using Ppl.Inference.Vmp.Summaries;
using Ppl.Inference.Vmp.Variables;

namespace Ppl.Inference.Vmp.Building;

/// <summary>
/// A model as the engine runs it: the variables in schedule order, every factor, the params, the
/// predicted nodes, and the variational-mixture block when the model has one.
/// </summary>
/// <param name="Schedule">Latent variables in update order.</param>
/// <param name="Factors">Every factor (one per random node; the mixture block apart).</param>
/// <param name="Params">The params, fitted by maximising the ELBO.</param>
/// <param name="Predictions">Predicted nodes, summarised after convergence.</param>
/// <param name="Mixture">The VB-GMM block, or null.</param>
internal sealed record VmpModel(
    IReadOnlyList<VmpVariable> Schedule,
    IReadOnlyList<VmpFactor> Factors,
    IReadOnlyList<ParamCell> Params,
    IReadOnlyList<NormalPrediction> Predictions,
    VariationalMixture? Mixture)
{
    /// <summary>
    /// True when the posterior is closed form: one latent block whose factors are conjugate to it with
    /// everything else known (or a param). One update is then exact, KL(q‖p) = 0 and the ELBO is the log
    /// evidence (Bishop 2006, eq. 10.2).
    /// </summary>
    public bool IsExact => Mixture is null && Schedule.Count == 1;

    /// <summary>MacKay's fixed point for the evidence-maximisation pattern, or null (then params take EM steps).</summary>
    public EvidenceFixedPoint? EvidenceFit { get; } = EvidenceFixedPoint.TryCreate(Factors, Params);
}
