using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Ppl.Inference.Vmp.Factors;

/// <summary>
/// The Gram matrix of the augmented design [X y], G = [X y]ᵀ[X y] — XᵀX, Xᵀy and yᵀy in one pass over
/// the data (a SYRK: only the upper triangle is computed, then mirrored). Rows of X are copied in blocks
/// that stay in the L2 cache into a panel padded to whole 512-bit vectors with y as column D; a 4×24
/// register-blocked kernel accumulates panel rows into a 4-row strip of G (broadcast × vector FMAs);
/// the cores each take a contiguous share of the rows and their (D+1)×(D+1) partial sums are added.
/// </summary>
internal static class AugmentedGram
{
    /// <summary>Panel size in doubles (~128 KB, well inside a core's L2).</summary>
    private const int PanelDoubles = 16_384;

    /// <summary>Below this many multiply-adds (N·D²) one core does the whole pass.</summary>
    private const double ParallelThreshold = 4e6;

    private static int Lanes => Vector512<double>.Count;

    /// <summary>Computes G = [X y]ᵀ[X y].</summary>
    /// <param name="design">X, row-major N×D.</param>
    /// <param name="targets">y (N).</param>
    /// <param name="dimension">D.</param>
    /// <param name="threads">Cores to use (null: all when the work is large enough).</param>
    /// <returns>G, row-major (D+1)×(D+1): XᵀX in the leading D×D block, Xᵀy in column D, yᵀy at (D, D).</returns>
    public static double[] Compute(double[] design, double[] targets, int dimension, int? threads = null) =>
        Compute(design, targets, null, dimension, threads);

    /// <summary>
    /// Computes the weighted G = Σₙ wₙ [xₙ 1][xₙ 1]ᵀ: Σ w x xᵀ, Σ w x in column D and Σ w at (D, D) — the
    /// statistics of a mixture component with responsibilities w (Bishop 2006, eqs 10.51–10.53).
    /// </summary>
    /// <param name="design">X, row-major N×D.</param>
    /// <param name="weights">w ≥ 0 (N).</param>
    /// <param name="dimension">D.</param>
    /// <param name="threads">Cores to use (null: all when the work is large enough).</param>
    /// <returns>G, row-major (D+1)×(D+1).</returns>
    public static double[] ComputeWeighted(double[] design, double[] weights, int dimension, int? threads = null) =>
        Compute(design, null, weights, dimension, threads);

    private static double[] Compute(double[] design, double[]? targets, double[]? weights, int dimension, int? threads)
    {
        var n = (targets ?? weights)!.Length;
        if (design.Length != n * dimension)
        {
            throw new ArgumentException($"the design has {design.Length} values, not N·D = {n}·{dimension}", nameof(design));
        }

        var size = dimension + 1;
        var stride = (size + Lanes - 1) / Lanes * Lanes;
        var workers = threads ?? (1.0 * n * size * size < ParallelThreshold ? 1 : Environment.ProcessorCount);
        workers = Math.Clamp(workers, 1, Math.Max(1, n));
        var partials = new double[workers][];
        if (workers == 1)
        {
            partials[0] = Accumulate(design, targets, weights, dimension, stride, 0, n);
        }
        else
        {
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
            {
                var start = (int)((long)n * worker / workers);
                var end = (int)((long)n * (worker + 1) / workers);
                partials[worker] = Accumulate(design, targets, weights, dimension, stride, start, end);
            });
        }

        var gram = new double[size * size];
        for (var i = 0; i < size; i++)
        {
            for (var j = i; j < size; j++)
            {
                var sum = 0.0;
                foreach (var partial in partials)
                {
                    sum += partial[i * stride + j];
                }

                gram[i * size + j] = sum;
                gram[j * size + i] = sum;
            }
        }

        return gram;
    }

    /// <summary>The upper triangle (at vector granularity) of the rows [start, end), stride × stride.</summary>
    private static double[] Accumulate(double[] design, double[]? targets, double[]? weights, int d, int stride, int start, int end)
    {
        var gram = new double[stride * stride];
        var panelRows = Math.Max(8, PanelDoubles / stride);
        var panel = new double[panelRows * stride];
        var strips = (d + 1 + 3) / 4;
        var vectors = stride / Lanes;
        for (var first = start; first < end; first += panelRows)
        {
            var rows = Math.Min(panelRows, end - first);
            for (var r = 0; r < rows; r++)
            {
                if (weights is null)
                {
                    design.AsSpan((first + r) * d, d).CopyTo(panel.AsSpan(r * stride, d));
                    panel[r * stride + d] = targets![first + r];
                }
                else
                {
                    // √w [x 1], so that the panel's Gram is Σ w [x 1][x 1]ᵀ.
                    var scale = Math.Sqrt(weights[first + r]);
                    System.Numerics.Tensors.TensorPrimitives.Multiply(design.AsSpan((first + r) * d, d), scale, panel.AsSpan(r * stride, d));
                    panel[r * stride + d] = scale;
                }
            }

            for (var strip = 0; strip < strips; strip++)
            {
                var i = 4 * strip;
                var v = i / Lanes;
                for (; v + 3 <= vectors; v += 3)
                {
                    Strip4x3(panel, rows, stride, i, v * Lanes, gram);
                }

                for (; v < vectors; v++)
                {
                    Strip4x1(panel, rows, stride, i, v * Lanes, gram);
                }
            }
        }

        return gram;
    }

    /// <summary>G[i..i+4, j..j+24] += Σ_rows panel[r, i..i+4]ᵀ panel[r, j..j+24].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Strip4x3(double[] panel, int rows, int stride, int i, int j, double[] gram)
    {
        ref var p = ref MemoryMarshal.GetArrayDataReference(panel);
        Vector512<double> c00 = default, c01 = default, c02 = default, c10 = default, c11 = default, c12 = default;
        Vector512<double> c20 = default, c21 = default, c22 = default, c30 = default, c31 = default, c32 = default;
        var lanes = (nuint)Lanes;
        for (var r = 0; r < rows; r++)
        {
            var row = (nuint)(r * stride);
            var b0 = Vector512.LoadUnsafe(ref p, row + (nuint)j);
            var b1 = Vector512.LoadUnsafe(ref p, row + (nuint)j + lanes);
            var b2 = Vector512.LoadUnsafe(ref p, row + (nuint)j + 2 * lanes);
            var a = Vector512.Create(Unsafe.Add(ref p, row + (nuint)i));
            c00 = Vector512.FusedMultiplyAdd(a, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(a, b1, c01);
            c02 = Vector512.FusedMultiplyAdd(a, b2, c02);
            a = Vector512.Create(Unsafe.Add(ref p, row + (nuint)i + 1));
            c10 = Vector512.FusedMultiplyAdd(a, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(a, b1, c11);
            c12 = Vector512.FusedMultiplyAdd(a, b2, c12);
            a = Vector512.Create(Unsafe.Add(ref p, row + (nuint)i + 2));
            c20 = Vector512.FusedMultiplyAdd(a, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(a, b1, c21);
            c22 = Vector512.FusedMultiplyAdd(a, b2, c22);
            a = Vector512.Create(Unsafe.Add(ref p, row + (nuint)i + 3));
            c30 = Vector512.FusedMultiplyAdd(a, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(a, b1, c31);
            c32 = Vector512.FusedMultiplyAdd(a, b2, c32);
        }

        // The sums are added to G in place, without a call (AddRow is always inlined): a call after
        // the loop would make the JIT spill all twelve accumulators inside it (no vector register
        // survives a call).
        ref var g = ref MemoryMarshal.GetArrayDataReference(gram);
        var at = (nuint)(i * stride + j);
        AddRow(ref g, at, c00, c01, c02);
        AddRow(ref g, at + (nuint)stride, c10, c11, c12);
        AddRow(ref g, at + 2 * (nuint)stride, c20, c21, c22);
        AddRow(ref g, at + 3 * (nuint)stride, c30, c31, c32);
    }

    /// <summary>G[at .. at+24] += [s0 s1 s2].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRow(ref double g, nuint at, Vector512<double> s0, Vector512<double> s1, Vector512<double> s2)
    {
        var lanes = (nuint)Lanes;
        (Vector512.LoadUnsafe(ref g, at) + s0).StoreUnsafe(ref g, at);
        (Vector512.LoadUnsafe(ref g, at + lanes) + s1).StoreUnsafe(ref g, at + lanes);
        (Vector512.LoadUnsafe(ref g, at + 2 * lanes) + s2).StoreUnsafe(ref g, at + 2 * lanes);
    }

    /// <summary>G[i..i+4, j..j+8] += Σ_rows panel[r, i..i+4]ᵀ panel[r, j..j+8].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Strip4x1(double[] panel, int rows, int stride, int i, int j, double[] gram)
    {
        ref var p = ref MemoryMarshal.GetArrayDataReference(panel);
        Vector512<double> c0 = default, c1 = default, c2 = default, c3 = default;
        for (var r = 0; r < rows; r++)
        {
            var row = (nuint)(r * stride);
            var b = Vector512.LoadUnsafe(ref p, row + (nuint)j);
            c0 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref p, row + (nuint)i)), b, c0);
            c1 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref p, row + (nuint)i + 1)), b, c1);
            c2 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref p, row + (nuint)i + 2)), b, c2);
            c3 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref p, row + (nuint)i + 3)), b, c3);
        }

        // In place, as in Strip4x3.
        ref var g = ref MemoryMarshal.GetArrayDataReference(gram);
        var at = (nuint)(i * stride + j);
        var next = (nuint)stride;
        (Vector512.LoadUnsafe(ref g, at) + c0).StoreUnsafe(ref g, at);
        (Vector512.LoadUnsafe(ref g, at + next) + c1).StoreUnsafe(ref g, at + next);
        (Vector512.LoadUnsafe(ref g, at + 2 * next) + c2).StoreUnsafe(ref g, at + 2 * next);
        (Vector512.LoadUnsafe(ref g, at + 3 * next) + c3).StoreUnsafe(ref g, at + 3 * next);
    }
}
