using Ppl.StdLib.Distributions;
using Ppl.Tensors;

namespace Ppl.StdLib.Tests.Distributions;

/// <summary>
/// The by-name entry of the scalar families (what the SVI backend calls with the IR's family and
/// parameterisation): on doubles it equals each class's own LogDensity, and on a tensor plate it equals the
/// double entry point by point, to 1e-12 relative.
/// </summary>
public sealed class FamilyDensitiesTests
{
    public static TheoryData<string, string, double[], double> Cases() => new()
    {
        { "Normal", "sd", [0.4, 1.3], -0.7 },
        { "Normal", "var", [0.4, 1.7], 2.1 },
        { "Normal", "precision", [0.4, 0.6], 1.2 },
        { "Bernoulli", "p", [0.3], 1 },
        { "Bernoulli", "logits", [-0.8], 0 },
        { "Gamma", "rate", [2.2, 1.5], 0.9 },
        { "Gamma", "scale", [2.2, 0.4], 0.9 },
        { "InverseGamma", "shape", [3.0, 2.0], 1.4 },
        { "Beta", "a", [1.7, 2.9], 0.35 },
        { "Exponential", "rate", [1.3], 0.8 },
        { "HalfNormal", "sd", [1.4], 0.6 },
        { "HalfCauchy", "scale", [0.8], 2.1 },
        { "LogNormal", "mu", [0.3, 0.6], 2.3 },
        { "Laplace", "loc", [-0.5, 1.3], 0.4 },
        { "StudentT", "nu", [3.5, 0.4, 0.9], 1.7 },
        { "Uniform", "lo", [-1.0, 2.5], 0.2 },
        { "Poisson", "rate", [2.5], 4 },
    };

    private static IUnivariateDistribution Reference(string family, string parameterisation, double[] a) => (family, parameterisation) switch
    {
        ("Normal", "var") => Normal.FromVariance(a[0], a[1]),
        ("Normal", "precision") => Normal.FromPrecision(a[0], a[1]),
        ("Normal", _) => new Normal(a[0], a[1]),
        ("Bernoulli", "logits") => Bernoulli.FromLogits(a[0]),
        ("Bernoulli", _) => new Bernoulli(a[0]),
        ("Gamma", "scale") => Gamma.FromScale(a[0], a[1]),
        ("Gamma", _) => new Gamma(a[0], a[1]),
        ("InverseGamma", _) => new InverseGamma(a[0], a[1]),
        ("Beta", _) => new Beta(a[0], a[1]),
        ("Exponential", _) => new Exponential(a[0]),
        ("HalfNormal", _) => new HalfNormal(a[0]),
        ("HalfCauchy", _) => new HalfCauchy(a[0]),
        ("LogNormal", _) => new LogNormal(a[0], a[1]),
        ("Laplace", _) => new Laplace(a[0], a[1]),
        ("StudentT", _) => new StudentT(a[0], a[1], a[2]),
        ("Uniform", _) => new Uniform(a[0], a[1]),
        ("Poisson", _) => new Poisson(a[0]),
        _ => throw new ArgumentException(family),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void By_name_log_density_is_the_family_s_on_doubles_and_on_tensors(string family, string parameterisation, double[] a, double x)
    {
        Assert.True(FamilyDensities.Supports(family));
        var expected = Reference(family, parameterisation, a).LogDensity(x);
        var onScalar = FamilyDensities.LogDensity<Scalar>(family, parameterisation, [.. a.Select(v => (Scalar)v)], x).Value;
        FixtureTests.Close(expected, onScalar, $"{family}({parameterisation}) on doubles", 1e-12);

        double[] plate = [x, x, x];
        var onTensor = FamilyDensities.LogDensity(family, parameterisation,
            [.. a.Select(v => Tensor.Full(v, DType.Float64, 3))], Tensor.FromArray(plate)).ToArray();
        Assert.Equal(3, onTensor.Length);
        foreach (var value in onTensor)
        {
            FixtureTests.Close(onScalar, value, $"{family}({parameterisation}) on a tensor plate", 1e-12);
        }
    }

    [Fact]
    public void Vector_families_are_not_elementwise()
    {
        Assert.False(FamilyDensities.Supports("MvNormal"));
        Assert.False(FamilyDensities.Supports("Mixture"));
        Assert.Throws<NotSupportedException>(() => FamilyDensities.LogDensity<Scalar>("Dirichlet", "alpha", [1.0], 0.5));
    }

    [Fact]
    public void Moments_of_the_predictive_families()
    {
        var normal = FamilyDensities.Moments<Scalar>("Normal", "precision", [1.5, 4.0]);
        Assert.Equal((1.5, 0.25), (normal!.Value.Mean.Value, normal.Value.Variance.Value));
        var bernoulli = FamilyDensities.Moments<Scalar>("Bernoulli", "logits", [0.0]);
        Assert.Equal((0.5, 0.25), (bernoulli!.Value.Mean.Value, bernoulli.Value.Variance.Value));
        Assert.Null(FamilyDensities.Moments<Scalar>("Gamma", "rate", [1.0, 1.0]));
    }
}
