using System.Runtime.CompilerServices;

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
        for (var p = 0; p < depth; p++)
        {
            var row = source + (long)p * stride;
            var target = destination + (long)p * panelWidth;
            for (var q = 0; q < fullPanels; q++)
            {
                new ReadOnlySpan<T>(row + q * panelWidth, panelWidth).CopyTo(new Span<T>(target + q * panelSize, panelWidth));
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
