using Ppl.Inference.Svi;
using Ppl.Tensors;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Tests.Svi;

/// <summary>
/// Evaluation on the conjugate Normal–Normal model μ ~ N(0, 1), yᵢ ~ N(μ, 1), where everything is
/// known in closed form: y ~ N(0, I + 11ᵀ), so log p(y) = −n/2 log 2π − ½ log(1 + n) − ½ (Σyᵢ² −
/// (Σyᵢ)²/(1 + n)); for q(μ) = N(m, s²) the ELBO is Σᵢ E_q log N(yᵢ; μ, 1) − KL(q ‖ N(0, 1)).
/// </summary>
public sealed class EvaluationTests
{
    private const string Model = """
        data y: real[N]
        mu ~ Normal(0, 1)
        y ~ Normal(mu, 1)
        """;

    private static readonly double[] Y = [0.3, -1.2, 2.0, 0.7, 1.1];

    private static double LogEvidence(double[] y) =>
        -y.Length / 2.0 * Math.Log(2 * Math.PI) - 0.5 * Math.Log(1 + y.Length)
        - 0.5 * (y.Sum(v => v * v) - y.Sum() * y.Sum() / (1 + y.Length));

    private static double Elbo(double[] y, double m, double s) =>
        y.Sum(v => -0.5 * Math.Log(2 * Math.PI) - 0.5 * ((v - m) * (v - m) + s * s))
        - (-Math.Log(s) + (s * s + m * m) / 2 - 0.5);

    [Fact]
    public void Iwae_is_a_bound_that_increases_in_k_towards_the_exact_log_evidence()
    {
        var request = SviPipeline.Request(Model, [SviPipeline.Real("y", Y, Y.Length)]);
        var program = new SviProgram(request.Model, request.Data, DType.Float64, "auto", new RandomSource(1));
        // A guide away from the posterior N(Σy/(n+1), 1/(n+1)) = N(0.483, 0.408²), so that the bounds are strict.
        const double m = 1.2, s = 0.6;
        program.Trainable[0].AsDoubleSpan()[0] = m;
        program.Trainable[1].AsDoubleSpan()[0] = Math.Log(Math.Exp(s) - 1);
        var logp = LogEvidence(Y);
        var random = new RandomSource(23);

        var k1 = SviEvaluation.Iwae(program, random, 1, repeats: 4000);
        var k10 = SviEvaluation.Iwae(program, random, 10, repeats: 1000);
        var k5000 = SviEvaluation.Iwae(program, random, 5000, repeats: 10);

        // IWAE_1 is the ELBO (here by sampling log p − log q, not the analytic KL).
        var elbo = Elbo(Y, m, s);
        Assert.InRange(k1.Value, elbo - 5 * k1.StandardError!.Value, elbo + 5 * k1.StandardError.Value);
        Assert.True(elbo < logp - 0.1, $"the guide should be off the posterior: ELBO {elbo}, log p {logp}");

        // Increasing in k, each gap well beyond 5 combined standard errors.
        Assert.True(k10.Value - k1.Value > 5 * Math.Sqrt(Sq(k1.StandardError) + Sq(k10.StandardError)), $"IWAE_1 {k1.Value}, IWAE_10 {k10.Value}");
        Assert.True(k5000.Value - k10.Value > 5 * Math.Sqrt(Sq(k10.StandardError) + Sq(k5000.StandardError)), $"IWAE_10 {k10.Value}, IWAE_5000 {k5000.Value}");

        // Bounded by log p(y), and within its first-order bias χ²(p ‖ q)/(2k) (Maddison et al. 2017,
        // prop. 1) plus 5 standard errors of it; χ² by quadrature on the exact posterior.
        var bias = ChiSquare(Y, m, s) / (2 * 5000);
        Assert.True(k10.Value < logp, $"IWAE_10 {k10.Value} > log p {logp}");
        Assert.InRange(k5000.Value, logp - 2 * bias - 5 * k5000.StandardError!.Value, logp + 5 * k5000.StandardError.Value);
    }

    [Fact]
    public void Held_out_elbo_and_iwae_are_reported_by_the_backend()
    {
        double[] heldOut = [0.9, -0.4, 1.6];
        var request = SviPipeline.Request(Model, [SviPipeline.Real("y", Y, Y.Length)],
            new InferenceOptions { Seed = 4, Steps = 1500, IwaeSamples = 50, DoublePrecision = true });
        var held = SviPipeline.Request(Model, [SviPipeline.Real("y", heldOut, heldOut.Length)]).Data;
        var result = new SviBackend().Run(request with { HeldOut = held });

        var mu = result.Posterior("mu")!;
        double m = mu.Parameters["loc"].Values[0], s = mu.Parameters["scale"].Values[0];
        // The held-out ELBO is the mean of 20 estimates whose likelihood part is −½ Σ(yᵢ − μ)² + c:
        // Var = n²/4 (2s⁴ + 4c²s²) with c = m − ȳ (the variance of a scaled non-central χ²₁).
        var n = heldOut.Length;
        var c = m - heldOut.Average();
        var se = Math.Sqrt(n * n / 4.0 * (2 * Math.Pow(s, 4) + 4 * c * c * s * s) / 20);
        var expected = Elbo(heldOut, m, s);
        Assert.InRange(result.HeldOutElbo!.Value, expected - 5 * se, expected + 5 * se);

        Assert.Equal(50, result.Iwae!.K);
        Assert.True(result.Iwae.Value <= LogEvidence(Y) + 5 * result.Iwae.StandardError!.Value);
        // The trained guide is the exact posterior up to optimisation noise, so IWAE is close to log p.
        Assert.InRange(result.Iwae.Value, LogEvidence(Y) - 0.05, LogEvidence(Y) + 0.05);
    }

    private static double Sq(double? x) => x!.Value * x.Value;

    /// <summary>χ²(p ‖ q) = ∫ p(μ | y)²/q(μ) dμ − 1 by the midpoint rule (a slow twin of the Gaussian closed form).</summary>
    private static double ChiSquare(double[] y, double m, double s)
    {
        var n = y.Length;
        double a = y.Sum() / (n + 1), b = 1 / Math.Sqrt(n + 1);
        double Pdf(double x, double loc, double sd) => Math.Exp(-0.5 * (x - loc) * (x - loc) / (sd * sd)) / (sd * Math.Sqrt(2 * Math.PI));
        const double h = 1e-3;
        var sum = 0.0;
        for (var x = -10.0; x < 10; x += h)
        {
            var mid = x + h / 2;
            sum += Pdf(mid, a, b) * Pdf(mid, a, b) / Pdf(mid, m, s) * h;
        }
        return sum - 1;
    }
}
