using Ppl.Compiler.Ir;
using Ppl.Inference.Vmp.Variables;

namespace Ppl.Inference.Vmp.Factors;

/// <summary>
/// One factor of the graph: the conditional density of one random node given its parents, vectorised
/// over the node's plates. It sends each variable it touches the VMP message (Winn &amp; Bishop 2005,
/// eq. 18: the expectation, under q of the other variables, of the natural parameter it gives that
/// variable) and contributes E_q[log factor] to the ELBO.
/// </summary>
/// <param name="node">The random node the factor is the density of.</param>
internal abstract class VmpFactor(RandomNode node)
{
    /// <summary>The node.</summary>
    public RandomNode Node { get; } = node;

    /// <summary>The variables the factor touches.</summary>
    public abstract IEnumerable<VmpVariable> Variables { get; }

    /// <summary>Adds this factor's message to <paramref name="target"/> into its natural-parameter accumulator.</summary>
    /// <param name="target">One of <see cref="Variables"/>.</param>
    /// <param name="natural">The accumulator (layout of the target's type).</param>
    public abstract void AddMessage(VmpVariable target, double[] natural);

    /// <summary>E_q[log factor], summed over the plates.</summary>
    /// <returns>The factor's ELBO term.</returns>
    public abstract double ExpectedLogDensity();

    /// <summary>
    /// For a <c>param</c> used as a precision here: the count n and E_q[Σ squared deviations] S, so that the
    /// factor's ELBO term in τ is (n/2) log τ − (τ/2) S + const, maximised over all factors at τ = Σn / ΣS.
    /// </summary>
    /// <param name="param">The param.</param>
    /// <returns>(n, S), zero when the factor does not use it.</returns>
    public virtual (double Count, double SumOfSquares) PrecisionStatistics(ParamCell param) => (0, 0);
}

/// <summary>The current value of a <c>param</c>, fitted by maximising the ELBO (type-II ML where the model is conjugate).</summary>
/// <param name="node">The param node.</param>
/// <param name="value">Its initial value.</param>
internal sealed class ParamCell(ParamNode node, double value)
{
    /// <summary>The node.</summary>
    public ParamNode Node { get; } = node;

    /// <summary>The current value.</summary>
    public double Value { get; set; } = value;
}
