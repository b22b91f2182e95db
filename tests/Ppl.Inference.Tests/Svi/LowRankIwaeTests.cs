using Ppl.Inference.Svi;
using Ppl.Tensors;
using Ppl.Tensors.Random;
using MvNormal = Ppl.StdLib.Distributions.MvNormal;

namespace Ppl.Inference.Tests.Svi;

/// <summary>
/// The IWAE bound with the low-rank guide: its log q at a draw (Woodbury and the determinant lemma)
/// against the dense MvNormal density, and the bound end to end on models whose log p(y) and ELBO are
/// closed forms.
/// </summary>
public sealed class LowRankIwaeTests
{
    private static double Softplus(double x) => Math.Log(1 + Math.Exp(x));

    private static double Sq(double x) => x * x;

    /// <summary>Unknown means and one positive scale: a global guide over a real vector and a constrained scalar.</summary>
    private const string MeansAndScale = """
        data y: real[D]
        w: real[D] ~ Normal(0, 1)
        s ~ Gamma(2, 2)
        y ~ Normal(w, s)
        """;

    [Fact]
    public void Log_q_at_a_draw_matches_the_dense_mvnormal_density_with_the_same_covariance()
    {
        double[] y = [0.4, -1.1, 0.8, 2.2, -0.3, 0.0];
        var request = SviPipeline.Request(MeansAndScale, [SviPipeline.Real("y", y, y.Length)]);
        var random = new RandomSource(17);
        var program = new SviProgram(request.Model, request.Data, DType.Float64, "lowrank", random.Split(), rank: 3);
        var guide = program.LowRank!;
        var d = guide.Dimension;
        Assert.Equal(7, d);
        Assert.Equal(3, guide.Rank);
        var loc = guide.Loc.AsDoubleSpan();
        var w = guide.Factor.AsDoubleSpan();
        var rho = guide.Rho.AsDoubleSpan();
        for (var i = 0; i < d; i++)
        {
            loc[i] = random.NextNormal();
            rho[i] = random.NextNormal() - 0.5;
        }
        for (var i = 0; i < w.Length; i++)
        {
            w[i] = 0.7 * random.NextNormal();
        }
        // Σ = W Wᵀ + diag(softplus(ρ)²), written out here rather than taken from the guide.
        var covariance = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                var s = i == j ? Sq(Softplus(rho[i])) : 0;
                for (var r = 0; r < guide.Rank; r++)
                {
                    s += w[i * guide.Rank + r] * w[j * guide.Rank + r];
                }
                covariance[i * d + j] = s;
            }
        }
        var mean = Tensor.FromDoubles(guide.Loc.ToArray(), DType.Float64, d);
        var sigma = Tensor.FromDoubles(covariance, DType.Float64, d, d);
        for (var draw = 0; draw < 20; draw++)
        {
            var u = new double[d];
            for (var i = 0; i < d; i++)
            {
                u[i] = loc[i] + 2 * random.NextNormal();
            }
            var dense = MvNormal.LogDensityFromCovariance(Tensor.FromDoubles(u, DType.Float64, 1, d), mean, sigma).Item();
            Assert.Equal(dense, guide.LogDensity(u), 1e-10);
        }
    }

    /// <summary>μ ~ N(0, 1), yᵢ ~ N(μ, 1): log p(y) and the ELBO of q = N(m, s²) as in <see cref="EvaluationTests"/>.</summary>
    [Fact]
    public void The_bound_with_the_low_rank_guide_is_the_elbo_at_k_1_and_tends_to_log_p()
    {
        const string model = """
            data y: real[N]
            mu ~ Normal(0, 1)
            y ~ Normal(mu, 1)
            """;
        double[] y = [0.3, -1.2, 2.0, 0.7, 1.1];
        var request = SviPipeline.Request(model, [SviPipeline.Real("y", y, y.Length)]);
        var program = new SviProgram(request.Model, request.Data, DType.Float64, "lowrank", new RandomSource(1));
        var guide = program.LowRank!;
        Assert.Equal(1, guide.Rank);
        // q = N(1.2, 0.4² + 0.45²), away from the posterior N(0.483, 0.408²).
        const double m = 1.2, factor = 0.4, sd = 0.45;
        guide.Loc.AsDoubleSpan()[0] = m;
        guide.Factor.AsDoubleSpan()[0] = factor;
        guide.Rho.AsDoubleSpan()[0] = Math.Log(Math.Exp(sd) - 1);
        var s = Math.Sqrt(factor * factor + sd * sd);
        var n = y.Length;
        var logp = -n / 2.0 * Math.Log(2 * Math.PI) - 0.5 * Math.Log(1 + n) - 0.5 * (y.Sum(v => v * v) - y.Sum() * y.Sum() / (1 + n));
        var elbo = y.Sum(v => -0.5 * Math.Log(2 * Math.PI) - 0.5 * (Sq(v - m) + s * s)) - (-Math.Log(s) + (s * s + m * m) / 2 - 0.5);
        var random = new RandomSource(31);

        var k1 = SviEvaluation.Iwae(program, random, 1, repeats: 4000);
        var k10 = SviEvaluation.Iwae(program, random, 10, repeats: 1000);
        var k5000 = SviEvaluation.Iwae(program, random, 5000, repeats: 10);

        Assert.InRange(k1.Value, elbo - 5 * k1.StandardError!.Value, elbo + 5 * k1.StandardError.Value);
        Assert.True(k10.Value - k1.Value > 5 * PerDataPointIwaeTests.Combined(k1.StandardError, k10.StandardError), $"IWAE_1 {k1.Value}, IWAE_10 {k10.Value}");
        Assert.True(k10.Value < logp, $"IWAE_10 {k10.Value} > log p {logp}");
        var bias = PerDataPointIwaeTests.ChiSquare(y.Sum() / (n + 1), 1 / Math.Sqrt(n + 1), m, s) / (2 * 5000);
        Assert.InRange(k5000.Value, logp - 2 * bias - 5 * k5000.StandardError!.Value, logp + 5 * k5000.StandardError.Value);
        Assert.Null(k5000.DataPoints);
    }

    /// <summary>
    /// Bayesian linear regression w ~ N(0, I), y ~ N(Xw, σ²I) with a rank-2 guide over D = 3:
    /// log p(y) = log N(y; 0, σ²I + XXᵀ), and for q = N(μ, Σ) the ELBO is
    /// −n/2 log 2πσ² − (‖y − Xμ‖² + tr(XᵀXΣ))/(2σ²) − D/2 log 2π − ½(‖μ‖² + tr Σ) + H(q),
    /// H(q) = D/2 − log N(μ; μ, Σ) (Bishop 2006, eq. B.41).
    /// </summary>
    [Fact]
    public void The_bound_with_a_correlated_low_rank_guide_is_the_elbo_at_k_1_and_stays_below_log_p()
    {
        const int n = 10, d = 3;
        const double sigma = KnownNoiseRegression.Sigma;
        var (x, y) = KnownNoiseRegression.CorrelatedDesign(n, seed: 8);
        var request = SviPipeline.Request(KnownNoiseRegression.Model, [SviPipeline.Real("X", x, n, d), SviPipeline.Real("y", y, n)]);
        var program = new SviProgram(request.Model, request.Data, DType.Float64, "lowrank", new RandomSource(2), rank: 2);
        var guide = program.LowRank!;
        double[] mu = [0.2, 0.9, -0.1];
        mu.CopyTo(guide.Loc.AsDoubleSpan());
        double[] factor = [0.2, -0.1, -0.15, 0.1, 0.05, 0.2];
        factor.CopyTo(guide.Factor.AsDoubleSpan());
        guide.Rho.AsDoubleSpan().Fill(Math.Log(Math.Exp(0.15) - 1));
        var q = guide.Covariance();

        var marginal = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                marginal[i * n + j] = (i == j ? sigma * sigma : 0) + Enumerable.Range(0, d).Sum(k => x[i * d + k] * x[j * d + k]);
            }
        }
        var logp = MvNormal.LogDensityFromCovariance(Tensor.FromDoubles(y, DType.Float64, 1, n), Tensor.Zeros(DType.Float64, [n]),
            Tensor.FromDoubles(marginal, DType.Float64, n, n)).Item();
        var residual = 0.0;
        var traceXtXq = 0.0;
        for (var i = 0; i < n; i++)
        {
            residual += Sq(y[i] - Enumerable.Range(0, d).Sum(k => x[i * d + k] * mu[k]));
            for (var a = 0; a < d; a++)
            {
                for (var b = 0; b < d; b++)
                {
                    traceXtXq += x[i * d + a] * x[i * d + b] * q[b * d + a];
                }
            }
        }
        var entropy = d / 2.0 - MvNormal.LogDensityFromCovariance(Tensor.FromDoubles(mu, DType.Float64, 1, d),
            Tensor.FromDoubles(mu, DType.Float64, d), Tensor.FromDoubles(q, DType.Float64, d, d)).Item();
        var elbo = -n / 2.0 * Math.Log(2 * Math.PI * sigma * sigma) - (residual + traceXtXq) / (2 * sigma * sigma)
            - d / 2.0 * Math.Log(2 * Math.PI) - 0.5 * (mu.Sum(Sq) + q[0] + q[d + 1] + q[2 * d + 2]) + entropy;
        var sample = new RandomSource(41);

        var k1 = SviEvaluation.Iwae(program, sample, 1, repeats: 4000);
        var k100 = SviEvaluation.Iwae(program, sample, 100, repeats: 100);

        Assert.InRange(k1.Value, elbo - 5 * k1.StandardError!.Value, elbo + 5 * k1.StandardError.Value);
        Assert.True(elbo < logp - 1, $"the guide should be off the posterior: ELBO {elbo}, log p {logp}");
        Assert.True(k100.Value - k1.Value > 5 * PerDataPointIwaeTests.Combined(k1.StandardError, k100.StandardError), $"IWAE_1 {k1.Value}, IWAE_100 {k100.Value}");
        Assert.True(k100.Value < logp, $"IWAE_100 {k100.Value} > log p {logp}");
    }

    /// <summary>
    /// With a constrained latent (s &gt; 0 through exp) there is no closed form, but the two estimators
    /// must agree in expectation: the training ELBO (analytic entropy H(q) + log|T′|) and IWAE_1
    /// (−log q(u) + log|T′| at the draw), each the mean of 20,000 passes, within 5 combined standard
    /// errors (a log-Jacobian lost on either side would shift one by E[u_s] ≈ −0.2, about 8 of them).
    /// </summary>
    [Fact]
    public void At_k_1_the_bound_with_a_constrained_latent_is_the_training_elbo_in_expectation()
    {
        double[] y = [0.4, -1.1, 0.8, 2.2];
        var request = SviPipeline.Request(MeansAndScale, [SviPipeline.Real("y", y, y.Length)]);
        var program = new SviProgram(request.Model, request.Data, DType.Float64, "lowrank", new RandomSource(4), rank: 2);
        var guide = program.LowRank!;
        double[] loc = [0.3, -0.6, 0.4, 1.2, -0.2];
        loc.CopyTo(guide.Loc.AsDoubleSpan());
        double[] factor = [0.3, 0.1, -0.2, 0.2, 0.1, -0.3, 0.25, 0.05, 0.2, 0.15];
        factor.CopyTo(guide.Factor.AsDoubleSpan());
        guide.Rho.AsDoubleSpan().Fill(Math.Log(Math.Exp(0.3) - 1));
        var random = new RandomSource(43);
        const int passes = 20000;
        var elbos = new double[passes];
        using (Tensor.NoGrad())
        {
            var frame = program.Frame([], 1, 1);
            for (var i = 0; i < passes; i++)
            {
                elbos[i] = program.Run(frame, random, dropout: false).Elbo.Item();
            }
        }
        var elbo = elbos.Average();
        var elboSe = Math.Sqrt(elbos.Sum(e => Sq(e - elbo)) / (passes - 1) / passes);

        var k1 = SviEvaluation.Iwae(program, random, 1, repeats: passes);

        var tolerance = 5 * Math.Sqrt(Sq(elboSe) + Sq(k1.StandardError!.Value));
        Assert.InRange(k1.Value, elbo - tolerance, elbo + tolerance);
    }

    [Fact]
    public void The_low_rank_guide_refuses_latents_in_a_batch_plate_with_a_diagnostic()
    {
        var request = SviPipeline.Request(PerDataPointIwaeTests.PerPointGuide, [SviPipeline.Real("y", PerDataPointIwaeTests.Y, PerDataPointIwaeTests.Y.Length)],
            new InferenceOptions { Guide = "lowrank", Steps = 10, IwaeSamples = 5 });
        var error = Assert.Throws<InferenceException>(() => new SviBackend().Run(request));
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("SVI001", diagnostic.Code);
        Assert.Contains("the lowrank guide for 'z', a latent in a batch plate", diagnostic.Message, StringComparison.Ordinal);
    }
}
