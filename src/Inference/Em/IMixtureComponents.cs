using Ppl.Inference.Results;

namespace Ppl.Inference.Em;

/// <summary>
/// The K component densities of a finite mixture over N data points: what EM needs from a family
/// (Bishop 2006, §9.2–9.3). The E-step asks for log p(xₙ | θₖ) for all n and k at once (an N × K
/// row-major block); the M-step gives back the responsibilities and their column sums.
/// </summary>
internal interface IMixtureComponents
{
    /// <summary>Number of data points N.</summary>
    int Count { get; }

    /// <summary>Number of components K.</summary>
    int Components { get; }

    /// <summary>Free parameters of the K components (weights excluded), for BIC and AIC.</summary>
    int FreeParameters { get; }

    /// <summary>The data as an N × F real matrix, for k-means++ seeding.</summary>
    ReadOnlySpan<double> Features { get; }

    /// <summary>Columns F of <see cref="Features"/>.</summary>
    int FeatureCount { get; }

    /// <summary>Writes log p(xₙ | θₖ) into the N × K row-major <paramref name="logDensity"/>.</summary>
    void LogDensities(double[] logDensity);

    /// <summary>
    /// The closed-form M-step from the N × K responsibilities <paramref name="responsibility"/> and
    /// their column sums <paramref name="total"/> (all positive). Returns how many components needed
    /// the floor (a covariance, variance or probability clamped away from degeneracy).
    /// </summary>
    int Maximise(double[] responsibility, ReadOnlySpan<double> total);

    /// <summary>A deep copy of the current parameters, to keep the best restart.</summary>
    IMixtureComponents Clone();

    /// <summary>The component parameters, by the model's param names, in their declared shapes.</summary>
    IReadOnlyList<ParamEstimate> Estimates();
}
