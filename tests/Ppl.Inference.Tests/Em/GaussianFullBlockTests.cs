using Ppl.Inference.Em;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Tests.Em;

/// <summary>
/// The blocked, feature-major, two-core E- and M-steps of the full-covariance mixture against a slow
/// twin written from the textbook formulas (Bishop 2006, eqs. 2.43, 9.23–9.25), at an N that splits
/// into two chunks and ends in a partial block and a partial vector.
/// </summary>
public sealed class GaussianFullBlockTests
{
    private const int N = 5003;
    private const int D = 5;
    private const int K = 3;

    private static (double[] X, double[] Means, double[] Covariances) Problem()
    {
        var random = new RandomSource(17);
        var x = new double[N * D];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = random.NextNormal() * 2 + i / D % K * 1.5;
        }
        var means = new double[K * D];
        var covariances = new double[K * D * D];
        for (var c = 0; c < K; c++)
        {
            var a = new double[D * D];
            for (var i = 0; i < a.Length; i++)
            {
                a[i] = random.NextNormal() / Math.Sqrt(D);
            }
            for (var i = 0; i < D; i++)
            {
                means[c * D + i] = random.NextNormal();
                for (var j = 0; j < D; j++)
                {
                    var sum = i == j ? 0.5 : 0;
                    for (var m = 0; m < D; m++)
                    {
                        sum += a[i * D + m] * a[j * D + m];
                    }
                    covariances[c * D * D + i * D + j] = sum;
                }
            }
        }
        return (x, means, covariances);
    }

    [Fact]
    public void The_fused_E_step_matches_the_textbook_density_point_by_point()
    {
        var (x, means, covariances) = Problem();
        var components = new GaussianFullComponents(x, N, D, K, new MixtureNames("z", "w", "mu", "S"));
        Assert.Equal(0, components.SetParameters(means, covariances));
        double[] weights = [0.2, 0.5, 0.3];
        var responsibility = new double[N * K];
        var rows = new double[N];
        var ll = MixtureEm.EStep(components, weights, responsibility, rows);

        var expectedTotal = 0.0;
        var logDensity = new double[K];
        for (var row = 0; row < N; row++)
        {
            for (var c = 0; c < K; c++)
            {
                var (inverse, logDet) = InverseAndLogDet(covariances.AsSpan(c * D * D, D * D));
                var quadratic = 0.0;
                for (var i = 0; i < D; i++)
                {
                    for (var j = 0; j < D; j++)
                    {
                        quadratic += (x[row * D + i] - means[c * D + i]) * inverse[i * D + j] * (x[row * D + j] - means[c * D + j]);
                    }
                }
                logDensity[c] = Math.Log(weights[c]) - 0.5 * (D * Math.Log(2 * Math.PI) + logDet + quadratic);
            }
            var max = logDensity.Max();
            var total = logDensity.Sum(v => Math.Exp(v - max));
            var rowLl = max + Math.Log(total);
            expectedTotal += rowLl;
            Assert.Equal(rowLl, rows[row], 1e-10 * Math.Max(1, Math.Abs(rowLl)));
            for (var c = 0; c < K; c++)
            {
                Assert.Equal(Math.Exp(logDensity[c] - rowLl), responsibility[row * K + c], 1e-12);
            }
        }
        Assert.Equal(expectedTotal, ll, 1e-10 * Math.Abs(expectedTotal));
    }

    [Fact]
    public void The_blocked_M_step_matches_the_weighted_means_and_centred_covariances()
    {
        var (x, _, _) = Problem();
        var random = new RandomSource(5);
        var responsibility = new double[N * K];
        for (var row = 0; row < N; row++)
        {
            var (a, b, c) = (random.NextDouble(), random.NextDouble(), random.NextDouble());
            (responsibility[row * K], responsibility[row * K + 1], responsibility[row * K + 2]) = (a / (a + b + c), b / (a + b + c), c / (a + b + c));
        }
        var total = new double[K];
        for (var row = 0; row < N; row++)
        {
            for (var c = 0; c < K; c++)
            {
                total[c] += responsibility[row * K + c];
            }
        }
        var components = new GaussianFullComponents(x, N, D, K, new MixtureNames("z", "w", "mu", "S"));
        Assert.Equal(0, components.Maximise(responsibility, total));

        for (var c = 0; c < K; c++)
        {
            var mean = new double[D];
            for (var row = 0; row < N; row++)
            {
                for (var i = 0; i < D; i++)
                {
                    mean[i] += responsibility[row * K + c] * x[row * D + i] / total[c];
                }
            }
            for (var i = 0; i < D; i++)
            {
                Assert.Equal(mean[i], components.Means[c * D + i], 1e-12);
                for (var j = 0; j < D; j++)
                {
                    var sum = 0.0;
                    for (var row = 0; row < N; row++)
                    {
                        sum += responsibility[row * K + c] * (x[row * D + i] - mean[i]) * (x[row * D + j] - mean[j]);
                    }
                    var expected = sum / total[c] + (i == j ? GaussianFullComponents.Regularisation : 0);
                    Assert.Equal(expected, components.Covariances[c * D * D + i * D + j], 1e-11);
                }
            }
        }
    }

    /// <summary>Σ⁻¹ by Gauss–Jordan elimination and log|Σ| from its pivots (no Cholesky, unlike the code under test).</summary>
    private static (double[] Inverse, double LogDet) InverseAndLogDet(ReadOnlySpan<double> matrix)
    {
        var a = matrix.ToArray();
        var inverse = new double[D * D];
        for (var i = 0; i < D; i++)
        {
            inverse[i * D + i] = 1;
        }
        var logDet = 0.0;
        for (var p = 0; p < D; p++)
        {
            var pivot = a[p * D + p];
            logDet += Math.Log(pivot);
            for (var j = 0; j < D; j++)
            {
                a[p * D + j] /= pivot;
                inverse[p * D + j] /= pivot;
            }
            for (var i = 0; i < D; i++)
            {
                if (i != p)
                {
                    var factor = a[i * D + p];
                    for (var j = 0; j < D; j++)
                    {
                        a[i * D + j] -= factor * a[p * D + j];
                        inverse[i * D + j] -= factor * inverse[p * D + j];
                    }
                }
            }
        }
        return (inverse, logDet);
    }
}
