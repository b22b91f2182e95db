using Ppl.Compiler.Ir;
using Ppl.Inference.Results;
using Ppl.Inference.Vmp.Summaries;
using Ppl.Inference.Vmp.Building;

namespace Ppl.Inference.Vmp.Variables;

/// <summary>
/// Independent scalar Gaussians, one per plate cell. Message layout: [precision·mean (Count) |
/// precision (Count)], i.e. the natural parameters (τm, −τ/2) with the second stored as τ.
/// </summary>
internal sealed class GaussianArray : VmpVariable
{
    /// <summary>A variable with every element N(0, 1) until its first update.</summary>
    /// <param name="node">The latent node.</param>
    /// <param name="grid">Its plates.</param>
    public GaussianArray(RandomNode node, PlateGrid grid)
        : base(node, grid, 2 * grid.Count)
    {
        Mean = new double[grid.Count];
        Variance = new double[grid.Count];
        Array.Fill(Variance, 1.0);
    }

    /// <summary>E[x] per element.</summary>
    public double[] Mean { get; }

    /// <summary>Var[x] per element.</summary>
    public double[] Variance { get; }

    /// <inheritdoc/>
    protected override void SetFromNatural(double[] natural)
    {
        var n = Count;
        for (var i = 0; i < n; i++)
        {
            var precision = natural[n + i];
            if (!(precision > 0))
            {
                throw new VmpModelException($"the posterior of '{Name}' has no positive precision (an improper prior with no data?)");
            }

            Variance[i] = 1 / precision;
            Mean[i] = natural[i] / precision;
        }
    }

    /// <inheritdoc/>
    public override double Entropy()
    {
        // H[N(m, v)] = ½ log(2πe v).
        var sum = 0.0;
        foreach (var v in Variance)
        {
            sum += 0.5 * Math.Log(2 * Math.PI * Math.E * v);
        }

        return sum;
    }

    /// <inheritdoc/>
    public override Posterior Summarise(int[] shape) =>
        PosteriorSummaries.Normal(Name, shape, Mean, [.. Variance.Select(Math.Sqrt)]);
}
