using System.Numerics.Tensors;
using Ppl.Tensors.Autodiff;

namespace Ppl.Tensors.Ops;

/// <summary>
/// X = L⁻¹ B for lower-triangular L (only its lower triangle is read): L is [D, D] or [batch, D, D],
/// B is [D, K] or [batch, D, K]; an operand with no batch axis is shared by every batch. Backward
/// (from dX = L⁻¹(dB − dL X)): B̄ = L⁻ᵀ X̄ and L̄ = −tril(B̄ Xᵀ) (Giles 2008, "An extended collection of
/// matrix derivative results", §2.2.3), summed over the batch for a shared L.
/// </summary>
internal sealed class TriangularSolveOp : Op
{
    private readonly int _batch;
    private readonly int _d;
    private readonly int _k;
    private readonly bool _sharedL;
    private readonly bool _sharedB;

    private TriangularSolveOp(Tensor l, Tensor b, int batch, int d, int k, bool sharedL, bool sharedB) : base(l, b) =>
        (_batch, _d, _k, _sharedL, _sharedB) = (batch, d, k, sharedL, sharedB);

    internal static Tensor Apply(Tensor l, Tensor b)
    {
        ShapeMath.RequireSameDType(l, b);
        if (l.Rank is < 2 or > 3 || b.Rank is < 2 or > 3 || l.Size(-1) != l.Size(-2) || b.Size(-2) != l.Size(-1))
        {
            throw new ArgumentException(
                $"triangular solve of [{string.Join(", ", l.ShapeArray)}] with [{string.Join(", ", b.ShapeArray)}]: needs L [.., D, D] and B [.., D, K]");
        }
        var d = l.Size(-1);
        var k = b.Size(-1);
        var batchL = l.Rank == 3 ? l.Size(0) : 1;
        var batchB = b.Rank == 3 ? b.Size(0) : 1;
        if (batchL != batchB && batchL != 1 && batchB != 1)
        {
            throw new ArgumentException($"triangular solve: batch sizes {batchL} and {batchB} differ");
        }
        var batch = Math.Max(batchL, batchB);
        var sharedL = l.Rank == 2 || batchL == 1;
        var sharedB = b.Rank == 2 || batchB == 1;
        var lv = l.ToArray();
        var bv = b.ToArray();
        var x = new double[batch * d * k];
        for (var i = 0; i < batch; i++)
        {
            var xi = x.AsSpan(i * d * k, d * k);
            bv.AsSpan(sharedB ? 0 : i * d * k, d * k).CopyTo(xi);
            LowerTriangular.SolveLower(lv.AsSpan(sharedL ? 0 : i * d * d, d * d), xi, d, k);
        }
        int[] shape = l.Rank == 3 || b.Rank == 3 ? [batch, d, k] : [d, k];
        var y = Tensor.FromDoubles(x, l.DType, shape);
        return l.Records || b.Records ? y.WithCreator(new TriangularSolveOp(l, b, batch, d, k, sharedL, sharedB)) : y;
    }

    internal override void Backward(Tensor output, Tensor gradient)
    {
        var l = Inputs[0];
        var b = Inputs[1];
        int d = _d, k = _k;
        var lv = l.ToArray();
        var x = output.ToArray();
        var g = gradient.ToArray();
        var gl = new double[l.Length];
        var gb = new double[b.Length];
        var bbar = new double[d * k];
        for (var i = 0; i < _batch; i++)
        {
            var li = lv.AsSpan(_sharedL ? 0 : i * d * d, d * d);
            g.AsSpan(i * d * k, d * k).CopyTo(bbar);
            LowerTriangular.SolveLowerTransposed(li, bbar, d, k);
            var gbi = gb.AsSpan(_sharedB ? 0 : i * d * k, d * k);
            for (var j = 0; j < d * k; j++)
            {
                gbi[j] += bbar[j];
            }
            var xi = x.AsSpan(i * d * k, d * k);
            var gli = gl.AsSpan(_sharedL ? 0 : i * d * d, d * d);
            for (var r = 0; r < d; r++)
            {
                for (var c = 0; c <= r; c++)
                {
                    gli[r * d + c] -= TensorPrimitives.Dot(bbar.AsSpan(r * k, k), xi.Slice(c * k, k));
                }
            }
        }
        if (l.RequiresGrad)
        {
            CholeskyOp.Accumulate(l, gl);
        }
        if (b.RequiresGrad)
        {
            CholeskyOp.Accumulate(b, gb);
        }
    }
}
