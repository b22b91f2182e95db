using System.Numerics;
using System.Runtime.CompilerServices;

namespace Ppl.Tensors.Ops;

/// <summary>
/// The Linear layer's elementwise passes (bias, ReLU, bias gradient) as own SIMD loops compiled
/// optimised on first call. Through <c>TensorPrimitives</c>, under .NET's default JIT settings, they
/// ran in the first ~1,000 steps of a training process as instrumented tier-0 code (dynamic PGO), at
/// 1.5–3× the steady cost (docs/benchmarks.md, "Tiered compilation"); a loop this simple gains nothing
/// from PGO, and an application that keeps the defaults still gets them optimised at once.
/// </summary>
internal static partial class VectorMath
{
    /// <summary>destination += addend, element by element.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void AddInPlace<T>(Span<T> destination, ReadOnlySpan<T> addend) where T : unmanaged, INumber<T>
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= destination.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                (new Vector<T>(destination[i..]) + new Vector<T>(addend[i..])).CopyTo(destination[i..]);
            }
        }
        for (; i < destination.Length; i++)
        {
            destination[i] += addend[i];
        }
    }

    /// <summary>y = max(y, 0) in place (−0 becomes +0, as TensorPrimitives.Max gives); a NaN stays NaN (it must reach the ELBO check, not become 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void ReluInPlace<T>(Span<T> y) where T : unmanaged, INumber<T>
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= y.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var v = new Vector<T>(y[i..]);
                Vector.ConditionalSelect(Vector.LessThanOrEqual(v, Vector<T>.Zero), Vector<T>.Zero, v).CopyTo(y[i..]);
            }
        }
        for (; i < y.Length; i++)
        {
            if (y[i] <= T.Zero)
            {
                y[i] = T.Zero;
            }
        }
    }
}
