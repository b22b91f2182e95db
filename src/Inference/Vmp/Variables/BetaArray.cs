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
internal sealed class BetaArray : VmpVariable
{
    /// <summary>A variable with every element Beta(1, 1) until its first update.</summary>
    /// <param name="node">The latent node.</param>
    /// <param name="grid">Its plates.</param>
    public BetaArray(RandomNode node, PlateGrid grid)
        : base(node, grid, 2 * grid.Count)
    {
        A = new double[grid.Count];
        B = new double[grid.Count];
        ExpectedLog = new double[grid.Count];
        ExpectedLogComplement = new double[grid.Count];
        Array.Fill(A, 1.0);
        Array.Fill(B, 1.0);
        Array.Fill(ExpectedLog, -1.0);
        Array.Fill(ExpectedLogComplement, -1.0);
    }

    /// <summary>a per element.</summary>
    public double[] A { get; }

    /// <summary>b per element.</summary>
    public double[] B { get; }

    /// <summary>E[log p] = ψ(a) − ψ(a + b).</summary>
    public double[] ExpectedLog { get; }

    /// <summary>E[log(1 − p)] = ψ(b) − ψ(a + b).</summary>
    public double[] ExpectedLogComplement { get; }

    /// <inheritdoc/>
    protected override void SetFromNatural(double[] natural)
    {
        var n = Count;
        for (var i = 0; i < n; i++)
        {
            var a = natural[i] + 1;
            var b = natural[n + i] + 1;
            if (!(a > 0 && b > 0))
            {
                throw new VmpModelException($"the posterior of '{Name}' is not a proper Beta (a {a}, b {b})");
            }

            A[i] = a;
            B[i] = b;
            var total = SpecialFunctions.Digamma(a + b);
            ExpectedLog[i] = SpecialFunctions.Digamma(a) - total;
            ExpectedLogComplement[i] = SpecialFunctions.Digamma(b) - total;
        }
    }

    /// <inheritdoc/>
    public override double Entropy()
    {
        var sum = 0.0;
        for (var i = 0; i < Count; i++)
        {
            sum += new StdLib.Distributions.Beta(A[i], B[i]).Entropy;
        }

        return sum;
    }

    /// <inheritdoc/>
    public override Posterior Summarise(int[] shape) => PosteriorSummaries.Beta(Name, shape, A, B);
}
