using System.Globalization;
using System.Text;
using Ppl.Tensors.Kernels;

namespace Ppl.StdLib.LinearAlgebra;

/// <summary>
/// A dense row-major matrix of doubles: the small-matrix algebra of message passing and EM
/// (covariances, precisions, Cholesky factors, PPCA's loadings). Products go through
/// <see cref="Gemm"/>.
/// </summary>
public sealed class Matrix
{
    private readonly double[] _values;

    /// <summary>A zero matrix.</summary>
    public Matrix(int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        Rows = rows;
        Columns = columns;
        _values = new double[rows * columns];
    }

    /// <summary>Wraps a row-major buffer of <paramref name="rows"/> × <paramref name="columns"/>
    /// values without copying it.</summary>
    public Matrix(int rows, int columns, double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if (values.Length != rows * columns)
        {
            throw new ArgumentException($"{values.Length} values do not fill a {rows}x{columns} matrix", nameof(values));
        }
        Rows = rows;
        Columns = columns;
        _values = values;
    }

    /// <summary>The number of rows.</summary>
    public int Rows { get; }

    /// <summary>The number of columns.</summary>
    public int Columns { get; }

    /// <summary>Whether the matrix is square.</summary>
    public bool IsSquare => Rows == Columns;

    /// <summary>The values, row by row.</summary>
    public Span<double> Values => _values;

    /// <summary>The element at (<paramref name="row"/>, <paramref name="column"/>).</summary>
    public double this[int row, int column]
    {
        get => _values[Index(row, column)];
        set => _values[Index(row, column)] = value;
    }

    /// <summary>One row, as a view.</summary>
    public Span<double> Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
        return _values.AsSpan(row * Columns, Columns);
    }

    /// <summary>The n × n identity.</summary>
    public static Matrix Identity(int n)
    {
        var identity = new Matrix(n, n);
        for (var i = 0; i < n; i++)
        {
            identity._values[i * n + i] = 1;
        }
        return identity;
    }

    /// <summary>A diagonal matrix.</summary>
    public static Matrix Diagonal(ReadOnlySpan<double> diagonal)
    {
        var n = diagonal.Length;
        var result = new Matrix(n, n);
        for (var i = 0; i < n; i++)
        {
            result._values[i * n + i] = diagonal[i];
        }
        return result;
    }

    /// <summary>A matrix from its rows, which must all have the same length.</summary>
    public static Matrix FromRows(params double[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var columns = rows.Length == 0 ? 0 : rows[0].Length;
        var result = new Matrix(rows.Length, columns);
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i].Length != columns)
            {
                throw new ArgumentException($"row {i} has {rows[i].Length} values, row 0 has {columns}", nameof(rows));
            }
            rows[i].CopyTo(result._values, i * columns);
        }
        return result;
    }

    /// <summary>A matrix from a two-dimensional array.</summary>
    public static Matrix FromArray(double[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new Matrix(values.GetLength(0), values.GetLength(1));
        for (var i = 0; i < result.Rows; i++)
        {
            for (var j = 0; j < result.Columns; j++)
            {
                result._values[i * result.Columns + j] = values[i, j];
            }
        }
        return result;
    }

    /// <summary>The outer product x yᵀ.</summary>
    public static Matrix Outer(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var result = new Matrix(x.Length, y.Length);
        for (var i = 0; i < x.Length; i++)
        {
            for (var j = 0; j < y.Length; j++)
            {
                result._values[i * y.Length + j] = x[i] * y[j];
            }
        }
        return result;
    }

    /// <summary>A copy.</summary>
    public Matrix Clone() => new(Rows, Columns, (double[])_values.Clone());

    /// <summary>The values as a two-dimensional array.</summary>
    public double[,] ToArray()
    {
        var result = new double[Rows, Columns];
        for (var i = 0; i < Rows; i++)
        {
            for (var j = 0; j < Columns; j++)
            {
                result[i, j] = _values[i * Columns + j];
            }
        }
        return result;
    }

    /// <summary>The transpose.</summary>
    public Matrix Transpose()
    {
        var result = new Matrix(Columns, Rows);
        for (var i = 0; i < Rows; i++)
        {
            for (var j = 0; j < Columns; j++)
            {
                result._values[j * Rows + i] = _values[i * Columns + j];
            }
        }
        return result;
    }

    /// <summary>The product this · <paramref name="other"/>.</summary>
    public Matrix Multiply(Matrix other) => Product(this, other, transposeLeft: false, transposeRight: false);

    /// <summary>The product thisᵀ · <paramref name="other"/>, without forming the transpose.</summary>
    public Matrix TransposeMultiply(Matrix other) => Product(this, other, transposeLeft: true, transposeRight: false);

    /// <summary>The product this · <paramref name="other"/>ᵀ, without forming the transpose.</summary>
    public Matrix MultiplyTranspose(Matrix other) => Product(this, other, transposeLeft: false, transposeRight: true);

    /// <summary>The matrix-vector product this · x.</summary>
    public double[] Multiply(ReadOnlySpan<double> x)
    {
        if (x.Length != Columns)
        {
            throw new ArgumentException($"a {Rows}x{Columns} matrix cannot multiply a vector of {x.Length}", nameof(x));
        }
        var result = new double[Rows];
        for (var i = 0; i < Rows; i++)
        {
            result[i] = Dot(_values.AsSpan(i * Columns, Columns), x);
        }
        return result;
    }

    /// <summary>The sum this + <paramref name="other"/>.</summary>
    public Matrix Add(Matrix other) => Combine(other, 1);

    /// <summary>The difference this − <paramref name="other"/>.</summary>
    public Matrix Subtract(Matrix other) => Combine(other, -1);

    /// <summary>This matrix times a number.</summary>
    public Matrix Multiply(double factor)
    {
        var result = Clone();
        foreach (ref var value in result._values.AsSpan())
        {
            value *= factor;
        }
        return result;
    }

    /// <summary>The sum of the diagonal.</summary>
    public double Trace()
    {
        var n = Math.Min(Rows, Columns);
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += _values[i * Columns + i];
        }
        return sum;
    }

    /// <summary>Whether the matrix is square and equal to its transpose within
    /// <paramref name="tolerance"/> (relative to the largest magnitude of each pair).</summary>
    public bool IsSymmetric(double tolerance = 0)
    {
        if (!IsSquare)
        {
            return false;
        }
        for (var i = 0; i < Rows; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var a = _values[i * Columns + j];
                var b = _values[j * Columns + i];
                if (!(Math.Abs(a - b) <= tolerance * Math.Max(Math.Abs(a), Math.Abs(b))))
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>The largest absolute difference to a matrix of the same shape.</summary>
    public double MaxAbsDifference(Matrix other)
    {
        ArgumentNullException.ThrowIfNull(other);
        RequireSameShape(other);
        var max = 0.0;
        for (var i = 0; i < _values.Length; i++)
        {
            max = Math.Max(max, Math.Abs(_values[i] - other._values[i]));
        }
        return max;
    }

    /// <summary>The product a · b.</summary>
    public static Matrix operator *(Matrix a, Matrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Multiply(b);
    }

    /// <summary>The sum a + b.</summary>
    public static Matrix operator +(Matrix a, Matrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Add(b);
    }

    /// <summary>The difference a − b.</summary>
    public static Matrix operator -(Matrix a, Matrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Subtract(b);
    }

    /// <summary>Rows on lines, values separated by spaces, round-trippable.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Rows; i++)
        {
            for (var j = 0; j < Columns; j++)
            {
                text.Append(j == 0 ? "" : " ").Append(_values[i * Columns + j].ToString("R", CultureInfo.InvariantCulture));
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Σᵢ xᵢ yᵢ.</summary>
    internal static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }
        return sum;
    }

    private static Matrix Product(Matrix left, Matrix right, bool transposeLeft, bool transposeRight)
    {
        ArgumentNullException.ThrowIfNull(right);
        var m = transposeLeft ? left.Columns : left.Rows;
        var k = transposeLeft ? left.Rows : left.Columns;
        var kRight = transposeRight ? right.Columns : right.Rows;
        var n = transposeRight ? right.Rows : right.Columns;
        if (k != kRight)
        {
            throw new ArgumentException($"cannot multiply a {m}x{k} matrix by a {kRight}x{n} matrix", nameof(right));
        }
        var result = new Matrix(m, n);
        Gemm.Multiply(left._values, right._values, result._values, m, n, k, transposeLeft, transposeRight);
        return result;
    }

    private Matrix Combine(Matrix other, double sign)
    {
        ArgumentNullException.ThrowIfNull(other);
        RequireSameShape(other);
        var result = new Matrix(Rows, Columns);
        for (var i = 0; i < _values.Length; i++)
        {
            result._values[i] = _values[i] + sign * other._values[i];
        }
        return result;
    }

    private void RequireSameShape(Matrix other)
    {
        if (other.Rows != Rows || other.Columns != Columns)
        {
            throw new ArgumentException($"shapes differ: {Rows}x{Columns} and {other.Rows}x{other.Columns}", nameof(other));
        }
    }

    private int Index(int row, int column)
    {
        if ((uint)row >= (uint)Rows || (uint)column >= (uint)Columns)
        {
            throw new ArgumentOutOfRangeException(nameof(row), $"({row}, {column}) is outside a {Rows}x{Columns} matrix");
        }
        return row * Columns + column;
    }
}
