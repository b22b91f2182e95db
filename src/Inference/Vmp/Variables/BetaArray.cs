using Ppl.Compiler.Ir;
using Ppl.Inference.Results;
using Ppl.Inference.Vmp.Summaries;
using Ppl.Inference.Vmp.Building;
using Ppl.Tensors.Special;

namespace Ppl.Inference.Vmp.Variables;

/// <summary>
/// Independent Beta(a, b) probabilities, one per plate cell. Message layout: [a − 1 (Count) |
/// b − 1 (Count)], the natural parameters.
/// </summary>
internal sealed class BetaArray : TwoParameterArray
{
    /// <summary>A variable with every element Beta(1, 1) until its first update.</summary>
    /// <param name="node">The latent node.</param>
    /// <param name="grid">Its plates.</param>
    public BetaArray(RandomNode node, PlateGrid grid)
        : base(node, grid, 1, 1)
    {
        ExpectedLog = new double[grid.Count];
        ExpectedLogComplement = new double[grid.Count];
        Array.Fill(ExpectedLog, -1.0);
        Array.Fill(ExpectedLogComplement, -1.0);
    }

    /// <summary>a per element.</summary>
    public double[] A => First;

    /// <summary>b per element.</summary>
    public double[] B => Second;

    /// <summary>E[log p] = ψ(a) − ψ(a + b).</summary>
    public double[] ExpectedLog { get; }

    /// <summary>E[log(1 − p)] = ψ(b) − ψ(a + b).</summary>
    public double[] ExpectedLogComplement { get; }

    /// <inheritdoc/>
    protected override (string Family, string First, string Second) Names => ("Beta", "a", "b");

    /// <inheritdoc/>
    protected override (double First, double Second) FromNatural(double first, double second) => (first + 1, second + 1);

    /// <inheritdoc/>
    protected override void SetExpectations(int i)
    {
        var total = SpecialFunctions.Digamma(A[i] + B[i]);
        ExpectedLog[i] = SpecialFunctions.Digamma(A[i]) - total;
        ExpectedLogComplement[i] = SpecialFunctions.Digamma(B[i]) - total;
    }

    /// <inheritdoc/>
    protected override double ElementEntropy(int i) => new StdLib.Distributions.Beta(A[i], B[i]).Entropy;

    /// <inheritdoc/>
    public override Posterior Summarise(int[] shape) => PosteriorSummaries.Beta(Name, shape, A, B);
}
