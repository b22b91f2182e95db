using Ppl.Tensors.Random;

namespace Ppl.Inference.Tests.Svi;

/// <summary>
/// SVI on Bayesian linear regression with known noise, whose posterior is Normal in closed form
/// (Bishop 2006, eqs. 3.53–3.54): S⁻¹ = I/α... here with prior N(0, 1) and noise sd σ,
/// Λ = I + XᵀX/σ², m = Λ⁻¹Xᵀy/σ². The mean-field Normal optimum has the exact mean and sd
/// 1/√Λᵢᵢ (Bishop 2006, eq. 10.13); the design is nearly orthogonal, so this is within a few percent
/// of the marginal sd too.
/// </summary>
public sealed class ConjugateRecoveryTests
{
    [Fact]
    public void Mean_field_svi_recovers_the_closed_form_posterior_of_linear_regression()
    {
        const int n = 40, d = 3;
        const double sigma = KnownNoiseRegression.Sigma;
        var random = new RandomSource(7);
        var x = new double[n * d];
        var y = new double[n];
        double[] truth = [1.0, -0.5, 0.25];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                x[i * d + j] = random.NextNormal();
                y[i] += x[i * d + j] * truth[j];
            }
            y[i] += sigma * random.NextNormal();
        }

        // Λ = I + XᵀX/σ², b = Xᵀy/σ²; solve Λ m = b by Gauss–Jordan (3×3).
        var lambda = KnownNoiseRegression.Precision(x, n, d);
        var b = new double[d];
        for (var j = 0; j < d; j++)
        {
            for (var i = 0; i < n; i++)
            {
                b[j] += x[i * d + j] * y[i] / (sigma * sigma);
            }
        }
        var mean = Solve(lambda, b);

        var result = SviPipeline.Run(KnownNoiseRegression.Model, [SviPipeline.Real("X", x, n, d), SviPipeline.Real("y", y, n)],
            new InferenceOptions { Seed = 3, Steps = 3000, LearningRate = 0.005, Particles = 8, DoublePrecision = true });

        var w = result.Posterior("w")!;
        for (var j = 0; j < d; j++)
        {
            var meanFieldSd = 1 / Math.Sqrt(lambda[j * d + j]);
            // Monte Carlo error of the 1000-draw summary (5 SE) plus Adam's residual jitter at lr 0.005 with 8 particles (0.01).
            Assert.InRange(w.Mean.Values[j], mean[j] - 5 * meanFieldSd / Math.Sqrt(1000) - 0.01, mean[j] + 5 * meanFieldSd / Math.Sqrt(1000) + 0.01);
            Assert.InRange(w.Sd.Values[j] / meanFieldSd, 0.9, 1.1);
        }
        Assert.True(double.IsFinite(result.Elbo));
    }

    /// <summary>Λ m = b by Gauss–Jordan, Λ row-major n×n (an independent solve, not the guide's Cholesky).</summary>
    private static double[] Solve(double[] a, double[] b)
    {
        var n = b.Length;
        var m = (double[])a.Clone();
        var x = (double[])b.Clone();
        for (var c = 0; c < n; c++)
        {
            for (var r = 0; r < n; r++)
            {
                if (r == c)
                {
                    continue;
                }
                var f = m[r * n + c] / m[c * n + c];
                for (var k = 0; k < n; k++)
                {
                    m[r * n + k] -= f * m[c * n + k];
                }
                x[r] -= f * x[c];
            }
        }
        for (var c = 0; c < n; c++)
        {
            x[c] /= m[c * n + c];
        }
        return x;
    }
}
