using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Ppl.Tensors.Kernels;

/// <summary>
/// Copies blocks of op(A) and op(B) into the contiguous, zero-padded panel layouts the micro-kernel
/// streams through (Goto &amp; van de Geijn 2008, section 6), whatever the operands' transposition.
/// </summary>
/// <remarks>
/// Sources are always read along their contiguous rows: reading a narrow column strip down rows
/// n elements apart instead touches one cache set and one page per row, and made packing cost a
/// third of the multiply at n = 1024.
/// </remarks>
internal static unsafe class GemmPacking
{
    /// <summary>
    /// Packs op(A)[rowStart .. rowStart+rows, depthStart .. depthStart+depth] into panels of
    /// <paramref name="panelRows"/> rows: element (q·panelRows + r, p) goes to
    /// q·panelRows·depth + p·panelRows + r; rows past the block are zero.
    /// </summary>
    public static void PackA<T>(in GemmTask<T> task, int rowStart, int rows, int depthStart, int depth, int panelRows, T* destination)
        where T : unmanaged
    {
        if (task.TransposeA)
        {
            // A is stored k×m: row p of the storage holds op(A)[·, p] contiguously.
            Scatter(task.A + (long)depthStart * task.M + rowStart, task.M, depth, rows, panelRows, destination);
        }
        else
        {
            Gather(task.A + (long)rowStart * task.K + depthStart, task.K, depth, rows, panelRows, destination);
        }
    }

    /// <summary>
    /// Packs op(B)[depthStart .. depthStart+depth, columnStart .. columnStart+columns] into panels
    /// of <paramref name="panelColumns"/> columns: element (p, q·panelColumns + c) goes to
    /// q·panelColumns·depth + p·panelColumns + c; columns past the block are zero.
    /// </summary>
    public static void PackB<T>(in GemmTask<T> task, int depthStart, int depth, int columnStart, int columns, int panelColumns, T* destination)
        where T : unmanaged
    {
        if (task.TransposeB)
        {
            // B is stored n×k: row j of the storage holds op(B)[·, j] contiguously.
            Gather(task.B + (long)columnStart * task.K + depthStart, task.K, depth, columns, panelColumns, destination);
        }
        else
        {
            Scatter(task.B + (long)depthStart * task.N + columnStart, task.N, depth, columns, panelColumns, destination);
        }
    }

    /// <summary>
    /// Source rows p = 0..depth−1 (stride <paramref name="stride"/>) each hold <paramref name="width"/>
    /// values of the packed dimension: each row is cut into panel-wide pieces, piece q going to
    /// panel q's step p.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Scatter<T>(T* source, int stride, int depth, int width, int panelWidth, T* destination)
        where T : unmanaged
    {
        var fullPanels = width / panelWidth;
        var remainder = width - fullPanels * panelWidth;
        var panelSize = (long)panelWidth * depth;
        var pieceBytes = panelWidth * sizeof(T);
        var vectorPieces = Vector512.IsHardwareAccelerated && pieceBytes % 64 == 0 ? pieceBytes / 64 : 0;
        for (var p = 0; p < depth; p++)
        {
            var row = source + (long)p * stride;
            var target = destination + (long)p * panelWidth;
            if (vectorPieces > 0)
            {
                // Whole 512-bit vectors (the AVX-512 kernel's 48 floats or 24 doubles): a
                // Memmove call per 192-byte piece cost more than the copy.
                for (var q = 0; q < fullPanels; q++)
                {
                    var from = row + q * panelWidth;
                    var to = target + q * panelSize;
                    for (var v = 0; v < vectorPieces; v++)
                    {
                        Vector512.Store(Vector512.Load((byte*)from + 64 * v), (byte*)to + 64 * v);
                    }
                }
            }
            else
            {
                for (var q = 0; q < fullPanels; q++)
                {
                    new ReadOnlySpan<T>(row + q * panelWidth, panelWidth).CopyTo(new Span<T>(target + q * panelSize, panelWidth));
                }
            }
            if (remainder > 0)
            {
                var last = target + fullPanels * panelSize;
                new ReadOnlySpan<T>(row + fullPanels * panelWidth, remainder).CopyTo(new Span<T>(last, remainder));
                new Span<T>(last + remainder, panelWidth - remainder).Clear();
            }
        }
    }

    /// <summary>
    /// Source rows r = 0..width−1 (stride <paramref name="stride"/>) each hold <paramref name="depth"/>
    /// steps of one packed row or column: a panel is filled step by step, reading its rows side by side.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Gather<T>(T* source, int stride, int depth, int width, int panelWidth, T* destination)
        where T : unmanaged
    {
        for (var panel = 0; panel < width; panel += panelWidth)
        {
            var valid = Math.Min(panelWidth, width - panel);
            var rows = source + (long)panel * stride;
            var target = destination + (long)panel * depth;
            if (typeof(T) == typeof(float) && Avx.IsSupported)
            {
                GatherSingle((float*)rows, stride, depth, valid, panelWidth, (float*)target);
                continue;
            }
            if (valid == 8 && panelWidth == 8)
            {
                GatherEight(rows, stride, depth, target);
                continue;
            }
            for (var p = 0; p < depth; p++)
            {
                var step = target + p * panelWidth;
                var column = rows + p;
                for (var r = 0; r < valid; r++)
                {
                    step[r] = column[(long)r * stride];
                }
                for (var r = valid; r < panelWidth; r++)
                {
                    step[r] = default;
                }
            }
        }
    }

    /// <summary>
    /// One float panel of <see cref="Gather{T}"/>: blocks of 8 rows × 8 steps transposed in registers
    /// (<see cref="Transpose8x8"/>), the leftover steps and rows element by element, and the rows past
    /// <paramref name="valid"/> zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void GatherSingle(float* rows, long stride, int depth, int valid, int panelWidth, float* target)
    {
        var fullRows = valid & ~7;
        var fullSteps = depth & ~7;
        for (var rb = 0; rb < fullRows; rb += 8)
        {
            var block = rows + rb * stride;
            for (var p = 0; p < fullSteps; p += 8)
            {
                Transpose8x8(block + p, stride, target + (long)p * panelWidth + rb, panelWidth);
            }
            for (var p = fullSteps; p < depth; p++)
            {
                for (var r = 0; r < 8; r++)
                {
                    target[(long)p * panelWidth + rb + r] = block[r * stride + p];
                }
            }
        }
        for (var p = 0; p < depth; p++)
        {
            var step = target + (long)p * panelWidth;
            for (var r = fullRows; r < valid; r++)
            {
                step[r] = rows[r * stride + p];
            }
            for (var r = valid; r < panelWidth; r++)
            {
                step[r] = 0;
            }
        }
    }

    /// <summary>
    /// Writes the transpose of the 8×8 block at <paramref name="source"/> (rows
    /// <paramref name="stride"/> apart) to <paramref name="destination"/> (rows
    /// <paramref name="destinationStride"/> apart): the unpack / shuffle / 128-bit-permute sequence
    /// of the classic _MM_TRANSPOSE8_PS, 24 shuffles for 64 elements instead of 64 scalar moves.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(float* source, long stride, float* destination, long destinationStride)
    {
        var r0 = Avx.LoadVector256(source);
        var r1 = Avx.LoadVector256(source + stride);
        var r2 = Avx.LoadVector256(source + 2 * stride);
        var r3 = Avx.LoadVector256(source + 3 * stride);
        var r4 = Avx.LoadVector256(source + 4 * stride);
        var r5 = Avx.LoadVector256(source + 5 * stride);
        var r6 = Avx.LoadVector256(source + 6 * stride);
        var r7 = Avx.LoadVector256(source + 7 * stride);
        // Pairs of rows interleaved: t0 = [a0 b0 a1 b1 | a4 b4 a5 b5], t1 = [a2 b2 a3 b3 | a6 b6 a7 b7].
        var t0 = Avx.UnpackLow(r0, r1);
        var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5);
        var t5 = Avx.UnpackHigh(r4, r5);
        var t6 = Avx.UnpackLow(r6, r7);
        var t7 = Avx.UnpackHigh(r6, r7);
        // Four rows per column within each 128-bit half: u0 = [a0 b0 c0 d0 | a4 b4 c4 d4], ...
        var u0 = Avx.Shuffle(t0, t2, 0x44);
        var u1 = Avx.Shuffle(t0, t2, 0xEE);
        var u2 = Avx.Shuffle(t1, t3, 0x44);
        var u3 = Avx.Shuffle(t1, t3, 0xEE);
        var u4 = Avx.Shuffle(t4, t6, 0x44);
        var u5 = Avx.Shuffle(t4, t6, 0xEE);
        var u6 = Avx.Shuffle(t5, t7, 0x44);
        var u7 = Avx.Shuffle(t5, t7, 0xEE);
        // Halves joined: column j of the block, rows 0–7.
        Avx.Store(destination, Avx.Permute2x128(u0, u4, 0x20));
        Avx.Store(destination + destinationStride, Avx.Permute2x128(u1, u5, 0x20));
        Avx.Store(destination + 2 * destinationStride, Avx.Permute2x128(u2, u6, 0x20));
        Avx.Store(destination + 3 * destinationStride, Avx.Permute2x128(u3, u7, 0x20));
        Avx.Store(destination + 4 * destinationStride, Avx.Permute2x128(u0, u4, 0x31));
        Avx.Store(destination + 5 * destinationStride, Avx.Permute2x128(u1, u5, 0x31));
        Avx.Store(destination + 6 * destinationStride, Avx.Permute2x128(u2, u6, 0x31));
        Avx.Store(destination + 7 * destinationStride, Avx.Permute2x128(u3, u7, 0x31));
    }

    /// <summary>The common full 8-row panel of A, unrolled: eight independent loads per step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void GatherEight<T>(T* rows, long stride, int depth, T* target)
        where T : unmanaged
    {
        T* r0 = rows, r1 = rows + stride, r2 = rows + 2 * stride, r3 = rows + 3 * stride;
        T* r4 = rows + 4 * stride, r5 = rows + 5 * stride, r6 = rows + 6 * stride, r7 = rows + 7 * stride;
        for (var p = 0; p < depth; p++)
        {
            target[0] = r0[p];
            target[1] = r1[p];
            target[2] = r2[p];
            target[3] = r3[p];
            target[4] = r4[p];
            target[5] = r5[p];
            target[6] = r6[p];
            target[7] = r7[p];
            target += 8;
        }
    }
}
