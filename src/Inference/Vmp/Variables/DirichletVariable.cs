using Ppl.Compiler.Ir;
using Ppl.Inference.Results;
using Ppl.Inference.Vmp.Summaries;
using Ppl.Inference.Vmp.Building;
using Ppl.Tensors.Special;

namespace Ppl.Inference.Vmp.Variables;

/// <summary>One global Dirichlet over a simplex of K. Message layout: [α − 1 (K)].</summary>
internal sealed class DirichletVariable : VmpVariable
{
    /// <summary>A variable that is Dirichlet(1, …, 1) until its first update.</summary>
    /// <param name="node">The latent node.</param>
    /// <param name="k">The simplex size.</param>
    public DirichletVariable(RandomNode node, int k)
        : base(node, PlateGrid.Scalar, k)
    {
        Alpha = new double[k];
        ExpectedLog = new double[k];
        Array.Fill(Alpha, 1.0);
        SetExpectations();
    }

    /// <summary>The concentrations.</summary>
    public double[] Alpha { get; }

    /// <summary>E[log π_k] = ψ(α_k) − ψ(Σα) (Bishop 2006, eq. B.21).</summary>
    public double[] ExpectedLog { get; }

    /// <summary>The simplex size.</summary>
    public int Dimension => Alpha.Length;

    /// <inheritdoc/>
    protected override void SetFromNatural(double[] natural)
    {
        for (var k = 0; k < Alpha.Length; k++)
        {
            Alpha[k] = natural[k] + 1;
            if (!(Alpha[k] > 0))
            {
                throw new VmpModelException($"the posterior of '{Name}' is not a proper Dirichlet");
            }
        }

        SetExpectations();
    }

    private void SetExpectations()
    {
        var total = SpecialFunctions.Digamma(Alpha.Sum());
        for (var k = 0; k < Alpha.Length; k++)
        {
            ExpectedLog[k] = SpecialFunctions.Digamma(Alpha[k]) - total;
        }
    }

    /// <inheritdoc/>
    public override double Entropy() => new StdLib.Distributions.Dirichlet(Alpha).Entropy;

    /// <inheritdoc/>
    public override Posterior Summarise(int[] shape) => PosteriorSummaries.Dirichlet(Name, Alpha);
}
