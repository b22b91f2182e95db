using Ppl.StdLib.Distributions;

namespace Ppl.StdLib.Tests.Distributions;

/// <summary>Invalid parameters raise errors that name the distribution, the parameter and the value.</summary>
public sealed class ValidationTests
{
    public static TheoryData<string, Func<object>> Cases() => new()
    {
        { "Normal: sd must be positive, got -1", () => new Normal(0, -1) },
        { "Normal: sd must be positive, got 0", () => new Normal(0, 0) },
        { "Normal: mean must be finite, got NaN", () => new Normal(double.NaN, 1) },
        { "Normal: precision must be positive, got -2", () => Normal.FromPrecision(0, -2) },
        { "Normal: var must be positive, got -0.5", () => Normal.FromVariance(0, -0.5) },
        { "Bernoulli: p must be in [0, 1], got 1.5", () => new Bernoulli(1.5) },
        { "Bernoulli: p must be in [0, 1], got -0.1", () => new Bernoulli(-0.1) },
        { "Binomial: p must be in [0, 1], got 2", () => new Binomial(3, 2) },
        { "Binomial: n must be a non-negative integer, got -3", () => new Binomial(-3, 0.5) },
        { "Gamma: shape must be positive, got -1", () => new Gamma(-1, 1) },
        { "Gamma: rate must be positive, got Infinity", () => new Gamma(1, double.PositiveInfinity) },
        { "Uniform: hi must be greater than lo (2), got 1", () => new Uniform(2, 1) },
        { "Categorical: p must sum to one, got a sum of 0.9", () => new Categorical([0.5, 0.4]) },
        { "Categorical: p must have entries in [0, 1], got 1.5", () => new Categorical([1.5, -0.5]) },
        { "Multinomial: p must sum to one, got a sum of 1.2", () => new Multinomial(3, [0.6, 0.6]) },
        { "Dirichlet: alpha must be positive, got 0", () => new Dirichlet([1, 0, 2]) },
        { "Mixture: weights must sum to one, got a sum of 0.5", () => new Mixture([0.25, 0.25], new Normal(0, 1), new Normal(1, 1)) },
        { "MvNormal: cov must be positive definite, got a matrix whose leading 2×2 minor is not",
            () => new MvNormal([0, 0], [1, 2, 2, 1]) },
        { "MvNormal: cov must be symmetric, got [1, 0] = 0.5 but [0, 1] = 0.2", () => new MvNormal([0, 0], [1, 0.2, 0.5, 1]) },
        { "MvNormal: cov must be 2×2 to match the mean, got 3 entries", () => new MvNormal([0, 0], [1, 0, 1]) },
        { "MvNormal: precision must be positive definite, got a matrix whose leading 1×1 minor is not",
            () => MvNormal.FromPrecision([0], [-1]) },
        { "Wishart: dof must be greater than D − 1 = 1, got 0.5", () => new Wishart(0.5, [1, 0, 0, 1]) },
        { "Wishart: scale must be positive definite, got a matrix whose leading 2×2 minor is not",
            () => new Wishart(3, [1, 1, 1, 1]) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Invalid_parameters_are_named_in_the_error(string message, Func<object> build)
    {
        var e = Assert.Throws<DistributionParameterException>(build);
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
        Assert.StartsWith(e.Distribution + ": " + e.Parameter + " ", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Boundary_values_that_are_valid_are_accepted()
    {
        Assert.Equal(double.NegativeInfinity, new Bernoulli(0).LogDensity(1));
        Assert.Equal(0, new Bernoulli(1).LogDensity(1));
        Assert.Equal(0, new Binomial(0, 0.3).LogDensity(0));
        Assert.Equal(0, new Categorical([0, 1, 0]).LogDensity(1));
        Assert.Equal(double.NegativeInfinity, new Categorical([0, 1, 0]).LogDensity(0));
    }

    [Fact]
    public void Values_outside_the_support_have_zero_density()
    {
        Assert.Equal(double.NegativeInfinity, new Gamma(2, 1).LogDensity(-1));
        Assert.Equal(double.NegativeInfinity, new Beta(2, 2).LogDensity(1.5));
        Assert.Equal(double.NegativeInfinity, new Poisson(2).LogDensity(1.5));
        Assert.Equal(double.NegativeInfinity, new Poisson(2).LogDensity(-1));
        Assert.Equal(double.NegativeInfinity, new Binomial(3, 0.5).LogDensity(4));
        Assert.Equal(double.NegativeInfinity, new Uniform(0, 1).LogDensity(1.01));
        Assert.Equal(double.NegativeInfinity, new Exponential(1).LogDensity(-0.01));
        Assert.Equal(double.NegativeInfinity, new Categorical([0.5, 0.5]).LogDensity(2));
        Assert.Equal(double.NegativeInfinity, new Dirichlet([1, 1]).LogDensity([0.5, 0.6]));
        Assert.Equal(double.NegativeInfinity, new Multinomial(3, [0.5, 0.5]).LogDensity([1, 1]));
        Assert.Equal(double.NegativeInfinity, new Wishart(3, [1, 0, 0, 1]).LogDensity([1, 2, 2, 1]));
        Assert.Equal(double.NegativeInfinity, new Bernoulli(0.5).LogDensity(2));
    }
}
