using Ppl.StdLib.Distributions;
using Ppl.Tensors;

namespace Ppl.StdLib.Tests.Distributions;

/// <summary>
/// The generic (IReal) log-density and reparameterised-sample formulas evaluated with a second arithmetic
/// (<see cref="Dual"/>): values equal the double path and derivatives equal central differences of the
/// double path, for every argument. Implicit reparameterisation gradients (Gamma, Beta, Dirichlet) are
/// checked against central differences of the sample as a function of the parameter at fixed uniform noise
/// (z = F⁻¹(u; α)).
/// </summary>
public sealed class GradientTests
{
    internal delegate T Generic<T>(T[] a) where T : IReal<T>;

    /// <summary>Holds a formula instantiated for both arithmetics (C# has no generic lambdas).</summary>
    internal sealed record GenericFormula(Generic<Scalar> OnScalar, Generic<Dual> OnDual)
    {
        public Scalar Invoke(Scalar[] a) => OnScalar(a);
        public Dual Invoke(Dual[] a) => OnDual(a);
    }

    public static TheoryData<string, double[]> LogDensityCases() => new()
    {
        { "Normal", [0.7, -0.3, 1.9] },
        { "Gamma", [1.3, 2.5, 0.7] },
        { "InverseGamma", [0.8, 3.5, 2.0] },
        { "Beta", [0.3, 2.2, 0.8] },
        { "Exponential", [1.1, 0.6] },
        { "Uniform", [0.2, -1.0, 2.5] },
        { "Laplace", [0.4, -0.5, 1.3] },
        { "StudentT", [1.7, 3.5, 0.4, 0.9] },
        { "HalfNormal", [0.6, 1.4] },
        { "HalfCauchy", [2.1, 0.8] },
        { "LogNormal", [2.3, 0.4, 0.6] },
        { "Bernoulli", [0.3, 0.8] },
        { "BernoulliLogits", [0.3, -1.7] },
        { "Poisson", [4.0, 2.5] },
        { "Binomial", [3.0, 0.35] },
        { "NormalPrecision", [0.7, -0.3, 2.5] },
    };

    private static GenericFormula LogDensity(string name) => name switch
    {
        "Normal" => new(a => Normal.LogDensity(a[0], a[1], a[2]), a => Normal.LogDensity(a[0], a[1], a[2])),
        "Gamma" => new(a => Gamma.LogDensity(a[0], a[1], a[2]), a => Gamma.LogDensity(a[0], a[1], a[2])),
        "InverseGamma" => new(a => InverseGamma.LogDensity(a[0], a[1], a[2]), a => InverseGamma.LogDensity(a[0], a[1], a[2])),
        "Beta" => new(a => Beta.LogDensity(a[0], a[1], a[2]), a => Beta.LogDensity(a[0], a[1], a[2])),
        "Exponential" => new(a => Exponential.LogDensity(a[0], a[1]), a => Exponential.LogDensity(a[0], a[1])),
        "Uniform" => new(a => Uniform.LogDensity(a[0], a[1], a[2]), a => Uniform.LogDensity(a[0], a[1], a[2])),
        "Laplace" => new(a => Laplace.LogDensity(a[0], a[1], a[2]), a => Laplace.LogDensity(a[0], a[1], a[2])),
        "StudentT" => new(a => StudentT.LogDensity(a[0], a[1], a[2], a[3]), a => StudentT.LogDensity(a[0], a[1], a[2], a[3])),
        "HalfNormal" => new(a => HalfNormal.LogDensity(a[0], a[1]), a => HalfNormal.LogDensity(a[0], a[1])),
        "HalfCauchy" => new(a => HalfCauchy.LogDensity(a[0], a[1]), a => HalfCauchy.LogDensity(a[0], a[1])),
        "LogNormal" => new(a => LogNormal.LogDensity(a[0], a[1], a[2]), a => LogNormal.LogDensity(a[0], a[1], a[2])),
        "Bernoulli" => new(a => Bernoulli.LogDensity(a[0], a[1]), a => Bernoulli.LogDensity(a[0], a[1])),
        "BernoulliLogits" => new(a => Bernoulli.LogDensityFromLogits(a[0], a[1]), a => Bernoulli.LogDensityFromLogits(a[0], a[1])),
        "Poisson" => new(a => Poisson.LogDensity(a[0], a[1]), a => Poisson.LogDensity(a[0], a[1])),
        "Binomial" => new(a => Binomial.LogDensity(a[0], 10, a[1]), a => Binomial.LogDensity(a[0], 10, a[1])),
        "NormalPrecision" => new(a => Normal.LogDensityFromPrecision(a[0], a[1], a[2]), a => Normal.LogDensityFromPrecision(a[0], a[1], a[2])),
        _ => throw new ArgumentException(name),
    };

    /// <summary>The double API at the same point, an independent path for the value.</summary>
    private static double DoubleApi(string name, double[] a) => name switch
    {
        "Normal" => new Normal(a[1], a[2]).LogDensity(a[0]),
        "Gamma" => new Gamma(a[1], a[2]).LogDensity(a[0]),
        "InverseGamma" => new InverseGamma(a[1], a[2]).LogDensity(a[0]),
        "Beta" => new Beta(a[1], a[2]).LogDensity(a[0]),
        "Exponential" => new Exponential(a[1]).LogDensity(a[0]),
        "Uniform" => new Uniform(a[1], a[2]).LogDensity(a[0]),
        "Laplace" => new Laplace(a[1], a[2]).LogDensity(a[0]),
        "StudentT" => new StudentT(a[1], a[2], a[3]).LogDensity(a[0]),
        "HalfNormal" => new HalfNormal(a[1]).LogDensity(a[0]),
        "HalfCauchy" => new HalfCauchy(a[1]).LogDensity(a[0]),
        "LogNormal" => new LogNormal(a[1], a[2]).LogDensity(a[0]),
        "Bernoulli" => new Bernoulli(a[1]).LogDensity(a[0]),
        "BernoulliLogits" => Bernoulli.FromLogits(a[1]).LogDensity(a[0]),
        "Poisson" => new Poisson(a[1]).LogDensity(a[0]),
        "Binomial" => new Binomial(10, a[1]).LogDensity(a[0]),
        "NormalPrecision" => Normal.FromPrecision(a[1], a[2]).LogDensity(a[0]),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(LogDensityCases))]
    public void Generic_log_density_has_the_double_value_and_central_difference_gradients(string name, double[] point)
    {
        var formula = LogDensity(name);
        FixtureTests.Close(DoubleApi(name, point), formula.Invoke(point.Select(v => (Scalar)v).ToArray()).Value, $"{name} value");
        CheckGradient(name, formula, point, skip: []);
    }

    /// <summary>Dual derivatives against Richardson-extrapolated central differences (error ~h⁴) of the Scalar path.</summary>
    private static void CheckGradient(string name, GenericFormula formula, double[] point, int[] skip)
    {
        for (var i = 0; i < point.Length; i++)
        {
            if (skip.Contains(i))
            {
                continue;
            }
            var duals = point.Select((v, j) => j == i ? Dual.Variable(v) : Dual.Constant(v)).ToArray();
            var exact = formula.Invoke(duals);
            Assert.Equal(formula.Invoke(point.Select(v => (Scalar)v).ToArray()).Value, exact.Value, 14);
            var at = (double[])point.Clone();
            double Value(double v)
            {
                at[i] = v;
                return formula.Invoke(at.Select(x => (Scalar)x).ToArray()).Value;
            }
            var h = 1e-3 * Math.Max(1, Math.Abs(point[i]));
            var coarse = (Value(point[i] + h) - Value(point[i] - h)) / (2 * h);
            var fine = (Value(point[i] + h / 2) - Value(point[i] - h / 2)) / h;
            var numeric = (4 * fine - coarse) / 3;
            Assert.True(Math.Abs(numeric - exact.Derivative) <= 1e-8 * Math.Max(1, Math.Abs(numeric)),
                $"{name}: ∂/∂argument {i} is {exact.Derivative:R} by dual numbers, {numeric:R} by central differences");
        }
    }

    public static TheoryData<string, double[], double> RsampleCases() => new()
    {
        { "Normal", [0.5, 1.7], -0.8 },
        { "LogNormal", [0.2, 0.6], 1.3 },
        { "Uniform", [-1.0, 3.0], 0.35 },
        { "Laplace", [1.0, 0.7], -1.9 },
        { "Exponential", [2.5], 0.8 },
        { "StudentT", [0.3, 1.4], 2.2 },
        { "HalfNormal", [1.3], -0.6 },
        { "HalfCauchy", [0.9], 3.1 },
    };

    private static GenericFormula Rsample(string name, double noise) => name switch
    {
        "Normal" => new(a => Normal.Rsample(a[0], a[1], (Scalar)noise), a => Normal.Rsample(a[0], a[1], Dual.Constant(noise))),
        "LogNormal" => new(a => LogNormal.Rsample(a[0], a[1], (Scalar)noise), a => LogNormal.Rsample(a[0], a[1], Dual.Constant(noise))),
        "Uniform" => new(a => Uniform.Rsample(a[0], a[1], (Scalar)noise), a => Uniform.Rsample(a[0], a[1], Dual.Constant(noise))),
        "Laplace" => new(a => Laplace.Rsample(a[0], a[1], (Scalar)noise), a => Laplace.Rsample(a[0], a[1], Dual.Constant(noise))),
        "Exponential" => new(a => Exponential.Rsample(a[0], (Scalar)noise), a => Exponential.Rsample(a[0], Dual.Constant(noise))),
        "StudentT" => new(a => StudentT.Rsample(a[0], a[1], (Scalar)noise), a => StudentT.Rsample(a[0], a[1], Dual.Constant(noise))),
        "HalfNormal" => new(a => HalfNormal.Rsample(a[0], (Scalar)noise), a => HalfNormal.Rsample(a[0], Dual.Constant(noise))),
        "HalfCauchy" => new(a => HalfCauchy.Rsample(a[0], (Scalar)noise), a => HalfCauchy.Rsample(a[0], Dual.Constant(noise))),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(RsampleCases))]
    public void Reparameterised_samples_have_central_difference_gradients(string name, double[] parameters, double noise)
    {
        var formula = Rsample(name, noise);
        CheckGradient(name, formula, parameters, skip: []);
        Assert.True(double.IsFinite(formula.Invoke(parameters.Select(v => (Scalar)v).ToArray()).Value));
    }

    [Fact]
    public void Reparameterised_samples_are_exact_transforms_of_the_noise()
    {
        // The same noise through the quantile function: Rsample(θ, noise) = F⁻¹(Φ(ε)) etc.
        Assert.Equal(new Normal(0.5, 1.7).Quantile(Ppl.Tensors.Special.SpecialFunctions.NormalCdf(-0.8)),
            Normal.Rsample<Scalar>(0.5, 1.7, -0.8).Value, 12);
        Assert.Equal(new Exponential(2.5).Quantile(1 - Math.Exp(-0.8)), Exponential.Rsample<Scalar>(2.5, 0.8).Value, 12);
        Assert.Equal(new Uniform(-1, 3).Quantile(0.35), Uniform.Rsample<Scalar>(-1.0, 3.0, 0.35).Value, 12);
        Assert.Equal(new HalfCauchy(0.9).Quantile(2 / Math.PI * Math.Atan(3.1)), HalfCauchy.Rsample<Scalar>(0.9, 3.1).Value, 12);
    }

    [Theory]
    [InlineData(0.3, 0.2)]
    [InlineData(0.3, 0.9)]
    [InlineData(1.0, 0.5)]
    [InlineData(2.5, 0.05)]
    [InlineData(2.5, 0.7)]
    [InlineData(40, 0.5)]
    public void Gamma_implicit_gradient_equals_the_derivative_of_the_quantile_at_fixed_noise(double shape, double u)
    {
        var z = Gamma.StandardQuantile(shape, u);
        var implicitGradient = Gamma.StandardShapeGradient(z, shape);
        var h = 1e-4 * shape;
        var numeric = (Gamma.StandardQuantile(shape + h, u) - Gamma.StandardQuantile(shape - h, u)) / (2 * h);
        Assert.True(Math.Abs(numeric - implicitGradient) <= 1e-6 * Math.Abs(numeric),
            $"shape {shape}, u {u}: implicit {implicitGradient:R}, central difference {numeric:R}");
        // With a rate: z = g/β, ∂z/∂α = (∂g/∂α)/β.
        var withRate = new Gamma(shape, 2.0);
        Assert.Equal(implicitGradient / 2, withRate.ShapeGradient(z / 2), 10);
    }

    [Theory]
    [InlineData(0.7, 2.0, 0.3)]
    [InlineData(3.5, 0.5, 0.9)]
    public void Inverse_gamma_gradients_equal_the_derivatives_of_the_quantile(double shape, double scale, double u)
    {
        var d = new InverseGamma(shape, scale);
        var z = d.Quantile(u);
        var (dShape, dScale) = d.ParameterGradient(z);
        var h = 1e-4 * shape;
        var numericShape = (new InverseGamma(shape + h, scale).Quantile(u) - new InverseGamma(shape - h, scale).Quantile(u)) / (2 * h);
        var k = 1e-4 * scale;
        var numericScale = (new InverseGamma(shape, scale + k).Quantile(u) - new InverseGamma(shape, scale - k).Quantile(u)) / (2 * k);
        Assert.True(Math.Abs(numericShape - dShape) <= 1e-6 * Math.Abs(numericShape), $"∂z/∂α: {dShape:R} vs {numericShape:R}");
        Assert.True(Math.Abs(numericScale - dScale) <= 1e-6 * Math.Abs(numericScale), $"∂z/∂β: {dScale:R} vs {numericScale:R}");
    }

    [Theory]
    [InlineData(0.5, 0.5, 0.3)]
    [InlineData(2, 5, 0.6)]
    [InlineData(8, 4, 0.1)]
    public void Beta_implicit_gradients_equal_the_derivatives_of_the_quantile(double a, double b, double u)
    {
        var beta = new Beta(a, b);
        var z = beta.Quantile(u);
        var (dA, dB) = beta.ParameterGradient(z);
        var ha = 1e-4 * a;
        var hb = 1e-4 * b;
        var numericA = (Beta.StandardQuantile(a + ha, b, u) - Beta.StandardQuantile(a - ha, b, u)) / (2 * ha);
        var numericB = (Beta.StandardQuantile(a, b + hb, u) - Beta.StandardQuantile(a, b - hb, u)) / (2 * hb);
        Assert.True(Math.Abs(numericA - dA) <= 1e-6 * Math.Abs(numericA), $"∂z/∂a: implicit {dA:R}, numeric {numericA:R}");
        Assert.True(Math.Abs(numericB - dB) <= 1e-6 * Math.Abs(numericB), $"∂z/∂b: implicit {dB:R}, numeric {numericB:R}");
    }

    [Fact]
    public void Dirichlet_implicit_jacobian_equals_central_differences_of_normalised_gamma_quantiles()
    {
        double[] alpha = [0.7, 2.0, 5.0];
        double[] u = [0.3, 0.8, 0.45];
        double[] Sample(double[] a)
        {
            var g = a.Select((ai, i) => Gamma.StandardQuantile(ai, u[i])).ToArray();
            var total = g.Sum();
            return g.Select(x => x / total).ToArray();
        }
        var gammas = alpha.Select((ai, i) => Gamma.StandardQuantile(ai, u[i])).ToArray();
        var z = new double[3];
        var jacobian = new double[9];
        new Dirichlet(alpha).ReparameterisedSample(gammas, z, jacobian);
        Assert.Equal(Sample(alpha), z);
        for (var j = 0; j < 3; j++)
        {
            var h = 1e-4 * alpha[j];
            var up = (double[])alpha.Clone();
            var down = (double[])alpha.Clone();
            up[j] += h;
            down[j] -= h;
            var zu = Sample(up);
            var zd = Sample(down);
            for (var i = 0; i < 3; i++)
            {
                var numeric = (zu[i] - zd[i]) / (2 * h);
                Assert.True(Math.Abs(numeric - jacobian[i * 3 + j]) <= 1e-6 * Math.Max(1e-3, Math.Abs(numeric)),
                    $"∂z{i}/∂α{j}: implicit {jacobian[i * 3 + j]:R}, numeric {numeric:R}");
            }
        }
    }

    [Fact]
    public void MvNormal_reparameterised_sample_is_mean_plus_cholesky_times_noise()
    {
        var d = new MvNormal([1, -1], [4, 1.2, 1.2, 1]);
        var x = new double[2];
        d.Rsample([0.5, -2], x);
        var l = d.CholeskyFactor;
        Assert.Equal(1 + l[0] * 0.5, x[0], 14);
        Assert.Equal(-1 + l[2] * 0.5 + l[3] * -2, x[1], 14);
        Assert.Equal(2, l[0], 14);
        Assert.Equal(0, l[1]);
    }
}
