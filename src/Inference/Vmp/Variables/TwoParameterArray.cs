using Ppl.Compiler.Ir;
using Ppl.Inference.Vmp.Building;

namespace Ppl.Inference.Vmp.Variables;

/// <summary>
/// Independent members of a two-parameter exponential family, one per plate cell, with the message
/// layout [first natural statistic's coefficient (Count) | second (Count)]: the storage of the two
/// parameters, the update loop with its properness check and the entropy sum shared by
/// <see cref="BetaArray"/> and <see cref="GammaArray"/>.
/// </summary>
internal abstract class TwoParameterArray : VmpVariable
{
    /// <summary>A variable with every element at (<paramref name="first"/>, <paramref name="second"/>) until its first update.</summary>
    /// <param name="node">The latent node.</param>
    /// <param name="grid">Its plates.</param>
    /// <param name="first">The initial first parameter.</param>
    /// <param name="second">The initial second parameter.</param>
    protected TwoParameterArray(RandomNode node, PlateGrid grid, double first, double second)
        : base(node, grid, 2 * grid.Count)
    {
        First = new double[grid.Count];
        Second = new double[grid.Count];
        Array.Fill(First, first);
        Array.Fill(Second, second);
    }

    /// <summary>The first parameter per element.</summary>
    protected double[] First { get; }

    /// <summary>The second parameter per element.</summary>
    protected double[] Second { get; }

    /// <summary>The family's name and its parameters' names, for the message of an improper posterior.</summary>
    protected abstract (string Family, string First, string Second) Names { get; }

    /// <summary>The parameters from one element's summed messages.</summary>
    /// <param name="first">The first half of the accumulator at the element.</param>
    /// <param name="second">The second half.</param>
    /// <returns>The parameters (both must be positive).</returns>
    protected abstract (double First, double Second) FromNatural(double first, double second);

    /// <summary>Refreshes the expectations other factors read at element <paramref name="i"/>.</summary>
    /// <param name="i">The element.</param>
    protected abstract void SetExpectations(int i);

    /// <summary>H[q] of element <paramref name="i"/>.</summary>
    /// <param name="i">The element.</param>
    /// <returns>Its entropy.</returns>
    protected abstract double ElementEntropy(int i);

    /// <inheritdoc/>
    protected sealed override void SetFromNatural(double[] natural)
    {
        var n = Count;
        for (var i = 0; i < n; i++)
        {
            var (first, second) = FromNatural(natural[i], natural[n + i]);
            if (!(first > 0 && second > 0))
            {
                var names = Names;
                throw new VmpModelException($"the posterior of '{Name}' is not a proper {names.Family} ({names.First} {first}, {names.Second} {second})");
            }

            First[i] = first;
            Second[i] = second;
            SetExpectations(i);
        }
    }

    /// <inheritdoc/>
    public sealed override double Entropy()
    {
        var sum = 0.0;
        for (var i = 0; i < Count; i++)
        {
            sum += ElementEntropy(i);
        }

        return sum;
    }
}
