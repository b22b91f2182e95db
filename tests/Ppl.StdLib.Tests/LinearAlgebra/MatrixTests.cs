using Ppl.StdLib.LinearAlgebra;

namespace Ppl.StdLib.Tests.LinearAlgebra;

public sealed class MatrixTests
{
    [Fact]
    public void Products_transposes_and_elementwise_operations_match_hand_computation()
    {
        var a = Matrix.FromRows([1, 2, 3], [4, 5, 6]);
        var b = Matrix.FromRows([7, 8], [9, 10], [11, 12]);
        var expected = Matrix.FromRows([58, 64], [139, 154]);
        Assert.Equal(0, (a * b).MaxAbsDifference(expected));
        Assert.Equal(0, a.Transpose().TransposeMultiply(b).MaxAbsDifference(expected));
        Assert.Equal(0, a.MultiplyTranspose(b.Transpose()).MaxAbsDifference(expected));
        Assert.Equal([14.0, 32.0], a.Multiply([1.0, 2.0, 3.0]));
        Assert.Equal(0, (a + a).MaxAbsDifference(a.Multiply(2)));
        Assert.Equal(0, (a - a).MaxAbsDifference(new Matrix(2, 3)));
        Assert.Equal(1 + 5.0, a.Trace());
        Assert.Equal(6.0, a[1, 2]);
        Assert.Equal([4.0, 5.0, 6.0], a.Row(1).ToArray());
        Assert.Equal(a.ToArray(), Matrix.FromArray(a.ToArray()).ToArray());
        Assert.Equal(0, Matrix.Outer([1.0, 2.0], [3.0, 4.0]).MaxAbsDifference(Matrix.FromRows([3, 4], [6, 8])));
        Assert.Equal("1 2 3\n4 5 6\n", a.ToString());
    }

    [Fact]
    public void Shape_errors_are_reported()
    {
        var a = new Matrix(2, 3);
        Assert.Throws<ArgumentException>(() => a * a);
        Assert.Throws<ArgumentException>(() => a.Multiply([1.0, 2.0]));
        Assert.Throws<ArgumentException>(() => a + new Matrix(3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => a[2, 0]);
        Assert.Throws<ArgumentException>(() => new Matrix(2, 2, new double[3]));
        Assert.Throws<ArgumentException>(() => Matrix.FromRows([1, 2], [3]));
    }

    [Fact]
    public void Symmetry_check_uses_a_relative_tolerance()
    {
        var almost = Matrix.FromRows([1, 2], [2 + 1e-12, 1]);
        Assert.False(almost.IsSymmetric());
        Assert.True(almost.IsSymmetric(1e-10));
        Assert.False(new Matrix(2, 3).IsSymmetric());
    }
}
