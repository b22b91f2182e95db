using System.Numerics.Tensors;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Em;

/// <summary>Settings of one EM run.</summary>
/// <param name="MaxIterations">The cap on M-steps.</param>
/// <param name="Tolerance">Stop when |ΔL| ≤ tolerance · |L|; 0 runs exactly to the cap (as scikit-learn with tol=0).</param>
/// <param name="Restarts">Independent k-means++ starts; the best final log-likelihood is kept.</param>
internal readonly record struct EmSettings(int MaxIterations, double Tolerance, int Restarts);

/// <summary>
/// EM for a finite mixture (Dempster, Laird and Rubin 1977; Bishop 2006, §9.2.2): the E-step
/// rₙₖ = πₖ p(xₙ|θₖ) / Σⱼ πⱼ p(xₙ|θⱼ) in log space (log-sum-exp over K, vectorised over N × K), the
/// M-step in closed form per family, πₖ = Nₖ / N. The log-likelihood Σₙ log Σₖ πₖ p(xₙ|θₖ) is the
/// log-sum-exp's by-product, so every iteration's value is in the trace; EM never decreases it.
/// </summary>
internal static class MixtureEm
{
    /// <summary>A column sum below this makes a component empty; it is re-seeded.</summary>
    private const double EmptyTotal = 1e-8;

    /// <summary>
    /// Responsibilities below this are set to 0. They change no sum visibly (N · 1e-200), and left alone
    /// they become subnormal numbers in the M-step's products, which cost a microcode assist each on x86
    /// (scikit-learn pays that; it made the M-step an order of magnitude slower on separated clusters here).
    /// </summary>
    internal const double Negligible = 1e-200;

    /// <summary>Fits from seeded k-means++ starts, keeping the best of <see cref="EmSettings.Restarts"/>.</summary>
    public static MixtureFit Fit(Func<IMixtureComponents> create, EmSettings settings, RandomSource random,
        IProgress<InferenceProgress>? progress, CancellationToken cancellationToken)
    {
        MixtureFit? best = null;
        var restarts = Math.Max(1, settings.Restarts);
        for (var restart = 0; restart < restarts; restart++)
        {
            var components = create();
            var stream = random.Split();
            var labels = KMeansPlusPlus.Labels(components.Features, components.Count, components.FeatureCount, components.Components, stream);
            var responsibility = new double[components.Count * components.Components];
            for (var row = 0; row < labels.Length; row++)
            {
                responsibility[row * components.Components + labels[row]] = 1;
            }
            var notes = new List<string>();
            var weights = MStep(components, responsibility, new double[components.Count], 0, notes);
            var phase = restarts > 1 ? $"restart {restart + 1}/{restarts}" : "em";
            var fit = Iterate(components, weights, settings, phase, notes, progress, cancellationToken);
            if (best is null || fit.LogLikelihood > best.LogLikelihood)
            {
                best = fit;
            }
        }
        return restarts > 1
            ? best! with { Notes = [.. best!.Notes, $"kept the best of {restarts} restarts (log-likelihood {best.LogLikelihood:G6})"] }
            : best!;
    }

    /// <summary>Runs EM from the current component parameters and <paramref name="weights"/> (the initialisation hook).</summary>
    public static MixtureFit Iterate(IMixtureComponents components, double[] weights, EmSettings settings, string phase,
        List<string> notes, IProgress<InferenceProgress>? progress, CancellationToken cancellationToken)
    {
        var (n, k) = (components.Count, components.Components);
        var responsibility = new double[n * k];
        var rowLogLikelihood = new double[n];
        var trace = new List<double>();
        var converged = false;
        var iteration = 0;
        double logLikelihood;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            logLikelihood = EStep(components, weights, responsibility, rowLogLikelihood);
            trace.Add(logLikelihood);
            progress?.Report(new InferenceProgress(iteration, settings.MaxIterations, logLikelihood, phase));
            if (!double.IsFinite(logLikelihood))
            {
                notes.Add($"the log-likelihood became {logLikelihood} at iteration {iteration}; EM stopped there");
                break;
            }
            if (settings.Tolerance > 0 && trace.Count > 1 && Math.Abs(logLikelihood - trace[^2]) <= settings.Tolerance * Math.Abs(logLikelihood))
            {
                converged = true;
                break;
            }
            if (iteration == settings.MaxIterations)
            {
                break;
            }
            iteration++;
            weights = MStep(components, responsibility, rowLogLikelihood, iteration, notes);
        }
        return new MixtureFit(components, weights, responsibility, logLikelihood, trace, converged, iteration, notes);
    }

    /// <summary>
    /// The E-step: fills the responsibilities (and, when given, each point's log-likelihood) and returns
    /// the log-likelihood (Bishop 2006, eqs. 9.23, 9.28).
    /// </summary>
    public static double EStep(IMixtureComponents components, ReadOnlySpan<double> weights, double[] responsibility, double[]? rowLogLikelihood = null)
    {
        var (n, k) = (components.Count, components.Components);
        rowLogLikelihood ??= new double[n];
        if (components is IFusedEStep fused)
        {
            return fused.EStep(weights, responsibility, rowLogLikelihood);
        }
        components.LogDensities(responsibility);
        var logWeights = new double[k];
        TensorPrimitives.Log(weights, logWeights);
        RowChunks.For(n, (start, end) =>
        {
            for (var row = start; row < end; row++)
            {
                var r = responsibility.AsSpan(row * k, k);
                var max = double.NegativeInfinity;
                for (var c = 0; c < k; c++)
                {
                    r[c] += logWeights[c];
                    max = Math.Max(max, r[c]);
                }
                if (double.IsNegativeInfinity(max))
                {
                    rowLogLikelihood[row] = double.NegativeInfinity;
                    r.Fill(1.0 / k);
                    continue;
                }
                var total = 0.0;
                for (var c = 0; c < k; c++)
                {
                    r[c] = Math.Exp(r[c] - max);
                    total += r[c];
                }
                var inverse = 1 / total;
                for (var c = 0; c < k; c++)
                {
                    r[c] = r[c] * inverse < Negligible ? 0 : r[c] * inverse;
                }
                rowLogLikelihood[row] = max + Math.Log(total);
            }
        });
        var sum = 0.0;
        foreach (var value in rowLogLikelihood)
        {
            sum += value;
        }
        return sum;
    }

    /// <summary>The M-step: re-seeds empty components, then πₖ = Nₖ/N and the family's closed form.</summary>
    internal static double[] MStep(IMixtureComponents components, double[] responsibility, ReadOnlySpan<double> rowLogLikelihood, int iteration, List<string> notes)
    {
        var (n, k) = (components.Count, components.Components);
        var total = ColumnSums(responsibility, n, k);
        List<int>? taken = null;
        for (var c = 0; c < k; c++)
        {
            if (total[c] < EmptyTotal)
            {
                taken ??= [];
                var row = Reseed(responsibility, rowLogLikelihood, k, c, taken);
                notes.Add($"component {c} was empty at iteration {iteration} (its responsibilities summed to {total[c]:G3}) and was re-seeded at data point {row}, the one the fit explained worst (log-likelihood {rowLogLikelihood[row]:G6})");
                total = ColumnSums(responsibility, n, k);
            }
        }
        var floored = components.Maximise(responsibility, total);
        if (floored > 0)
        {
            notes.Add($"the floor acted on {floored} component(s) at iteration {iteration}: a collapsing (singular) component was kept away from zero variance");
        }
        var weights = new double[k];
        TensorPrimitives.Divide(total, n, weights);
        return weights;
    }

    /// <summary>
    /// Gives component <paramref name="c"/> the data point with the lowest log-likelihood under the current
    /// fit (not one already given to another empty component); returns its row.
    /// </summary>
    private static int Reseed(double[] responsibility, ReadOnlySpan<double> rowLogLikelihood, int k, int c, List<int> taken)
    {
        var worst = -1;
        for (var row = 0; row < rowLogLikelihood.Length; row++)
        {
            if ((worst < 0 || rowLogLikelihood[row] < rowLogLikelihood[worst]) && !taken.Contains(row))
            {
                worst = row;
            }
        }
        taken.Add(worst);
        var r = responsibility.AsSpan(worst * k, k);
        r.Clear();
        r[c] = 1;
        return worst;
    }

    private static double[] ColumnSums(ReadOnlySpan<double> responsibility, int n, int k)
    {
        var total = new double[k];
        for (var row = 0; row < n; row++)
        {
            var r = responsibility.Slice(row * k, k);
            for (var c = 0; c < k; c++)
            {
                total[c] += r[c];
            }
        }
        return total;
    }
}
