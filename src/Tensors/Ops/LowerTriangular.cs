using System.Numerics.Tensors;

namespace Ppl.Tensors.Ops;

/// <summary>
/// Dense lower-triangular kernels on one row-major D×D matrix in double precision, shared by the Cholesky
/// and triangular-solve ops (forward and backward). Sizes are the small event dimensions of a model
/// (a covariance of a few dozen); the solves work on whole rows of the right-hand side, so that many
/// right-hand sides (a plate of vectors) stream through SIMD multiply-adds.
/// </summary>
internal static class LowerTriangular
{
    /// <summary>
    /// A = L Lᵀ by the Cholesky–Banachiewicz order (Golub &amp; Van Loan 2013, alg. 4.2.1), reading only the
    /// lower triangle of <paramref name="a"/>; zeros above the diagonal of <paramref name="l"/>.
    /// False when a pivot is not positive (A is not numerically positive definite).
    /// </summary>
    internal static bool TryFactor(ReadOnlySpan<double> a, Span<double> l, int d)
    {
        l.Clear();
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var s = a[i * d + j];
                for (var k = 0; k < j; k++)
                {
                    s -= l[i * d + k] * l[j * d + k];
                }
                if (i == j)
                {
                    if (!(s > 0))
                    {
                        return false;
                    }
                    l[i * d + i] = Math.Sqrt(s);
                }
                else
                {
                    l[i * d + j] = s / l[j * d + j];
                }
            }
        }
        return true;
    }

    /// <summary>Solves L X = B in place for a D×K right-hand side by forward substitution on whole rows:
    /// xᵢ = (bᵢ − Σⱼ₍ⱼ₌₀..ᵢ₋₁₎ Lᵢⱼ xⱼ) / Lᵢᵢ, each update a contiguous multiply-add over the K columns.</summary>
    internal static void SolveLower(ReadOnlySpan<double> l, Span<double> b, int d, int k)
    {
        for (var i = 0; i < d; i++)
        {
            var row = b.Slice(i * k, k);
            for (var j = 0; j < i; j++)
            {
                var lij = l[i * d + j];
                if (lij != 0)
                {
                    TensorPrimitives.MultiplyAdd(b.Slice(j * k, k), -lij, row, row);
                }
            }
            TensorPrimitives.Multiply(row, 1 / l[i * d + i], row);
        }
    }

    /// <summary>Solves Lᵀ X = B in place for a D×K right-hand side by back substitution on whole rows:
    /// xᵢ = (bᵢ − Σⱼ₍ⱼ₌ᵢ₊₁..D₋₁₎ Lⱼᵢ xⱼ) / Lᵢᵢ.</summary>
    internal static void SolveLowerTransposed(ReadOnlySpan<double> l, Span<double> b, int d, int k)
    {
        for (var i = d - 1; i >= 0; i--)
        {
            var row = b.Slice(i * k, k);
            for (var j = i + 1; j < d; j++)
            {
                var lji = l[j * d + i];
                if (lji != 0)
                {
                    TensorPrimitives.MultiplyAdd(b.Slice(j * k, k), -lji, row, row);
                }
            }
            TensorPrimitives.Multiply(row, 1 / l[i * d + i], row);
        }
    }

    /// <summary>Copies a D×D matrix transposed.</summary>
    internal static void Transpose(ReadOnlySpan<double> a, Span<double> result, int d)
    {
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                result[j * d + i] = a[i * d + j];
            }
        }
    }
}
