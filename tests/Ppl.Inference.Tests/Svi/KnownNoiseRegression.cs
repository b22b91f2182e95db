namespace Ppl.Inference.Tests.Svi;

/// <summary>
/// Bayesian linear regression with prior w ~ N(0, I) and known noise sd 0.5, whose posterior is
/// N(Λ⁻¹Xᵀy/σ², Λ⁻¹) with Λ = I + XᵀX/σ² (Bishop 2006, eqs. 3.53–3.54): the model and the
/// closed-form pieces shared by the SVI recovery tests.
/// </summary>
internal static class KnownNoiseRegression
{
    /// <summary>The noise sd of <see cref="Model"/>.</summary>
    public const double Sigma = 0.5;

    /// <summary>The model: D weights, N observations.</summary>
    public const string Model = """
        data X: real[N, D]
        data y: real[N]
        w: real[D] ~ Normal(0, 1)
        y ~ Normal(X @ w, 0.5)
        """;

    /// <summary>Λ = I + XᵀX/σ², row-major D×D, for X row-major N×D.</summary>
    public static double[] Precision(double[] x, int n, int d)
    {
        var lambda = new double[d * d];
        for (var j = 0; j < d; j++)
        {
            for (var k = 0; k < d; k++)
            {
                lambda[j * d + k] = (j == k ? 1 : 0) + Enumerable.Range(0, n).Sum(i => x[i * d + j] * x[i * d + k]) / (Sigma * Sigma);
            }
        }
        return lambda;
    }
}
