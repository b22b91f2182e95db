using Ppl.StdLib.LinearAlgebra;

namespace Ppl.StdLib.Distributions;

/// <summary>
/// The dense operations on row-major D×D symmetric positive-definite matrices that MvNormal and Wishart
/// need, on plain spans: the Cholesky factorisation and triangular solves of <c>Ppl.StdLib.LinearAlgebra</c>,
/// wrapped so that a failure becomes a <see cref="DistributionParameterException"/> naming the distribution
/// and the parameter; plus log-determinant, inverse and the small products the formulas use.
/// </summary>
internal static class SymmetricMatrix
{
    /// <summary>The dimension D of a row-major D×D matrix stored in <paramref name="length"/> entries, or −1.</summary>
    public static int Dimension(int length)
    {
        var d = (int)Math.Round(Math.Sqrt(length));
        return d * d == length ? d : -1;
    }

    /// <summary>
    /// Checks that <paramref name="matrix"/> is square, finite, symmetric (to 1e-10 relative) and positive
    /// definite, and returns its lower Cholesky factor L (A = L Lᵀ); throws a
    /// <see cref="DistributionParameterException"/> naming the distribution and parameter otherwise.
    /// </summary>
    public static double[] CheckedCholesky(string distribution, string parameter, ReadOnlySpan<double> matrix)
    {
        var d = Dimension(matrix.Length);
        if (d <= 0)
        {
            throw new DistributionParameterException(distribution, parameter, "must be a non-empty square matrix",
                $"{matrix.Length} entries");
        }
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var a = matrix[i * d + j];
                var b = matrix[j * d + i];
                if (!double.IsFinite(a) || Math.Abs(a - b) > 1e-10 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b))))
                {
                    throw new DistributionParameterException(distribution, parameter, "must be symmetric",
                        $"[{i}, {j}] = {DistributionParameterException.Format(a)} but [{j}, {i}] = {DistributionParameterException.Format(b)}");
                }
            }
        }
        var factor = TryCholesky(matrix, d, out var failedRow);
        return factor ?? throw new DistributionParameterException(distribution, parameter, "must be positive definite",
            $"a matrix whose leading {failedRow + 1}×{failedRow + 1} minor is not");
    }

    /// <summary>Lower Cholesky factor (by <see cref="CholeskyDecomposition.FactorInPlace"/>), or null (with the
    /// failing row) when the matrix is not positive definite.</summary>
    public static double[]? TryCholesky(ReadOnlySpan<double> matrix, int d, out int failedRow)
    {
        var l = matrix[..(d * d)].ToArray();
        failedRow = CholeskyDecomposition.FactorInPlace(l, d);
        return failedRow < 0 && Array.TrueForAll(l, double.IsFinite) ? l : null;
    }

    /// <summary>log |A| = 2 Σᵢ log Lᵢᵢ from the Cholesky factor.</summary>
    public static double LogDeterminant(ReadOnlySpan<double> cholesky, int d)
    {
        var sum = 0.0;
        for (var i = 0; i < d; i++)
        {
            sum += Math.Log(cholesky[i * d + i]);
        }
        return 2 * sum;
    }

    /// <summary>Solves L y = b in place (forward substitution).</summary>
    public static void SolveLower(ReadOnlySpan<double> l, int d, Span<double> b) => Triangular.SolveLower(l, d, b);

    /// <summary>Solves Lᵀ x = y in place (back substitution).</summary>
    public static void SolveUpper(ReadOnlySpan<double> l, int d, Span<double> y) => Triangular.SolveLowerTransposed(l, d, y);

    /// <summary>A⁻¹ from the Cholesky factor of A, column by column: A x = eⱼ.</summary>
    public static double[] InverseFromCholesky(ReadOnlySpan<double> l, int d)
    {
        var inverse = new double[d * d];
        var column = new double[d];
        for (var j = 0; j < d; j++)
        {
            Array.Clear(column);
            column[j] = 1;
            SolveLower(l, d, column);
            SolveUpper(l, d, column);
            for (var i = 0; i < d; i++)
            {
                inverse[i * d + j] = column[i];
            }
        }
        // Symmetrise away rounding.
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var mean = 0.5 * (inverse[i * d + j] + inverse[j * d + i]);
                inverse[i * d + j] = inverse[j * d + i] = mean;
            }
        }
        return inverse;
    }

    /// <summary>y = L x for lower-triangular L.</summary>
    public static void MultiplyLower(ReadOnlySpan<double> l, int d, ReadOnlySpan<double> x, Span<double> y)
    {
        for (var i = d - 1; i >= 0; i--)
        {
            var s = 0.0;
            for (var k = 0; k <= i; k++)
            {
                s += l[i * d + k] * x[k];
            }
            y[i] = s;
        }
    }

    /// <summary>C = A B for row-major D×D matrices.</summary>
    public static double[] Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int d)
    {
        var c = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            for (var k = 0; k < d; k++)
            {
                var aik = a[i * d + k];
                for (var j = 0; j < d; j++)
                {
                    c[i * d + j] += aik * b[k * d + j];
                }
            }
        }
        return c;
    }

    /// <summary>tr(A B) = Σᵢⱼ Aᵢⱼ Bⱼᵢ.</summary>
    public static double TraceOfProduct(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int d)
    {
        var sum = 0.0;
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                sum += a[i * d + j] * b[j * d + i];
            }
        }
        return sum;
    }

    /// <summary>xᵀ A x.</summary>
    public static double QuadraticForm(ReadOnlySpan<double> a, ReadOnlySpan<double> x, int d)
    {
        var sum = 0.0;
        for (var i = 0; i < d; i++)
        {
            var row = 0.0;
            for (var j = 0; j < d; j++)
            {
                row += a[i * d + j] * x[j];
            }
            sum += x[i] * row;
        }
        return sum;
    }

    /// <summary>y = A x.</summary>
    public static double[] MultiplyVector(ReadOnlySpan<double> a, ReadOnlySpan<double> x, int d)
    {
        var y = new double[d];
        for (var i = 0; i < d; i++)
        {
            var s = 0.0;
            for (var j = 0; j < d; j++)
            {
                s += a[i * d + j] * x[j];
            }
            y[i] = s;
        }
        return y;
    }
}
