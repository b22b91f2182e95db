using System.Numerics;
using System.Runtime.CompilerServices;

namespace Ppl.Tensors.Optim;

/// <summary>
/// Optimiser state below the smallest normal number set to exactly 0. A weight whose gradient stops
/// (a VAE's encoder weight from a border pixel that is 0 in every image of most batches) has its
/// moment or momentum decay geometrically (by β₁ = 0.9 per step in Adam) into the subnormal range
/// after ~800 steps, and every later multiply that touches a subnormal takes the CPU's slow microcode
/// path: training steps grew 1.5× slower after the 700th (docs/benchmarks.md, "Subnormal Adam
/// moments"). The update changes by at most lr·1.2·10⁻³⁸/ε in float, far below the weight's own
/// rounding; GPUs flush subnormals the same way.
/// </summary>
internal static class Subnormals
{
    /// <summary>The smallest positive normal number of <typeparamref name="T"/>: 2⁻¹²⁶ in float, 2⁻¹⁰²² in double.</summary>
    internal static T SmallestNormal<T>() where T : IFloatingPointIeee754<T> =>
        T.CreateChecked(typeof(T) == typeof(float) ? 1.1754943508222875e-38 : 2.2250738585072014e-308);

    /// <summary>x, with lanes of magnitude below <paramref name="normal"/> set to 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector<T> Flush<T>(Vector<T> x, Vector<T> normal) where T : unmanaged, IFloatingPointIeee754<T> =>
        Vector.ConditionalSelect(Vector.LessThan(Vector.Abs(x), normal), Vector<T>.Zero, x);

    /// <summary>x, or 0 when its magnitude is below <paramref name="normal"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Flush<T>(T x, T normal) where T : IFloatingPointIeee754<T> => T.Abs(x) < normal ? T.Zero : x;

    /// <summary>Flushes every element of <paramref name="values"/> in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void FlushInPlace<T>(Span<T> values) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var normal = SmallestNormal<T>();
        var i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            var vnormal = new Vector<T>(normal);
            for (; i <= values.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                Flush(new Vector<T>(values[i..]), vnormal).CopyTo(values[i..]);
            }
        }
        for (; i < values.Length; i++)
        {
            values[i] = Flush(values[i], normal);
        }
    }
}
