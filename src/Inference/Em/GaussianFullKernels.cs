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

    /// <summary>L⁻¹ of the lower-triangular D × D <paramref name="lower"/>, column by column: L u = eⱼ by forward substitution (u is zero above j).</summary>
    public static void InvertLower(ReadOnlySpan<double> lower, Span<double> inverse, int d)
    {
        inverse.Slice(0, d * d).Clear();
        for (var j = 0; j < d; j++)
        {
            for (var i = j; i < d; i++)
            {
                var sum = i == j ? 1.0 : 0.0;
                for (var m = j; m < i; m++)
                {
                    sum -= lower[i * d + m] * inverse[m * d + j];
                }
                inverse[i * d + j] = sum / lower[i * d + i];
            }
        }
    }

    /// <summary>
    /// distanceᵣ = ‖A xᵣ − s‖² for the points r = start … start + count − 1, where A = L⁻¹ is lower
    /// triangular (D × D row-major) and s = Aμ, so that distance = (x − μ)ᵀΣ⁻¹(x − μ) (Bishop 2006, eq. 2.43
    /// with Σ = LLᵀ). Only the D(D+1)/2 non-zero entries of A are used. <paramref name="start"/> must be a
    /// multiple of 2 · <see cref="Width"/>; <paramref name="distance"/> receives whole vectors (count rounded
    /// up to 2 · <see cref="Width"/>, the rows past the block being whatever the data there gives).
    /// </summary>
    public static void WhitenedDistances(ReadOnlySpan<double> xt, int stride, int d, int start, int count,
        ReadOnlySpan<double> lowerInverse, ReadOnlySpan<double> shift, Span<double> distance)
    {
        var padded = (count + 2 * Width - 1) / (2 * Width) * (2 * Width);
        if (start + padded > stride || distance.Length < padded || lowerInverse.Length < d * d || shift.Length < d || xt.Length < d * stride)
        {
            throw new ArgumentException("block out of range");
        }
        ref var x = ref MemoryMarshal.GetReference(xt);
        ref var a = ref MemoryMarshal.GetReference(lowerInverse);
        ref var output = ref MemoryMarshal.GetReference(distance);
        for (var v = 0; v < count; v += 2 * Width)
        {
            var sum0 = Vector512<double>.Zero;
            var sum1 = Vector512<double>.Zero;
            var i = 0;
            for (; i + 1 < d; i += 2)
            {
                // Rows i and i + 1 together: each load of x feeds four FMAs (rows in the same order as one by one).
                var (upper0, lower0) = (Vector512.Create(-shift[i]), Vector512.Create(-shift[i + 1]));
                var (upper1, lower1) = (upper0, lower0);
                ref var rowUpper = ref Unsafe.Add(ref a, i * d);
                ref var rowLower = ref Unsafe.Add(ref a, (i + 1) * d);
                for (var j = 0; j <= i; j++)
                {
                    ref var column = ref Unsafe.Add(ref x, j * stride + start + v);
                    var (x0, x1) = (Vector512.LoadUnsafe(ref column), Vector512.LoadUnsafe(ref column, Width));
                    var (cu, cl) = (Vector512.Create(Unsafe.Add(ref rowUpper, j)), Vector512.Create(Unsafe.Add(ref rowLower, j)));
                    upper0 = Vector512.FusedMultiplyAdd(cu, x0, upper0);
                    upper1 = Vector512.FusedMultiplyAdd(cu, x1, upper1);
                    lower0 = Vector512.FusedMultiplyAdd(cl, x0, lower0);
                    lower1 = Vector512.FusedMultiplyAdd(cl, x1, lower1);
                }
                ref var last = ref Unsafe.Add(ref x, (i + 1) * stride + start + v);
                var diagonal = Vector512.Create(Unsafe.Add(ref rowLower, i + 1));
                lower0 = Vector512.FusedMultiplyAdd(diagonal, Vector512.LoadUnsafe(ref last), lower0);
                lower1 = Vector512.FusedMultiplyAdd(diagonal, Vector512.LoadUnsafe(ref last, Width), lower1);
                sum0 = Vector512.FusedMultiplyAdd(upper0, upper0, sum0);
                sum1 = Vector512.FusedMultiplyAdd(upper1, upper1, sum1);
                sum0 = Vector512.FusedMultiplyAdd(lower0, lower0, sum0);
                sum1 = Vector512.FusedMultiplyAdd(lower1, lower1, sum1);
            }
            for (; i < d; i++)
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
            sum0.StoreUnsafe(ref output, (nuint)v);
            sum1.StoreUnsafe(ref output, (nuint)(v + Width));
        }
    }

    /// <summary>
    /// The weighted scatters of all <paramref name="k"/> components over rows [first, last), block
    /// by block (<see cref="AddScatter"/> per block and component): one core's share of
    /// Σₙ rₙₖ (xₙ − cₖ)(xₙ − cₖ)ᵀ, added to <paramref name="scatter"/> (K·D·D, lower triangles).
    /// </summary>
    public static void AddScatters(ReadOnlySpan<double> xt, int stride, int d, int k, int first, int last,
        ReadOnlySpan<double> weightT, ReadOnlySpan<double> centres, Span<double> centred, Span<double> weighted, Span<double> scatter)
    {
        for (var start = first; start < last; start += Block)
        {
            var count = Math.Min(Block, last - start);
            for (var c = 0; c < k; c++)
            {
                AddScatter(xt, stride, d, start, count, weightT.Slice(c * stride + start, count),
                    centres.Slice(c * d, d), centred, weighted, scatter.Slice(c * d * d, d * d));
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
            var source = xt.Slice(j * stride + start, count);
            var target = centred.Slice(j * Block, count);
            var product = weighted.Slice(j * Block, count);
            var shift = mean[j];
            var v = 0;
            for (; v + Width <= count; v += Width)
            {
                var value = Vector512.Create(source.Slice(v, Width)) - Vector512.Create(shift);
                value.CopyTo(target.Slice(v, Width));
                (value * Vector512.Create(weight.Slice(v, Width))).CopyTo(product.Slice(v, Width));
            }
            for (; v < count; v++)
            {
                target[v] = source[v] - shift;
                product[v] = target[v] * weight[v];
            }
        }
        // Zero the tail of the last vector so whole vectors can be summed.
        var padded = (count + Width - 1) / Width * Width;
        for (var j = 0; j < d; j++)
        {
            centred.Slice(j * Block + count, padded - count).Clear();
            weighted.Slice(j * Block + count, padded - count).Clear();
        }
        // Sᵢⱼ for four j at a time: one load of wᵢ feeds four FMAs.
        ref var c0 = ref MemoryMarshal.GetReference(centred);
        ref var w0 = ref MemoryMarshal.GetReference(weighted);
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j <= i; j += 4)
            {
                var width = Math.Min(4, i + 1 - j);
                var (a0, a1, a2, a3) = (Vector512<double>.Zero, Vector512<double>.Zero, Vector512<double>.Zero, Vector512<double>.Zero);
                var (r0, r1, r2, r3) = (j * Block, Math.Min(j + 1, i) * Block, Math.Min(j + 2, i) * Block, Math.Min(j + 3, i) * Block);
                for (var v = 0; v < padded; v += Width)
                {
                    var w = Vector512.LoadUnsafe(ref w0, (nuint)(i * Block + v));
                    a0 = Vector512.FusedMultiplyAdd(w, Vector512.LoadUnsafe(ref c0, (nuint)(r0 + v)), a0);
                    a1 = Vector512.FusedMultiplyAdd(w, Vector512.LoadUnsafe(ref c0, (nuint)(r1 + v)), a1);
                    a2 = Vector512.FusedMultiplyAdd(w, Vector512.LoadUnsafe(ref c0, (nuint)(r2 + v)), a2);
                    a3 = Vector512.FusedMultiplyAdd(w, Vector512.LoadUnsafe(ref c0, (nuint)(r3 + v)), a3);
                }
                scatter[i * d + j] += Vector512.Sum(a0);
                if (width > 1)
                {
                    scatter[i * d + j + 1] += Vector512.Sum(a1);
                }
                if (width > 2)
                {
                    scatter[i * d + j + 2] += Vector512.Sum(a2);
                }
                if (width > 3)
                {
                    scatter[i * d + j + 3] += Vector512.Sum(a3);
                }
            }
        }
    }

    /// <summary>vᵢ ← a·vᵢ + b over whole vectors (the length is a multiple of <see cref="Width"/>).</summary>
    public static void ScaleShift(Span<double> values, double a, double b)
    {
        var (scale, shift) = (Vector512.Create(a), Vector512.Create(b));
        for (var v = 0; v + Width <= values.Length; v += Width)
        {
            var slice = values.Slice(v, Width);
            Vector512.FusedMultiplyAdd(Vector512.Create(slice), scale, shift).CopyTo(slice);
        }
    }

    /// <summary>Σᵢ aᵢbᵢ with two vector accumulators (the lengths here are a few hundred to a few hundred thousand).</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var n = Math.Min(a.Length, b.Length);
        ref var left = ref MemoryMarshal.GetReference(a);
        ref var right = ref MemoryMarshal.GetReference(b);
        var acc0 = Vector512<double>.Zero;
        var acc1 = Vector512<double>.Zero;
        var i = 0;
        for (; i + 2 * Width <= n; i += 2 * Width)
        {
            acc0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref left, (nuint)i), Vector512.LoadUnsafe(ref right, (nuint)i), acc0);
            acc1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref left, (nuint)(i + Width)), Vector512.LoadUnsafe(ref right, (nuint)(i + Width)), acc1);
        }
        for (; i + Width <= n; i += Width)
        {
            acc0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref left, (nuint)i), Vector512.LoadUnsafe(ref right, (nuint)i), acc0);
        }
        var sum = Vector512.Sum(acc0 + acc1);
        for (; i < n; i++)
        {
            sum += Unsafe.Add(ref left, i) * Unsafe.Add(ref right, i);
        }
        return sum;
    }

    /// <summary>
    /// The E-step's normalisation over one block (Bishop 2006, eq. 9.23) in log space: on entry
    /// <paramref name="logJoint"/> holds log πₖ + log p(xᵣ | θₖ) as K rows of <see cref="Block"/>; on exit
    /// it holds rᵣₖ = exp(logJointᵣₖ − mᵣ) / Σⱼ exp(logJointᵣⱼ − mᵣ), mᵣ = maxₖ logJointᵣₖ, and
    /// <paramref name="rowLogLikelihood"/>ᵣ = mᵣ + log Σⱼ exp(…) (eq. 9.28 per point). A point no component can
    /// explain (all −∞) gets rᵣₖ = 1/K and −∞. Responsibilities below <see cref="MixtureEm.Negligible"/> become 0. Returns Σᵣ over the first <paramref name="count"/> points.
    /// </summary>
    public static double Normalise(Span<double> logJoint, int k, int count, Span<double> rowLogLikelihood)
    {
        if (logJoint.Length < k * Block || rowLogLikelihood.Length < count)
        {
            throw new ArgumentException("block out of range");
        }
        var sum = 0.0;
        ref var joint = ref MemoryMarshal.GetReference(logJoint);
        Span<double> lanes = stackalloc double[Width];
        var floor = Vector512.Create(-700.0);
        for (var v = 0; v < count; v += Width)
        {
            var max = Vector512.LoadUnsafe(ref joint, (nuint)v);
            for (var c = 1; c < k; c++)
            {
                max = Vector512.Max(max, Vector512.LoadUnsafe(ref joint, (nuint)(c * Block + v)));
            }
            var total = Vector512<double>.Zero;
            var lost = Vector512.Equals(max, Vector512.Create(double.NegativeInfinity));
            var safeMax = Vector512.ConditionalSelect(lost, Vector512<double>.Zero, max);
            for (var c = 0; c < k; c++)
            {
                // exp(max(t, −700)): the same r and total as exp(t), because e^−700 ≈ 1e−304 divided by a total ≥ 1
                // is below Negligible and vanishes beside it; and Vector512.Exp takes a slow path (~20×) for any lane below −708.
                var e = Vector512.Exp(Vector512.Max(Vector512.LoadUnsafe(ref joint, (nuint)(c * Block + v)) - safeMax, floor));
                e = Vector512.ConditionalSelect(lost, Vector512<double>.One, e);
                e.StoreUnsafe(ref joint, (nuint)(c * Block + v));
                total += e;
            }
            var inverse = Vector512<double>.One / total;
            var negligible = Vector512.Create(MixtureEm.Negligible);
            for (var c = 0; c < k; c++)
            {
                var r = Vector512.LoadUnsafe(ref joint, (nuint)(c * Block + v)) * inverse;
                Vector512.ConditionalSelect(Vector512.LessThan(r, negligible), Vector512<double>.Zero, r).StoreUnsafe(ref joint, (nuint)(c * Block + v));
            }
            var logLikelihood = Vector512.ConditionalSelect(lost, Vector512.Create(double.NegativeInfinity), max + Vector512.Log(total));
            logLikelihood.CopyTo(lanes);
            var valid = Math.Min(Width, count - v);
            for (var lane = 0; lane < valid; lane++)
            {
                rowLogLikelihood[v + lane] = lanes[lane];
                sum += lanes[lane];
            }
        }
        return sum;
    }
}
