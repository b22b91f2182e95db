using Ppl.StdLib.Distributions;
using Ppl.Tensors;

namespace Ppl.StdLib.Tests.Distributions;

/// <summary>
/// The same generic log-density formulas evaluated on autodiff tensors over a whole plate (data of length
/// N against broadcast parameters): the summed value equals the double path point by point, and the
/// reverse-mode gradients with respect to the parameters equal the sums of forward-mode (dual-number)
/// derivatives, an independent differentiation of the same formula.
/// </summary>
public sealed class TensorPathTests
{
    private const int N = 41;

    public static TheoryData<string> Families() => ["Normal", "NormalPrecision", "Gamma", "Beta", "StudentT", "LogNormal", "Laplace", "BernoulliLogits", "Poisson"];

    private static (double[] X, double[] Parameters) Setup(string name)
    {
        var random = new Ppl.Tensors.Random.RandomSource(8);
        double[] x = name switch
        {
            "Gamma" or "LogNormal" => [.. Enumerable.Range(0, N).Select(_ => 0.05 + 4 * random.NextDouble())],
            "Beta" => [.. Enumerable.Range(0, N).Select(_ => 0.01 + 0.98 * random.NextDouble())],
            "BernoulliLogits" => [.. Enumerable.Range(0, N).Select(_ => random.NextBernoulli(0.4) ? 1.0 : 0.0)],
            "Poisson" => [.. Enumerable.Range(0, N).Select(_ => (double)random.NextPoisson(3))],
            _ => [.. Enumerable.Range(0, N).Select(_ => 2 * random.NextNormal())],
        };
        double[] parameters = name switch
        {
            "Normal" => [0.4, 1.3],
            "NormalPrecision" => [0.4, 0.7],
            "Gamma" => [2.2, 1.5],
            "Beta" => [1.7, 2.9],
            "StudentT" => [4.5, -0.2, 1.1],
            "LogNormal" => [0.3, 0.8],
            "Laplace" => [0.1, 0.9],
            "BernoulliLogits" => [-0.6],
            "Poisson" => [2.4],
            _ => throw new ArgumentException(name),
        };
        return (x, parameters);
    }

    private static T Formula<T>(string name, T x, T[] p) where T : IReal<T> => name switch
    {
        "Normal" => Normal.LogDensity(x, p[0], p[1]),
        "NormalPrecision" => Normal.LogDensityFromPrecision(x, p[0], p[1]),
        "Gamma" => Gamma.LogDensity(x, p[0], p[1]),
        "Beta" => Beta.LogDensity(x, p[0], p[1]),
        "StudentT" => StudentT.LogDensity(x, p[0], p[1], p[2]),
        "LogNormal" => LogNormal.LogDensity(x, p[0], p[1]),
        "Laplace" => Laplace.LogDensity(x, p[0], p[1]),
        "BernoulliLogits" => Bernoulli.LogDensityFromLogits(x, p[0]),
        "Poisson" => Poisson.LogDensity(x, p[0]),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Families))]
    public void Plate_log_density_and_gradients_on_tensors_match_scalars_and_dual_numbers(string name)
    {
        var (x, parameters) = Setup(name);
        var data = Tensor.FromArray(x);
        var leaves = parameters.Select(v => Tensor.Parameter([v], DType.Float64)).ToArray();
        var total = Formula(name, data, leaves).Sum();
        total.Backward();

        var expected = x.Sum(v => Formula<Scalar>(name, v, [.. parameters.Select(p => (Scalar)p)]).Value);
        FixtureTests.Close(expected, total.Item(), $"{name}: Σ log p over the plate", 1e-12);
        for (var k = 0; k < parameters.Length; k++)
        {
            var dual = x.Sum(v => Formula(name, Dual.Constant(v),
                [.. parameters.Select((p, j) => j == k ? Dual.Variable(p) : Dual.Constant(p))]).Derivative);
            var grad = leaves[k].Grad;
            Assert.NotNull(grad);
            FixtureTests.Close(dual, grad.Item(), $"{name}: ∂/∂parameter {k}", 1e-11);
        }
    }

    [Fact]
    public void Reparameterised_plate_samples_on_tensors_carry_pathwise_gradients()
    {
        // z = exp(μ + σ ε) elementwise over a plate of noise; ∂Σz/∂μ = Σz and ∂Σz/∂σ = Σ ε z.
        var random = new Ppl.Tensors.Random.RandomSource(12);
        var noise = Enumerable.Range(0, N).Select(_ => random.NextNormal()).ToArray();
        var mu = Tensor.Parameter([0.3], DType.Float64);
        var sigma = Tensor.Parameter([0.6], DType.Float64);
        var z = LogNormal.Rsample(mu, sigma, Tensor.FromArray(noise));
        var values = z.ToArray();
        z.Sum().Backward();
        for (var i = 0; i < N; i++)
        {
            FixtureTests.Close(LogNormal.Rsample<Scalar>(0.3, 0.6, noise[i]).Value, values[i], $"z[{i}]", 1e-14);
        }
        FixtureTests.Close(values.Sum(), mu.Grad!.Item(), "∂Σz/∂μ", 1e-13);
        FixtureTests.Close(values.Select((v, i) => v * noise[i]).Sum(), sigma.Grad!.Item(), "∂Σz/∂σ", 1e-13);
    }
}
