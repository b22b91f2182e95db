using Ppl.Tensors.Random;
using static Ppl.Inference.Tests.Vmp.VmpHarness;

namespace Ppl.Inference.Tests.Vmp;

/// <summary>Mean-field VMP for a Gaussian's mean and precision, against an independent iteration of the closed-form updates.</summary>
public sealed class LearningGaussianTests
{
    private const string Model = """
        data x: real[N]
        mu ~ Normal(0, precision: 1e-2)
        tau ~ Gamma(1e-2, 1e-2)
        plate n in N { x[n] ~ Normal(mu, precision: tau) }
        x_new ~ Normal(mu, precision: tau)
        """;

    private static double[] Data(int n)
    {
        var random = new RandomSource(7);
        return [.. Enumerable.Range(0, n).Select(_ => 3 + 0.5 * random.NextNormal())];
    }

    [Fact]
    public void Matches_the_independent_iteration_and_the_elbo_never_decreases()
    {
        var x = Data(50);
        var result = Run(Model, new InferenceOptions { Tolerance = 1e-15, MaxIterations = 500 }, Reals("x", x));
        for (var i = 1; i < result.Trace.Count; i++)
        {
            Assert.True(result.Trace[i] >= result.Trace[i - 1] - 1e-12 * Math.Abs(result.Trace[i - 1]), $"ELBO decreased at {i}");
        }

        // q(τ) then q(μ), from q(μ) = N(0, 1): Bishop 2006, eqs 10.26–10.30 with an independent prior on μ.
        double n = x.Length, sum = x.Sum(), sumSq = x.Sum(v => v * v);
        double m = 0, v = 1, a = 0, b = 0;
        for (var it = 0; it < 500; it++)
        {
            a = 1e-2 + n / 2;
            b = 1e-2 + 0.5 * (sumSq - 2 * sum * m + n * (m * m + v));
            var precision = 1e-2 + n * a / b;
            m = a / b * sum / precision;
            v = 1 / precision;
        }

        var mu = result.Posterior("mu")!;
        var tau = result.Posterior("tau")!;
        Close(m, mu.Mean.ScalarValue, 1e-9, "E[mu]");
        Close(Math.Sqrt(v), mu.Sd.ScalarValue, 1e-9, "sd[mu]");
        Close(a, tau.Parameters["shape"].ScalarValue, 1e-12, "tau shape");
        Close(b, tau.Parameters["rate"].ScalarValue, 1e-9, "tau rate");
        var prediction = result.Posterior("x_new")!;
        Assert.Equal("StudentT", prediction.Family);
        Close(2 * a, prediction.Parameters["nu"].ScalarValue, 1e-12, "predictive dof");
        Close(m, prediction.Mean.ScalarValue, 1e-9, "predictive location");
        Close(Math.Sqrt(b / a + v * (a - 1) / a), prediction.Parameters["scale"].ScalarValue, 1e-9, "predictive scale");

        // The predictive under q, ∫ N(y | m, v + 1/τ) Gamma(τ | a, b) dτ, has variance v + E[1/τ] = v + b/(a − 1).
        Close(Math.Sqrt(v + b / (a - 1)), prediction.Sd.ScalarValue, 1e-9, "predictive sd (exact)");
    }

    [Fact]
    public void A_param_used_as_a_mean_is_a_diagnostic_not_a_wrong_answer()
    {
        var error = Assert.Throws<InferenceException>(() => Run(
            "data x: real[N]\nparam m: real\ntau ~ Gamma(1, 1)\nplate n in N { x[n] ~ Normal(m, precision: tau) }",
            Reals("x", [1.0, 2.0])));
        Assert.Equal("PPL0610", error.Diagnostics[0].Code);
        Assert.Contains("vmp", error.Diagnostics[0].Message, StringComparison.Ordinal);
    }
}
