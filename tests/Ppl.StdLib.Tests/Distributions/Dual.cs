using Ppl.Tensors;
using Ppl.Tensors.Special;

namespace Ppl.StdLib.Tests.Distributions;

/// <summary>
/// A forward-mode dual number a + b·ε (ε² = 0) implementing <see cref="IReal{TSelf}"/>: a second arithmetic
/// for the distributions' generic formulas, so that each formula is evaluated by something other than
/// <see cref="Scalar"/> and its derivative can be checked against central differences.
/// </summary>
internal readonly record struct Dual(double Value, double Derivative) : IReal<Dual>
{
    public static Dual Variable(double value) => new(value, 1);

    public static Dual Constant(double value) => new(value, 0);

    public static Dual operator +(Dual left, Dual right) => new(left.Value + right.Value, left.Derivative + right.Derivative);
    public static Dual operator -(Dual left, Dual right) => new(left.Value - right.Value, left.Derivative - right.Derivative);
    public static Dual operator *(Dual left, Dual right) =>
        new(left.Value * right.Value, left.Derivative * right.Value + left.Value * right.Derivative);
    public static Dual operator /(Dual left, Dual right) =>
        new(left.Value / right.Value, (left.Derivative * right.Value - left.Value * right.Derivative) / (right.Value * right.Value));
    public static Dual operator -(Dual value) => new(-value.Value, -value.Derivative);
    public static Dual operator +(Dual left, double right) => new(left.Value + right, left.Derivative);
    public static Dual operator +(double left, Dual right) => new(left + right.Value, right.Derivative);
    public static Dual operator -(Dual left, double right) => new(left.Value - right, left.Derivative);
    public static Dual operator -(double left, Dual right) => new(left - right.Value, -right.Derivative);
    public static Dual operator *(Dual left, double right) => new(left.Value * right, left.Derivative * right);
    public static Dual operator *(double left, Dual right) => new(left * right.Value, left * right.Derivative);
    public static Dual operator /(Dual left, double right) => new(left.Value / right, left.Derivative / right);
    public static Dual operator /(double left, Dual right) =>
        new(left / right.Value, -left * right.Derivative / (right.Value * right.Value));

    private static Dual Chain(Dual x, double value, double slope) => new(value, slope * x.Derivative);

    public static Dual Exp(Dual x) => Chain(x, Math.Exp(x.Value), Math.Exp(x.Value));
    public static Dual Log(Dual x) => Chain(x, Math.Log(x.Value), 1 / x.Value);
    public static Dual Log1p(Dual x) => Chain(x, SpecialFunctions.Log1p(x.Value), 1 / (1 + x.Value));
    public static Dual Expm1(Dual x) => Chain(x, SpecialFunctions.Expm1(x.Value), Math.Exp(x.Value));
    public static Dual Sqrt(Dual x) => Chain(x, Math.Sqrt(x.Value), 0.5 / Math.Sqrt(x.Value));
    public static Dual Square(Dual x) => Chain(x, x.Value * x.Value, 2 * x.Value);
    public static Dual Abs(Dual x) => Chain(x, Math.Abs(x.Value), Math.Sign(x.Value));
    public static Dual Pow(Dual x, double p) => Chain(x, Math.Pow(x.Value, p), p * Math.Pow(x.Value, p - 1));
    public static Dual LogGamma(Dual x) => Chain(x, SpecialFunctions.LogGamma(x.Value), SpecialFunctions.Digamma(x.Value));
    public static Dual Digamma(Dual x) => Chain(x, SpecialFunctions.Digamma(x.Value), SpecialFunctions.Trigamma(x.Value));
    public static Dual Softplus(Dual x) => Chain(x, SpecialFunctions.Softplus(x.Value), SpecialFunctions.Sigmoid(x.Value));
    public static Dual LogSigmoid(Dual x) => Chain(x, SpecialFunctions.LogSigmoid(x.Value), SpecialFunctions.Sigmoid(-x.Value));
    public static Dual Sigmoid(Dual x)
    {
        var s = SpecialFunctions.Sigmoid(x.Value);
        return Chain(x, s, s * (1 - s));
    }
    public static Dual Tanh(Dual x)
    {
        var t = Math.Tanh(x.Value);
        return Chain(x, t, 1 - t * t);
    }
    public static Dual LogNormalCdf(Dual x) =>
        Chain(x, SpecialFunctions.LogNormalCdf(x.Value),
            Math.Exp(SpecialFunctions.LogNormalPdf(x.Value) - SpecialFunctions.LogNormalCdf(x.Value)));
}
