using Ppl.Tensors.Special;

namespace Ppl.Tensors.Tests.Special;

/// <summary><see cref="Scalar"/> runs a formula written once over <see cref="IReal{TSelf}"/> on doubles.</summary>
public sealed class ScalarTests
{
    /// <summary>A Gamma(shape, rate) log-density written once, as distributions will be.</summary>
    private static T GammaLogDensity<T>(T x, double shape, double rate) where T : IReal<T> =>
        (shape - 1) * T.Log(x) - rate * x + shape * Math.Log(rate) - SpecialFunctions.LogGamma(shape);

    [Fact]
    public void A_generic_formula_on_Scalar_equals_the_double_formula()
    {
        const double X = 2.5, Shape = 3.0, Rate = 0.5;
        var expected = (Shape - 1) * Math.Log(X) - Rate * X + Shape * Math.Log(Rate) - SpecialFunctions.LogGamma(Shape);
        double actual = GammaLogDensity<Scalar>(X, Shape, Rate);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Operators_and_functions_delegate_to_double_arithmetic_and_the_special_functions()
    {
        Scalar a = 1.5;
        Scalar b = -0.25;
        Assert.Equal(1.25, (a + b).Value);
        Assert.Equal(1.75, (a - b).Value);
        Assert.Equal(-0.375, (a * b).Value);
        Assert.Equal(-6.0, (a / b).Value);
        Assert.Equal(-1.5, (-a).Value);
        Assert.Equal(3.5, (a + 2.0).Value);
        Assert.Equal(3.5, (2.0 + a).Value);
        Assert.Equal(-0.5, (a - 2.0).Value);
        Assert.Equal(0.5, (2.0 - a).Value);
        Assert.Equal(3.0, (a * 2.0).Value);
        Assert.Equal(3.0, (2.0 * a).Value);
        Assert.Equal(0.75, (a / 2.0).Value);
        Assert.Equal(3.0, (4.5 / a).Value);

        Assert.Equal(Math.Exp(1.5), Scalar.Exp(a).Value);
        Assert.Equal(Math.Log(1.5), Scalar.Log(a).Value);
        Assert.Equal(SpecialFunctions.Log1p(-0.25), Scalar.Log1p(b).Value);
        Assert.Equal(SpecialFunctions.Expm1(-0.25), Scalar.Expm1(b).Value);
        Assert.Equal(Math.Sqrt(1.5), Scalar.Sqrt(a).Value);
        Assert.Equal(2.25, Scalar.Square(a).Value);
        Assert.Equal(0.25, Scalar.Abs(b).Value);
        Assert.Equal(Math.Pow(1.5, 0.3), Scalar.Pow(a, 0.3).Value);
        Assert.Equal(SpecialFunctions.LogGamma(1.5), Scalar.LogGamma(a).Value);
        Assert.Equal(SpecialFunctions.Digamma(1.5), Scalar.Digamma(a).Value);
        Assert.Equal(SpecialFunctions.Softplus(-0.25), Scalar.Softplus(b).Value);
        Assert.Equal(SpecialFunctions.LogSigmoid(-0.25), Scalar.LogSigmoid(b).Value);
        Assert.Equal(SpecialFunctions.Sigmoid(-0.25), Scalar.Sigmoid(b).Value);
        Assert.Equal(Math.Tanh(-0.25), Scalar.Tanh(b).Value);
        Assert.Equal(SpecialFunctions.LogNormalCdf(-0.25), Scalar.LogNormalCdf(b).Value);
        Assert.Equal("1.5", a.ToString());
        Assert.Equal(a, Scalar.FromDouble(1.5));
        Assert.Equal(1.5, a.ToDouble());
    }
}
