using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Ppl.Inference.Em;

/// <summary>
/// Row-block kernels of the full-covariance Gaussian mixture. The data are stored feature-major (D rows
/// of N values each, padded with zeros to <see cref="Stride"/>), so that one <see cref="Vector512{T}"/>
/// holds one feature of <see cref="Width"/> data points and every kernel is vectorised over points,
/// whatever D is. A block of <see cref="Block"/> points stays in L1/L2 while all K components use it.
/// </summary>
internal static class GaussianFullKernels
{
    /// <summary>Points per vector.</summary>
    public const int Width = 8;

    /// <summary>Points per block; a multiple of 2 · <see cref="Width"/> (the distance kernel does two vectors at a time).</summary>
    public const int Block = 256;

    /// <summary>The padded length of one feature row for <paramref name="n"/> points.</summary>
    public static int Stride(int n) => (n + 2 * Width - 1) / (2 * Width) * (2 * Width);

    /// <summary>The N × D row-major <paramref name="x"/> as D rows of <see cref="Stride"/> values (zero padding).</summary>
    public static double[] Transpose(ReadOnlySpan<double> x, int n, int d)
    {
        var stride = Stride(n);
        var xt = new double[d * stride];
        for (var row = 0; row < n; row++)
        {
            for (var j = 0; j < d; j++)
            {
                xt[j * stride + row] = x[row * d + j];
            }
        }
        return xt;
    }

    /// <summary>
    /// distanceᵣ = ‖A xᵣ − s‖² for the points r = start … start + count − 1, where A = L⁻¹ is lower
    /// triangular (D × D row-major) and s = Aμ, so that distance = (x − μ)ᵀΣ⁻¹(x − μ) (Bishop 2006, eq. 2.43
    /// with Σ = LLᵀ). Only the D(D+1)/2 non-zero entries of A are used. <paramref name="start"/> must be a
    /// multiple of 2 · <see cref="Width"/>; the padding past N is computed and ignored.
    /// </summary>
    public static void WhitenedDistances(ReadOnlySpan<double> xt, int stride, int d, int start, int count,
        ReadOnlySpan<double> lowerInverse, ReadOnlySpan<double> shift, Span<double> distance)
    {
        if (start + (count + 2 * Width - 1) / (2 * Width) * (2 * Width) > stride || distance.Length < count
            || lowerInverse.Length < d * d || shift.Length < d || xt.Length < d * stride)
        {
            throw new ArgumentException("block out of range");
        }
        ref var x = ref MemoryMarshal.GetReference(xt);
        ref var a = ref MemoryMarshal.GetReference(lowerInverse);
        ref var output = ref MemoryMarshal.GetReference(distance);
        Span<double> tail = stackalloc double[2 * Width];
        for (var v = 0; v < count; v += 2 * Width)
        {
            var sum0 = Vector512<double>.Zero;
            var sum1 = Vector512<double>.Zero;
            for (var i = 0; i < d; i++)
            {
                var acc0 = Vector512.Create(-shift[i]);
                var acc1 = acc0;
                ref var row = ref Unsafe.Add(ref a, i * d);
                for (var j = 0; j <= i; j++)
                {
                    var coefficient = Vector512.Create(Unsafe.Add(ref row, j));
                    ref var column = ref Unsafe.Add(ref x, j * stride + start + v);
                    acc0 = Vector512.FusedMultiplyAdd(coefficient, Vector512.LoadUnsafe(ref column), acc0);
                    acc1 = Vector512.FusedMultiplyAdd(coefficient, Vector512.LoadUnsafe(ref column, Width), acc1);
                }
                sum0 = Vector512.FusedMultiplyAdd(acc0, acc0, sum0);
                sum1 = Vector512.FusedMultiplyAdd(acc1, acc1, sum1);
            }
            if (v + 2 * Width <= count)
            {
                sum0.StoreUnsafe(ref output, (nuint)v);
                sum1.StoreUnsafe(ref output, (nuint)(v + Width));
            }
            else
            {
                sum0.CopyTo(tail);
                sum1.CopyTo(tail[Width..]);
                tail[..(count - v)].CopyTo(distance[v..count]);
            }
        }
    }

    /// <summary>
    /// Adds Σᵣ rᵣ (xᵣ − μ)(xᵣ − μ)ᵀ over the block (lower triangle only) to the D × D <paramref name="scatter"/>
    /// (Bishop 2006, eq. 9.19 before the division by Nₖ): the exact two-pass form, centred on the new mean,
    /// as scikit-learn's <c>_estimate_gaussian_covariances_full</c>. <paramref name="centred"/> and
    /// <paramref name="weighted"/> are D × <see cref="Block"/> scratch.
    /// </summary>
    public static void AddScatter(ReadOnlySpan<double> xt, int stride, int d, int start, int count,
        ReadOnlySpan<double> weight, ReadOnlySpan<double> mean, Span<double> centred, Span<double> weighted, Span<double> scatter)
    {
        for (var j = 0; j < d; j++)
        {
            var target = centred.Slice(j * Block, count);
            TensorPrimitives.Subtract(xt.Slice(j * stride + start, count), mean[j], target);
            TensorPrimitives.Multiply(target, weight[..count], weighted.Slice(j * Block, count));
        }
        for (var i = 0; i < d; i++)
        {
            var left = weighted.Slice(i * Block, count);
            for (var j = 0; j <= i; j++)
            {
                scatter[i * d + j] += TensorPrimitives.Dot(left, centred.Slice(j * Block, count));
            }
        }
    }
}
