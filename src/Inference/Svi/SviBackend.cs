using System.Diagnostics;
using Ppl.Compiler.Ir;
using Ppl.Compiler.Planning;
using Ppl.Inference.Results;
using Ppl.Language.Diagnostics;
using Ppl.Tensors;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Svi;

/// <summary>
/// Stochastic variational inference on Ppl's own autodiff: the model and guide compiled into a
/// log-joint program, the reparameterised ELBO maximised by Adam over minibatches of the
/// <c>batch</c> plates (log-likelihood terms scaled by N/B), and the reported ELBO computed on the
/// whole data set under the final parameters.
/// </summary>
public sealed class SviBackend : IInferenceBackend
{
    /// <inheritdoc/>
    public Backend Kind => Backend.Svi;

    /// <inheritdoc/>
    public InferenceResult Run(InferenceRequest request, IProgress<InferenceProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var options = request.Options;
        var random = new RandomSource(options.Seed);
        var dtype = options.DoublePrecision ? DType.Float64 : DType.Float32;
        SviProgram program;
        try
        {
            program = new SviProgram(request.Model, request.Data, dtype, options.Guide, random.Split(), options.GuideRank);
            var trainer = new SviTrainer(program, options, random, request.Model);
            var (trace, steps, converged) = trainer.Train(progress, cancellationToken);
            var elbo = trainer.FullDataElbo();
            var summaries = new PosteriorSummaries(program, random.Split(), options);
            var notes = new List<string>();
            var replicated = options.Replicates && request.Model.Nodes.OfType<NetNode>().Any() ? new Dictionary<string, NdArray>() : null;
            var posteriors = summaries.Posteriors(replicated, notes);
            var iwae = options.IwaeSamples > 0 ? Iwae(program, random.Split(), options.IwaeSamples, notes) : null;
            var heldOut = request.HeldOut is { } data ? SviEvaluation.HeldOutElbo(request, data, program, random.Split()) : (double?)null;
            var result = new InferenceResult(request.ModelName, "svi", converged, steps, null, elbo,
                posteriors, summaries.Params(), trace)
            {
                Diagnostics = summaries.Diagnostics(),
                SignalToNoise = summaries.SignalToNoise(),
                Iwae = iwae,
                HeldOutElbo = heldOut,
                Notes = notes,
                Images = ImagePredictions.Compute(program, request.Model, random.Split()),
                Fits = RegressionFits.Compute(program, request.Model, random.Split()),
                Replicated = replicated ?? new Dictionary<string, NdArray>(),
                Elapsed = clock.Elapsed,
            };
            return result;
        }
        catch (SviUnsupportedException e)
        {
            throw new InferenceException(Diagnostic.Error("SVI001", "svi cannot run this model: " + e.Message, request.Model.Nodes.FirstOrDefault()?.Span ?? default));
        }
    }

    /// <summary>
    /// The IWAE bound: per data point when the model has a batch plate whose positions are
    /// independent given the params (the VAE), else the joint bound over the whole data set — with a
    /// note when a batch plate is there, since the joint bound is then valid but loose.
    /// </summary>
    private static ImportanceWeightedBound? Iwae(SviProgram program, RandomSource random, int k, List<string> notes)
    {
        if (program.BatchedPlates.Count == 0)
        {
            return SviEvaluation.Iwae(program, random, k);
        }
        var (plate, reason) = program.PerDataPointPlate();
        if (plate is not null)
        {
            return SviEvaluation.PerDataPointIwae(program, plate, random, k);
        }
        notes.Add($"iwae: the joint bound over the whole data set (k draws of every latent at once), valid but looser than a per-data-point bound, which does not apply here: {reason}");
        return SviEvaluation.Iwae(program, random, k);
    }
}
