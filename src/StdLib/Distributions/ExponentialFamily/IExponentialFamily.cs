namespace Ppl.StdLib.Distributions;

/// <summary>
/// The exponential-family view that message passing and EM work in:
/// p(x | η) = h(x) · exp(ηᵀ T(x) − A(η)) (Bishop 2006, eq. 2.194), with natural parameters η,
/// sufficient statistics T(x), base measure h(x) and log-normaliser A(η).
/// </summary>
/// <remarks>
/// Vector and matrix parts of η and T(x) are flattened row-major in a documented order per family.
/// E[T(x)] = ∇A(η) (Bishop 2006, eq. 2.226) is what a variational message needs from a posterior:
/// e.g. (E[τ], E[log τ]) for a Gamma, E[log π] for a Dirichlet, (E[Λ], E[log |Λ|]) for a Wishart.
/// </remarks>
/// <typeparam name="TSelf">The family.</typeparam>
/// <typeparam name="TValue">Its variate.</typeparam>
public interface IExponentialFamily<out TSelf, in TValue> : IDensity<TValue>
    where TSelf : IExponentialFamily<TSelf, TValue>
    where TValue : allows ref struct
{
    /// <summary>η, flattened.</summary>
    double[] NaturalParameters { get; }

    /// <summary>A(η), the log-partition function.</summary>
    double LogNormaliser { get; }

    /// <summary>E[T(x)] under this distribution, = ∇A(η).</summary>
    double[] ExpectedSufficientStatistics { get; }

    /// <summary>T(x), flattened like <see cref="NaturalParameters"/>.</summary>
    double[] SufficientStatistics(TValue value);

    /// <summary>log h(x), so that log p(x) = log h(x) + ηᵀT(x) − A(η).</summary>
    double LogBaseMeasure(TValue value);

    /// <summary>The member of the same family (same fixed, non-natural parts such as a Binomial's n or a
    /// dimension) with natural parameters <paramref name="naturalParameters"/>.</summary>
    TSelf WithNaturalParameters(ReadOnlySpan<double> naturalParameters);
}
