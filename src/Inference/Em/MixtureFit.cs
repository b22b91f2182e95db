namespace Ppl.Inference.Em;

/// <summary>The result of EM on a mixture.</summary>
/// <param name="Components">The fitted component parameters.</param>
/// <param name="Weights">The mixing weights πₖ.</param>
/// <param name="Responsibility">The N × K responsibilities p(zₙ = k | xₙ) at the final parameters.</param>
/// <param name="LogLikelihood">log p(X | θ) at the final parameters.</param>
/// <param name="Trace">The log-likelihood at the start of each iteration and at the end.</param>
/// <param name="Converged">True when the relative change fell below the tolerance before the cap.</param>
/// <param name="Iterations">M-steps run.</param>
/// <param name="Notes">What the user should know: floors that acted, re-seeded components, the restart kept.</param>
internal sealed record MixtureFit(
    IMixtureComponents Components,
    double[] Weights,
    double[] Responsibility,
    double LogLikelihood,
    IReadOnlyList<double> Trace,
    bool Converged,
    int Iterations,
    IReadOnlyList<string> Notes)
{
    /// <summary>Free parameters: the components' and K − 1 weights.</summary>
    public int FreeParameters => Components.FreeParameters + Weights.Length - 1;

    /// <summary>Bayesian information criterion −2 log L + p log N (Schwarz 1978).</summary>
    public double Bic => -2 * LogLikelihood + FreeParameters * Math.Log(Components.Count);

    /// <summary>Akaike information criterion −2 log L + 2p.</summary>
    public double Aic => -2 * LogLikelihood + 2 * FreeParameters;
}
