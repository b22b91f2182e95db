using Ppl.Tensors.Special;

namespace Ppl.Tensors;

/// <summary>
/// A double that implements <see cref="IReal{TSelf}"/>, so that a formula written once over
/// <c>IReal</c> (a log-density, an elementwise bijection) runs on plain numbers for message passing
/// and EM; the special functions are those of <see cref="SpecialFunctions"/>.
/// </summary>
/// <param name="Value">The number.</param>
public readonly record struct Scalar(double Value) : IReal<Scalar>
{
    /// <summary>Wraps a double.</summary>
    public static implicit operator Scalar(double value) => new(value);

    /// <summary>Unwraps the double.</summary>
    public static implicit operator double(Scalar value) => value.Value;

    /// <summary>Wraps a double (the named alternative of the implicit conversion).</summary>
    public static Scalar FromDouble(double value) => new(value);

    /// <summary>Unwraps the double (the named alternative of the implicit conversion).</summary>
    public double ToDouble() => Value;

    /// <inheritdoc/>
    public static Scalar operator +(Scalar left, Scalar right) => new(left.Value + right.Value);
    /// <inheritdoc/>
    public static Scalar operator -(Scalar left, Scalar right) => new(left.Value - right.Value);
    /// <inheritdoc/>
    public static Scalar operator *(Scalar left, Scalar right) => new(left.Value * right.Value);
    /// <inheritdoc/>
    public static Scalar operator /(Scalar left, Scalar right) => new(left.Value / right.Value);
    /// <inheritdoc/>
    public static Scalar operator -(Scalar value) => new(-value.Value);
    /// <inheritdoc/>
    public static Scalar operator +(Scalar left, double right) => new(left.Value + right);
    /// <inheritdoc/>
    public static Scalar operator +(double left, Scalar right) => new(left + right.Value);
    /// <inheritdoc/>
    public static Scalar operator -(Scalar left, double right) => new(left.Value - right);
    /// <inheritdoc/>
    public static Scalar operator -(double left, Scalar right) => new(left - right.Value);
    /// <inheritdoc/>
    public static Scalar operator *(Scalar left, double right) => new(left.Value * right);
    /// <inheritdoc/>
    public static Scalar operator *(double left, Scalar right) => new(left * right.Value);
    /// <inheritdoc/>
    public static Scalar operator /(Scalar left, double right) => new(left.Value / right);
    /// <inheritdoc/>
    public static Scalar operator /(double left, Scalar right) => new(left / right.Value);

    /// <inheritdoc/>
    public static Scalar Exp(Scalar x) => new(Math.Exp(x.Value));
    /// <inheritdoc/>
    public static Scalar Log(Scalar x) => new(Math.Log(x.Value));
    /// <inheritdoc/>
    public static Scalar Log1p(Scalar x) => new(SpecialFunctions.Log1p(x.Value));
    /// <inheritdoc/>
    public static Scalar Expm1(Scalar x) => new(SpecialFunctions.Expm1(x.Value));
    /// <inheritdoc/>
    public static Scalar Sqrt(Scalar x) => new(Math.Sqrt(x.Value));
    /// <inheritdoc/>
    public static Scalar Square(Scalar x) => new(x.Value * x.Value);
    /// <inheritdoc/>
    public static Scalar Abs(Scalar x) => new(Math.Abs(x.Value));
    /// <inheritdoc/>
    public static Scalar Pow(Scalar x, double p) => new(Math.Pow(x.Value, p));
    /// <inheritdoc/>
    public static Scalar LogGamma(Scalar x) => new(SpecialFunctions.LogGamma(x.Value));
    /// <inheritdoc/>
    public static Scalar Digamma(Scalar x) => new(SpecialFunctions.Digamma(x.Value));
    /// <inheritdoc/>
    public static Scalar Softplus(Scalar x) => new(SpecialFunctions.Softplus(x.Value));
    /// <inheritdoc/>
    public static Scalar LogSigmoid(Scalar x) => new(SpecialFunctions.LogSigmoid(x.Value));
    /// <inheritdoc/>
    public static Scalar Sigmoid(Scalar x) => new(SpecialFunctions.Sigmoid(x.Value));
    /// <inheritdoc/>
    public static Scalar Tanh(Scalar x) => new(Math.Tanh(x.Value));
    /// <inheritdoc/>
    public static Scalar LogNormalCdf(Scalar x) => new(SpecialFunctions.LogNormalCdf(x.Value));

    /// <summary>The number, round-trippable.</summary>
    public override string ToString() => Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
