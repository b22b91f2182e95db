using Ppl.Tensors.Random;

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

    /// <summary>
    /// N rows of a 3-feature design whose first two columns are nearly collinear (x₁ = x₀ + 0.3ε), and
    /// y = 0.5x₀ + 0.5x₁ − 0.3x₂ + σε: a posterior with a correlation near −0.9 between w₀ and w₁.
    /// </summary>
    public static (double[] X, double[] Y) CorrelatedDesign(int n, ulong seed)
    {
        const int d = 3;
        var random = new RandomSource(seed);
        var x = new double[n * d];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var a = random.NextNormal();
            x[i * d] = a;
            x[i * d + 1] = a + 0.3 * random.NextNormal();
            x[i * d + 2] = random.NextNormal();
            y[i] = 0.5 * x[i * d] + 0.5 * x[i * d + 1] - 0.3 * x[i * d + 2] + Sigma * random.NextNormal();
        }
        return (x, y);
    }
}
