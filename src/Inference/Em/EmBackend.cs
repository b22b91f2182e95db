using System.Diagnostics;
using Ppl.Compiler.Planning;
using Ppl.Inference.Results;
using Ppl.StdLib.LinearAlgebra;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Em;

/// <summary>
/// The expectation–maximisation backend: mixtures (Gaussian with full, diagonal or spherical
/// covariance; Bernoulli; Poisson; Categorical) and probabilistic PCA, read generically from the IR's
/// mixture and linear-Gaussian patterns. Globals are maximum-likelihood point estimates; the local
/// latents' exact posteriors are the E-step. docs/backends/em.md has the maths and the limits.
/// </summary>
public sealed class EmBackend : IInferenceBackend
{
    /// <summary>The iteration cap when the options give none.</summary>
    public const int DefaultMaxIterations = 500;

    /// <summary>The relative log-likelihood change that stops EM when the options give none.</summary>
    public const double DefaultTolerance = 1e-9;

    /// <inheritdoc/>
    public Backend Kind => Backend.Em;

    /// <inheritdoc/>
    public InferenceResult Run(InferenceRequest request, IProgress<InferenceProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var analysis = request.Plan.Analysis;
        var settings = new EmSettings(
            request.Options.MaxIterations ?? DefaultMaxIterations,
            request.Options.Tolerance ?? DefaultTolerance,
            request.Options.Restarts);
        var random = new RandomSource(request.Options.Seed);
        InferenceResult result;
        if (analysis.Mixtures.Length == 1 && analysis.LinearGaussians.IsEmpty)
        {
            var model = MixtureModelReader.Read(request.Model, analysis.Mixtures[0], request.Data);
            var fit = MixtureEm.Fit(model.Create, settings, random, progress, cancellationToken);
            result = EmResults.Mixture(request, model.Names, fit);
        }
        else if (analysis.LinearGaussians.Length == 1 && analysis.Mixtures.IsEmpty)
        {
            var model = PpcaModelReader.Read(request.Model, analysis.LinearGaussians[0], request.Data);
            var statistics = PpcaStatistics.Of(model.X, model.N, model.D);
            var scale = statistics.Covariance.Trace() / model.D;
            var w = new Matrix(model.D, model.M);
            for (var i = 0; i < w.Values.Length; i++)
            {
                w.Values[i] = random.NextNormal() * Math.Sqrt(scale);
            }
            var fit = Ppca.Em(statistics, w, scale, settings, progress, cancellationToken);
            result = EmResults.Ppca(request, model, fit, Ppca.ClosedForm(statistics, model.M));
        }
        else
        {
            var where = request.Model.Nodes.FirstOrDefault()?.Span ?? Language.SourceSpan.WholeFile(request.Model.Source);
            throw EmDiagnostics.Error(EmDiagnostics.Unsupported,
                "em runs one mixture (a discrete index) or one probabilistic PCA (a linear-Gaussian latent) per model", where);
        }
        return result with { Elapsed = clock.Elapsed };
    }
}
