using System.Numerics;

namespace Ppl.Tensors.Ops;

/// <summary>Accurate scalar forms used inside elementwise kernels, generic over float and double.</summary>
internal static class ElementMath
{
    /// <summary>
    /// log(1 + x) to full relative accuracy for small |x| (Goldberg 1991, "What every computer scientist
    /// should know about floating-point arithmetic", Theorem 4): with u = fl(1 + x),
    /// log1p(x) = log(u) · x / (u − 1). .NET's <c>LogP1</c> is <c>Log(x + 1)</c> and loses digits.
    /// </summary>
    internal static T Log1p<T>(T x) where T : IFloatingPointIeee754<T>
    {
        var u = T.One + x;
        if (u == T.One)
        {
            return x;
        }
        return T.IsPositiveInfinity(u) ? u : T.Log(u) * x / (u - T.One);
    }

    /// <summary>e^x − 1 to full relative accuracy for small |x| (Kahan's trick: (u − 1) · x / log u, u = e^x).</summary>
    internal static T Expm1<T>(T x) where T : IFloatingPointIeee754<T>
    {
        var u = T.Exp(x);
        if (u == T.One)
        {
            return x;
        }
        var um1 = u - T.One;
        if (um1 == -T.One || T.IsPositiveInfinity(u))
        {
            return um1;
        }
        return um1 * x / T.Log(u);
    }

    /// <summary>softplus(x) = log(1 + eˣ) = max(x, 0) + log1p(e^−|x|), without overflow.</summary>
    internal static T Softplus<T>(T x) where T : IFloatingPointIeee754<T> =>
        T.Max(x, T.Zero) + Log1p(T.Exp(-T.Abs(x)));

    /// <summary>σ(x) = 1 / (1 + e^−x), evaluated on the side that cannot overflow.</summary>
    internal static T Sigmoid<T>(T x) where T : IFloatingPointIeee754<T>
    {
        if (x >= T.Zero)
        {
            return T.One / (T.One + T.Exp(-x));
        }
        var e = T.Exp(x);
        return e / (T.One + e);
    }
}
