using System.Numerics;
using System.Runtime.CompilerServices;

namespace Ppl.Tensors.Ops;

/// <summary>
/// SIMD forms of the activation functions and their derivatives, generic over float and double
/// (the JIT folds the element-type tests), each a loop over <see cref="Vector{T}"/> with a scalar tail
/// through <see cref="ElementMath"/>. They keep <see cref="ElementMath"/>'s accuracy: log1p by
/// Goldberg's correction, the logistic evaluated on the side that cannot overflow.
/// </summary>
/// <remarks>
/// The SIMD path serves float32 (the speed path of neural work). Float64 is the precision path and
/// stays on the scalar forms: <c>Vector.Log</c> near 1 is a few ulps off <c>Math.Log</c>, which shows
/// as ~1e-14 relative error in log σ(5), where the scalar form is exact to rounding.
/// </remarks>
internal static partial class VectorMath
{
    /// <summary>y = softplus(x) = max(x, 0) + log1p(e^−|x|).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Softplus<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var i = 0;
        if (UseSimd<T>())
        {
            for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var v = new Vector<T>(x[i..]);
                (Vector.Max(v, Vector<T>.Zero) + Log1pOfSmall(Exp(-Vector.Abs(v)))).CopyTo(y[i..]);
            }
        }
        for (; i < x.Length; i++)
        {
            y[i] = ElementMath.Softplus(x[i]);
        }
    }

    /// <summary>y = log σ(x) = min(x, 0) − log1p(e^−|x|).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void LogSigmoid<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var i = 0;
        if (UseSimd<T>())
        {
            for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var v = new Vector<T>(x[i..]);
                (Vector.Min(v, Vector<T>.Zero) - Log1pOfSmall(Exp(-Vector.Abs(v)))).CopyTo(y[i..]);
            }
        }
        for (; i < x.Length; i++)
        {
            y[i] = -ElementMath.Softplus(-x[i]);
        }
    }

    /// <summary>y = σ(sign·x), with e^−|x| so nothing overflows: σ = 1/(1 + e) on the positive side, e/(1 + e) else.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Sigmoid<T>(ReadOnlySpan<T> x, Span<T> y, bool negate = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var i = 0;
        if (UseSimd<T>())
        {
            for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var v = new Vector<T>(x[i..]);
                Sigmoid(negate ? -v : v).CopyTo(y[i..]);
            }
        }
        for (; i < x.Length; i++)
        {
            y[i] = ElementMath.Sigmoid(negate ? -x[i] : x[i]);
        }
    }

    /// <summary>dx += g · σ(sign·x): the derivative of softplus (sign +1) and of log σ (sign −1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void AddSigmoidTimes<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> g, Span<T> dx, bool negate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var i = 0;
        if (UseSimd<T>())
        {
            for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var v = new Vector<T>(x[i..]);
                (new Vector<T>(dx[i..]) + new Vector<T>(g[i..]) * Sigmoid(negate ? -v : v)).CopyTo(dx[i..]);
            }
        }
        for (; i < x.Length; i++)
        {
            dx[i] += g[i] * ElementMath.Sigmoid(negate ? -x[i] : x[i]);
        }
    }

    /// <summary>gz = g where y &gt; 0, else 0 (ReLU's derivative through its output).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void ReluGradient<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> gz, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var i = 0;
        if (UseSimd<T>())
        {
            for (; i <= y.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var pass = Vector.GreaterThan(new Vector<T>(y[i..]), Vector<T>.Zero);
                var r = Vector.ConditionalSelect(pass, new Vector<T>(g[i..]), Vector<T>.Zero);
                (accumulate ? new Vector<T>(gz[i..]) + r : r).CopyTo(gz[i..]);
            }
        }
        for (; i < y.Length; i++)
        {
            var r = y[i] > T.Zero ? g[i] : T.Zero;
            gz[i] = accumulate ? gz[i] + r : r;
        }
    }

    /// <summary>gz = g · (1 − y²) (tanh) or g · y(1 − y) (sigmoid).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void SaturatingGradient<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> gz, bool tanh, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var i = 0;
        if (UseSimd<T>())
        {
            for (; i <= y.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var v = new Vector<T>(y[i..]);
                var r = new Vector<T>(g[i..]) * (tanh ? Vector<T>.One - v * v : v * (Vector<T>.One - v));
                (accumulate ? new Vector<T>(gz[i..]) + r : r).CopyTo(gz[i..]);
            }
        }
        for (; i < y.Length; i++)
        {
            var r = g[i] * (tanh ? T.One - y[i] * y[i] : y[i] * (T.One - y[i]));
            gz[i] = accumulate ? gz[i] + r : r;
        }
    }

    private static bool UseSimd<T>() => typeof(T) == typeof(float) && Vector.IsHardwareAccelerated;

    private static Vector<T> Sigmoid<T>(Vector<T> v) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var e = Exp(-Vector.Abs(v));
        var onePlus = Vector<T>.One + e;
        return Vector.ConditionalSelect(Vector.GreaterThanOrEqual(v, Vector<T>.Zero), Vector<T>.One / onePlus, e / onePlus);
    }

    /// <summary>log(1 + t) for t in [0, 1] to full relative accuracy (Goldberg 1991, Theorem 4).</summary>
    private static Vector<T> Log1pOfSmall<T>(Vector<T> t) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var u = Vector<T>.One + t;
        var d = u - Vector<T>.One;
        var exact = Vector.Equals(d, Vector<T>.Zero);
        var safeD = Vector.ConditionalSelect(exact, Vector<T>.One, d);
        return Vector.ConditionalSelect(exact, t, Log(u) * t / safeD);
    }

    /// <summary>
    /// eᵛ with results below the smallest normal number flushed to exactly 0 (arguments under −87 in
    /// float, −708 in double). A subnormal e^−|l| (a Bernoulli logit past −87, which a VAE's
    /// never-lit border pixels reach after a few epochs) made every later product that touched it
    /// take the CPU's slow microcode path, and Vector.Exp itself is many times slower on a vector
    /// with a lane in that range: epochs grew slower as training went on. The absolute error is below
    /// 1.2·10⁻³⁸ (float) or 2.3·10⁻³⁰⁸ (double).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> Exp<T>(Vector<T> v) where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            var x = Vector.As<T, float>(v);
            var floor = new Vector<float>(-87f);
            var e = Vector.Exp(Vector.Max(x, floor));
            return Vector.As<float, T>(Vector.ConditionalSelect(Vector.LessThan(x, floor), Vector<float>.Zero, e));
        }
        var xd = Vector.As<T, double>(v);
        var floorD = new Vector<double>(-708.0);
        var ed = Vector.Exp(Vector.Max(xd, floorD));
        return Vector.As<double, T>(Vector.ConditionalSelect(Vector.LessThan(xd, floorD), Vector<double>.Zero, ed));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> Log<T>(Vector<T> v) where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            return Vector.As<float, T>(Vector.Log(Vector.As<T, float>(v)));
        }
        return Vector.As<double, T>(Vector.Log(Vector.As<T, double>(v)));
    }
}
