using System.Numerics;
using Ppl.Tensors.Kernels;
using Ppl.Tensors.Random;

namespace Ppl.Tensors.Tests.Kernels;

/// <summary>
/// A split product's pieces (<see cref="GemmPieces{T}"/>): they tile C exactly once, and whichever
/// thread computes whichever pieces, in whatever order, C equals the single-threaded product bit for
/// bit and the naive triple loop within the rounding bound. The shares are forced through
/// <see cref="GemmPieces{T}.Work{TKernel}"/>'s limit, so every split is reproducible.
/// </summary>
public sealed unsafe class GemmPiecesTests
{
    /// <summary>
    /// Shapes that cut rows (B shared) and columns (A shared), with ragged last panels, one shape
    /// whose rows span two row blocks (2048) with a column cut, and transposed operands.
    /// </summary>
    public static TheoryData<int, int, int, bool, bool> Shapes => new()
    {
        { 128, 400, 300, false, false },  // columns cut: A, the smaller, is packed by both threads
        { 300, 100, 70, true, false },    // rows cut
        { 131, 97, 45, false, true },     // ragged panels both ways
        { 2100, 2900, 3, false, false },  // two row blocks, columns cut
        { 57, 9, 600, true, true },       // one column panel: rows cut
    };

    [Theory]
    [InlineData(128, 400, 784, false, false, false)]  // the VAE's first layer: columns cut
    [InlineData(784, 400, 128, true, false, true)]    // its weight gradient Xᵀ·dH: rows cut
    [InlineData(128, 784, 400, false, true, false)]   // dH·Wᵀ: columns cut
    [InlineData(1024, 1024, 1024, false, false, true)] // square, B copied contiguously: rows cut
    public void The_cut_makes_both_threads_pack_the_cheaper_operand(int m, int n, int k, bool transposeA, bool transposeB, bool rowsCut)
    {
        var task = new GemmTask<float>(null, null, null, m, n, k, transposeA, transposeB, false);
        var pieces = GemmPieces<float>.Plan<Avx512Kernel<float>>(&task);
        Assert.Equal(rowsCut, pieces.ByRows);
        Assert.True(pieces.Cached);
        Assert.True(pieces.Count is > 2 and <= 16, $"{pieces.Count} pieces");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Pieces_tile_c_exactly_once_on_panel_boundaries(int m, int n, int k, bool transposeA, bool transposeB)
    {
        var task = new GemmTask<float>(null, null, null, m, n, k, transposeA, transposeB, false);
        foreach (var maxPieces in new[] { 0, 2, 3, 5, 64 })
        {
            var pieces = GemmPieces<float>.Plan<Avx512Kernel<float>>(&task, maxPieces);
            var cover = new int[m * n];
            var rowBlock = BlockedGemm<float, Avx512Kernel<float>>.RowBlockSize;
            for (var q = 0; q < pieces.Count; q++)
            {
                var piece = pieces.Piece(q, rowBlock);
                Assert.True(piece.RowStart < piece.RowEnd && piece.ColumnStart < piece.ColumnEnd, $"piece {q} is empty");
                Assert.Equal(0, piece.RowStart % 8);
                Assert.Equal(0, piece.ColumnStart % 48);
                for (var i = piece.RowStart; i < piece.RowEnd; i++)
                {
                    for (var j = piece.ColumnStart; j < piece.ColumnEnd; j++)
                    {
                        cover[i * n + j]++;
                    }
                }
            }
            Assert.All(cover, c => Assert.Equal(1, c));
            Assert.True(pieces.Count >= 2, $"{m}x{n}x{k} was not cut");
            // A column cut gives each block of rows at least one piece.
            var rowBlocks = pieces.ByRows ? 1 : (m + rowBlock - 1) / rowBlock;
            Assert.True(maxPieces == 0 || pieces.Count <= Math.Max(maxPieces, rowBlocks), $"{pieces.Count} pieces for at most {maxPieces}");
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Any_share_of_the_pieces_gives_the_single_threaded_product(int m, int n, int k, bool transposeA, bool transposeB)
    {
        if (!Gemm.IsSupported(GemmPath.Avx512))
        {
            return;
        }
        Check<float, Avx512Kernel<float>>(m, n, k, transposeA, transposeB);
        Check<double, Avx512Kernel<double>>(m, n, k, transposeA, transposeB);
    }

    [Fact]
    public void Pieces_that_pack_both_operands_themselves_give_the_same_product()
    {
        // A shared operand larger than the limit is not packed whole: each piece packs both.
        if (!Gemm.IsSupported(GemmPath.Avx2))
        {
            return;
        }
        Check<float, Avx2Kernel<float>>(70, 150, 520, false, false, wholeLimit: 1000);
        Check<double, Avx2Kernel<double>>(150, 70, 520, true, true, wholeLimit: 1000);
    }

    /// <summary>
    /// The worker takes none, one, some or all pieces first (or alternates with the caller, one each),
    /// then the caller takes the rest: C is the same, bit for bit, each time.
    /// </summary>
    private static void Check<T, TKernel>(int m, int n, int k, bool transposeA, bool transposeB, long wholeLimit = 0)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TKernel : IMicroKernel<T>
    {
        var source = new RandomSource((ulong)(m * 31 + n * 7 + k));
        var a = Draw<T>(source, m * k);
        var b = Draw<T>(source, k * n);
        var expected = Draw<T>(source, m * n);
        var initial = (T[])expected.Clone();
        fixed (T* pa = a, pb = b, pe = expected)
        {
            var single = new GemmTask<T>(pa, pb, pe, m, n, k, transposeA, transposeB, accumulate: true);
            BlockedGemm<T, TKernel>.Run(single, new GemmRange(0, m, 0, n));
        }
        CloseToNaive(a, b, initial, expected, m, n, k, transposeA, transposeB);

        var planned = Plan<T, TKernel>(m, n, k, transposeA, transposeB, wholeLimit);
        var count = planned.Count;
        Assert.True(count >= 2);
        Assert.Equal(wholeLimit == 0, planned.Cached);
        foreach (var workerShare in new[] { 0, 1, count / 2, count - 1, count, -1 })
        {
            var c = (T[])initial.Clone();
            var aBuffers = new T[2][];
            var bBuffers = new T[2][];
            fixed (T* pa = a, pb = b, pc = c)
            {
                var task = new GemmTask<T>(pa, pb, pc, m, n, k, transposeA, transposeB, accumulate: true);
                var pieces = GemmPieces<T>.Plan<TKernel>(&task, 0, wholeLimit);
                for (var slot = 0; slot < 2; slot++)
                {
                    aBuffers[slot] = GC.AllocateArray<T>((int)pieces.ALength, pinned: true);
                    bBuffers[slot] = GC.AllocateArray<T>((int)pieces.BLength, pinned: true);
                }
                fixed (T* ca = aBuffers[0], cb = bBuffers[0], wa = aBuffers[1], wb = bBuffers[1])
                {
                    pieces.SetBuffers(ca, cb, wa, wb);
                    var done = new int[2];
                    if (workerShare < 0)
                    {
                        // Interleaved: the caller and the worker take one piece each in turn.
                        for (var turn = 0; done[0] + done[1] < count; turn++)
                        {
                            done[turn % 2] += GemmPieces<T>.Work<TKernel>(ref pieces, turn % 2, limit: 1);
                        }
                    }
                    else
                    {
                        done[GemmWorker.WorkerSlot] = GemmPieces<T>.Work<TKernel>(ref pieces, GemmWorker.WorkerSlot, limit: workerShare);
                        done[GemmWorker.CallerSlot] = GemmPieces<T>.Work<TKernel>(ref pieces, GemmWorker.CallerSlot);
                        Assert.Equal(workerShare, done[GemmWorker.WorkerSlot]);
                    }
                    Assert.Equal(count, done[0] + done[1]);
                    Assert.Equal(0, GemmPieces<T>.Work<TKernel>(ref pieces, GemmWorker.CallerSlot));
                }
            }
            Assert.True(expected.AsSpan().SequenceEqual(c), $"{typeof(T).Name} {m}x{n}x{k}: worker share {workerShare} of {count} differs");
        }
    }

    private static GemmPieces<T> Plan<T, TKernel>(int m, int n, int k, bool transposeA, bool transposeB, long wholeLimit)
        where T : unmanaged
        where TKernel : IMicroKernel<T>
    {
        var task = new GemmTask<T>(null, null, null, m, n, k, transposeA, transposeB, true);
        return GemmPieces<T>.Plan<TKernel>(&task, 0, wholeLimit);
    }

    /// <summary>C(+)= op(A)·op(B) summed in float64, within Higham's bound (2002, eq. 3.5) of the result.</summary>
    private static void CloseToNaive<T>(T[] a, T[] b, T[] initial, T[] actual, int m, int n, int k, bool transposeA, bool transposeB)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var epsilon = typeof(T) == typeof(float) ? 1.2e-7 : 2.3e-16;
        for (var i = 0; i < m; i += Math.Max(1, m / 17))
        {
            for (var j = 0; j < n; j += Math.Max(1, n / 13))
            {
                double sum = double.CreateChecked(initial[i * n + j]), size = Math.Abs(sum);
                for (var p = 0; p < k; p++)
                {
                    var x = double.CreateChecked(transposeA ? a[p * m + i] : a[i * k + p]);
                    var y = double.CreateChecked(transposeB ? b[j * k + p] : b[p * n + j]);
                    sum += x * y;
                    size += Math.Abs(x * y);
                }
                var value = double.CreateChecked(actual[i * n + j]);
                Assert.True(Math.Abs(value - sum) <= (k + 2) * epsilon * size, $"C[{i},{j}] = {value}, expected {sum}");
            }
        }
    }

    private static T[] Draw<T>(RandomSource source, int length) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = new double[length];
        source.FillNormal(values);
        return Array.ConvertAll(values, T.CreateChecked);
    }
}
