namespace Ppl.StdLib.Distributions;

/// <summary>
/// The rank of one draw (an "event"): scalars, vectors or matrices. Array axes beyond it are plates or
/// i.i.d. broadcasting.
/// </summary>
public enum EventRank
{
    /// <summary>One number per draw.</summary>
    Scalar = 0,

    /// <summary>A vector per draw (MvNormal, Dirichlet, Multinomial, and vector parameters).</summary>
    Vector = 1,

    /// <summary>A matrix per draw (Wishart, and matrix parameters such as a covariance).</summary>
    Matrix = 2,
}
