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
internal sealed class GammaArray : VmpVariable
{
    /// <summary>A variable with every element Gamma(1, 1) until its first update.</summary>
    /// <param name="node">The latent node.</param>
    /// <param name="grid">Its plates.</param>
    public GammaArray(RandomNode node, PlateGrid grid)
        : base(node, grid, 2 * grid.Count)
    {
        Shape = new double[grid.Count];
        Rate = new double[grid.Count];
        Expected = new double[grid.Count];
        ExpectedLog = new double[grid.Count];
        Array.Fill(Shape, 1.0);
        Array.Fill(Rate, 1.0);
        Array.Fill(Expected, 1.0);
        Array.Fill(ExpectedLog, SpecialFunctions.Digamma(1));
    }

    /// <summary>Shape a per element.</summary>
    public double[] Shape { get; }

    /// <summary>Rate b per element.</summary>
    public double[] Rate { get; }

    /// <summary>E[τ] = a / b.</summary>
    public double[] Expected { get; }

    /// <summary>E[log τ] = ψ(a) − log b (Bishop 2006, eq. B.30).</summary>
    public double[] ExpectedLog { get; }

    /// <inheritdoc/>
    protected override void SetFromNatural(double[] natural)
    {
        var n = Count;
        for (var i = 0; i < n; i++)
        {
            var a = natural[i] + 1;
            var b = natural[n + i];
            if (!(a > 0 && b > 0))
            {
                throw new VmpModelException($"the posterior of '{Name}' is not a proper Gamma (shape {a}, rate {b})");
            }

            Shape[i] = a;
            Rate[i] = b;
            Expected[i] = a / b;
            ExpectedLog[i] = SpecialFunctions.Digamma(a) - Math.Log(b);
        }
    }

    /// <inheritdoc/>
    public override double Entropy()
    {
        // H[Gamma(a, b)] = a − log b + log Γ(a) + (1 − a) ψ(a) (Bishop 2006, eq. B.31).
        var sum = 0.0;
        for (var i = 0; i < Count; i++)
        {
            var a = Shape[i];
            sum += a - Math.Log(Rate[i]) + SpecialFunctions.LogGamma(a) + (1 - a) * SpecialFunctions.Digamma(a);
        }

        return sum;
    }

    /// <inheritdoc/>
    public override Posterior Summarise(int[] shape) => PosteriorSummaries.Gamma(Name, shape, Shape, Rate);
}
