namespace Ppl.Tensors.Kernels;

/// <summary>
/// Copies blocks of op(A) and op(B) into the contiguous, zero-padded panel layouts the micro-kernel
/// streams through (Goto &amp; van de Geijn 2008, section 6), whatever the operands' transposition.
/// </summary>
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
        for (var panel = 0; panel < rows; panel += panelRows)
        {
            var valid = Math.Min(panelRows, rows - panel);
            var target = destination + (long)panel * depth;
            if (task.TransposeA)
            {
                // A is stored k×m: the panel's rows for one step are contiguous.
                for (var p = 0; p < depth; p++)
                {
                    var source = task.A + (long)(depthStart + p) * task.M + rowStart + panel;
                    var row = target + p * panelRows;
                    for (var r = 0; r < valid; r++)
                    {
                        row[r] = source[r];
                    }
                    for (var r = valid; r < panelRows; r++)
                    {
                        row[r] = default;
                    }
                }
                continue;
            }
            for (var r = 0; r < valid; r++)
            {
                var source = task.A + (long)(rowStart + panel + r) * task.K + depthStart;
                for (var p = 0; p < depth; p++)
                {
                    target[p * panelRows + r] = source[p];
                }
            }
            for (var r = valid; r < panelRows; r++)
            {
                for (var p = 0; p < depth; p++)
                {
                    target[p * panelRows + r] = default;
                }
            }
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
        for (var panel = 0; panel < columns; panel += panelColumns)
        {
            var valid = Math.Min(panelColumns, columns - panel);
            var target = destination + (long)panel * depth;
            if (!task.TransposeB)
            {
                // B is stored k×n: the panel's columns for one step are contiguous.
                var byteCount = (long)valid * sizeof(T);
                for (var p = 0; p < depth; p++)
                {
                    var source = task.B + (long)(depthStart + p) * task.N + columnStart + panel;
                    var row = target + p * panelColumns;
                    Buffer.MemoryCopy(source, row, byteCount, byteCount);
                    for (var j = valid; j < panelColumns; j++)
                    {
                        row[j] = default;
                    }
                }
                continue;
            }
            for (var j = 0; j < valid; j++)
            {
                var source = task.B + (long)(columnStart + panel + j) * task.K + depthStart;
                for (var p = 0; p < depth; p++)
                {
                    target[p * panelColumns + j] = source[p];
                }
            }
            for (var j = valid; j < panelColumns; j++)
            {
                for (var p = 0; p < depth; p++)
                {
                    target[p * panelColumns + j] = default;
                }
            }
        }
    }
}
