using Ppl.Inference.Vmp.Gmm;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Tests.Vmp;

/// <summary>
/// The blocked variational GMM against its slow twin (<see cref="VariationalMixtureReference"/>, the
/// implementation before the EM kernels): same ELBO at every sweep and same posteriors, to ~1e-9.
/// </summary>
public sealed class VariationalMixtureTwinTests
{
    private const int D = 3;
    private const int K = 5;

    /// <summary>Three correlated clusters in 3-D; N not a multiple of the block, and above the parallel threshold.</summary>
    private static double[] Data(int n)
    {
        var random = new RandomSource(23);
        double[][] centres = [[-4, 0, 1], [3, 3, -2], [3, -3, 0]];
        var x = new double[n * D];
        for (var i = 0; i < n; i++)
        {
            var c = centres[i % 3];
            var (a, b, e) = (random.NextNormal(), random.NextNormal(), random.NextNormal());
            x[D * i] = c[0] + 0.8 * a;
            x[D * i + 1] = c[1] + 0.5 * a + 0.6 * b;
            x[D * i + 2] = c[2] + 0.3 * b + 0.4 * e;
        }

        return x;
    }

    private static void Close(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected)), $"{what}: {expected} vs {actual}");

    [Theory]
    [InlineData(5003)]
    [InlineData(301)]
    public void Elbo_and_posteriors_equal_those_of_the_slow_twin(int n)
    {
        var x = Data(n);
        var identity = new double[D * D];
        for (var i = 0; i < D; i++)
        {
            identity[i * D + i] = 1;
        }

        var priors = new MixturePriors(Enumerable.Repeat(1e-2, K).ToArray(), new double[D], identity.Select(v => v * 1e-2).ToArray(), D + 1, identity);
        var names = new MixtureNames("weights", "mu", "Lambda", "z", "x");
        var fast = new VariationalMixture(names, x, n, D, K, priors, 5);
        var slow = new VariationalMixtureReference(names, x, n, D, K, priors, 5);
        for (var sweep = 0; sweep < 40; sweep++)
        {
            fast.Update();
            slow.Update();
            Close(slow.Elbo(), fast.Elbo(), 1e-9, $"ELBO at sweep {sweep}");
        }

        for (var c = 0; c < K; c++)
        {
            Close(slow.Counts[c], fast.Counts[c], 1e-9, $"N_{c}");
        }

        var posteriors = fast.Summarise(showIndicators: true).ToArray();
        var alphaTotal = slow.Alpha.Sum();
        var mu = posteriors[1];
        var lambda = posteriors[2];
        for (var c = 0; c < K; c++)
        {
            Close(slow.Alpha[c] / alphaTotal, posteriors[0].Mean.Values[c], 1e-9, $"E[π_{c}]");
            Close(slow.Precisions[c].DegreesOfFreedom, lambda.Parameters["dof"].Values[c], 1e-9, $"ν_{c}");
            for (var i = 0; i < D; i++)
            {
                Close(slow.Means[c][i], mu.Parameters["mean"].Values[c * D + i], 1e-9, $"m_{c},{i}");
            }

            for (var e = 0; e < D * D; e++)
            {
                Close(slow.Covariances[c][e], mu.Parameters["cov"].Values[c * D * D + e], 1e-9, $"Σ_{c}[{e}]");
                Close(slow.Precisions[c].Mean[e], lambda.Mean.Values[c * D * D + e], 1e-9, $"E[Λ_{c}][{e}]");
            }
        }

        var p = posteriors[3].Parameters["p"].Values;
        for (var e = 0; e < n * K; e++)
        {
            Assert.True(Math.Abs(slow.Responsibilities[e] - p[e]) <= 1e-9, $"r[{e}]: {slow.Responsibilities[e]} vs {p[e]}");
        }
    }
}
