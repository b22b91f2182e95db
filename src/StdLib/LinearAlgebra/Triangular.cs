using System.Numerics.Tensors;

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

    /// <summary>The inverse W = L⁻¹ of a lower-triangular matrix (lower-triangular too), row by row:
    /// from L W = I, wᵢ = (eᵢ − Σₖ&lt;ᵢ Lᵢₖ wₖ) / Lᵢᵢ, where row wₖ is zero beyond column k.</summary>
    public static Matrix InverseLower(Matrix lower)
    {
        ArgumentNullException.ThrowIfNull(lower);
        if (!lower.IsSquare)
        {
            throw new ArgumentException("a triangular inverse needs a square matrix", nameof(lower));
        }
        var n = lower.Rows;
        var l = lower.Values;
        var inverse = new Matrix(n, n);
        var w = inverse.Values;
        for (var i = 0; i < n; i++)
        {
            var row = w.Slice(i * n, i + 1);
            row[i] = 1;
            for (var k = 0; k < i; k++)
            {
                var factor = l[i * n + k];
                if (factor != 0)
                {
                    var previous = w.Slice(k * n, k + 1);
                    TensorPrimitives.MultiplyAdd(previous, -factor, row[..(k + 1)], row[..(k + 1)]);
                }
            }
            TensorPrimitives.Divide(row, l[i * n + i], row);
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
