using System.Runtime.CompilerServices;

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
/// <remarks>
/// A thread that computes several pieces of one product (<see cref="GemmPieces{T}"/>) packs the
/// operand its pieces share once, whole (<see cref="PackWholeA"/>, <see cref="PackWholeB"/>), and
/// passes it in as prepacked.
/// </remarks>
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

    /// <summary>Rows per packed A block.</summary>
    internal static int RowBlockSize => RowBlock;

    /// <summary>Bytes of packed operand that stay in L2 while the micro-kernel streams through them.</summary>
    internal static int L2Bytes => ColumnBlockBytes;

    /// <summary>Columns per packed B block: a multiple of the micro-tile's columns.</summary>
    private static int ColumnBlock => Math.Max(TKernel.Columns, ColumnBlockBytes / (DepthBlock * sizeof(T)) / TKernel.Columns * TKernel.Columns);

    /// <summary>Computes the rectangle <paramref name="range"/> of C, packing into the calling thread's buffers.</summary>
    public static void Run(in GemmTask<T> task, GemmRange range)
    {
        var packedA = PackingBuffers<T>.A(ABlockLength(task.K, range.RowEnd - range.RowStart));
        var packedB = PackingBuffers<T>.B(BBlockLength(task.K, range.ColumnEnd - range.ColumnStart));
        Run(task, range, packedA, packedB, Prepacked.None);
    }

    /// <summary>Elements of the A buffer that packing blocks of <paramref name="rows"/> rows needs.</summary>
    public static int ABlockLength(int k, int rows) => Math.Min(RowBlock, RoundUp(rows, TKernel.Rows)) * Math.Min(DepthBlock, k);

    /// <summary>Elements of the B buffer that packing blocks of <paramref name="columns"/> columns needs.</summary>
    public static int BBlockLength(int k, int columns) => Math.Min(ColumnBlock, RoundUp(columns, TKernel.Columns)) * Math.Min(DepthBlock, k);

    /// <summary>Elements that <see cref="PackWholeA"/> writes for <paramref name="rows"/> (at most one row block) rows.</summary>
    public static long WholeALength(int k, int rows) => (long)RoundUp(rows, TKernel.Rows) * k;

    /// <summary>Elements that <see cref="PackWholeB"/> writes.</summary>
    public static long WholeBLength(int k, int n) => (long)RoundUp(n, TKernel.Columns) * k;

    /// <summary>
    /// Packs op(A)[rowStart .. rowStart+rows, all depth] (rows ≤ one row block) as the consecutive
    /// depth blocks <see cref="Run(in GemmTask{T}, GemmRange, T*, T*, Prepacked)"/> reads with
    /// <see cref="Prepacked.A"/>: the block at depth pc starts at RoundUp(rows, Rows)·pc.
    /// </summary>
    public static void PackWholeA(in GemmTask<T> task, int rowStart, int rows, T* destination)
    {
        var padded = (long)RoundUp(rows, TKernel.Rows);
        for (var pc = 0; pc < task.K; pc += DepthBlock)
        {
            GemmPacking.PackA(task, rowStart, rows, pc, Math.Min(DepthBlock, task.K - pc), TKernel.Rows, destination + padded * pc);
        }
    }

    /// <summary>
    /// Packs all of op(B) as consecutive depth blocks: the block at depth pc starts at
    /// RoundUp(n, Columns)·pc, and within it column jc (a panel boundary) at jc·kc.
    /// </summary>
    public static void PackWholeB(in GemmTask<T> task, T* destination)
    {
        var padded = (long)RoundUp(task.N, TKernel.Columns);
        for (var pc = 0; pc < task.K; pc += DepthBlock)
        {
            GemmPacking.PackB(task, pc, Math.Min(DepthBlock, task.K - pc), 0, task.N, TKernel.Columns, destination + padded * pc);
        }
    }

    /// <summary>
    /// Computes the rectangle <paramref name="range"/> of C with the given buffers. With
    /// <see cref="Prepacked.A"/>, <paramref name="packedA"/> already holds <see cref="PackWholeA"/> of
    /// the range's rows (one row block); with <see cref="Prepacked.B"/>, <paramref name="packedB"/>
    /// holds <see cref="PackWholeB"/> and the range spans all columns. Any other operand is packed
    /// block by block into its buffer (<see cref="ABlockLength"/>, <see cref="BBlockLength"/> long).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(in GemmTask<T> task, GemmRange range, T* packedA, T* packedB, Prepacked prepacked)
    {
        var mr = TKernel.Rows;
        var nr = TKernel.Columns;
        var columnBlock = ColumnBlock;
        var edgeTile = stackalloc T[mr * nr];
        var ldc = task.N;
        var wholeColumns = (long)RoundUp(task.N, nr);

        for (var ic = range.RowStart; ic < range.RowEnd; ic += RowBlock)
        {
            var mc = Math.Min(RowBlock, range.RowEnd - ic);
            for (var pc = 0; pc < task.K; pc += DepthBlock)
            {
                var kc = Math.Min(DepthBlock, task.K - pc);
                var add = task.Accumulate || pc > 0;
                var aBlock = packedA;
                if (prepacked == Prepacked.A)
                {
                    aBlock += (long)RoundUp(mc, mr) * pc;
                }
                else
                {
                    GemmPacking.PackA(task, ic, mc, pc, kc, mr, packedA);
                }
                for (var jc = range.ColumnStart; jc < range.ColumnEnd; jc += columnBlock)
                {
                    var nc = Math.Min(columnBlock, range.ColumnEnd - jc);
                    var bBlock = packedB;
                    if (prepacked == Prepacked.B)
                    {
                        bBlock += wholeColumns * pc + (long)jc * kc;
                    }
                    else
                    {
                        GemmPacking.PackB(task, pc, kc, jc, nc, nr, packedB);
                    }
                    for (var ir = 0; ir < mc; ir += mr)
                    {
                        var tileRows = Math.Min(mr, mc - ir);
                        var aPanel = aBlock + (long)ir * kc;
                        var cRow = task.C + (long)(ic + ir) * ldc + jc;
                        for (var jr = 0; jr < nc; jr += nr)
                        {
                            var tileColumns = Math.Min(nr, nc - jr);
                            var bPanel = bBlock + (long)jr * kc;
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

/// <summary>Which operand <see cref="BlockedGemm{T, TKernel}"/> finds already packed, for all of its depth.</summary>
internal enum Prepacked
{
    /// <summary>Both are packed block by block as the loops reach them.</summary>
    None,

    /// <summary>A's row block, whole.</summary>
    A,

    /// <summary>All of B.</summary>
    B,
}
