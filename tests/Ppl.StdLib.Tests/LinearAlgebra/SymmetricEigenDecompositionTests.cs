using Ppl.StdLib.LinearAlgebra;
using Ppl.Tensors.Random;

namespace Ppl.StdLib.Tests.LinearAlgebra;

public sealed class SymmetricEigenDecompositionTests
{
    [Fact]
    public void Hand_worked_2x2_and_3x3()
    {
        // [[2, 1], [1, 2]]: eigenvalues 1 and 3, eigenvectors (1, −1)/√2 and (1, 1)/√2.
        var eigen = SymmetricEigenDecomposition.Decompose(Matrix.FromRows([2, 1], [1, 2]));
        Assert.Equal(1, eigen.Values[0], 1e-14);
        Assert.Equal(3, eigen.Values[1], 1e-14);
        Assert.Equal(1 / Math.Sqrt(2), Math.Abs(eigen.Vectors[0, 1]), 1e-14);
        Assert.Equal(eigen.Vectors[0, 1], eigen.Vectors[1, 1], 1e-14);
        Assert.Equal(eigen.Vectors[0, 0], -eigen.Vectors[1, 0], 1e-14);

        // [[2, −1, 0], [−1, 2, −1], [0, −1, 2]]: eigenvalues 2 − √2, 2, 2 + √2.
        eigen = SymmetricEigenDecomposition.Decompose(Matrix.FromRows([2, -1, 0], [-1, 2, -1], [0, -1, 2]));
        Assert.Equal(2 - Math.Sqrt(2), eigen.Values[0], 1e-14);
        Assert.Equal(2, eigen.Values[1], 1e-14);
        Assert.Equal(2 + Math.Sqrt(2), eigen.Values[2], 1e-14);
    }

    [Fact]
    public void Diagonal_and_trivial_matrices()
    {
        var eigen = SymmetricEigenDecomposition.Decompose(Matrix.Diagonal([3.0, -1.0, 2.0, 0.0]));
        Assert.Equal([-1.0, 0.0, 2.0, 3.0], eigen.Values.ToArray());
        Assert.True(eigen.Reconstruct().MaxAbsDifference(Matrix.Diagonal([3.0, -1.0, 2.0, 0.0])) <= 1e-15);

        var one = SymmetricEigenDecomposition.Decompose(Matrix.FromRows([5.0]));
        Assert.Equal(5.0, one.Values[0]);
        Assert.Equal(1.0, Math.Abs(one.Vectors[0, 0]));

        Assert.Equal(0, SymmetricEigenDecomposition.Decompose(new Matrix(0, 0)).Values.Length);
    }

    [Theory]
    [InlineData(2, 21ul)]
    [InlineData(5, 22ul)]
    [InlineData(17, 23ul)]
    [InlineData(64, 24ul)]
    public void Random_symmetric_matrices_are_reconstructed_with_orthonormal_vectors(int n, ulong seed)
    {
        var random = new RandomSource(seed);
        var b = RandomMatrices.Gaussian(random, n, n);
        var a = b.Add(b.Transpose()); // symmetric, indefinite
        var eigen = SymmetricEigenDecomposition.Decompose(a);
        var scale = Math.Max(Math.Abs(eigen.Values[0]), Math.Abs(eigen.Values[n - 1]));

        Assert.True(eigen.Reconstruct().MaxAbsDifference(a) <= 1e-14 * n * scale);
        Assert.True(eigen.Vectors.TransposeMultiply(eigen.Vectors).MaxAbsDifference(Matrix.Identity(n)) <= 1e-14 * n);
        for (var i = 1; i < n; i++)
        {
            Assert.True(eigen.Values[i - 1] <= eigen.Values[i]);
        }
        // A v = λ v for each pair.
        for (var j = 0; j < n; j++)
        {
            var v = Enumerable.Range(0, n).Select(i => eigen.Vectors[i, j]).ToArray();
            var av = a.Multiply(v);
            for (var i = 0; i < n; i++)
            {
                Assert.Equal(eigen.Values[j] * v[i], av[i], 1e-13 * n * scale);
            }
        }
        // The trace is the sum of the eigenvalues.
        var sum = 0.0;
        foreach (var value in eigen.Values)
        {
            sum += value;
        }
        Assert.Equal(a.Trace(), sum, 1e-13 * n * scale);
    }

    [Fact]
    public void Repeated_eigenvalues_get_an_orthonormal_basis()
    {
        // Q diag(1, 1, 1, 4) Qᵀ for a random orthogonal Q.
        var random = new RandomSource(25);
        var q = SymmetricEigenDecomposition.Decompose(RandomMatrices.SymmetricPositiveDefinite(random, 4)).Vectors;
        var a = q.Multiply(Matrix.Diagonal([1.0, 1.0, 1.0, 4.0])).MultiplyTranspose(q);
        var eigen = SymmetricEigenDecomposition.Decompose(a);
        Assert.Equal(1, eigen.Values[0], 1e-13);
        Assert.Equal(1, eigen.Values[2], 1e-13);
        Assert.Equal(4, eigen.Values[3], 1e-13);
        Assert.True(eigen.Vectors.TransposeMultiply(eigen.Vectors).MaxAbsDifference(Matrix.Identity(4)) <= 1e-14);
        Assert.True(eigen.Reconstruct().MaxAbsDifference(a) <= 1e-13);
    }

    [Fact]
    public void An_asymmetric_matrix_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => SymmetricEigenDecomposition.Decompose(Matrix.FromRows([1, 2], [0, 1])));
        Assert.Throws<ArgumentException>(() => SymmetricEigenDecomposition.Decompose(new Matrix(2, 3)));
    }
}
