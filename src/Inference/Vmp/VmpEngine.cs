using Ppl.Inference.Vmp.Building;

namespace Ppl.Inference.Vmp;

/// <summary>How a run of the engine ended.</summary>
/// <param name="Converged">True when the ELBO stopped changing before the iteration cap.</param>
/// <param name="Iterations">Iterations run.</param>
/// <param name="Elbo">The final ELBO.</param>
/// <param name="Trace">The ELBO after each iteration.</param>
internal sealed record VmpRun(bool Converged, int Iterations, double Elbo, IReadOnlyList<double> Trace);

/// <summary>
/// Variational message passing (Winn &amp; Bishop 2005): each iteration updates every variable in the
/// schedule from its factors' messages (coordinate ascent on the ELBO, so the ELBO never decreases),
/// re-fits the params, and computes ELBO = Σ_factors E_q[log f] + Σ_variables H[q] (Bishop 2006,
/// eq. 10.3). It stops when the ELBO changes by less than tolerance·max(1, |ELBO|), or at the cap.
/// </summary>
internal static class VmpEngine
{
    /// <summary>The default relative tolerance on the change of the ELBO.</summary>
    public const double DefaultTolerance = 1e-10;

    /// <summary>The default iteration cap.</summary>
    public const int DefaultMaxIterations = 1000;

    /// <summary>Runs the model to convergence.</summary>
    /// <param name="model">The model.</param>
    /// <param name="maxIterations">The iteration cap.</param>
    /// <param name="tolerance">Relative tolerance on the ELBO change.</param>
    /// <param name="progress">Progress sink, or null.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>How the run ended.</returns>
    public static VmpRun Run(VmpModel model, int maxIterations, double tolerance, IProgress<InferenceProgress>? progress, CancellationToken cancellationToken)
    {
        var trace = new List<double>();
        var previous = double.NegativeInfinity;
        var exactInOnePass = model.IsExact && model.Params.Count == 0;
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (iteration > 1)
            {
                FitParams(model);
            }

            foreach (var variable in model.Schedule)
            {
                variable.Update();
            }

            model.Mixture?.Update();

            var elbo = Elbo(model);
            if (double.IsNaN(elbo))
            {
                throw new VmpModelException("the ELBO became NaN (data far outside the prior's scale, or an improper posterior)");
            }

            trace.Add(elbo);
            progress?.Report(new InferenceProgress(iteration, maxIterations, elbo, "vmp"));
            if (exactInOnePass || Math.Abs(elbo - previous) <= tolerance * Math.Max(1, Math.Abs(elbo)))
            {
                return new VmpRun(true, iteration, elbo, trace);
            }

            previous = elbo;
        }

        return new VmpRun(false, maxIterations, previous, trace);
    }

    /// <summary>ELBO = Σ E_q[log f] + Σ H[q].</summary>
    /// <param name="model">The model.</param>
    /// <returns>The ELBO.</returns>
    public static double Elbo(VmpModel model)
    {
        var sum = 0.0;
        foreach (var factor in model.Factors)
        {
            sum += factor.ExpectedLogDensity();
        }

        foreach (var variable in model.Schedule)
        {
            sum += variable.Entropy();
        }

        return sum + (model.Mixture?.Elbo() ?? 0);
    }

    /// <summary>
    /// The M-step for params used as precisions: the ELBO is Σ (n/2) log τ − (τ/2) S in τ, maximised
    /// at τ = Σn / ΣS — for α and β of linear regression these are the EM re-estimates of the
    /// evidence (Bishop 2006, eqs 9.63 and 9.68), converging to the type-II ML point of §3.5.2.
    /// </summary>
    private static void FitParams(VmpModel model)
    {
        if (model.EvidenceFit is { } fixedPoint)
        {
            fixedPoint.Fit();
            return;
        }

        foreach (var param in model.Params)
        {
            double count = 0, sum = 0;
            foreach (var factor in model.Factors)
            {
                var (n, s) = factor.PrecisionStatistics(param);
                count += n;
                sum += s;
            }

            if (count > 0 && sum > 0)
            {
                param.Value = count / sum;
            }
        }
    }
}
