namespace Ppl.StdLib.Distributions;

/// <summary>A continuous univariate distribution: it also has a CDF and a quantile function.</summary>
public interface IContinuousDistribution : IUnivariateDistribution
{
    /// <summary>F(x) = P(X ≤ x).</summary>
    double Cdf(double x);

    /// <summary>F⁻¹(p), the smallest x with F(x) ≥ p, for p in [0, 1].</summary>
    double Quantile(double probability);
}
