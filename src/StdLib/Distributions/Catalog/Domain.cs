namespace Ppl.StdLib.Distributions;

/// <summary>
/// The set a parameter or a variate lives in, as the compiler's type checker sees it. It maps onto the
/// language's types: <c>real</c>, <c>pos</c>, <c>prob</c>, <c>int</c>, <c>bool</c>, <c>simplex[K]</c>,
/// <c>cov[D]</c>.
/// </summary>
public enum Domain
{
    /// <summary>Any real number (<c>real</c>).</summary>
    Real,

    /// <summary>Strictly positive reals (<c>pos</c>).</summary>
    Positive,

    /// <summary>Non-negative reals, x ≥ 0 (the support of Exponential, HalfNormal, HalfCauchy).</summary>
    NonNegative,

    /// <summary>The closed unit interval [0, 1] (<c>prob</c>).</summary>
    UnitInterval,

    /// <summary>The interval between two other parameters (Uniform's lo and hi).</summary>
    Interval,

    /// <summary>Reals greater than the preceding parameter (Uniform's hi &gt; lo).</summary>
    GreaterThanPrevious,

    /// <summary>The Wishart degrees of freedom: a real greater than D − 1.</summary>
    DegreesOfFreedom,

    /// <summary>{0, 1} (<c>bool</c>); Bernoulli also accepts <c>prob</c> data as a soft label.</summary>
    Bool,

    /// <summary>0, 1, 2, … (<c>int</c>).</summary>
    NonNegativeInteger,

    /// <summary>0, 1, …, n for a count parameter n (Binomial).</summary>
    BoundedInteger,

    /// <summary>0, 1, …, K − 1 for a K-vector parameter (Categorical: a discrete latent usable as an index).</summary>
    CategoryIndex,

    /// <summary>A vector of non-negative integers summing to n (Multinomial).</summary>
    CountVector,

    /// <summary>A probability vector: non-negative entries summing to one (<c>simplex[K]</c>).</summary>
    Simplex,

    /// <summary>A symmetric positive-definite matrix (<c>cov[D]</c>).</summary>
    PositiveDefinite,

    /// <summary>A distribution (the components of a Mixture).</summary>
    Distribution,
}
