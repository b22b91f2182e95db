namespace Ppl.StdLib.LinearAlgebra;

/// <summary>
/// Triangular solves on row-major n × n buffers, in place on the right-hand side: the building
/// blocks of Cholesky solves, log-densities (‖L⁻¹(x − μ)‖²) and whitening.
/// </summary>
public static class Triangular
{
    /// <summary>Solves L y = b by forward substitution, overwriting b with y. Only the lower
    /// triangle of <paramref name="lower"/> is read.</summary>
    public static void SolveLower(ReadOnlySpan<double> lower, int n, Span<double> b)
    {
        Check(lower, n, b);
        for (var i = 0; i < n; i++)
        {
            var row = lower.Slice(i * n, i);
            var sum = b[i];
            for (var k = 0; k < i; k++)
            {
                sum -= row[k] * b[k];
            }
            b[i] = sum / lower[i * n + i];
        }
    }

    /// <summary>Solves Lᵀ x = b by back substitution, overwriting b with x. Only the lower
    /// triangle of <paramref name="lower"/> is read.</summary>
    public static void SolveLowerTransposed(ReadOnlySpan<double> lower, int n, Span<double> b)
    {
        Check(lower, n, b);
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = b[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= lower[k * n + i] * b[k];
            }
            b[i] = sum / lower[i * n + i];
        }
    }

    /// <summary>Solves U x = b by back substitution, overwriting b with x. Only the upper
    /// triangle of <paramref name="upper"/> is read.</summary>
    public static void SolveUpper(ReadOnlySpan<double> upper, int n, Span<double> b)
    {
        Check(upper, n, b);
        for (var i = n - 1; i >= 0; i--)
        {
            var row = upper.Slice(i * n, n);
            var sum = b[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= row[k] * b[k];
            }
            b[i] = sum / row[i];
        }
    }

    /// <summary>The inverse of a lower-triangular matrix (lower-triangular too), column by column.</summary>
    public static Matrix InverseLower(Matrix lower)
    {
        ArgumentNullException.ThrowIfNull(lower);
        if (!lower.IsSquare)
        {
            throw new ArgumentException("a triangular inverse needs a square matrix", nameof(lower));
        }
        var n = lower.Rows;
        var inverse = new Matrix(n, n);
        var column = new double[n];
        for (var j = 0; j < n; j++)
        {
            Array.Clear(column);
            column[j] = 1;
            SolveLower(lower.Values, n, column);
            for (var i = j; i < n; i++)
            {
                inverse[i, j] = column[i];
            }
        }
        return inverse;
    }

    private static void Check(ReadOnlySpan<double> matrix, int n, ReadOnlySpan<double> b)
    {
        if (matrix.Length < n * n || b.Length < n)
        {
            throw new ArgumentException($"buffers too small for an {n}x{n} triangular solve");
        }
    }
}
