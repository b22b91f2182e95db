namespace Ppl.Tensors.Ops;

/// <summary>
/// Dense lower-triangular kernels on one row-major D×D matrix in double precision, shared by the Cholesky
/// and triangular-solve ops (forward and backward). Sizes are the small event dimensions of a model
/// (a covariance of a few dozen), so plain loops in the natural order serve.
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

    /// <summary>Solves L X = B in place for a D×K right-hand side (forward substitution, column by column).</summary>
    internal static void SolveLower(ReadOnlySpan<double> l, Span<double> b, int d, int k)
    {
        for (var i = 0; i < d; i++)
        {
            var inverse = 1 / l[i * d + i];
            for (var c = 0; c < k; c++)
            {
                var s = b[i * k + c];
                for (var j = 0; j < i; j++)
                {
                    s -= l[i * d + j] * b[j * k + c];
                }
                b[i * k + c] = s * inverse;
            }
        }
    }

    /// <summary>Solves Lᵀ X = B in place for a D×K right-hand side (back substitution with the transpose).</summary>
    internal static void SolveLowerTransposed(ReadOnlySpan<double> l, Span<double> b, int d, int k)
    {
        for (var i = d - 1; i >= 0; i--)
        {
            var inverse = 1 / l[i * d + i];
            for (var c = 0; c < k; c++)
            {
                var s = b[i * k + c];
                for (var j = i + 1; j < d; j++)
                {
                    s -= l[j * d + i] * b[j * k + c];
                }
                b[i * k + c] = s * inverse;
            }
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
