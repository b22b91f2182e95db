using System.Numerics.Tensors;

namespace Ppl.StdLib.LinearAlgebra;

/// <summary>
/// The Cholesky factorisation A = L Lᵀ of a symmetric positive definite matrix, with what is built
/// on it: solves, the log-determinant, the inverse, and Mahalanobis distances.
/// </summary>
/// <remarks>
/// The Cholesky–Banachiewicz order (row by row, Golub &amp; Van Loan 2013, alg. 4.2.1), reading only
/// the lower triangle of A. A pivot that is not positive (or NaN) ends the factorisation with a
/// <see cref="NotPositiveDefiniteException"/> naming the row.
/// </remarks>
public sealed class CholeskyDecomposition
{
    private CholeskyDecomposition(Matrix lower) => Lower = lower;

    /// <summary>The lower-triangular factor L, with a positive diagonal (its upper triangle is zero).</summary>
    public Matrix Lower { get; }

    /// <summary>The order n of the factored n × n matrix.</summary>
    public int Size => Lower.Rows;

    /// <summary>Factors <paramref name="matrix"/>; throws <see cref="NotPositiveDefiniteException"/> if it is not SPD.</summary>
    public static CholeskyDecomposition Decompose(Matrix matrix)
    {
        var lower = Copy(matrix);
        var failedPivot = FactorInPlace(lower.Values, lower.Rows);
        if (failedPivot >= 0)
        {
            throw new NotPositiveDefiniteException(failedPivot, lower[failedPivot, failedPivot]);
        }
        return new CholeskyDecomposition(lower);
    }

    /// <summary>Factors <paramref name="matrix"/>, or returns null if it is not positive definite.</summary>
    public static CholeskyDecomposition? TryDecompose(Matrix matrix)
    {
        var lower = Copy(matrix);
        return FactorInPlace(lower.Values, lower.Rows) >= 0 ? null : new CholeskyDecomposition(lower);
    }

    /// <summary>
    /// Overwrites the lower triangle of the row-major n × n buffer with L and zeroes the upper
    /// triangle. Returns −1 on success, or the row whose pivot was not positive (the buffer is then
    /// partly overwritten, with the offending pivot value on the diagonal of that row).
    /// </summary>
    public static int FactorInPlace(Span<double> a, int n)
    {
        if (a.Length < n * n)
        {
            throw new ArgumentException($"the buffer is too small for an {n}x{n} matrix", nameof(a));
        }
        for (var i = 0; i < n; i++)
        {
            var rowI = a.Slice(i * n, n);
            for (var j = 0; j <= i; j++)
            {
                var sum = rowI[j] - TensorPrimitives.Dot(rowI[..j], a.Slice(j * n, j));
                if (i == j)
                {
                    if (!(sum > 0) || double.IsPositiveInfinity(sum))
                    {
                        rowI[i] = sum;
                        return i;
                    }
                    rowI[i] = Math.Sqrt(sum);
                }
                else
                {
                    rowI[j] = sum / a[j * n + j];
                }
            }
            rowI[(i + 1)..].Clear();
        }
        return -1;
    }

    /// <summary>log det A = 2 Σᵢ log Lᵢᵢ.</summary>
    public double LogDeterminant()
    {
        var sum = 0.0;
        for (var i = 0; i < Size; i++)
        {
            sum += Math.Log(Lower[i, i]);
        }
        return 2 * sum;
    }

    /// <summary>Solves A x = b.</summary>
    public double[] Solve(ReadOnlySpan<double> b)
    {
        RequireLength(b.Length);
        var x = b.ToArray();
        Triangular.SolveLower(Lower.Values, Size, x);
        Triangular.SolveLowerTransposed(Lower.Values, Size, x);
        return x;
    }

    /// <summary>Solves A X = B, column by column.</summary>
    public Matrix Solve(Matrix b)
    {
        ArgumentNullException.ThrowIfNull(b);
        RequireLength(b.Rows);
        var result = new Matrix(b.Rows, b.Columns);
        var column = new double[Size];
        for (var j = 0; j < b.Columns; j++)
        {
            for (var i = 0; i < Size; i++)
            {
                column[i] = b[i, j];
            }
            Triangular.SolveLower(Lower.Values, Size, column);
            Triangular.SolveLowerTransposed(Lower.Values, Size, column);
            for (var i = 0; i < Size; i++)
            {
                result[i, j] = column[i];
            }
        }
        return result;
    }

    /// <summary>L⁻¹ b (whitening): for b = x − μ its squared norm is the Mahalanobis distance.</summary>
    public double[] SolveLower(ReadOnlySpan<double> b)
    {
        RequireLength(b.Length);
        var y = b.ToArray();
        Triangular.SolveLower(Lower.Values, Size, y);
        return y;
    }

    /// <summary>(x − μ)ᵀ A⁻¹ (x − μ) = ‖L⁻¹(x − μ)‖².</summary>
    public double MahalanobisSquared(ReadOnlySpan<double> x, ReadOnlySpan<double> mean)
    {
        RequireLength(x.Length);
        RequireLength(mean.Length);
        var y = new double[Size];
        for (var i = 0; i < Size; i++)
        {
            y[i] = x[i] - mean[i];
        }
        Triangular.SolveLower(Lower.Values, Size, y);
        return Matrix.Dot(y, y);
    }

    /// <summary>A⁻¹ = L⁻ᵀ L⁻¹ = Σₖ wₖ wₖᵀ over the rows wₖ of W = L⁻¹, exactly symmetric.</summary>
    public Matrix Inverse()
    {
        var n = Size;
        var w = Triangular.InverseLower(Lower).Values;
        var inverse = new Matrix(n, n);
        var values = inverse.Values;
        // Lower triangle by rank-one updates with the rows of W (row k is zero beyond column k).
        for (var k = 0; k < n; k++)
        {
            var row = w.Slice(k * n, k + 1);
            for (var i = 0; i <= k; i++)
            {
                var target = values.Slice(i * n, i + 1);
                TensorPrimitives.MultiplyAdd(row[..(i + 1)], row[i], target, target);
            }
        }
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                values[j * n + i] = values[i * n + j];
            }
        }
        return inverse;
    }

    /// <summary>L Lᵀ, the factored matrix (up to rounding).</summary>
    public Matrix Reconstruct() => Lower.MultiplyTranspose(Lower);

    private static Matrix Copy(Matrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (!matrix.IsSquare)
        {
            throw new ArgumentException($"a Cholesky factorisation needs a square matrix, not {matrix.Rows}x{matrix.Columns}", nameof(matrix));
        }
        return matrix.Clone();
    }

    private void RequireLength(int length)
    {
        if (length != Size)
        {
            throw new ArgumentException($"expected {Size} values, got {length}");
        }
    }
}
