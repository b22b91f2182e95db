using Ppl.Inference.Svi;
using Ppl.Tensors;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Tests.Svi;

/// <summary>
/// The reparameterised ELBO gradient is unbiased. Model μ ~ N(0, 1), yᵢ ~ N(μ, 1); guide q(μ) =
/// N(m, s), s = softplus(ρ). ELBO(m, s) = Σᵢ E_q[log N(yᵢ; μ, 1)] − KL(q ‖ N(0, 1)), so
/// ∂/∂m = Σᵢ(yᵢ − m) − m and ∂/∂s = −n s − s + 1/s; ∂/∂ρ = ∂/∂s · σ(ρ).
/// </summary>
public sealed class ElboGradientTests
{
    private const string Model = """
        data y: real[N]
        mu ~ Normal(0, 1)
        y ~ Normal(mu, 1)
        """;

    [Fact]
    public void Mean_of_reparameterised_gradients_matches_the_analytic_gradient()
    {
        double[] y = [0.3, -1.2, 2.0, 0.7, 1.1];
        var request = SviPipeline.Request(Model, [SviPipeline.Real("y", y, y.Length)]);
        var program = new SviProgram(request.Model, request.Data, DType.Float64, "auto", new RandomSource(1));
        var loc = program.Trainable[0];
        var rho = program.Trainable[1];
        loc.AsDoubleSpan()[0] = 0.4;
        rho.AsDoubleSpan()[0] = 0.2;
        var s = Math.Log(1 + Math.Exp(0.2));
        var n = y.Length;
        var expectedM = y.Sum() - n * 0.4 - 0.4;
        var expectedRho = (-n * s - s + 1 / s) / (1 + Math.Exp(-0.2));

        const int seeds = 4000;
        var gm = new double[seeds];
        var gr = new double[seeds];
        var random = new RandomSource(11);
        var frame = program.Frame([], 1, 1);
        for (var i = 0; i < seeds; i++)
        {
            loc.ZeroGrad();
            rho.ZeroGrad();
            program.Run(frame, random).Elbo.Backward();
            gm[i] = loc.Grad![0];
            gr[i] = rho.Grad![0];
        }
        AssertMean(gm, expectedM);
        AssertMean(gr, expectedRho);
    }

    private static void AssertMean(double[] draws, double expected)
    {
        var mean = draws.Average();
        var sd = Math.Sqrt(draws.Sum(g => (g - mean) * (g - mean)) / (draws.Length - 1));
        Assert.True(sd > 0, "the estimator should be stochastic");
        Assert.InRange(mean, expected - 5 * sd / Math.Sqrt(draws.Length), expected + 5 * sd / Math.Sqrt(draws.Length));
    }
}
