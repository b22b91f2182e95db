using Ppl.Tensors.Ops;

namespace Ppl.Tensors;

public sealed partial class Tensor
{
    /// <summary>
    /// The lower Cholesky factor L of each symmetric positive-definite matrix in the last two axes (A = L Lᵀ),
    /// differentiable (the gradient is taken with respect to a symmetric A). Only A's lower triangle is read.
    /// </summary>
    /// <exception cref="ArgumentException">A matrix is not square or not numerically positive definite.</exception>
    public Tensor Cholesky() => CholeskyOp.Apply(this);

    /// <summary>
    /// X = L⁻¹ B for lower-triangular <paramref name="lower"/> ([D, D] or [batch, D, D]) and
    /// <paramref name="right"/> ([D, K] or [batch, D, K]); an operand without a batch axis is shared.
    /// Differentiable in both.
    /// </summary>
    public static Tensor SolveLower(Tensor lower, Tensor right) => TriangularSolveOp.Apply(lower, right);

    /// <summary>The diagonal of each square matrix in the last two axes: [.., D, D] → [.., D].</summary>
    public Tensor Diagonal()
    {
        if (Rank < 2 || Size(-1) != Size(-2))
        {
            throw new ArgumentException($"a diagonal needs square matrices in the last two axes, got [{string.Join(", ", _shape)}]");
        }
        var d = Size(-1);
        var flat = Reshape([.. _shape[..^2], d * d]);
        var indices = new int[d];
        for (var i = 0; i < d; i++)
        {
            indices[i] = i * (d + 1);
        }
        return flat.IndexSelect(-1, indices);
    }
}
