using Ppl.StdLib.LinearAlgebra;

namespace Ppl.Inference.Vmp.Variables;

/// <summary>A symmetric positive-definite D×D matrix (row-major) by its Cholesky factor: solves, inverse, log-determinant.</summary>
internal sealed class SpdMatrix
{
    private readonly double[] _lower;

    private SpdMatrix(double[] lower, int dimension)
    {
        _lower = lower;
        Dimension = dimension;
    }

    /// <summary>The dimension D.</summary>
    public int Dimension { get; }

    /// <summary>Factors <paramref name="matrix"/>, or returns null when it is not positive definite.</summary>
    /// <param name="matrix">Row-major D×D values (not modified).</param>
    /// <param name="d">D.</param>
    /// <returns>The factored matrix or null.</returns>
    public static SpdMatrix? TryFactor(ReadOnlySpan<double> matrix, int d)
    {
        var lower = matrix[..(d * d)].ToArray();
        return CholeskyDecomposition.FactorInPlace(lower, d) < 0 ? new SpdMatrix(lower, d) : null;
    }

    /// <summary>log |A| = 2 Σ log Lᵢᵢ.</summary>
    public double LogDeterminant
    {
        get
        {
            var sum = 0.0;
            for (var i = 0; i < Dimension; i++)
            {
                sum += Math.Log(_lower[i * Dimension + i]);
            }

            return 2 * sum;
        }
    }

    /// <summary>Solves A x = b in place.</summary>
    /// <param name="b">Right-hand side, overwritten by x.</param>
    public void Solve(Span<double> b)
    {
        Triangular.SolveLower(_lower, Dimension, b);
        Triangular.SolveLowerTransposed(_lower, Dimension, b);
    }

    /// <summary>A⁻¹, row-major.</summary>
    /// <returns>The inverse.</returns>
    public double[] Inverse()
    {
        var d = Dimension;
        var result = new double[d * d];
        var column = new double[d];
        for (var j = 0; j < d; j++)
        {
            Array.Clear(column);
            column[j] = 1;
            Solve(column);
            for (var i = 0; i < d; i++)
            {
                result[i * d + j] = column[i];
            }
        }

        // Symmetrise against round-off.
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var v = 0.5 * (result[i * d + j] + result[j * d + i]);
                result[i * d + j] = v;
                result[j * d + i] = v;
            }
        }

        return result;
    }

    /// <summary>tr(A B) for row-major D×D A and symmetric B.</summary>
    /// <param name="a">A.</param>
    /// <param name="b">B.</param>
    /// <param name="d">D.</param>
    /// <returns>Σᵢⱼ Aᵢⱼ Bᵢⱼ.</returns>
    public static double TraceOfProduct(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int d) =>
        System.Numerics.Tensors.TensorPrimitives.Dot(a[..(d * d)], b[..(d * d)]);

    /// <summary>xᵀ A y.</summary>
    /// <param name="a">A, row-major D×D.</param>
    /// <param name="x">x.</param>
    /// <param name="y">y.</param>
    /// <returns>The bilinear form.</returns>
    public static double Bilinear(ReadOnlySpan<double> a, ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var d = x.Length;
        var sum = 0.0;
        for (var i = 0; i < d; i++)
        {
            sum += x[i] * System.Numerics.Tensors.TensorPrimitives.Dot(a.Slice(i * d, d), y);
        }

        return sum;
    }
}
