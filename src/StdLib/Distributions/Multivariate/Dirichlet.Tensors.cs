using Ppl.Tensors;

namespace Ppl.StdLib.Distributions;

/// <summary>The Dirichlet log-density on autodiff tensors, batched over the leading (plate) axes.</summary>
public sealed partial class Dirichlet
{
    /// <summary>
    /// One category's share of log Dir(x; α) = log Γ(α₀) + Σₖ [(αₖ − 1) log xₖ − log Γ(αₖ)]: the summand
    /// (αₖ − 1) log xₖ − log Γ(αₖ), shared by the double and the tensor paths.
    /// </summary>
    public static T LogDensityTerm<T>(T x, T alpha) where T : IReal<T> => (alpha - 1.0) * T.Log(x) - T.LogGamma(alpha);

    /// <summary>
    /// log Dir(x; α) for every row of <paramref name="x"/> ([.., K]) with <paramref name="alpha"/> broadcasting
    /// against it ([K] shared, or one row per x row), differentiable in both: Σₖ of
    /// <see cref="LogDensityTerm{T}"/> over the last axis plus log Γ(Σₖ αₖ). x must lie inside the simplex.
    /// </summary>
    public static Tensor LogDensity(Tensor x, Tensor alpha)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(alpha);
        return LogDensityTerm(x, alpha).Sum(-1) + Tensor.LogGamma(alpha.Sum(-1));
    }
}
