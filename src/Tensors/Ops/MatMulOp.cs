using Ppl.Tensors.Autodiff;
using Ppl.Tensors.Kernels;

namespace Ppl.Tensors.Ops;

/// <summary>
/// C_b = A_b · B_b for a batch of matrices (batch 1 is the plain 2-D product); an operand with batch
/// size one is shared by every batch. Backward (with G = ∂L/∂C): ∂L/∂A_b = G_b · B_bᵀ and
/// ∂L/∂B_b = A_bᵀ · G_b, both through <see cref="Kernels.Gemm"/> with accumulation, so a shared operand sums
/// its gradient over the batch for free.
/// </summary>
internal sealed class MatMulOp : Op
{
    private int _batch;
    private int _m;
    private int _n;
    private int _k;
    private bool _sharedA;
    private bool _sharedB;

    /// <summary>a: [m, k] or [batch, m, k]; b: [k, n] or [batch, k, n].</summary>
    internal static Tensor Apply(Tensor a, Tensor b)
    {
        ShapeMath.RequireSameDType(a, b);
        if (a.Rank is < 2 or > 3 || b.Rank is < 2 or > 3)
        {
            throw new ArgumentException("MatMulOp takes 2-D or 3-D operands");
        }
        var m = a.Size(-2);
        var k = a.Size(-1);
        var n = b.Size(-1);
        if (b.Size(-2) != k)
        {
            throw new ArgumentException(
                $"matrix product of [{string.Join(", ", a.ShapeArray)}] and [{string.Join(", ", b.ShapeArray)}]: inner sizes {k} and {b.Size(-2)} differ");
        }
        var batchA = a.Rank == 3 ? a.Size(0) : 1;
        var batchB = b.Rank == 3 ? b.Size(0) : 1;
        if (batchA != batchB && batchA != 1 && batchB != 1)
        {
            throw new ArgumentException($"batch sizes {batchA} and {batchB} differ");
        }
        var batch = Math.Max(batchA, batchB);
        var y = a.Rank == 3 || b.Rank == 3 ? Tensor.Empty(a.DType, [batch, m, n]) : Tensor.Empty(a.DType, [m, n]);
        var sharedA = batchA == 1 && batch > 1;
        var sharedB = batchB == 1 && batch > 1;
        for (var i = 0; i < batch; i++)
        {
            var ao = sharedA ? 0 : i * m * k;
            var bo = sharedB ? 0 : i * k * n;
            if (IsFloat(a))
            {
                Gemm.Multiply(a.Span<float>().Slice(ao, m * k), b.Span<float>().Slice(bo, k * n), y.Span<float>().Slice(i * m * n, m * n), m, n, k);
            }
            else
            {
                Gemm.Multiply(a.Span<double>().Slice(ao, m * k), b.Span<double>().Slice(bo, k * n), y.Span<double>().Slice(i * m * n, m * n), m, n, k);
            }
        }
        if (!a.Records && !b.Records)
        {
            return y;
        }
        var op = Rent<MatMulOp>();
        (op._batch, op._m, op._n, op._k, op._sharedA, op._sharedB) = (batch, m, n, k, sharedA, sharedB);
        op.SetInputs(a, b);
        return y.WithCreator(op);
    }

    internal override void Backward(Tensor output, Tensor gradient)
    {
        var a = Inputs[0];
        var b = Inputs[1];
        int m = _m, n = _n, k = _k;
        for (var i = 0; i < _batch; i++)
        {
            var ao = _sharedA ? 0 : i * m * k;
            var bo = _sharedB ? 0 : i * k * n;
            var go = i * m * n;
            if (IsFloat(output))
            {
                var g = gradient.Span<float>().Slice(go, m * n);
                if (a.RequiresGrad)
                {
                    Gemm.Multiply(g, b.Span<float>().Slice(bo, k * n), a.GradSpan<float>().Slice(ao, m * k), m, k, n, transposeB: true, accumulate: true);
                }
                if (b.RequiresGrad)
                {
                    Gemm.Multiply(a.Span<float>().Slice(ao, m * k), g, b.GradSpan<float>().Slice(bo, k * n), k, n, m, transposeA: true, accumulate: true);
                }
            }
            else
            {
                var g = gradient.Span<double>().Slice(go, m * n);
                if (a.RequiresGrad)
                {
                    Gemm.Multiply(g, b.Span<double>().Slice(bo, k * n), a.GradSpan<double>().Slice(ao, m * k), m, k, n, transposeB: true, accumulate: true);
                }
                if (b.RequiresGrad)
                {
                    Gemm.Multiply(a.Span<double>().Slice(ao, m * k), g, b.GradSpan<double>().Slice(bo, k * n), k, n, m, transposeA: true, accumulate: true);
                }
            }
        }
    }
}
