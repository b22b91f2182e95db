using Ppl.Tensors.Special;
using static Ppl.Inference.Tests.Vmp.VmpHarness;

namespace Ppl.Inference.Tests.Vmp;

/// <summary>After one pass the posterior of a conjugate model equals the closed form, and the ELBO the exact log evidence.</summary>
public sealed class ConjugateExactTests
{
    private static double LogBeta(double a, double b) =>
        SpecialFunctions.LogGamma(a) + SpecialFunctions.LogGamma(b) - SpecialFunctions.LogGamma(a + b);

    [Fact]
    public void Beta_Bernoulli_posterior_and_evidence_are_exact()
    {
        int[] flips = [1, 0, 1, 1, 1, 0, 1, 1, 0, 1];
        var result = Run("data flips: bool[N]\ntheta ~ Beta(2, 3)\nplate n in N { flips[n] ~ Bernoulli(theta) }",
            Booleans("flips", flips));
        var heads = flips.Sum();
        var tails = flips.Length - heads;
        var theta = result.Posterior("theta")!;
        Assert.Equal("Beta", theta.Family);
        Close(2 + heads, theta.Parameters["a"].ScalarValue, 1e-12, "a");
        Close(3 + tails, theta.Parameters["b"].ScalarValue, 1e-12, "b");
        Assert.Equal(1, result.Iterations);
        Assert.True(result.Converged);
        // p(x) = B(a + h, b + t) / B(a, b).
        Close(LogBeta(2 + heads, 3 + tails) - LogBeta(2, 3), result.LogEvidence!.Value, 1e-9, "log evidence");
        Close(new StdLib.Distributions.Beta(2 + heads, 3 + tails).Quantile(0.05), theta.Q05.ScalarValue, 1e-9, "q05");
    }

    [Fact]
    public void Beta_Binomial_posterior_and_evidence_are_exact()
    {
        int[] successes = [3, 7, 5, 0];
        var result = Run("data k: int[N]\np ~ Beta(1, 1)\nplate n in N { k[n] ~ Binomial(10, p) }", Integers("k", successes));
        var s = successes.Sum();
        var f = 10 * successes.Length - s;
        Close(1 + s, result.Posterior("p")!.Parameters["a"].ScalarValue, 1e-12);
        Close(1 + f, result.Posterior("p")!.Parameters["b"].ScalarValue, 1e-12);
        var logChoose = successes.Sum(k => SpecialFunctions.LogGamma(11) - SpecialFunctions.LogGamma(k + 1) - SpecialFunctions.LogGamma(11 - k));
        Close(logChoose + LogBeta(1 + s, 1 + f) - LogBeta(1, 1), result.LogEvidence!.Value, 1e-9, "log evidence");
    }

    [Fact]
    public void Gamma_Poisson_posterior_and_evidence_are_exact()
    {
        int[] counts = [2, 5, 3, 0, 4, 6];
        var result = Run("data counts: int[N]\nrate ~ Gamma(2, 0.5)\nplate n in N { counts[n] ~ Poisson(rate) }", Integers("counts", counts));
        double a0 = 2, b0 = 0.5;
        var a = a0 + counts.Sum();
        var b = b0 + counts.Length;
        var rate = result.Posterior("rate")!;
        Close(a, rate.Parameters["shape"].ScalarValue, 1e-12);
        Close(b, rate.Parameters["rate"].ScalarValue, 1e-12);
        // p(x) = b₀^a₀ Γ(a) / (Γ(a₀) b^a Π xᵢ!).
        var logEvidence = a0 * Math.Log(b0) - SpecialFunctions.LogGamma(a0) + SpecialFunctions.LogGamma(a) - a * Math.Log(b)
            - counts.Sum(x => SpecialFunctions.LogGamma(x + 1));
        Close(logEvidence, result.LogEvidence!.Value, 1e-9, "log evidence");
    }

    [Fact]
    public void Normal_mean_with_known_precision_is_exact()
    {
        double[] x = [1.2, 0.7, 2.5, 1.9, 1.1];
        var result = Run("data x: real[N]\nmu ~ Normal(0.5, 2)\nplate n in N { x[n] ~ Normal(mu, precision: 4) }", Reals("x", x));
        // Bishop 2006, eqs 2.141–2.142: τ_N = τ₀ + Nτ, m_N = (τ₀m₀ + τΣx) / τ_N.
        double tau0 = 0.25, m0 = 0.5, tau = 4;
        var tauN = tau0 + x.Length * tau;
        var mN = (tau0 * m0 + tau * x.Sum()) / tauN;
        var mu = result.Posterior("mu")!;
        Close(mN, mu.Mean.ScalarValue, 1e-12, "mean");
        Close(1 / Math.Sqrt(tauN), mu.Sd.ScalarValue, 1e-12, "sd");
        // The evidence: x ~ N(m₀1, I/τ + 11ᵀ/τ₀); by the matrix determinant lemma and Sherman–Morrison.
        var n = x.Length;
        var r = x.Select(v => v - m0).ToArray();
        var logDet = n * Math.Log(1 / tau) + Math.Log(1 + n * tau / tau0);
        var quad = tau * r.Sum(v => v * v) - tau * tau / tau0 * r.Sum() * r.Sum() / (1 + n * tau / tau0);
        Close(-0.5 * n * Math.Log(2 * Math.PI) - 0.5 * logDet - 0.5 * quad, result.LogEvidence!.Value, 1e-9, "log evidence");
    }

    [Fact]
    public void Normal_precision_with_known_mean_is_exact()
    {
        double[] x = [1.2, 0.7, 2.5, 1.9, 1.1];
        var result = Run("data x: real[N]\ntau ~ Gamma(3, 2)\nplate n in N { x[n] ~ Normal(1, precision: tau) }", Reals("x", x));
        // Bishop 2006, eqs 2.150–2.151.
        var a = 3 + x.Length / 2.0;
        var ss = x.Sum(v => (v - 1) * (v - 1));
        var b = 2 + 0.5 * ss;
        var tau = result.Posterior("tau")!;
        Close(a, tau.Parameters["shape"].ScalarValue, 1e-12);
        Close(b, tau.Parameters["rate"].ScalarValue, 1e-12);
        var logEvidence = 3 * Math.Log(2) - SpecialFunctions.LogGamma(3) + SpecialFunctions.LogGamma(a) - a * Math.Log(b)
            - 0.5 * x.Length * Math.Log(2 * Math.PI);
        Close(logEvidence, result.LogEvidence!.Value, 1e-9, "log evidence");
    }

    [Fact]
    public void Dirichlet_Categorical_is_exact()
    {
        int[] z = [0, 2, 2, 1, 2, 0, 2];
        var result = Run("data z: int[N]\npi ~ Dirichlet([1.0, 2.0, 0.5])\nplate n in N { z[n] ~ Categorical(pi) }", Integers("z", z));
        double[] alpha0 = [1, 2, 0.5];
        var alpha = alpha0.Select((a, k) => a + z.Count(v => v == k)).ToArray();
        var pi = result.Posterior("pi")!;
        for (var k = 0; k < 3; k++)
        {
            Close(alpha[k], pi.Parameters["alpha"].Values[k], 1e-12);
        }

        // p(z) = B(α) / B(α₀) with B the multivariate Beta function.
        static double LogB(double[] a) => a.Sum(SpecialFunctions.LogGamma) - SpecialFunctions.LogGamma(a.Sum());
        Close(LogB(alpha) - LogB(alpha0), result.LogEvidence!.Value, 1e-9, "log evidence");
    }
}

/// <summary>The MvNormal mean with a known precision: exact after one pass (Bishop 2006, eqs 2.141–2.142 in D dimensions).</summary>
public sealed class MvNormalMeanTests
{
    [Fact]
    public void MvNormal_mean_with_known_covariance_is_exact()
    {
        double[] x = [1.0, 2.0, 0.5, 1.5, 2.0, 2.5, 1.2, 1.8];
        var result = Run("""
            data x: real[N, D]
            data S: cov[D]
            mu: real[D] ~ MvNormal(zeros(D), precision: I(D) * 0.5)
            plate n in N { x[n] ~ MvNormal(mu, S) }
            """, Reals("x", x, 4, 2), Reals("S", [2.0, 0.5, 0.5, 1.0], 2, 2));
        // Posterior precision P₀ + N Σ⁻¹, mean (P₀ + N Σ⁻¹)⁻¹ Σ⁻¹ Σx.
        double det = 2.0 * 1.0 - 0.25;
        double[] sInv = [1.0 / det, -0.5 / det, -0.5 / det, 2.0 / det];
        double[] p = [0.5 + 4 * sInv[0], 4 * sInv[1], 4 * sInv[2], 0.5 + 4 * sInv[3]];
        double sx = 1.0 + 0.5 + 2.0 + 1.2, sy = 2.0 + 1.5 + 2.5 + 1.8;
        double h0 = sInv[0] * sx + sInv[1] * sy, h1 = sInv[2] * sx + sInv[3] * sy;
        var pd = p[0] * p[3] - p[1] * p[2];
        double[] cov = [p[3] / pd, -p[1] / pd, -p[2] / pd, p[0] / pd];
        var mu = result.Posterior("mu")!;
        Close(cov[0] * h0 + cov[1] * h1, mu.Mean.Values[0], 1e-12, "mean 0");
        Close(cov[2] * h0 + cov[3] * h1, mu.Mean.Values[1], 1e-12, "mean 1");
        for (var i = 0; i < 4; i++)
        {
            Close(cov[i], mu.Covariance!.Values[i], 1e-12, $"cov {i}");
        }

        Assert.NotNull(result.LogEvidence);
    }
}
