using Ppl.Compiler.Ir;
using Ppl.Inference.Results;
using Ppl.Inference.Vmp.Summaries;
using Ppl.Inference.Vmp.Building;
using Ppl.Tensors.Special;

namespace Ppl.Inference.Vmp.Variables;

/// <summary>
/// Independent Gamma(shape, rate) variables (precisions, Poisson rates), one per plate cell. Message
/// layout: [shape − 1 (Count) | rate (Count)], the natural parameters (a − 1, −b) with the sign of
/// the second flipped.
/// </summary>
internal sealed class GammaArray : TwoParameterArray
{
    /// <summary>A variable with every element Gamma(1, 1) until its first update.</summary>
    /// <param name="node">The latent node.</param>
    /// <param name="grid">Its plates.</param>
    public GammaArray(RandomNode node, PlateGrid grid)
        : base(node, grid, 1, 1)
    {
        Expected = new double[grid.Count];
        ExpectedLog = new double[grid.Count];
        Array.Fill(Expected, 1.0);
        Array.Fill(ExpectedLog, SpecialFunctions.Digamma(1));
    }

    /// <summary>Shape a per element.</summary>
    public double[] Shape => First;

    /// <summary>Rate b per element.</summary>
    public double[] Rate => Second;

    /// <summary>E[τ] = a / b.</summary>
    public double[] Expected { get; }

    /// <summary>E[log τ] = ψ(a) − log b (Bishop 2006, eq. B.30).</summary>
    public double[] ExpectedLog { get; }

    /// <inheritdoc/>
    protected override (string Family, string First, string Second) Names => ("Gamma", "shape", "rate");

    /// <inheritdoc/>
    protected override (double First, double Second) FromNatural(double first, double second) => (first + 1, second);

    /// <inheritdoc/>
    protected override void SetExpectations(int i)
    {
        Expected[i] = Shape[i] / Rate[i];
        ExpectedLog[i] = SpecialFunctions.Digamma(Shape[i]) - Math.Log(Rate[i]);
    }

    /// <inheritdoc/>
    protected override double ElementEntropy(int i)
    {
        // H[Gamma(a, b)] = a − log b + log Γ(a) + (1 − a) ψ(a) (Bishop 2006, eq. B.31).
        var a = Shape[i];
        return a - Math.Log(Rate[i]) + SpecialFunctions.LogGamma(a) + (1 - a) * SpecialFunctions.Digamma(a);
    }

    /// <inheritdoc/>
    public override Posterior Summarise(int[] shape) => PosteriorSummaries.Gamma(Name, shape, Shape, Rate);
}
