namespace Ppl.Tensors.Kernels;

/// <summary>
/// The Goto/BLIS loop nest around a micro-kernel, on one thread's rectangle of C (Goto &amp; van de
/// Geijn 2008; Van Zee &amp; van de Geijn 2015, "BLIS", figure 2), with the roles of A and B
/// mirrored because C is row-major and the vectors run along its rows:
/// <code>
/// for each block of MC rows of C:           packed A block (MC×KC) stays in L2/L3
///   for each step block of KC:              pack A
///     for each block of NC columns:         pack B (KC×NC), which stays in L2
///       for each panel of Rows rows:        the A micro-panel (Rows×KC) stays in L1
///         for each panel of Columns cols:   micro-kernel, streaming a B micro-panel from L2
/// </code>
/// </summary>
internal static unsafe class BlockedGemm<T, TKernel>
    where T : unmanaged
    where TKernel : IMicroKernel<T>
{
    /// <summary>Steps per packed block: an 8×256 A micro-panel (8–16 KB) sits in the 48 KB L1.</summary>
    private static readonly int DepthBlock = int.Parse(Environment.GetEnvironmentVariable("PPL_KC") ?? "256");

    /// <summary>Rows per packed A block (2 MB of float32, 4 MB of float64 at KC = 256).</summary>
    private static readonly int RowBlock = int.Parse(Environment.GetEnvironmentVariable("PPL_MB") ?? "2048");

    /// <summary>Bytes of a packed B block: about half of the 1.25 MB L2.</summary>
    private static readonly int ColumnBlockBytes = int.Parse(Environment.GetEnvironmentVariable("PPL_NCB") ?? "655360");

    /// <summary>Computes the rectangle <paramref name="range"/> of C.</summary>
    public static void Run(in GemmTask<T> task, GemmRange range)
    {
        var mr = TKernel.Rows;
        var nr = TKernel.Columns;
        var columnBlock = Math.Max(nr, ColumnBlockBytes / (DepthBlock * sizeof(T)) / nr * nr);
        var rows = range.RowEnd - range.RowStart;
        var columns = range.ColumnEnd - range.ColumnStart;
        var depthBlock = Math.Min(DepthBlock, task.K);
        var rowBlock = Math.Min(RowBlock, RoundUp(rows, mr));
        var packedA = PackingBuffers<T>.A(rowBlock * depthBlock);
        var packedB = PackingBuffers<T>.B(Math.Min(columnBlock, RoundUp(columns, nr)) * depthBlock);
        var edgeTile = stackalloc T[mr * nr];
        var ldc = task.N;

        for (var ic = range.RowStart; ic < range.RowEnd; ic += RowBlock)
        {
            var mc = Math.Min(RowBlock, range.RowEnd - ic);
            for (var pc = 0; pc < task.K; pc += DepthBlock)
            {
                var kc = Math.Min(DepthBlock, task.K - pc);
                var add = task.Accumulate || pc > 0;
                GemmPacking.PackA(task, ic, mc, pc, kc, mr, packedA);
                for (var jc = range.ColumnStart; jc < range.ColumnEnd; jc += columnBlock)
                {
                    var nc = Math.Min(columnBlock, range.ColumnEnd - jc);
                    GemmPacking.PackB(task, pc, kc, jc, nc, nr, packedB);
                    for (var ir = 0; ir < mc; ir += mr)
                    {
                        var tileRows = Math.Min(mr, mc - ir);
                        var aPanel = packedA + (long)ir * kc;
                        var cRow = task.C + (long)(ic + ir) * ldc + jc;
                        for (var jr = 0; jr < nc; jr += nr)
                        {
                            var tileColumns = Math.Min(nr, nc - jr);
                            var bPanel = packedB + (long)jr * kc;
                            if (tileRows == mr && tileColumns == nr)
                            {
                                TKernel.Run(kc, aPanel, bPanel, cRow + jr, ldc, add);
                                continue;
                            }
                            var vectors = (tileColumns * 3 + nr - 1) / nr;
                            if (vectors < 3)
                            {
                                TKernel.RunNarrow(kc, aPanel, bPanel, edgeTile, nr, vectors);
                            }
                            else
                            {
                                TKernel.Run(kc, aPanel, bPanel, edgeTile, nr, add: false);
                            }
                            CopyEdge(edgeTile, nr, cRow + jr, ldc, tileRows, tileColumns, add);
                        }
                    }
                }
            }
        }
    }

    /// <summary>Writes the valid part of a tile computed into scratch (at the right or bottom edge of C).</summary>
    private static void CopyEdge(T* tile, int tileStride, T* c, int ldc, int rows, int columns, bool add)
    {
        for (var r = 0; r < rows; r++)
        {
            var source = new ReadOnlySpan<T>(tile + r * tileStride, columns);
            var target = new Span<T>(c + (long)r * ldc, columns);
            if (add)
            {
                Accumulate(source, target);
            }
            else
            {
                source.CopyTo(target);
            }
        }
    }

    private static void Accumulate(ReadOnlySpan<T> source, Span<T> target)
    {
        if (typeof(T) == typeof(float))
        {
            var s = System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(source);
            var t = System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(target);
            System.Numerics.Tensors.TensorPrimitives.Add(s, t, t);
            return;
        }
        var sd = System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(source);
        var td = System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(target);
        System.Numerics.Tensors.TensorPrimitives.Add(sd, td, td);
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
