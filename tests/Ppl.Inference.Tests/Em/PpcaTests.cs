using Ppl.Inference.Em;
using Ppl.StdLib.LinearAlgebra;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Tests.Em;

public sealed class PpcaTests
{
    private const string Model = """
        data x: real[N, D]
        const M = 2
        param W: real[D, M]
        param mu: real[D]
        param sigma2: pos
        plate n in N {
          z[n]: real[M] ~ Normal(0, 1)
          x[n] ~ Normal(W @ z[n] + mu, var: sigma2)
        }
        """;

    /// <summary>x = W z + μ + ε with a fixed W (D = 6, M = 2), σ² = 0.3.</summary>
    private static double[] Sample(int n, ulong seed)
    {
        const int d = 6;
        var random = new RandomSource(seed);
        double[] w = [2, 0, 1, 1, 0, 2, -1, 1, 0.5, -0.5, 1.5, 0.2];
        var x = new double[n * d];
        for (var row = 0; row < n; row++)
        {
            var (z0, z1) = (random.NextNormal(), random.NextNormal());
            for (var i = 0; i < d; i++)
            {
                x[row * d + i] = w[i * 2] * z0 + w[i * 2 + 1] * z1 + i + Math.Sqrt(0.3) * random.NextNormal();
            }
        }
        return x;
    }

    [Fact]
    public void Em_converges_to_the_closed_form_with_a_monotone_log_likelihood()
    {
        var statistics = PpcaStatistics.Of(Sample(2000, 1), 2000, 6);
        var exact = Ppca.ClosedForm(statistics, 2);
        var start = new Matrix(6, 2, [1, 0, 0, 1, 1, 1, 0.5, 0, 0, 0.5, 1, -1]);
        var fit = Ppca.Em(statistics, start, 1.0, new EmSettings(20000, 1e-15, 1), null, default);

        EmPipeline.AssertMonotone(fit.Trace);
        Assert.Equal(exact.Sigma2, fit.Sigma2, 6);
        Assert.True(Math.Abs(fit.LogLikelihood - exact.LogLikelihood) <= 1e-9 * Math.Abs(exact.LogLikelihood));
        // W is identified up to a rotation: compare W Wᵀ.
        var expected = exact.W.MultiplyTranspose(exact.W);
        var actual = fit.W.MultiplyTranspose(fit.W);
        for (var i = 0; i < expected.Values.Length; i++)
        {
            Assert.Equal(expected.Values[i], actual.Values[i], 4);
        }
        // The closed form is the maximum: no perturbation of it does better.
        var perturbed = exact.W.Clone();
        perturbed[0, 0] += 1e-3;
        Assert.True(Ppca.LogLikelihood(statistics, perturbed, exact.Sigma2) < exact.LogLikelihood);
        Assert.True(Ppca.LogLikelihood(statistics, exact.W, exact.Sigma2 * 1.001) < exact.LogLikelihood);
    }

    [Fact]
    public void One_step_on_S_equals_the_data_level_E_and_M_steps()
    {
        const int n = 200, d = 6, m = 2;
        var x = Sample(n, 2);
        var statistics = PpcaStatistics.Of(x, n, d);
        var w = new Matrix(d, m, [1, 0.2, 0, 1, 1, 1, 0.5, 0, 0, 0.5, 1, -1]);
        const double sigma2 = 0.7;
        var (fastW, fastSigma2) = Ppca.Step(statistics.Covariance, w, sigma2);

        // Bishop 2006, eqs. 12.54–12.57, point by point.
        var mMatrix = w.TransposeMultiply(w).Add(Matrix.Identity(m).Multiply(sigma2));
        var mInverse = CholeskyDecomposition.Decompose(mMatrix).Inverse();
        var sumXz = new Matrix(d, m);
        var sumZz = new Matrix(m, m);
        var ez = new double[n][];
        for (var row = 0; row < n; row++)
        {
            var centred = Enumerable.Range(0, d).Select(i => x[row * d + i] - statistics.Mean[i]).ToArray();
            ez[row] = mInverse.Multiply(w.Transpose().Multiply(centred));
            sumXz = sumXz.Add(Matrix.Outer(centred, ez[row]));
            sumZz = sumZz.Add(mInverse.Multiply(sigma2).Add(Matrix.Outer(ez[row], ez[row])));
        }
        var slowW = sumXz.Multiply(CholeskyDecomposition.Decompose(sumZz).Inverse());
        var total = 0.0;
        for (var row = 0; row < n; row++)
        {
            var centred = Enumerable.Range(0, d).Select(i => x[row * d + i] - statistics.Mean[i]).ToArray();
            var projected = slowW.Multiply(ez[row]);
            var ezz = mInverse.Multiply(sigma2).Add(Matrix.Outer(ez[row], ez[row]));
            total += centred.Sum(v => v * v) - 2 * centred.Zip(projected).Sum(p => p.First * p.Second)
                + ezz.Multiply(slowW.TransposeMultiply(slowW)).Trace();
        }
        var slowSigma2 = total / (n * d);

        Assert.Equal(slowSigma2, fastSigma2, 10);
        for (var i = 0; i < slowW.Values.Length; i++)
        {
            Assert.Equal(slowW.Values[i], fastW.Values[i], 10);
        }
    }

    [Fact]
    public void The_log_likelihood_matches_the_direct_multivariate_normal_density()
    {
        const int n = 50, d = 6;
        var x = Sample(n, 3);
        var statistics = PpcaStatistics.Of(x, n, d);
        var w = new Matrix(d, 2, [1, 0.2, 0, 1, 1, 1, 0.5, 0, 0, 0.5, 1, -1]);
        const double sigma2 = 0.4;
        var c = w.MultiplyTranspose(w).Add(Matrix.Identity(d).Multiply(sigma2));
        var cholesky = CholeskyDecomposition.Decompose(c);
        var direct = 0.0;
        for (var row = 0; row < n; row++)
        {
            direct += -0.5 * (d * Math.Log(2 * Math.PI) + cholesky.LogDeterminant()
                + cholesky.MahalanobisSquared(x.AsSpan(row * d, d), statistics.Mean));
        }
        Assert.Equal(direct, Ppca.LogLikelihood(statistics, w, sigma2), 9);
    }

    [Fact]
    public void Runs_through_the_pipeline_with_latent_posteriors_on_request()
    {
        const int n = 1000;
        var result = EmPipeline.Run(Model, "ppca.ppl", [EmPipeline.Reals("x", Sample(n, 4), n, 6)],
            new InferenceOptions { Tolerance = 1e-13, MaxIterations = 20000, Show = new HashSet<string> { "z" } });
        EmPipeline.AssertMonotone(result.Trace);
        Assert.Equal([6, 2], result.Param("W")!.Value.Shape);
        Assert.Equal(result.Diagnostics["closedFormSigma2"], result.Param("sigma2")!.Value.ScalarValue, 6);
        Assert.True(Math.Abs(result.Elbo - result.Diagnostics["closedFormLogLikelihood"]) <= 1e-8 * Math.Abs(result.Elbo));
        // σ² = 0.3 recovered within 5 standard errors of a variance from N(D − M) residual degrees of freedom.
        Assert.InRange(result.Param("sigma2")!.Value.ScalarValue, 0.3 * (1 - 5 * Math.Sqrt(2.0 / (n * 4))), 0.3 * (1 + 5 * Math.Sqrt(2.0 / (n * 4))));
        var z = result.Posterior("z")!;
        Assert.Equal([n, 2], z.Mean.Shape);
        Assert.Equal([2, 2], z.Covariance!.Shape);
    }
}
