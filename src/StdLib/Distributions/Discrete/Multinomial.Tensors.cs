using Ppl.Tensors;

namespace Ppl.StdLib.Distributions;

/// <summary>The Multinomial log-mass on autodiff tensors, batched over the leading (plate) axes.</summary>
public sealed partial class Multinomial
{
    /// <summary>
    /// One category's share of log Mult(x; n, p) = log Γ(n + 1) + Σₖ [xₖ log pₖ − log Γ(xₖ + 1)]: the summand,
    /// shared by the double and the tensor paths (the double path takes 0 for xₖ = 0, its limit).
    /// </summary>
    public static T LogDensityTerm<T>(T count, T p) where T : IReal<T> => count * T.Log(p) - T.LogGamma(count + 1.0);

    /// <summary>
    /// log Mult(x; n, p) for every row of counts <paramref name="x"/> ([.., K], n = Σₖ xₖ per row) with
    /// <paramref name="p"/> broadcasting against it, differentiable in p (pₖ &gt; 0).
    /// </summary>
    public static Tensor LogDensity(Tensor x, Tensor p)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(p);
        return LogDensityTerm(x, p).Sum(-1) + Tensor.LogGamma(x.Sum(-1) + 1.0);
    }
}
