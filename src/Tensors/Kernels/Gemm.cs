using System.Numerics;
using System.Runtime.Intrinsics.X86;

namespace Ppl.Tensors.Kernels;

/// <summary>
/// General matrix multiply on row-major buffers: C = op(A) · op(B) (+ C when accumulating), where
/// op(A) is m×k and op(B) is k×n. With <c>transposeA</c>, A is stored k×m; with <c>transposeB</c>,
/// B is stored n×k. This contract serves matmul and both of its gradients
/// (dA = dC · Bᵀ, dB = Aᵀ · dC).
/// </summary>
/// <remarks>
/// A Goto/BLIS blocked algorithm: operands are packed into cache-sized panels and a register-blocked
/// micro-kernel of FMAs (AVX-512 where present, else AVX2) computes tiles of C; large products are
/// cut into pieces that two threads claim (<see cref="GemmPieces{T}"/>). Small products, and CPUs
/// without AVX2, take unpacked vectorised loops.
/// Nothing is allocated once each thread's packing buffers have grown to the sizes in use.
/// <para>
/// The kernel, packing and loop-nest methods are compiled fully optimised on first call
/// (<c>MethodImplOptions.AggressiveOptimization</c>) instead of going through tiered compilation:
/// as tier-0 code, whose vector intrinsics are calls, they ran for the first hundred-odd training
/// steps of a process, and a VAE step cost 1.5–3× its steady-state CPU time until the tier-1
/// versions arrived (single-threaded CPU time per step, measured with the bench's VAE model).
/// </para>
/// </remarks>
public static class Gemm
{
    /// <summary>Below this many multiply-adds packing does not pay.</summary>
    private const long SmallProduct = 1L << 15;

    /// <summary>From this many multiply-adds a second thread pays for its hand-off (a few µs).</summary>
    private const long ParallelProduct = 1L << 18;

    /// <summary>Largest C (elements) whose depth-split partial sum lives on the stack (32 KiB of float64).</summary>
    private const int DepthSplitOutput = 4096;

    /// <summary>Smallest depth worth splitting: a few packed depth blocks per thread.</summary>
    private const int DepthSplitDepth = 2048;

    /// <summary>Single-precision GEMM.</summary>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c,
        int m, int n, int k, bool transposeA = false, bool transposeB = false, bool accumulate = false)
        => Multiply(a, b, c, m, n, k, transposeA, transposeB, accumulate, GemmPath.Auto, GemmThreading.Auto);

    /// <summary>Double-precision GEMM.</summary>
    public static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c,
        int m, int n, int k, bool transposeA = false, bool transposeB = false, bool accumulate = false)
        => Multiply(a, b, c, m, n, k, transposeA, transposeB, accumulate, GemmPath.Auto, GemmThreading.Auto);

    /// <summary>GEMM on a chosen implementation: the seam the tests use to check every path.</summary>
    internal static unsafe void Multiply<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c,
        int m, int n, int k, bool transposeA, bool transposeB, bool accumulate, GemmPath path, GemmThreading threading)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Check(a.Length, b.Length, c.Length, m, n, k);
        if (m == 0 || n == 0)
        {
            return;
        }
        if (k == 0)
        {
            if (!accumulate)
            {
                c[..(m * n)].Clear();
            }
            return;
        }
        // A single row or column is stored the same way transposed or not; pick the layout the
        // unpacked loops handle best (contiguous dot products).
        if (m == 1)
        {
            transposeA = false;
        }
        if (n == 1)
        {
            transposeB = true;
        }
        if (path == GemmPath.Auto)
        {
            path = Choose(m, n, k);
        }
        fixed (T* pa = a, pb = b, pc = c)
        {
            var task = new GemmTask<T>(pa, pb, pc, m, n, k, transposeA, transposeB, accumulate);
            var whole = new GemmRange(0, m, 0, n);
            switch (path)
            {
                case GemmPath.Avx512:
                    RunPacked<T, Avx512Kernel<T>>(&task, whole, threading);
                    break;
                case GemmPath.Avx2:
                    RunPacked<T, Avx2Kernel<T>>(&task, whole, threading);
                    break;
                default:
                    SimpleGemm.Run(task, whole);
                    break;
            }
        }
    }

    /// <summary>Whether the packed kernel for <paramref name="path"/> can run on this CPU.</summary>
    internal static bool IsSupported(GemmPath path) => path switch
    {
        GemmPath.Avx512 => Avx512F.IsSupported,
        GemmPath.Avx2 => Avx2.IsSupported && Fma.IsSupported,
        _ => true,
    };

    private static GemmPath Choose(int m, int n, int k)
    {
        if ((long)m * n * k < SmallProduct || m == 1 || n == 1)
        {
            return GemmPath.Simple;
        }
        if (IsSupported(GemmPath.Avx512))
        {
            return GemmPath.Avx512;
        }
        return IsSupported(GemmPath.Avx2) ? GemmPath.Avx2 : GemmPath.Simple;
    }

    private static unsafe void RunPacked<T, TKernel>(GemmTask<T>* task, GemmRange whole, GemmThreading threading)
        where T : unmanaged
        where TKernel : IMicroKernel<T>
    {
        var split = threading switch
        {
            GemmThreading.Single => false,
            GemmThreading.Split => true,
            _ => (long)task->M * task->N * task->K >= ParallelProduct,
        };
        var worker = GemmWorker.Shared;
        if (split && worker is not null && SplitsDepth(task) && TrySplitDepth<T, TKernel>(task, worker))
        {
            return;
        }
        if (split && worker is not null)
        {
            var pieces = GemmPieces<T>.Plan<TKernel>(task);
            if (pieces.Count > 1 && worker.TryEnter())
            {
                // Sized while the worker is ours and idle, for both threads, by the product alone.
                var (callerA, callerB, workerA, workerB) = SplitPackingBuffers<T>.Ensure(pieces.ALength, pieces.BLength);
                pieces.SetBuffers((T*)callerA, (T*)callerB, (T*)workerA, (T*)workerB);
                worker.RunAndLeave(GemmPieceJob<T, TKernel>.Run, (nint)(&pieces));
                return;
            }
        }
        BlockedGemm<T, TKernel>.Run(*task, whole);
    }

    /// <summary>
    /// Whether to split the depth k rather than C: for a small C and a long depth stored depth-major
    /// in both operands (Aᵀ·B, e.g. the Gram matrix XᵀX of a tall X), cutting C makes both threads
    /// stream the whole uncut operand and leaves them micro-tiles too few to balance, while the two
    /// halves of k are contiguous row blocks of A and B: each thread reads half of each.
    /// </summary>
    private static unsafe bool SplitsDepth<T>(GemmTask<T>* task) where T : unmanaged =>
        task->TransposeA && !task->TransposeB && (long)task->M * task->N <= DepthSplitOutput
        && task->K >= DepthSplitDepth && task->K >= 8L * Math.Max(task->M, task->N);

    /// <summary>
    /// C (+)= A[0..h]ᵀ·B[0..h] on the caller while the worker computes P = A[h..k]ᵀ·B[h..k] into a
    /// stack buffer; then C += P. False (nothing run) if the worker is busy.
    /// </summary>
    private static unsafe bool TrySplitDepth<T, TKernel>(GemmTask<T>* task, GemmWorker worker)
        where T : unmanaged
        where TKernel : IMicroKernel<T>
    {
        int m = task->M, n = task->N, k = task->K;
        // The cut on a depth-block boundary, so that the caller's half packs whole blocks.
        var half = (k / 2 + 255) & ~255;
        var partial = stackalloc T[m * n];
        var halves = new DepthHalves<T>(
            new GemmTask<T>(task->A, task->B, task->C, m, n, half, true, false, task->Accumulate),
            new GemmTask<T>(task->A + (long)half * m, task->B + (long)half * n, partial, m, n, k - half, true, false, false));
        if (!worker.TryEnter())
        {
            return false;
        }
        worker.RunAndLeave(DepthJob<T, TKernel>.Run, (nint)(&halves));
        AddInto(new ReadOnlySpan<T>(partial, m * n), new Span<T>(task->C, m * n));
        return true;
    }

    private static void AddInto<T>(ReadOnlySpan<T> source, Span<T> target) where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            var t = System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(target);
            System.Numerics.Tensors.TensorPrimitives.Add(System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(source), t, t);
        }
        else
        {
            var t = System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(target);
            System.Numerics.Tensors.TensorPrimitives.Add(System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(source), t, t);
        }
    }

    /// <summary>The two depth halves of one product, claimed by either thread (a plain struct: it holds pointers).</summary>
    private struct DepthHalves<T>(GemmTask<T> low, GemmTask<T> high) where T : unmanaged
    {
        /// <summary>The next half to claim: 0 the low one, 1 the high one.</summary>
        public int Next;

        public GemmTask<T> Low { get; } = low;

        public GemmTask<T> High { get; } = high;
    }

    /// <summary>The entry point of a depth-split product, cached once per kernel: no allocation per call.</summary>
    private static unsafe class DepthJob<T, TKernel>
        where T : unmanaged
        where TKernel : IMicroKernel<T>
    {
        public static readonly Action<nint, int> Run = static (state, _) =>
        {
            var halves = (DepthHalves<T>*)state;
            int half;
            while ((half = Interlocked.Increment(ref halves->Next) - 1) < 2)
            {
                var task = half == 0 ? halves->Low : halves->High;
                BlockedGemm<T, TKernel>.Run(task, new GemmRange(0, task.M, 0, task.N));
            }
        };
    }

    private static void Check(int aLength, int bLength, int cLength, int m, int n, int k)
    {
        if (m < 0 || n < 0 || k < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(m), "matrix sizes must be non-negative");
        }
        if (aLength < (long)m * k || bLength < (long)k * n || cLength < (long)m * n)
        {
            throw new ArgumentException($"buffers too small for a {m}x{k} by {k}x{n} product");
        }
    }
}
