using System.Numerics;
using System.Numerics.Tensors;

namespace Ppl.StdLib.LinearAlgebra;

/// <summary>
/// The eigen-decomposition A = V Λ Vᵀ of a real symmetric matrix: eigenvalues in ascending order and
/// orthonormal eigenvectors as the columns of V (PPCA's closed form, PCA, spectral checks).
/// </summary>
/// <remarks>
/// Householder reduction to tridiagonal form followed by the implicit QL algorithm with Wilkinson
/// shifts — EISPACK's tred2 and tql2 (Wilkinson &amp; Reinsch 1971, contributions II/2 and II/3;
/// Golub &amp; Van Loan 2013, §8.3). O(n³), backward stable; eigenvectors of a repeated eigenvalue
/// are an arbitrary orthonormal basis of its eigenspace.
/// </remarks>
public sealed class SymmetricEigenDecomposition
{
    private readonly double[] _values;

    private SymmetricEigenDecomposition(double[] values, Matrix vectors)
    {
        _values = values;
        Vectors = vectors;
    }

    /// <summary>The eigenvalues, ascending.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The eigenvectors, one per column, in the order of <see cref="Values"/>.</summary>
    public Matrix Vectors { get; }

    /// <summary>Decomposes a symmetric matrix; only symmetry to within 1e-10 relative is accepted.</summary>
    public static SymmetricEigenDecomposition Decompose(Matrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (!matrix.IsSymmetric(1e-10))
        {
            throw new ArgumentException($"the {matrix.Rows}x{matrix.Columns} matrix is not symmetric", nameof(matrix));
        }
        var n = matrix.Rows;
        var v = new double[n][];
        for (var i = 0; i < n; i++)
        {
            v[i] = matrix.Row(i).ToArray();
        }
        var d = new double[n];
        var e = new double[n];
        if (n > 0)
        {
            // Both stages work on Vᵀ (rows of the jagged array are columns of V), so that their
            // inner loops run along contiguous memory; A is symmetric, so Aᵀ = A to start.
            Tridiagonalize(v, d, e);
            DiagonalizeTridiagonal(v, d, e);
        }
        // Sort ascending; v holds eigenvectors as rows here.
        var order = Enumerable.Range(0, n).OrderBy(i => d[i]).ToArray();
        var values = new double[n];
        var vectors = new Matrix(n, n);
        for (var j = 0; j < n; j++)
        {
            values[j] = d[order[j]];
            for (var k = 0; k < n; k++)
            {
                vectors[k, j] = v[order[j]][k];
            }
        }
        return new SymmetricEigenDecomposition(values, vectors);
    }

    /// <summary>V Λ Vᵀ, the decomposed matrix (up to rounding).</summary>
    public Matrix Reconstruct()
    {
        var scaled = Vectors.Clone();
        for (var i = 0; i < scaled.Rows; i++)
        {
            for (var j = 0; j < scaled.Columns; j++)
            {
                scaled[i, j] *= _values[j];
            }
        }
        return scaled.MultiplyTranspose(Vectors);
    }

    /// <summary>
    /// Householder tridiagonalisation (tred2) on the transpose: on return d holds the diagonal,
    /// e[1..] the sub-diagonal, and v the transpose of the accumulated orthogonal transformation
    /// (v[j][k] is element (k, j) of the textbook V).
    /// </summary>
    private static void Tridiagonalize(double[][] v, double[] d, double[] e)
    {
        var n = d.Length;
        for (var j = 0; j < n; j++)
        {
            d[j] = v[j][n - 1];
        }
        for (var i = n - 1; i > 0; i--)
        {
            var scale = 0.0;
            var h = 0.0;
            for (var k = 0; k < i; k++)
            {
                scale += Math.Abs(d[k]);
            }
            if (scale == 0)
            {
                e[i] = d[i - 1];
                for (var j = 0; j < i; j++)
                {
                    d[j] = v[j][i - 1];
                    v[j][i] = 0;
                    v[i][j] = 0;
                }
            }
            else
            {
                // Householder vector from the scaled row.
                for (var k = 0; k < i; k++)
                {
                    d[k] /= scale;
                    h += d[k] * d[k];
                }
                var f = d[i - 1];
                var g = Math.Sqrt(h);
                if (f > 0)
                {
                    g = -g;
                }
                e[i] = scale * g;
                h -= f * g;
                d[i - 1] = f - g;
                Array.Clear(e, 0, i);
                // Apply the similarity transformation to the remaining columns.
                for (var j = 0; j < i; j++)
                {
                    f = d[j];
                    v[i][j] = f;
                    var tail = v[j].AsSpan(j + 1, i - j - 1);
                    g = e[j] + v[j][j] * f + TensorPrimitives.Dot(tail, d.AsSpan(j + 1, i - j - 1));
                    var eTail = e.AsSpan(j + 1, i - j - 1);
                    TensorPrimitives.MultiplyAdd(tail, f, eTail, eTail);
                    e[j] = g;
                }
                f = 0;
                for (var j = 0; j < i; j++)
                {
                    e[j] /= h;
                    f += e[j] * d[j];
                }
                var hh = f / (h + h);
                for (var j = 0; j < i; j++)
                {
                    e[j] -= hh * d[j];
                }
                for (var j = 0; j < i; j++)
                {
                    f = d[j];
                    g = e[j];
                    var row = v[j].AsSpan(j, i - j);
                    TensorPrimitives.MultiplyAdd(e.AsSpan(j, i - j), -f, row, row);
                    TensorPrimitives.MultiplyAdd(d.AsSpan(j, i - j), -g, row, row);
                    d[j] = v[j][i - 1];
                    v[j][i] = 0;
                }
            }
            d[i] = h;
        }
        // Accumulate the transformations.
        for (var i = 0; i < n - 1; i++)
        {
            v[i][n - 1] = v[i][i];
            v[i][i] = 1;
            var h = d[i + 1];
            if (h != 0)
            {
                for (var k = 0; k <= i; k++)
                {
                    d[k] = v[i + 1][k] / h;
                }
                var householder = v[i + 1].AsSpan(0, i + 1);
                var scaled = d.AsSpan(0, i + 1);
                for (var j = 0; j <= i; j++)
                {
                    var row = v[j].AsSpan(0, i + 1);
                    TensorPrimitives.MultiplyAdd(scaled, -TensorPrimitives.Dot(householder, row), row, row);
                }
            }
            for (var k = 0; k <= i; k++)
            {
                v[i + 1][k] = 0;
            }
        }
        for (var j = 0; j < n; j++)
        {
            d[j] = v[j][n - 1];
            v[j][n - 1] = 0;
        }
        v[n - 1][n - 1] = 1;
        e[0] = 0;
    }

    /// <summary>(row, next) ← (c·row − s·next, s·row + c·next), a Givens rotation of two rows.</summary>
    private static void Rotate(double[] row, double[] next, double c, double s)
    {
        var k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vc = new Vector<double>(c);
            var vs = new Vector<double>(s);
            for (; k <= row.Length - Vector<double>.Count; k += Vector<double>.Count)
            {
                var a = new Vector<double>(row, k);
                var b = new Vector<double>(next, k);
                (vs * a + vc * b).CopyTo(next, k);
                (vc * a - vs * b).CopyTo(row, k);
            }
        }
        for (; k < row.Length; k++)
        {
            var a = row[k];
            var b = next[k];
            next[k] = s * a + c * b;
            row[k] = c * a - s * b;
        }
    }

    /// <summary>
    /// The implicit QL algorithm (tql2) on the tridiagonal (d, e); vt holds the eigenvectors as rows
    /// and receives the rotations. On return d holds the eigenvalues (unsorted).
    /// </summary>
    private static void DiagonalizeTridiagonal(double[][] vt, double[] d, double[] e)
    {
        var n = d.Length;
        for (var i = 1; i < n; i++)
        {
            e[i - 1] = e[i];
        }
        e[n - 1] = 0;
        var shift = 0.0;
        var norm = 0.0;
        const double Epsilon = 2.220446049250313e-16;
        for (var l = 0; l < n; l++)
        {
            // Find a negligible sub-diagonal element.
            norm = Math.Max(norm, Math.Abs(d[l]) + Math.Abs(e[l]));
            var m = l;
            while (m < n - 1 && Math.Abs(e[m]) > Epsilon * norm)
            {
                m++;
            }
            if (m > l)
            {
                var iterations = 0;
                do
                {
                    if (++iterations > 60)
                    {
                        throw new InvalidOperationException("the symmetric eigenvalue iteration did not converge");
                    }
                    // Wilkinson shift from the leading 2×2 block.
                    var g = d[l];
                    var p = (d[l + 1] - g) / (2 * e[l]);
                    var r = double.Hypot(p, 1);
                    if (p < 0)
                    {
                        r = -r;
                    }
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    var dl1 = d[l + 1];
                    var h = g - d[l];
                    for (var i = l + 2; i < n; i++)
                    {
                        d[i] -= h;
                    }
                    shift += h;

                    // Implicit QL transformation.
                    p = d[m];
                    var c = 1.0;
                    var c2 = c;
                    var c3 = c;
                    var el1 = e[l + 1];
                    var s = 0.0;
                    var s2 = 0.0;
                    for (var i = m - 1; i >= l; i--)
                    {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = double.Hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        Rotate(vt[i], vt[i + 1], c, s);
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                }
                while (Math.Abs(e[l]) > Epsilon * norm);
            }
            d[l] += shift;
            e[l] = 0;
        }
    }
}
