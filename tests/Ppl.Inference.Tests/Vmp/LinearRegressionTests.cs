using static Ppl.Inference.Tests.Vmp.VmpHarness;

namespace Ppl.Inference.Tests.Vmp;

/// <summary>Bayesian linear regression against NumPy's closed form and scikit-learn's BayesianRidge (Fixtures/blr_small.json).</summary>
public sealed class LinearRegressionTests
{
    private const string Fixed = """
        data X: real[N, D]
        data y: real[N]
        data X_new: real[M, D]
        w: real[D] ~ Normal(0, precision: 1)
        y ~ Normal(X @ w, precision: 25)
        y_new ~ Normal(X_new @ w, precision: 25)
        """;

    private const string Evidence = """
        data X: real[N, D]
        data y: real[N]
        data X_new: real[M, D]
        param alpha: pos
        param beta: pos
        w: real[D] ~ Normal(0, precision: alpha)
        y ~ Normal(X @ w, precision: beta)
        y_new ~ Normal(X_new @ w, precision: beta)
        """;

    internal const string Full = """
        data X: real[N, D]
        data y: real[N]
        data X_new: real[M, D]
        alpha ~ Gamma(1e-2, 1e-2)
        beta  ~ Gamma(1e-2, 1e-2)
        w: real[D] ~ Normal(0, precision: alpha)
        y ~ Normal(X @ w, precision: beta)
        y_new ~ Normal(X_new @ w, precision: beta)
        """;

    internal static Results.InferenceResult RunSmall(string model, InferenceOptions? options = null)
    {
        var (x, y) = SmallRegression();
        var xNew = Doubles(Json("blr_small.json").GetProperty("fixed").GetProperty("X_new")[0])
            .Concat(Doubles(Json("blr_small.json").GetProperty("fixed").GetProperty("X_new")[1]))
            .Concat(Doubles(Json("blr_small.json").GetProperty("fixed").GetProperty("X_new")[2])).ToArray();
        return Run(model, options, Reals("X", x, 20, 3), Reals("y", y), Reals("X_new", xNew, 3, 3));
    }

    [Fact]
    public void Fixed_precisions_give_the_closed_form_posterior_evidence_and_predictive()
    {
        var expected = Json("blr_small.json").GetProperty("fixed");
        var result = RunSmall(Fixed);
        var w = result.Posterior("w")!;
        Assert.Equal("MvNormal", w.Family);
        var mean = Doubles(expected.GetProperty("mean"));
        for (var i = 0; i < 3; i++)
        {
            Close(mean[i], w.Mean.Values[i], 1e-9, $"mean[{i}]");
            var row = Doubles(expected.GetProperty("cov")[i]);
            for (var j = 0; j < 3; j++)
            {
                Close(row[j], w.Covariance!.Values[i * 3 + j], 1e-9, $"cov[{i},{j}]");
            }
        }

        Assert.Equal(1, result.Iterations);
        Close(expected.GetProperty("logEvidence").GetDouble(), result.LogEvidence!.Value, 1e-9, "log evidence (Bishop 3.86)");
        var prediction = result.Posterior("y_new")!;
        Assert.True(prediction.IsPrediction);
        Assert.Equal("Normal", prediction.Family);
        var predMean = Doubles(expected.GetProperty("predMean"));
        var predSd = Doubles(expected.GetProperty("predSd"));
        for (var i = 0; i < 3; i++)
        {
            Close(predMean[i], prediction.Mean.Values[i], 1e-9, $"predictive mean[{i}]");
            Close(predSd[i], prediction.Sd.Values[i], 1e-9, $"predictive sd[{i}]");
            Close(0.2, prediction.AleatoricSd!.Values[i], 1e-12, "aleatoric sd = 1/√β");
        }
    }

    [Fact]
    public void Evidence_maximisation_matches_BayesianRidge()
    {
        var expected = Json("blr_small.json").GetProperty("bayesianRidge");
        var result = RunSmall(Evidence, new InferenceOptions { Tolerance = 1e-14 });
        Assert.True(result.Converged);
        // BayesianRidge's lambda_ is our alpha (weight precision), its alpha_ our beta (noise precision).
        Close(expected.GetProperty("alpha").GetDouble(), result.Param("alpha")!.Value.ScalarValue, 1e-7, "alpha");
        Close(expected.GetProperty("beta").GetDouble(), result.Param("beta")!.Value.ScalarValue, 1e-7, "beta");
        Close(expected.GetProperty("scores").GetDouble(), result.LogEvidence!.Value, 1e-9, "log evidence at the optimum");
        var coef = Doubles(expected.GetProperty("coef"));
        for (var i = 0; i < 3; i++)
        {
            Close(coef[i], result.Posterior("w")!.Mean.Values[i], 1e-8, $"coef[{i}]");
        }

        var predSd = Doubles(expected.GetProperty("predSd"));
        for (var i = 0; i < 3; i++)
        {
            Close(predSd[i], result.Posterior("y_new")!.Sd.Values[i], 1e-7, $"predictive sd[{i}]");
        }
    }

    [Fact]
    public void Gamma_priors_give_a_monotone_elbo_and_the_independent_iteration()
    {
        var result = RunSmall(Full, new InferenceOptions { Tolerance = 1e-14 });
        Assert.True(result.Converged);
        Assert.Null(result.LogEvidence);
        for (var i = 1; i < result.Trace.Count; i++)
        {
            Assert.True(result.Trace[i] >= result.Trace[i - 1] - 1e-9 * Math.Abs(result.Trace[i - 1]), $"ELBO decreased at {i}");
        }

        // An independent iteration of Bishop 2006 §10.3 (eqs 10.93–10.95, 10.100–10.101 with a Gamma on β),
        // in the same order (w, β, α) from E[α] = E[β] = 1.
        var (x, y) = SmallRegression();
        const int n = 20, d = 3;
        double ea = 1, eb = 1, aa = 0, ba = 0, ab = 0, bb = 0;
        var m = new double[d];
        var s = new double[d * d];
        for (var it = 0; it < 5000; it++)
        {
            var a = new double[d * d];
            var h = new double[d];
            for (var r = 0; r < n; r++)
            {
                for (var i = 0; i < d; i++)
                {
                    h[i] += eb * x[r * d + i] * y[r];
                    for (var j = 0; j < d; j++)
                    {
                        a[i * d + j] += eb * x[r * d + i] * x[r * d + j];
                    }
                }
            }

            for (var i = 0; i < d; i++)
            {
                a[i * d + i] += ea;
            }

            s = Invert3(a);
            for (var i = 0; i < d; i++)
            {
                m[i] = 0;
                for (var j = 0; j < d; j++)
                {
                    m[i] += s[i * d + j] * h[j];
                }
            }

            var residual = 0.0;
            for (var r = 0; r < n; r++)
            {
                var fit = 0.0;
                var quad = 0.0;
                for (var i = 0; i < d; i++)
                {
                    fit += x[r * d + i] * m[i];
                    for (var j = 0; j < d; j++)
                    {
                        quad += x[r * d + i] * s[i * d + j] * x[r * d + j];
                    }
                }

                residual += (y[r] - fit) * (y[r] - fit) + quad;
            }

            ab = 1e-2 + n / 2.0;
            bb = 1e-2 + residual / 2;
            eb = ab / bb;
            aa = 1e-2 + d / 2.0;
            ba = 1e-2 + 0.5 * (m.Sum(v => v * v) + s[0] + s[4] + s[8]);
            ea = aa / ba;
        }

        Close(aa, result.Posterior("alpha")!.Parameters["shape"].ScalarValue, 1e-9, "alpha shape");
        Close(ba, result.Posterior("alpha")!.Parameters["rate"].ScalarValue, 1e-7, "alpha rate");
        Close(ab, result.Posterior("beta")!.Parameters["shape"].ScalarValue, 1e-9, "beta shape");
        Close(bb, result.Posterior("beta")!.Parameters["rate"].ScalarValue, 1e-7, "beta rate");
        for (var i = 0; i < d; i++)
        {
            Close(m[i], result.Posterior("w")!.Mean.Values[i], 1e-7, $"w mean[{i}]");
        }

        Assert.Equal("StudentT", result.Posterior("y_new")!.Family);
    }

    private static double[] Invert3(double[] a)
    {
        var det = a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) + a[2] * (a[3] * a[7] - a[4] * a[6]);
        return
        [
            (a[4] * a[8] - a[5] * a[7]) / det, (a[2] * a[7] - a[1] * a[8]) / det, (a[1] * a[5] - a[2] * a[4]) / det,
            (a[5] * a[6] - a[3] * a[8]) / det, (a[0] * a[8] - a[2] * a[6]) / det, (a[2] * a[3] - a[0] * a[5]) / det,
            (a[3] * a[7] - a[4] * a[6]) / det, (a[1] * a[6] - a[0] * a[7]) / det, (a[0] * a[4] - a[1] * a[3]) / det,
        ];
    }
}
