namespace Ppl.Inference.Em;

/// <summary>
/// Components that run the whole E-step themselves, the log-densities and their normalisation fused per
/// block of rows (so the N × K log-densities never make a round trip through memory).
/// </summary>
internal interface IFusedEStep
{
    /// <summary>
    /// Fills the N × K row-major <paramref name="responsibility"/> rₙₖ ∝ πₖ p(xₙ | θₖ) and
    /// <paramref name="rowLogLikelihood"/>ₙ = log Σₖ πₖ p(xₙ | θₖ); returns their sum (Bishop 2006, eqs. 9.23, 9.28).
    /// </summary>
    double EStep(ReadOnlySpan<double> weights, double[] responsibility, double[] rowLogLikelihood);
}
