using Ppl.Tensors.Ops;

namespace Ppl.Tensors;

public sealed partial class Tensor
{
    /// <summary>Elementwise sum, broadcasting.</summary>
    public static Tensor operator +(Tensor left, Tensor right) => BinaryOp.Apply(BinaryKind.Add, left, right);

    /// <summary>Elementwise difference, broadcasting.</summary>
    public static Tensor operator -(Tensor left, Tensor right) => BinaryOp.Apply(BinaryKind.Subtract, left, right);

    /// <summary>Elementwise product, broadcasting.</summary>
    public static Tensor operator *(Tensor left, Tensor right) => BinaryOp.Apply(BinaryKind.Multiply, left, right);

    /// <summary>Elementwise quotient, broadcasting.</summary>
    public static Tensor operator /(Tensor left, Tensor right) => BinaryOp.Apply(BinaryKind.Divide, left, right);

    /// <summary>Negation.</summary>
    public static Tensor operator -(Tensor value) => Affine(value, -1, 0);

    /// <summary>Adds a constant.</summary>
    public static Tensor operator +(Tensor left, double right) => Affine(left, 1, right);

    /// <summary>Adds to a constant.</summary>
    public static Tensor operator +(double left, Tensor right) => Affine(right, 1, left);

    /// <summary>Subtracts a constant.</summary>
    public static Tensor operator -(Tensor left, double right) => Affine(left, 1, -right);

    /// <summary>Subtracts from a constant.</summary>
    public static Tensor operator -(double left, Tensor right) => Affine(right, -1, left);

    /// <summary>Multiplies by a constant.</summary>
    public static Tensor operator *(Tensor left, double right) => Affine(left, right, 0);

    /// <summary>Multiplies a constant.</summary>
    public static Tensor operator *(double left, Tensor right) => Affine(right, left, 0);

    /// <summary>Divides by a constant.</summary>
    public static Tensor operator /(Tensor left, double right) => Affine(left, 1 / right, 0);

    /// <summary>Divides a constant: c / x.</summary>
    public static Tensor operator /(double left, Tensor right)
    {
        ArgumentNullException.ThrowIfNull(right);
        return UnaryOp.Apply(ConstantFunctions.ScaledReciprocal(left), right);
    }

    /// <summary>Elementwise sum (named alternative to <c>+</c>).</summary>
    public static Tensor Add(Tensor left, Tensor right) => left + right;

    /// <summary>Elementwise difference (named alternative to <c>-</c>).</summary>
    public static Tensor Subtract(Tensor left, Tensor right) => left - right;

    /// <summary>Elementwise product (named alternative to <c>*</c>).</summary>
    public static Tensor Multiply(Tensor left, Tensor right) => left * right;

    /// <summary>Elementwise quotient (named alternative to <c>/</c>).</summary>
    public static Tensor Divide(Tensor left, Tensor right) => left / right;

    /// <summary>Negation (named alternative to unary <c>-</c>).</summary>
    public static Tensor Negate(Tensor value) => -value;

    /// <summary>a·x + b with constants a and b, as one op.</summary>
    public static Tensor Affine(Tensor x, double scale, double shift)
    {
        ArgumentNullException.ThrowIfNull(x);
        return UnaryOp.Apply(ConstantFunctions.Affine(scale, shift), x);
    }

    /// <summary>eˣ.</summary>
    public static Tensor Exp(Tensor x) => Unary(ExpFunction.Instance, x);

    /// <summary>Natural logarithm.</summary>
    public static Tensor Log(Tensor x) => Unary(LogFunction.Instance, x);

    /// <summary>log(1 + x), accurate for small x.</summary>
    public static Tensor Log1p(Tensor x) => Unary(Log1pFunction.Instance, x);

    /// <summary>eˣ − 1, accurate for small x.</summary>
    public static Tensor Expm1(Tensor x) => Unary(Expm1Function.Instance, x);

    /// <summary>Square root.</summary>
    public static Tensor Sqrt(Tensor x) => Unary(SqrtFunction.Instance, x);

    /// <summary>x².</summary>
    public static Tensor Square(Tensor x) => Unary(SquareFunction.Instance, x);

    /// <summary>|x|.</summary>
    public static Tensor Abs(Tensor x) => Unary(AbsFunction.Instance, x);

    /// <summary>xᵖ for a constant exponent.</summary>
    public static Tensor Pow(Tensor x, double p) => Unary(ConstantFunctions.Pow(p), x);

    /// <summary>xʸ elementwise with a tensor exponent, broadcasting.</summary>
    public static Tensor Pow(Tensor x, Tensor y) => BinaryOp.Apply(BinaryKind.Power, x, y);

    /// <summary>tanh x.</summary>
    public static Tensor Tanh(Tensor x) => Unary(TanhFunction.Instance, x);

    /// <summary>σ(x) = 1/(1 + e⁻ˣ).</summary>
    public static Tensor Sigmoid(Tensor x) => Unary(SigmoidFunction.Instance, x);

    /// <summary>max(x, 0).</summary>
    public static Tensor Relu(Tensor x) => Unary(ReluFunction.Instance, x);

    /// <summary>log(1 + eˣ), without overflow.</summary>
    public static Tensor Softplus(Tensor x) => Unary(SoftplusFunction.Instance, x);

    /// <summary>log σ(x) = −softplus(−x).</summary>
    public static Tensor LogSigmoid(Tensor x) => Unary(LogSigmoidFunction.Instance, x);

    /// <summary>
    /// Σ xᵢlᵢ − softplus(lᵢ): the log-likelihood of <paramref name="x"/> under Bernoulli(σ(l)) for
    /// <paramref name="logits"/> l of the same shape (for x in [0, 1], minus the summed BCE-with-logits),
    /// as a scalar; one fused pass forward and one backward (∂/∂l = x − σ(l), ∂/∂x = l).
    /// </summary>
    public static Tensor BernoulliLogitsLogLikelihood(Tensor logits, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(x);
        return BernoulliLogitsOp.Apply(logits, x);
    }

    /// <summary>
    /// <see cref="BernoulliLogitsLogLikelihood"/> summed over each row instead of over everything: for
    /// <paramref name="x"/> of shape [n, …] a vector of n log-likelihoods, row r summing every element
    /// whose first index is r (the per-data-point terms of an importance-weighted bound).
    /// </summary>
    public static Tensor BernoulliLogitsLogLikelihoodPerRow(Tensor logits, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(x);
        return BernoulliLogitsOp.Apply(logits, x, perRow: true);
    }

    /// <summary>log Γ(x).</summary>
    public static Tensor LogGamma(Tensor x) => Unary(LogGammaFunction.Instance, x);

    /// <summary>ψ(x) = d/dx log Γ(x).</summary>
    public static Tensor Digamma(Tensor x) => Unary(DigammaFunction.Instance, x);

    /// <summary>log Φ(x), the log of the standard normal CDF, accurate far in the lower tail.</summary>
    public static Tensor LogNormalCdf(Tensor x) => Unary(LogNormalCdfFunction.Instance, x);

    /// <summary>x limited to [min, max]; the gradient is zero outside.</summary>
    public static Tensor Clamp(Tensor x, double min, double max)
    {
        if (min > max)
        {
            throw new ArgumentException($"clamp: min {min} exceeds max {max}");
        }
        return Unary(ConstantFunctions.Clamp(min, max), x);
    }

    private static Tensor Unary(UnaryFunction function, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return UnaryOp.Apply(function, x);
    }
}
