namespace Ppl.Inference.Vmp.Gmm;

/// <summary>The node names of a variational mixture.</summary>
/// <param name="Weights">The Dirichlet weights.</param>
/// <param name="Means">The component means.</param>
/// <param name="Precisions">The component precisions.</param>
/// <param name="Indicators">The indicators z.</param>
/// <param name="Observed">The observed node.</param>
internal sealed record MixtureNames(string Weights, string Means, string Precisions, string Indicators, string Observed)
{
    /// <summary>All five.</summary>
    public IReadOnlySet<string> All => new HashSet<string> { Weights, Means, Precisions, Indicators, Observed };
}
