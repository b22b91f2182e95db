using Ppl.Tensors;

namespace Ppl.StdLib.Constraints;

/// <summary>
/// A bijection applied to each element on its own. Its formulas are written once over
/// <see cref="IReal{TSelf}"/>, so the same code serves doubles (through <see cref="Scalar"/>) and
/// autodiff tensors; log |det J| is the sum of <see cref="LogAbsDerivative{T}"/> over the elements.
/// </summary>
public abstract class ElementwiseBijection : Bijection
{
    /// <summary>y = f(x), elementwise (named apart from the span-based <c>Forward</c> so that an array
    /// argument is never taken for a T).</summary>
    public abstract T Map<T>(T x) where T : IReal<T>;

    /// <summary>x = f⁻¹(y), elementwise.</summary>
    public abstract T InverseMap<T>(T y) where T : IReal<T>;

    /// <summary>log |f′(x)|, elementwise.</summary>
    public abstract T LogAbsDerivative<T>(T x) where T : IReal<T>;

    /// <inheritdoc/>
    public sealed override void Forward(ReadOnlySpan<double> unconstrained, Span<double> constrained)
    {
        CheckLengths(unconstrained.Length, constrained.Length);
        for (var i = 0; i < unconstrained.Length; i++)
        {
            constrained[i] = Map<Scalar>(unconstrained[i]);
        }
    }

    /// <inheritdoc/>
    public sealed override void Inverse(ReadOnlySpan<double> constrained, Span<double> unconstrained)
    {
        CheckLengths(unconstrained.Length, constrained.Length);
        for (var i = 0; i < constrained.Length; i++)
        {
            unconstrained[i] = InverseMap<Scalar>(constrained[i]);
        }
    }

    /// <inheritdoc/>
    public sealed override double LogAbsDetJacobian(ReadOnlySpan<double> unconstrained)
    {
        var sum = 0.0;
        foreach (var x in unconstrained)
        {
            sum += LogAbsDerivative<Scalar>(x);
        }
        return sum;
    }
}

/// <summary>The identity onto the reals: log |det J| = 0.</summary>
public sealed class IdentityBijection : ElementwiseBijection
{
    /// <summary>The single instance.</summary>
    public static IdentityBijection Instance { get; } = new();

    /// <inheritdoc/>
    public override Constraint Codomain => Constraint.Real;

    /// <inheritdoc/>
    public override T Map<T>(T x) => x;

    /// <inheritdoc/>
    public override T InverseMap<T>(T y) => y;

    /// <inheritdoc/>
    public override T LogAbsDerivative<T>(T x) => x * 0.0;
}

/// <summary>y = eˣ onto the positive reals: log |f′(x)| = x.</summary>
public sealed class ExpBijection : ElementwiseBijection
{
    /// <summary>The single instance.</summary>
    public static ExpBijection Instance { get; } = new();

    /// <inheritdoc/>
    public override Constraint Codomain => Constraint.Positive;

    /// <inheritdoc/>
    public override T Map<T>(T x) => T.Exp(x);

    /// <inheritdoc/>
    public override T InverseMap<T>(T y) => T.Log(y);

    /// <inheritdoc/>
    public override T LogAbsDerivative<T>(T x) => x;
}

/// <summary>y = lower + eˣ onto (lower, ∞): log |f′(x)| = x.</summary>
/// <param name="lower">The excluded lower bound.</param>
public sealed class ShiftedExpBijection(double lower) : ElementwiseBijection
{
    /// <summary>The excluded lower bound.</summary>
    public double Lower { get; } = lower;

    /// <inheritdoc/>
    public override Constraint Codomain => Constraint.GreaterThan(Lower);

    /// <inheritdoc/>
    public override T Map<T>(T x) => T.Exp(x) + Lower;

    /// <inheritdoc/>
    public override T InverseMap<T>(T y) => T.Log(y - Lower);

    /// <inheritdoc/>
    public override T LogAbsDerivative<T>(T x) => x;
}

/// <summary>
/// y = softplus(x) = log(1 + eˣ) onto the positive reals, gentler than exp for large x:
/// log |f′(x)| = log σ(x); x = y + log(−expm1(−y)).
/// </summary>
public sealed class SoftplusBijection : ElementwiseBijection
{
    /// <summary>The single instance.</summary>
    public static SoftplusBijection Instance { get; } = new();

    /// <inheritdoc/>
    public override Constraint Codomain => Constraint.Positive;

    /// <inheritdoc/>
    public override T Map<T>(T x) => T.Softplus(x);

    /// <inheritdoc/>
    public override T InverseMap<T>(T y) => y + T.Log(-T.Expm1(-y));

    /// <inheritdoc/>
    public override T LogAbsDerivative<T>(T x) => T.LogSigmoid(x);
}

/// <summary>
/// y = σ(x) onto the unit interval: log |f′(x)| = log σ(x) + log σ(−x); x = log y − log(1 − y).
/// </summary>
public sealed class SigmoidBijection : ElementwiseBijection
{
    /// <summary>The single instance.</summary>
    public static SigmoidBijection Instance { get; } = new();

    /// <inheritdoc/>
    public override Constraint Codomain => Constraint.UnitInterval;

    /// <inheritdoc/>
    public override T Map<T>(T x) => T.Sigmoid(x);

    /// <inheritdoc/>
    public override T InverseMap<T>(T y) => T.Log(y) - T.Log1p(-y);

    /// <inheritdoc/>
    public override T LogAbsDerivative<T>(T x) => T.LogSigmoid(x) + T.LogSigmoid(-x);
}

/// <summary>
/// y = lo + (hi − lo) σ(x) onto the interval (lo, hi): log |f′(x)| = log(hi − lo) + log σ(x) + log σ(−x).
/// </summary>
/// <param name="lower">The lower end lo.</param>
/// <param name="upper">The upper end hi &gt; lo.</param>
public sealed class AffineSigmoidBijection(double lower, double upper) : ElementwiseBijection
{
    private readonly double _width = CheckedWidth(lower, upper);
    private readonly double _logWidth = Math.Log(upper - lower);

    /// <summary>The lower end.</summary>
    public double Lower { get; } = lower;

    /// <summary>The upper end.</summary>
    public double Upper { get; } = upper;

    /// <inheritdoc/>
    public override Constraint Codomain => Constraint.Interval(Lower, Upper);

    /// <inheritdoc/>
    public override T Map<T>(T x) => Lower + _width * T.Sigmoid(x);

    /// <inheritdoc/>
    public override T InverseMap<T>(T y)
    {
        var u = (y - Lower) / _width;
        return T.Log(u) - T.Log1p(-u);
    }

    /// <inheritdoc/>
    public override T LogAbsDerivative<T>(T x) => _logWidth + T.LogSigmoid(x) + T.LogSigmoid(-x);

    private static double CheckedWidth(double lower, double upper)
    {
        if (!(upper > lower) || !double.IsFinite(upper - lower))
        {
            throw new ArgumentException(FormattableString.Invariant($"an interval needs finite lower < upper, not [{lower}, {upper}]"));
        }
        return upper - lower;
    }
}
