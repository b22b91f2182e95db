using Ppl.Compiler.Binding;
using Ppl.Compiler.Ir;
using Ppl.Compiler.Planning;
using Ppl.Inference.Results;

namespace Ppl.Inference;

/// <summary>What a backend is asked to run: a checked model, its plan, its bound data and the settings.</summary>
/// <param name="Model">The vectorised model IR.</param>
/// <param name="Plan">The planner's decision and the analyses behind it (patterns, latent classes).</param>
/// <param name="Data">The data, checked against the model's declarations, with the sizes bound.</param>
/// <param name="Options">Run settings.</param>
/// <param name="ModelName">The model's file name, reported as <c>model</c> in the results.</param>
public sealed record InferenceRequest(ModelIr Model, Plan Plan, BoundData Data, InferenceOptions Options, string ModelName)
{
    /// <summary>Held-out data bound to the same model, evaluated after training (SVI: the held-out ELBO), or null.</summary>
    public BoundData? HeldOut { get; init; }
}

/// <summary>
/// One inference backend (vmp, em or svi). Backends never know each other; the planner chose this
/// one for the model and said why. A model the backend cannot run after all is reported as an
/// <see cref="InferenceException"/> carrying diagnostics, never as a wrong answer.
/// </summary>
public interface IInferenceBackend
{
    /// <summary>Which backend this is.</summary>
    Backend Kind { get; }

    /// <summary>Runs inference.</summary>
    /// <param name="request">The model, plan, data and settings.</param>
    /// <param name="progress">Receives a report per iteration or step, if given.</param>
    /// <param name="cancellationToken">Stops a long run early.</param>
    /// <returns>Posteriors, params, evidence or ELBO and the objective's trace.</returns>
    InferenceResult Run(InferenceRequest request, IProgress<InferenceProgress>? progress = null, CancellationToken cancellationToken = default);
}
