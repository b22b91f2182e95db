using Ppl.StdLib.Distributions;
using Ppl.Tensors;
using Ppl.Tensors.Random;
using Ppl.Tensors.Special;

namespace Ppl.StdLib.Tests.Distributions;

/// <summary>
/// Implicit-reparameterisation draws as tensor ops (Figurnov et al. 2018). A Gamma draw's gradient is checked
/// per draw against the CDF identity z(α) = F⁻¹(F(z; α₀); α) differentiated by central differences at fixed
/// u = F(z; α₀); Beta and Dirichlet gradients (normalised Gamma draws) against ∂E[x]/∂θ in closed form by
/// Monte Carlo, with a tolerance of five standard errors of the per-draw gradients.
/// </summary>
public sealed class ImplicitReparameterisationTests
{
    [Fact]
    public void Gamma_draw_gradients_match_central_differences_of_the_quantile_at_fixed_probability()
    {
        double[] shapes = [0.4, 1.0, 2.5, 9.0];
        var alpha = Tensor.Parameter([.. shapes.SelectMany(a => Enumerable.Repeat(a, 6))], DType.Float64, shapes.Length * 6);
        var z = ImplicitReparameterisation.SampleStandardGamma(alpha, new RandomSource(41));
        var draws = z.ToArray();
        z.Sum().Backward();
        var gradient = alpha.Grad!.ToArray();
        var values = alpha.ToArray();
        for (var i = 0; i < draws.Length; i++)
        {
            var a = values[i];
            var u = SpecialFunctions.GammaP(a, draws[i]);
            if (u is < 1e-10 or > 1 - 1e-10)
            {
                continue;
            }
            var h = 1e-4 * a;
            var numeric = (Gamma.StandardQuantile(a + h, u) - Gamma.StandardQuantile(a - h, u)) / (2 * h);
            Assert.True(Math.Abs(gradient[i] - numeric) <= 1e-5 * (Math.Abs(numeric) + 1e-8),
                $"α = {a}, z = {draws[i]:R}: op {gradient[i]:R}, central difference {numeric:R}");
        }
    }

    [Fact]
    public void Gamma_draws_are_the_generator_s_draws_and_scale_with_the_rate()
    {
        var alpha = Tensor.Parameter([0.7, 3.0], DType.Float64, 2);
        var rate = Tensor.Parameter([2.0, 0.5], DType.Float64, 2);
        var z = ImplicitReparameterisation.SampleGamma(alpha, rate, new RandomSource(42));
        var reference = new RandomSource(42);
        var expected = new[] { reference.NextGamma(0.7) / 2.0, reference.NextGamma(3.0) / 0.5 };
        var values = z.ToArray();
        Assert.Equal(expected, values);
        z.Sum().Backward();
        // z = g/β: ∂z/∂β = −z/β exactly.
        Assert.Equal(-values[0] / 2.0, rate.Grad![0], 15);
        Assert.Equal(-values[1] / 0.5, rate.Grad![1], 15);
    }

    private static void WithinStandardErrors(double[] perDraw, double expected, string what)
    {
        var mean = perDraw.Average();
        var sd = Math.Sqrt(perDraw.Sum(v => (v - mean) * (v - mean)) / (perDraw.Length - 1));
        var standardError = sd / Math.Sqrt(perDraw.Length);
        Assert.True(Math.Abs(mean - expected) <= 5 * standardError,
            $"{what}: Monte Carlo mean {mean:R} ± {standardError:R}, expected {expected:R}");
    }

    [Fact]
    public void Mean_gradient_of_standard_Gamma_draws_is_one()
    {
        const int M = 4000;
        var alpha = Tensor.Parameter([.. Enumerable.Repeat(1.7, M)], DType.Float64, M);
        ImplicitReparameterisation.SampleStandardGamma(alpha, new RandomSource(43)).Sum().Backward();
        // E[z] = α, so E[∂z/∂α] = 1.
        WithinStandardErrors(alpha.Grad!.ToArray(), 1, "∂E[z]/∂α");
    }

    [Fact]
    public void Beta_draw_gradients_average_to_the_derivative_of_the_mean()
    {
        const int M = 4000;
        const double A = 2.0;
        const double B = 3.5;
        var a = Tensor.Parameter([.. Enumerable.Repeat(A, M)], DType.Float64, M);
        var b = Tensor.Parameter([.. Enumerable.Repeat(B, M)], DType.Float64, M);
        var x = ImplicitReparameterisation.SampleBeta(a, b, new RandomSource(44));
        WithinStandardErrors(x.ToArray(), A / (A + B), "E[x]");
        x.Sum().Backward();
        // E[x] = a/(a + b): ∂/∂a = b/(a + b)², ∂/∂b = −a/(a + b)².
        WithinStandardErrors(a.Grad!.ToArray(), B / ((A + B) * (A + B)), "∂E[x]/∂a");
        WithinStandardErrors(b.Grad!.ToArray(), -A / ((A + B) * (A + B)), "∂E[x]/∂b");
    }

    [Fact]
    public void Dirichlet_draw_gradients_average_to_the_derivative_of_the_mean()
    {
        const int M = 3000;
        double[] alpha0 = [0.8, 2.0, 3.2];
        var total = alpha0.Sum();
        var alpha = Tensor.Parameter([.. Enumerable.Range(0, M).SelectMany(_ => alpha0)], DType.Float64, M, 3);
        var x = ImplicitReparameterisation.SampleDirichlet(alpha, new RandomSource(45));
        var rows = x.ToArray();
        for (var m = 0; m < M; m++)
        {
            Assert.Equal(1.0, rows[3 * m] + rows[3 * m + 1] + rows[3 * m + 2], 14);
        }
        x.Slice(1, 0, 1).Sum().Backward();
        var gradient = alpha.Grad!.ToArray();
        for (var j = 0; j < 3; j++)
        {
            // E[x₀] = α₀/A: ∂/∂αⱼ = (δ₀ⱼ A − α₀)/A².
            var expected = ((j == 0 ? total : 0) - alpha0[0]) / (total * total);
            WithinStandardErrors([.. Enumerable.Range(0, M).Select(m => gradient[3 * m + j])], expected, $"∂E[x₀]/∂α{j}");
        }
    }

    [Fact]
    public void A_shape_that_is_not_positive_is_named()
    {
        var e = Assert.Throws<DistributionParameterException>(() =>
            ImplicitReparameterisation.SampleStandardGamma(Tensor.FromArray([1.0, -0.5]), new RandomSource(1)));
        Assert.Equal("Gamma", e.Distribution);
        Assert.Equal("shape", e.Parameter);
    }
}
