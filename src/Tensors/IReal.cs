namespace Ppl.Tensors;

/// <summary>
/// The arithmetic a log-density formula is written in, once, so that the same formula serves
/// doubles (message passing, EM) and autodiff tensors (SVI) — STYLE.md, principle 4.
/// </summary>
/// <remarks>
/// Implemented by <c>Scalar</c> (a double; with the special functions) and by the autodiff tensor. Mixed operations with
/// a plain <see cref="double"/> on either side keep formulas free of constant constructors, so a
/// tensor formula never has to know its element type to write <c>0.5 * x</c>.
/// </remarks>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface IReal<TSelf> where TSelf : IReal<TSelf>
{
    /// <summary>Elementwise sum.</summary>
    static abstract TSelf operator +(TSelf left, TSelf right);
    /// <summary>Elementwise difference.</summary>
    static abstract TSelf operator -(TSelf left, TSelf right);
    /// <summary>Elementwise product.</summary>
    static abstract TSelf operator *(TSelf left, TSelf right);
    /// <summary>Elementwise quotient.</summary>
    static abstract TSelf operator /(TSelf left, TSelf right);
    /// <summary>Negation.</summary>
    static abstract TSelf operator -(TSelf value);
    /// <summary>Adds a constant.</summary>
    static abstract TSelf operator +(TSelf left, double right);
    /// <summary>Adds to a constant.</summary>
    static abstract TSelf operator +(double left, TSelf right);
    /// <summary>Subtracts a constant.</summary>
    static abstract TSelf operator -(TSelf left, double right);
    /// <summary>Subtracts from a constant.</summary>
    static abstract TSelf operator -(double left, TSelf right);
    /// <summary>Multiplies by a constant.</summary>
    static abstract TSelf operator *(TSelf left, double right);
    /// <summary>Multiplies a constant.</summary>
    static abstract TSelf operator *(double left, TSelf right);
    /// <summary>Divides by a constant.</summary>
    static abstract TSelf operator /(TSelf left, double right);
    /// <summary>Divides a constant.</summary>
    static abstract TSelf operator /(double left, TSelf right);

    /// <summary>e^x.</summary>
    static abstract TSelf Exp(TSelf x);
    /// <summary>Natural logarithm.</summary>
    static abstract TSelf Log(TSelf x);
    /// <summary>log(1 + x), accurate for small x.</summary>
    static abstract TSelf Log1p(TSelf x);
    /// <summary>e^x − 1, accurate for small x.</summary>
    static abstract TSelf Expm1(TSelf x);
    /// <summary>Square root.</summary>
    static abstract TSelf Sqrt(TSelf x);
    /// <summary>x².</summary>
    static abstract TSelf Square(TSelf x);
    /// <summary>|x|.</summary>
    static abstract TSelf Abs(TSelf x);
    /// <summary>x^p for a constant exponent.</summary>
    static abstract TSelf Pow(TSelf x, double p);
    /// <summary>log Γ(x).</summary>
    static abstract TSelf LogGamma(TSelf x);
    /// <summary>ψ(x) = d/dx log Γ(x).</summary>
    static abstract TSelf Digamma(TSelf x);
    /// <summary>log(1 + e^x).</summary>
    static abstract TSelf Softplus(TSelf x);
    /// <summary>log σ(x) = −softplus(−x).</summary>
    static abstract TSelf LogSigmoid(TSelf x);
    /// <summary>σ(x) = 1 / (1 + e^−x).</summary>
    static abstract TSelf Sigmoid(TSelf x);
    /// <summary>tanh(x).</summary>
    static abstract TSelf Tanh(TSelf x);
    /// <summary>log Φ(x), the log of the standard normal CDF, accurate far in the lower tail.</summary>
    static abstract TSelf LogNormalCdf(TSelf x);
}
