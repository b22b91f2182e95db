using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Ppl.Inference.Em;

namespace Ppl.Inference.Vmp.Gmm;

/// <summary>
/// One component's weighted statistics over one block of points, centred on a given mean m:
/// Σ r, Σ r (x − m) and the lower triangle of Σ r (x − m)(x − m)ᵀ (Bishop 2006, eqs 10.51–10.53 before the
/// division by N_k). The data are feature-major (<see cref="GaussianFullKernels"/>), so every vector holds
/// one feature of <see cref="GaussianFullKernels.Width"/> points. The centred features c_j = x_j − m_j are
/// made once per block into scratch (with the sums Σ r c_j); then S_ij = Σ (r c_i) c_j for two rows i and
/// four columns j at a time: seven loads and two multiplications feed eight fused multiply-adds. r c_i is
/// formed in registers rather than stored beside c_i: one store per value instead of two, which measured
/// a few per cent faster for the whole sweep.
/// </summary>
internal static class CentredStatistics
{
    private const int Width = GaussianFullKernels.Width;
    private const int Block = GaussianFullKernels.Block;

    /// <summary>
    /// Adds the block's Σ r (x − m) to <paramref name="sums"/> (D) and Σ r (x − m)(x − m)ᵀ to the lower
    /// triangle of <paramref name="scatter"/> (D×D); returns Σ r. The points are start … start + count − 1 of
    /// the feature-major <paramref name="xt"/>; <paramref name="weight"/> holds their r in its first count
    /// entries and is zeroed past them up to the next whole vector. <paramref name="centred"/> is
    /// D × <see cref="GaussianFullKernels.Block"/> scratch.
    /// </summary>
    public static double Add(ReadOnlySpan<double> xt, int stride, int d, int start, int count, Span<double> weight,
        ReadOnlySpan<double> mean, Span<double> centred, Span<double> sums, Span<double> scatter)
    {
        var padded = (count + Width - 1) / Width * Width;
        if (count > Block || start + padded > stride || xt.Length < d * stride || weight.Length < padded
            || mean.Length < d || centred.Length < d * Block || sums.Length < d || scatter.Length < d * d)
        {
            throw new ArgumentException("block out of range");
        }

        weight[count..padded].Clear();
        ref var x = ref Unsafe.Add(ref MemoryMarshal.GetReference(xt), start);
        ref var r = ref MemoryMarshal.GetReference(weight);
        ref var c = ref MemoryMarshal.GetReference(centred);
        var total = Vector512<double>.Zero;
        for (var v = 0; v < padded; v += Width)
        {
            total += Vector512.LoadUnsafe(ref r, (nuint)v);
        }

        var weightTotal = Vector512.Sum(total);
        if (weightTotal == 0)
        {
            // Every r is 0 (none is negative): the block adds nothing, as for a pruned component.
            return 0;
        }

        for (var j = 0; j < d; j++)
        {
            var shift = Vector512.Create(mean[j]);
            var sum = Vector512<double>.Zero;
            ref var xj = ref Unsafe.Add(ref x, j * stride);
            ref var cj = ref Unsafe.Add(ref c, j * Block);
            for (var v = 0; v < padded; v += Width)
            {
                var value = Vector512.LoadUnsafe(ref xj, (nuint)v) - shift;
                value.StoreUnsafe(ref cj, (nuint)v);
                sum = Vector512.FusedMultiplyAdd(value, Vector512.LoadUnsafe(ref r, (nuint)v), sum);
            }

            sums[j] += Vector512.Sum(sum);
        }

        var i = 0;
        for (; i + 1 < d; i += 2)
        {
            for (var j = 0; j <= i + 1; j += 4)
            {
                AddTile(ref r, ref c, padded, d, i, j, scatter);
            }
        }

        if (i < d)
        {
            for (var j = 0; j <= i; j += 4)
            {
                AddRow(ref r, ref c, padded, d, i, j, scatter);
            }
        }

        return weightTotal;
    }

    /// <summary>S_ab += Σ r c_a c_b for rows a = i, i + 1 and columns b = j … j + 3, the entries on or below the diagonal.</summary>
    private static void AddTile(ref double r, ref double c, int padded, int d, int i, int j, Span<double> scatter)
    {
        // Columns past the last are read from the last row (in range) and their sums dropped.
        ref var ci = ref Unsafe.Add(ref c, i * Block);
        ref var cNext = ref Unsafe.Add(ref c, (i + 1) * Block);
        ref var c0 = ref Unsafe.Add(ref c, j * Block);
        ref var c1 = ref Unsafe.Add(ref c, Math.Min(j + 1, d - 1) * Block);
        ref var c2 = ref Unsafe.Add(ref c, Math.Min(j + 2, d - 1) * Block);
        ref var c3 = ref Unsafe.Add(ref c, Math.Min(j + 3, d - 1) * Block);
        var (a0, a1, a2, a3) = (Vector512<double>.Zero, Vector512<double>.Zero, Vector512<double>.Zero, Vector512<double>.Zero);
        var (b0, b1, b2, b3) = (Vector512<double>.Zero, Vector512<double>.Zero, Vector512<double>.Zero, Vector512<double>.Zero);
        for (var v = 0; v < padded; v += Width)
        {
            var weight = Vector512.LoadUnsafe(ref r, (nuint)v);
            var wa = weight * Vector512.LoadUnsafe(ref ci, (nuint)v);
            var wb = weight * Vector512.LoadUnsafe(ref cNext, (nuint)v);
            var x0 = Vector512.LoadUnsafe(ref c0, (nuint)v);
            var x1 = Vector512.LoadUnsafe(ref c1, (nuint)v);
            var x2 = Vector512.LoadUnsafe(ref c2, (nuint)v);
            var x3 = Vector512.LoadUnsafe(ref c3, (nuint)v);
            a0 = Vector512.FusedMultiplyAdd(wa, x0, a0);
            a1 = Vector512.FusedMultiplyAdd(wa, x1, a1);
            a2 = Vector512.FusedMultiplyAdd(wa, x2, a2);
            a3 = Vector512.FusedMultiplyAdd(wa, x3, a3);
            b0 = Vector512.FusedMultiplyAdd(wb, x0, b0);
            b1 = Vector512.FusedMultiplyAdd(wb, x1, b1);
            b2 = Vector512.FusedMultiplyAdd(wb, x2, b2);
            b3 = Vector512.FusedMultiplyAdd(wb, x3, b3);
        }

        Store(scatter, d, i, j, a0, a1, a2, a3);
        Store(scatter, d, i + 1, j, b0, b1, b2, b3);
    }

    /// <summary>S_ib += Σ r c_i c_b for the single last row i and columns b = j … j + 3 up to the diagonal.</summary>
    private static void AddRow(ref double r, ref double c, int padded, int d, int i, int j, Span<double> scatter)
    {
        ref var ci = ref Unsafe.Add(ref c, i * Block);
        ref var c0 = ref Unsafe.Add(ref c, j * Block);
        ref var c1 = ref Unsafe.Add(ref c, Math.Min(j + 1, d - 1) * Block);
        ref var c2 = ref Unsafe.Add(ref c, Math.Min(j + 2, d - 1) * Block);
        ref var c3 = ref Unsafe.Add(ref c, Math.Min(j + 3, d - 1) * Block);
        var (a0, a1, a2, a3) = (Vector512<double>.Zero, Vector512<double>.Zero, Vector512<double>.Zero, Vector512<double>.Zero);
        for (var v = 0; v < padded; v += Width)
        {
            var wa = Vector512.LoadUnsafe(ref r, (nuint)v) * Vector512.LoadUnsafe(ref ci, (nuint)v);
            a0 = Vector512.FusedMultiplyAdd(wa, Vector512.LoadUnsafe(ref c0, (nuint)v), a0);
            a1 = Vector512.FusedMultiplyAdd(wa, Vector512.LoadUnsafe(ref c1, (nuint)v), a1);
            a2 = Vector512.FusedMultiplyAdd(wa, Vector512.LoadUnsafe(ref c2, (nuint)v), a2);
            a3 = Vector512.FusedMultiplyAdd(wa, Vector512.LoadUnsafe(ref c3, (nuint)v), a3);
        }

        Store(scatter, d, i, j, a0, a1, a2, a3);
    }

    private static void Store(Span<double> scatter, int d, int row, int column, Vector512<double> s0, Vector512<double> s1, Vector512<double> s2, Vector512<double> s3)
    {
        scatter[row * d + column] += Vector512.Sum(s0);
        if (column + 1 <= row)
        {
            scatter[row * d + column + 1] += Vector512.Sum(s1);
        }

        if (column + 2 <= row)
        {
            scatter[row * d + column + 2] += Vector512.Sum(s2);
        }

        if (column + 3 <= row)
        {
            scatter[row * d + column + 3] += Vector512.Sum(s3);
        }
    }
}
