using Ppl.Compiler.Ir;
using Ppl.Inference.Results;
using Ppl.Inference.Vmp.Building;
using Ppl.Inference.Vmp.Factors;

namespace Ppl.Inference.Vmp.Variables;

/// <summary>
/// The variational factor q of one latent node: a whole plate-array of independent members of one
/// exponential family, stored as natural parameters. Its update is the VMP fixed point
/// (Winn &amp; Bishop 2005, eq. 22): η_q = Σ over the factors touching it of the messages
/// E_{q(others)}[natural parameter the factor gives this variable], the prior's message included.
/// </summary>
internal abstract class VmpVariable
{
    /// <summary>A variable for a latent node on a plate grid.</summary>
    /// <param name="node">The latent node.</param>
    /// <param name="grid">Its plates, sized.</param>
    /// <param name="naturalLength">Length of its natural-parameter accumulator.</param>
    protected VmpVariable(RandomNode node, PlateGrid grid, int naturalLength)
    {
        Node = node;
        Grid = grid;
        Natural = new double[naturalLength];
    }

    /// <summary>The latent node.</summary>
    public RandomNode Node { get; }

    /// <summary>The node's name.</summary>
    public string Name => Node.Name;

    /// <summary>The variable's plates.</summary>
    public PlateGrid Grid { get; }

    /// <summary>Number of independent elements (the plate cells).</summary>
    public int Count => Grid.Count;

    /// <summary>Every factor that sends this variable a message (its prior first).</summary>
    public List<VmpFactor> Factors { get; } = [];

    /// <summary>The natural-parameter accumulator the factors add their messages into.</summary>
    protected double[] Natural { get; }

    /// <summary>Collects every factor's message and sets q to the resulting member of the family.</summary>
    public void Update()
    {
        Array.Clear(Natural);
        foreach (var factor in Factors)
        {
            factor.AddMessage(this, Natural);
        }

        SetFromNatural(Natural);
    }

    /// <summary>Sets q from summed natural parameters (layout documented per variable type).</summary>
    /// <param name="natural">The summed messages.</param>
    protected abstract void SetFromNatural(double[] natural);

    /// <summary>H[q] = −E_q[log q], summed over the elements.</summary>
    /// <returns>The entropy.</returns>
    public abstract double Entropy();

    /// <summary>The posterior summary of q for the results.</summary>
    /// <param name="shape">The node's full shape (plate sizes, then element shape).</param>
    /// <returns>The summary.</returns>
    public abstract Posterior Summarise(int[] shape);
}
