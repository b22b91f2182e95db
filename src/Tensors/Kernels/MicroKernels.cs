using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Ppl.Tensors.Kernels;

/// <summary>
/// A register-blocked micro-kernel: C[Rows × Columns] (+)= Ã · B̃ over kc steps, where Ã is a packed
/// panel of Rows values per step and B̃ a packed panel of Columns values per step (Goto &amp; van de
/// Geijn 2008, "Anatomy of high-performance matrix multiplication", section 4; BLIS's micro-kernel).
/// </summary>
internal unsafe interface IMicroKernel<T> where T : unmanaged
{
    /// <summary>Rows of the C tile, broadcast from Ã.</summary>
    static abstract int Rows { get; }

    /// <summary>Columns of the C tile, held in vector registers (a multiple of the vector width).</summary>
    static abstract int Columns { get; }

    /// <summary>The tile update; <paramref name="add"/> adds to C, otherwise C is overwritten.</summary>
    static abstract void Run(int kc, T* a, T* b, T* c, int ldc, bool add);

    /// <summary>
    /// C = Ã · B̃ for a tile at the right edge of C: only the first <paramref name="vectors"/> (1 or 2)
    /// vectors of each packed B̃ row, so a thin remainder does not cost a full tile of FMAs.
    /// </summary>
    static abstract void RunNarrow(int kc, T* a, T* b, T* c, int ldc, int vectors);
}

/// <summary>
/// AVX-512: an 8 × 3·w tile (8×48 in float32, 8×24 in float64) in 24 zmm accumulators; each step
/// loads 3 vectors of B̃, broadcasts 8 values of Ã and issues 24 FMAs.
/// </summary>
internal readonly unsafe struct Avx512Kernel<T> : IMicroKernel<T> where T : unmanaged
{
    public static int Rows => 8;

    public static int Columns => 3 * Vector512<T>.Count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, T* a, T* b, T* c, int ldc, bool add)
    {
        var w = Vector512<T>.Count;
        Vector512<T> c00 = default, c01 = default, c02 = default, c10 = default, c11 = default, c12 = default;
        Vector512<T> c20 = default, c21 = default, c22 = default, c30 = default, c31 = default, c32 = default;
        Vector512<T> c40 = default, c41 = default, c42 = default, c50 = default, c51 = default, c52 = default;
        Vector512<T> c60 = default, c61 = default, c62 = default, c70 = default, c71 = default, c72 = default;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + w);
            var b2 = Vector512.Load(b + 2 * w);
            var x = Vector512.Create(a[0]);
            c00 = Fma(x, b0, c00); c01 = Fma(x, b1, c01); c02 = Fma(x, b2, c02);
            x = Vector512.Create(a[1]);
            c10 = Fma(x, b0, c10); c11 = Fma(x, b1, c11); c12 = Fma(x, b2, c12);
            x = Vector512.Create(a[2]);
            c20 = Fma(x, b0, c20); c21 = Fma(x, b1, c21); c22 = Fma(x, b2, c22);
            x = Vector512.Create(a[3]);
            c30 = Fma(x, b0, c30); c31 = Fma(x, b1, c31); c32 = Fma(x, b2, c32);
            x = Vector512.Create(a[4]);
            c40 = Fma(x, b0, c40); c41 = Fma(x, b1, c41); c42 = Fma(x, b2, c42);
            x = Vector512.Create(a[5]);
            c50 = Fma(x, b0, c50); c51 = Fma(x, b1, c51); c52 = Fma(x, b2, c52);
            x = Vector512.Create(a[6]);
            c60 = Fma(x, b0, c60); c61 = Fma(x, b1, c61); c62 = Fma(x, b2, c62);
            x = Vector512.Create(a[7]);
            c70 = Fma(x, b0, c70); c71 = Fma(x, b1, c71); c72 = Fma(x, b2, c72);
            a += 8;
            b += 3 * w;
        }
        Store(c, w, add, c00, c01, c02);
        Store(c + ldc, w, add, c10, c11, c12);
        Store(c + 2 * ldc, w, add, c20, c21, c22);
        Store(c + 3 * ldc, w, add, c30, c31, c32);
        Store(c + 4 * ldc, w, add, c40, c41, c42);
        Store(c + 5 * ldc, w, add, c50, c51, c52);
        Store(c + 6 * ldc, w, add, c60, c61, c62);
        Store(c + 7 * ldc, w, add, c70, c71, c72);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void RunNarrow(int kc, T* a, T* b, T* c, int ldc, int vectors)
    {
        var w = Vector512<T>.Count;
        var stride = 3 * w;
        Vector512<T> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default;
        Vector512<T> c40 = default, c41 = default, c50 = default, c51 = default, c60 = default, c61 = default, c70 = default, c71 = default;
        if (vectors == 1)
        {
            for (var p = 0; p < kc; p++)
            {
                var b0 = Vector512.Load(b);
                c00 = Fma(Vector512.Create(a[0]), b0, c00);
                c10 = Fma(Vector512.Create(a[1]), b0, c10);
                c20 = Fma(Vector512.Create(a[2]), b0, c20);
                c30 = Fma(Vector512.Create(a[3]), b0, c30);
                c40 = Fma(Vector512.Create(a[4]), b0, c40);
                c50 = Fma(Vector512.Create(a[5]), b0, c50);
                c60 = Fma(Vector512.Create(a[6]), b0, c60);
                c70 = Fma(Vector512.Create(a[7]), b0, c70);
                a += 8;
                b += stride;
            }
        }
        else
        {
            for (var p = 0; p < kc; p++)
            {
                var b0 = Vector512.Load(b);
                var b1 = Vector512.Load(b + w);
                var x = Vector512.Create(a[0]);
                c00 = Fma(x, b0, c00); c01 = Fma(x, b1, c01);
                x = Vector512.Create(a[1]);
                c10 = Fma(x, b0, c10); c11 = Fma(x, b1, c11);
                x = Vector512.Create(a[2]);
                c20 = Fma(x, b0, c20); c21 = Fma(x, b1, c21);
                x = Vector512.Create(a[3]);
                c30 = Fma(x, b0, c30); c31 = Fma(x, b1, c31);
                x = Vector512.Create(a[4]);
                c40 = Fma(x, b0, c40); c41 = Fma(x, b1, c41);
                x = Vector512.Create(a[5]);
                c50 = Fma(x, b0, c50); c51 = Fma(x, b1, c51);
                x = Vector512.Create(a[6]);
                c60 = Fma(x, b0, c60); c61 = Fma(x, b1, c61);
                x = Vector512.Create(a[7]);
                c70 = Fma(x, b0, c70); c71 = Fma(x, b1, c71);
                a += 8;
                b += stride;
            }
        }
        Store(c, w, c00, c01);
        Store(c + ldc, w, c10, c11);
        Store(c + 2 * ldc, w, c20, c21);
        Store(c + 3 * ldc, w, c30, c31);
        Store(c + 4 * ldc, w, c40, c41);
        Store(c + 5 * ldc, w, c50, c51);
        Store(c + 6 * ldc, w, c60, c61);
        Store(c + 7 * ldc, w, c70, c71);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(T* row, int w, Vector512<T> v0, Vector512<T> v1)
    {
        v0.Store(row);
        v1.Store(row + w);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(T* row, int w, bool add, Vector512<T> v0, Vector512<T> v1, Vector512<T> v2)
    {
        if (add)
        {
            v0 = Vector512.Add(v0, Vector512.Load(row));
            v1 = Vector512.Add(v1, Vector512.Load(row + w));
            v2 = Vector512.Add(v2, Vector512.Load(row + 2 * w));
        }
        v0.Store(row);
        v1.Store(row + w);
        v2.Store(row + 2 * w);
    }

    /// <summary>x·y + z in one rounding (vfmadd231ps / vfmadd231pd).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Fma(Vector512<T> x, Vector512<T> y, Vector512<T> z)
    {
        if (typeof(T) == typeof(float))
        {
            return Avx512F.FusedMultiplyAdd(x.AsSingle(), y.AsSingle(), z.AsSingle()).As<float, T>();
        }
        return Avx512F.FusedMultiplyAdd(x.AsDouble(), y.AsDouble(), z.AsDouble()).As<double, T>();
    }
}

/// <summary>
/// AVX2 + FMA3: a 4 × 3·w tile (4×24 in float32, 4×12 in float64) in 12 of the 16 ymm registers.
/// </summary>
internal readonly unsafe struct Avx2Kernel<T> : IMicroKernel<T> where T : unmanaged
{
    public static int Rows => 4;

    public static int Columns => 3 * Vector256<T>.Count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, T* a, T* b, T* c, int ldc, bool add)
    {
        var w = Vector256<T>.Count;
        Vector256<T> c00 = default, c01 = default, c02 = default, c10 = default, c11 = default, c12 = default;
        Vector256<T> c20 = default, c21 = default, c22 = default, c30 = default, c31 = default, c32 = default;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + w);
            var b2 = Vector256.Load(b + 2 * w);
            var x = Vector256.Create(a[0]);
            c00 = Fma(x, b0, c00); c01 = Fma(x, b1, c01); c02 = Fma(x, b2, c02);
            x = Vector256.Create(a[1]);
            c10 = Fma(x, b0, c10); c11 = Fma(x, b1, c11); c12 = Fma(x, b2, c12);
            x = Vector256.Create(a[2]);
            c20 = Fma(x, b0, c20); c21 = Fma(x, b1, c21); c22 = Fma(x, b2, c22);
            x = Vector256.Create(a[3]);
            c30 = Fma(x, b0, c30); c31 = Fma(x, b1, c31); c32 = Fma(x, b2, c32);
            a += 4;
            b += 3 * w;
        }
        Store(c, w, add, c00, c01, c02);
        Store(c + ldc, w, add, c10, c11, c12);
        Store(c + 2 * ldc, w, add, c20, c21, c22);
        Store(c + 3 * ldc, w, add, c30, c31, c32);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void RunNarrow(int kc, T* a, T* b, T* c, int ldc, int vectors)
    {
        var w = Vector256<T>.Count;
        var stride = 3 * w;
        Vector256<T> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default;
        for (var p = 0; p < kc; p++)
        {
            // The second vector is computed even for one (its columns are zero padding or ignored):
            // 8 accumulators are cheap on AVX2 and keep one loop.
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + w);
            var x = Vector256.Create(a[0]);
            c00 = Fma(x, b0, c00); c01 = Fma(x, b1, c01);
            x = Vector256.Create(a[1]);
            c10 = Fma(x, b0, c10); c11 = Fma(x, b1, c11);
            x = Vector256.Create(a[2]);
            c20 = Fma(x, b0, c20); c21 = Fma(x, b1, c21);
            x = Vector256.Create(a[3]);
            c30 = Fma(x, b0, c30); c31 = Fma(x, b1, c31);
            a += 4;
            b += stride;
        }
        c00.Store(c); c01.Store(c + w);
        c10.Store(c + ldc); c11.Store(c + ldc + w);
        c20.Store(c + 2 * ldc); c21.Store(c + 2 * ldc + w);
        c30.Store(c + 3 * ldc); c31.Store(c + 3 * ldc + w);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(T* row, int w, bool add, Vector256<T> v0, Vector256<T> v1, Vector256<T> v2)
    {
        if (add)
        {
            v0 = Vector256.Add(v0, Vector256.Load(row));
            v1 = Vector256.Add(v1, Vector256.Load(row + w));
            v2 = Vector256.Add(v2, Vector256.Load(row + 2 * w));
        }
        v0.Store(row);
        v1.Store(row + w);
        v2.Store(row + 2 * w);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Fma(Vector256<T> x, Vector256<T> y, Vector256<T> z)
    {
        if (typeof(T) == typeof(float))
        {
            return System.Runtime.Intrinsics.X86.Fma.MultiplyAdd(x.AsSingle(), y.AsSingle(), z.AsSingle()).As<float, T>();
        }
        return System.Runtime.Intrinsics.X86.Fma.MultiplyAdd(x.AsDouble(), y.AsDouble(), z.AsDouble()).As<double, T>();
    }
}
