using System.Diagnostics;
using Ppl.Compiler.Binding;
using Ppl.Compiler.Ir;
using Ppl.Compiler.Planning;
using Ppl.Inference.Results;
using Ppl.Inference.Vmp.Building;
using Ppl.Language;
using Ppl.Language.Diagnostics;

namespace Ppl.Inference.Vmp;

/// <summary>
/// The message-passing backend: exact conjugate inference where the posterior is closed form and
/// variational message passing (Winn &amp; Bishop 2005) where it is not. Reports posteriors, fitted
/// params (type-II ML), predictions, the ELBO trace and, for exact models, the log evidence.
/// </summary>
public sealed class VmpBackend : IInferenceBackend
{
    /// <summary>The diagnostic code of a model the engine cannot run.</summary>
    public const string CannotRun = "PPL0610";

    /// <inheritdoc/>
    public Backend Kind => Backend.Vmp;

    /// <inheritdoc/>
    public InferenceResult Run(InferenceRequest request, IProgress<InferenceProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return Run(request.Model, request.Plan, request.Data, request.Options, request.ModelName, progress, cancellationToken);
        }
        catch (VmpModelException e)
        {
            var span = e.Span ?? new SourceSpan(request.ModelName, 1, 1, 0);
            throw new InferenceException(Diagnostic.Error(CannotRun, "vmp: " + e.Message, span));
        }
    }

    /// <summary>Runs inference.</summary>
    /// <param name="model">The model's IR.</param>
    /// <param name="plan">The planner's decision (its analysis gives the latents' roles).</param>
    /// <param name="data">The bound data.</param>
    /// <param name="options">Options (iteration cap, tolerance, nodes to show).</param>
    /// <param name="modelName">The model's name for the result.</param>
    /// <param name="progress">Progress sink, or null.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The result.</returns>
    internal static InferenceResult Run(ModelIr model, Plan plan, BoundData data, InferenceOptions options, string modelName,
        IProgress<InferenceProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var vmp = VmpModelBuilder.Build(plan.Analysis with { Model = model }, data, options.Seed);
        var run = VmpEngine.Run(vmp, options.MaxIterations ?? VmpEngine.DefaultMaxIterations,
            options.Tolerance ?? VmpEngine.DefaultTolerance, progress, cancellationToken);
        var sizes = new KnownEvaluator(model, data);
        var posteriors = new List<Posterior>();
        foreach (var variable in vmp.Schedule.Reverse())
        {
            int[] shape = [.. variable.Grid.Sizes, .. sizes.Shape(variable.Node.Type.Shape)];
            posteriors.Add(variable.Summarise(shape));
        }

        if (vmp.Mixture is { } mixture)
        {
            posteriors.AddRange(mixture.Summarise(options.Show.Contains(mixture.Names.Indicators)));
        }

        posteriors.AddRange(vmp.Predictions.Select(p => p.Summarise()));
        var parameters = vmp.Params.Select(p => new ParamEstimate(p.Node.Name, NdArray.Scalar(p.Value))).ToList();
        var notes = new List<string>();
        if (vmp.IsExact)
        {
            notes.Add(vmp.Params.Count == 0
                ? "conjugate model: the posterior is exact and the ELBO is the log evidence"
                : "conjugate model: params fitted by evidence maximisation (type-II ML); the ELBO is the log evidence at them");
        }

        return new InferenceResult(modelName, "vmp", run.Converged, run.Iterations, vmp.IsExact ? run.Elbo : null,
            run.Elbo, posteriors, parameters, run.Trace)
        {
            Notes = notes,
            Elapsed = clock.Elapsed,
        };
    }
}
