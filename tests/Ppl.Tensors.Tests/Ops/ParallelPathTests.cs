using Ppl.Tensors.Optim;
using Ppl.Tensors.Random;

namespace Ppl.Tensors.Tests.Ops;

/// <summary>
/// Large tensors take the multi-core path; their results must equal, element for element, the same
/// computation on small pieces (which run on one core).
/// </summary>
public sealed class ParallelPathTests
{
    private const int Pieces = 7;
    private const int PieceLength = 10_001;
    private const int Length = Pieces * PieceLength;

    private static double[] Values(ulong seed)
    {
        var random = new RandomSource(seed);
        return [.. Enumerable.Range(0, Length).Select(_ => 4 * random.NextNormal())];
    }

    public static TheoryData<DType> DTypes => [DType.Float32, DType.Float64];

    /// <summary>
    /// Equal up to a few ulps: a chunk boundary can move an element between a kernel's SIMD body and
    /// its scalar tail, whose last-bit rounding may differ.
    /// </summary>
    private static void Close(double expected, double actual, DType dtype)
    {
        var ulps = (dtype == DType.Float32 ? 4 * 1.2e-7 : 4 * 2.3e-16) * Math.Max(Math.Abs(expected), 1e-3);
        Assert.True(Math.Abs(expected - actual) <= ulps, $"expected {expected:R}, got {actual:R}");
    }

    [Theory]
    [MemberData(nameof(DTypes))]
    public void Large_elementwise_ops_and_their_gradients_equal_the_piecewise_results(DType dtype)
    {
        var a = Values(1);
        var b = Values(2);
        static Tensor F(Tensor x, Tensor y) => Tensor.Softplus(x) * y + Tensor.Tanh(y);

        var xa = Tensor.Parameter(a, dtype, Length);
        var xb = Tensor.Parameter(b, dtype, Length);
        var whole = F(xa, xb);
        whole.Sum().Backward();

        for (var p = 0; p < Pieces; p++)
        {
            var pa = Tensor.Parameter(a.AsSpan(p * PieceLength, PieceLength), dtype, PieceLength);
            var pb = Tensor.Parameter(b.AsSpan(p * PieceLength, PieceLength), dtype, PieceLength);
            var piece = F(pa, pb);
            piece.Sum().Backward();
            for (var i = 0; i < PieceLength; i++)
            {
                var k = p * PieceLength + i;
                Close(piece[i], whole[k], dtype);
                Close(pa.Grad![i], xa.Grad![k], dtype);
                Close(pb.Grad![i], xb.Grad![k], dtype);
            }
        }
    }

    [Theory]
    [MemberData(nameof(DTypes))]
    public void Adam_on_a_large_parameter_equals_adam_on_its_pieces(DType dtype)
    {
        var init = Values(3);
        var grad = Values(4);
        var whole = Tensor.Parameter(init, dtype, Length);
        var pieces = Enumerable.Range(0, Pieces)
            .Select(p => Tensor.Parameter(init.AsSpan(p * PieceLength, PieceLength), dtype, PieceLength)).ToArray();
        var adamWhole = new Adam([whole], learningRate: 0.01);
        var adamPieces = new Adam(pieces, learningRate: 0.01);
        for (var step = 0; step < 3; step++)
        {
            adamWhole.ZeroGrad();
            adamPieces.ZeroGrad();
            (whole * Tensor.FromDoubles(grad, dtype, Length)).Sum().Backward();
            for (var p = 0; p < Pieces; p++)
            {
                (pieces[p] * Tensor.FromDoubles(grad.AsSpan(p * PieceLength, PieceLength), dtype, PieceLength)).Sum().Backward();
            }
            adamWhole.Step();
            adamPieces.Step();
        }
        for (var p = 0; p < Pieces; p++)
        {
            for (var i = 0; i < PieceLength; i++)
            {
                Close(pieces[p][i], whole[p * PieceLength + i], dtype);
            }
        }
    }
}

public sealed class ParallelChunkFailureTests
{
    private readonly record struct FailingJob(int FailAt, int[] Seen) : Ppl.Tensors.Ops.IChunkJob
    {
        public void Run(int start, int count)
        {
            Interlocked.Add(ref Seen[0], count);
            if (start <= FailAt && FailAt < start + count)
            {
                throw new InvalidOperationException("chunk failed");
            }
        }
    }

    [Fact]
    public void A_failing_chunk_rethrows_on_the_caller_and_the_work_item_is_reused()
    {
        const int Length = 1 << 17;
        var seen = new int[1];
        Assert.Throws<InvalidOperationException>(() => Ppl.Tensors.Ops.ParallelChunks.Run(Length, new FailingJob(Length - 1, seen)));
        Assert.Equal(Length, seen[0]);
        for (var i = 0; i < 10; i++)
        {
            seen[0] = 0;
            Ppl.Tensors.Ops.ParallelChunks.Run(Length, new FailingJob(-1, seen));
            Assert.Equal(Length, seen[0]);
        }
    }
}

public sealed class ParallelChunkDelegateTests
{
    [Fact]
    public void The_delegate_form_covers_every_element_once()
    {
        const int Length = (1 << 17) + 3;
        var hits = new int[Length];
        Ppl.Tensors.Ops.ParallelChunks.Run(Length, (start, count) =>
        {
            for (var i = start; i < start + count; i++)
            {
                Interlocked.Increment(ref hits[i]);
            }
        });
        Assert.All(hits, h => Assert.Equal(1, h));
    }
}
