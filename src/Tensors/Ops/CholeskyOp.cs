using Ppl.Tensors.Autodiff;

namespace Ppl.Tensors.Ops;

/// <summary>
/// The lower Cholesky factor L of each symmetric positive-definite D×D matrix A = L Lᵀ over the leading
/// (batch) axes; only A's lower triangle is read. Backward (Murray 2016, "Differentiation of the Cholesky
/// decomposition", eq. 10, symmetrised): with P = Φ(Lᵀ L̄), Φ taking the lower triangle and halving the
/// diagonal, S = L⁻ᵀ P L⁻¹ and Ā = ½(S + Sᵀ) — the gradient with respect to a symmetric A whose two
/// off-diagonal copies move together.
/// </summary>
internal sealed class CholeskyOp : Op
{
    private readonly int _d;

    private CholeskyOp(Tensor a, int d) : base(a) => _d = d;

    internal static Tensor Apply(Tensor a)
    {
        if (a.Rank < 2 || a.Size(-1) != a.Size(-2))
        {
            throw new ArgumentException($"Cholesky needs square matrices in the last two axes, got [{string.Join(", ", a.ShapeArray)}]");
        }
        var d = a.Size(-1);
        var batch = d == 0 ? 0 : a.Length / (d * d);
        var source = a.ToArray();
        var result = new double[source.Length];
        for (var b = 0; b < batch; b++)
        {
            if (!LowerTriangular.TryFactor(source.AsSpan(b * d * d, d * d), result.AsSpan(b * d * d, d * d), d))
            {
                throw new ArgumentException($"Cholesky: matrix {b} of the batch is not positive definite");
            }
        }
        var y = Tensor.FromDoubles(result, a.DType, a.ShapeArray);
        return a.Records ? y.WithCreator(new CholeskyOp(a, d)) : y;
    }

    internal override void Backward(Tensor output, Tensor gradient)
    {
        var a = Inputs[0];
        if (!a.RequiresGrad)
        {
            return;
        }
        var d = _d;
        var n = d * d;
        var l = output.ToArray();
        var g = gradient.ToArray();
        var result = new double[l.Length];
        var p = new double[n];
        var lt = new double[n];
        for (var b = 0; b < l.Length / n; b++)
        {
            var lb = l.AsSpan(b * n, n);
            var gb = g.AsSpan(b * n, n);
            // P = Φ(Lᵀ L̄), using only L̄'s lower triangle (the upper one is not an output).
            for (var i = 0; i < d; i++)
            {
                for (var j = 0; j <= i; j++)
                {
                    var s = 0.0;
                    for (var k = i; k < d; k++)
                    {
                        s += lb[k * d + i] * (k >= j ? gb[k * d + j] : 0);
                    }
                    p[i * d + j] = i == j ? 0.5 * s : s;
                    if (i != j)
                    {
                        p[j * d + i] = 0;
                    }
                }
            }
            // S = L⁻ᵀ P L⁻¹: Y = L⁻ᵀ P, then Sᵀ = L⁻ᵀ Yᵀ.
            LowerTriangular.SolveLowerTransposed(lb, p, d, d);
            LowerTriangular.Transpose(p, lt, d);
            LowerTriangular.SolveLowerTransposed(lb, lt, d, d);
            var rb = result.AsSpan(b * n, n);
            for (var i = 0; i < d; i++)
            {
                for (var j = 0; j < d; j++)
                {
                    rb[i * d + j] = 0.5 * (lt[i * d + j] + lt[j * d + i]);
                }
            }
        }
        Accumulate(a, result);
    }

    /// <summary>Adds <paramref name="values"/> into the gradient of <paramref name="t"/> in its element type.</summary>
    internal static void Accumulate(Tensor t, ReadOnlySpan<double> values)
    {
        if (IsFloat(t))
        {
            var grad = t.GradSpan<float>();
            for (var i = 0; i < values.Length; i++)
            {
                grad[i] += (float)values[i];
            }
        }
        else
        {
            var grad = t.GradSpan<double>();
            for (var i = 0; i < values.Length; i++)
            {
                grad[i] += values[i];
            }
        }
    }
}
