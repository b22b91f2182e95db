using Ppl.StdLib.LinearAlgebra;
using Ppl.Tensors.Random;

namespace Ppl.StdLib.Tests.LinearAlgebra;

public sealed class CholeskyDecompositionTests
{
    [Fact]
    public void Factors_a_hand_worked_matrix()
    {
        // [[4, 12, −16], [12, 37, −43], [−16, −43, 98]] = L Lᵀ with L = [[2, 0, 0], [6, 1, 0], [−8, 5, 3]].
        var a = Matrix.FromRows([4, 12, -16], [12, 37, -43], [-16, -43, 98]);
        var cholesky = CholeskyDecomposition.Decompose(a);
        var expected = Matrix.FromRows([2, 0, 0], [6, 1, 0], [-8, 5, 3]);
        Assert.Equal(0, cholesky.Lower.MaxAbsDifference(expected), 1e-14);
        // det = (2 · 1 · 3)² = 36.
        Assert.Equal(Math.Log(36), cholesky.LogDeterminant(), 1e-14);
        // A x = b with x = (1, −2, 0.5): b = A x.
        var x = cholesky.Solve([4 - 24 - 8, 12 - 74 - 21.5, -16 + 86 + 49]);
        Assert.Equal(1, x[0], 1e-12);
        Assert.Equal(-2, x[1], 1e-12);
        Assert.Equal(0.5, x[2], 1e-12);
    }

    [Theory]
    [InlineData(1, 1ul)]
    [InlineData(2, 2ul)]
    [InlineData(5, 3ul)]
    [InlineData(20, 4ul)]
    [InlineData(60, 5ul)]
    public void Random_SPD_matrices_reconstruct_invert_and_solve(int n, ulong seed)
    {
        var random = new RandomSource(seed);
        var a = RandomMatrices.SymmetricPositiveDefinite(random, n);
        var scale = a.Values.ToArray().Max(Math.Abs);
        var cholesky = CholeskyDecomposition.Decompose(a);

        // L is lower-triangular with a positive diagonal, and L Lᵀ = A (backward stable: ~n ε ‖A‖).
        for (var i = 0; i < n; i++)
        {
            Assert.True(cholesky.Lower[i, i] > 0);
            for (var j = i + 1; j < n; j++)
            {
                Assert.Equal(0.0, cholesky.Lower[i, j]);
            }
        }
        Assert.True(cholesky.Reconstruct().MaxAbsDifference(a) <= 1e-14 * n * scale);

        // A A⁻¹ = I, to within the condition number times ε.
        var inverse = cholesky.Inverse();
        Assert.True(inverse.IsSymmetric());
        Assert.True(a.Multiply(inverse).MaxAbsDifference(Matrix.Identity(n)) <= 1e-11 * n);

        // A x = b for a random b.
        var b = Enumerable.Range(0, n).Select(_ => random.NextNormal()).ToArray();
        var x = cholesky.Solve(b);
        var ax = a.Multiply(x);
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(b[i], ax[i], 1e-11 * n * scale);
        }

        // Matrix right-hand side agrees with the vector solve.
        var bMatrix = new Matrix(n, 1, b);
        var xMatrix = cholesky.Solve(bMatrix);
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(x[i], xMatrix[i, 0], 1e-14 * Math.Max(1, Math.Abs(x[i])));
        }
    }

    [Fact]
    public void Log_determinant_matches_the_product_of_eigenvalues()
    {
        var random = new RandomSource(11);
        var a = RandomMatrices.SymmetricPositiveDefinite(random, 12);
        var eigen = SymmetricEigenDecomposition.Decompose(a);
        var sum = 0.0;
        foreach (var value in eigen.Values)
        {
            sum += Math.Log(value);
        }
        Assert.Equal(sum, CholeskyDecomposition.Decompose(a).LogDeterminant(), 1e-11);
    }

    [Fact]
    public void Mahalanobis_distance_is_the_quadratic_form_with_the_inverse()
    {
        var random = new RandomSource(12);
        var a = RandomMatrices.SymmetricPositiveDefinite(random, 6);
        var cholesky = CholeskyDecomposition.Decompose(a);
        double[] x = [0.3, -1.2, 2.0, 0.0, 0.7, -0.4];
        double[] mean = [0.1, 0.1, -0.5, 1.0, 0.0, 0.2];
        var diff = x.Zip(mean, (u, v) => u - v).ToArray();
        var expected = diff.Zip(cholesky.Inverse().Multiply(diff), (u, v) => u * v).Sum();
        Assert.Equal(expected, cholesky.MahalanobisSquared(x, mean), 1e-12 * expected);
        var whitened = cholesky.SolveLower(diff);
        Assert.Equal(expected, whitened.Sum(w => w * w), 1e-12 * expected);
    }

    [Fact]
    public void A_matrix_that_is_not_positive_definite_fails_clearly()
    {
        // Eigenvalues 3 and −1.
        var indefinite = Matrix.FromRows([1, 2], [2, 1]);
        var error = Assert.Throws<NotPositiveDefiniteException>(() => CholeskyDecomposition.Decompose(indefinite));
        Assert.Equal(1, error.Pivot);
        Assert.Contains("not positive definite", error.Message, StringComparison.Ordinal);
        Assert.Contains("pivot 1", error.Message, StringComparison.Ordinal);
        Assert.Null(CholeskyDecomposition.TryDecompose(indefinite));

        var negative = Matrix.FromRows([-1.0]);
        Assert.Equal(0, Assert.Throws<NotPositiveDefiniteException>(() => CholeskyDecomposition.Decompose(negative)).Pivot);

        var singular = Matrix.FromRows([1, 1], [1, 1]);
        Assert.Null(CholeskyDecomposition.TryDecompose(singular));

        var withNaN = Matrix.FromRows([1, double.NaN], [double.NaN, 1]);
        Assert.Null(CholeskyDecomposition.TryDecompose(withNaN));

        Assert.Throws<ArgumentException>(() => CholeskyDecomposition.Decompose(new Matrix(2, 3)));
    }

    [Fact]
    public void Triangular_solves_invert_their_products()
    {
        var random = new RandomSource(13);
        const int N = 7;
        var lower = CholeskyDecomposition.Decompose(RandomMatrices.SymmetricPositiveDefinite(random, N)).Lower;
        var x = Enumerable.Range(0, N).Select(_ => random.NextNormal()).ToArray();

        var b = lower.Multiply(x);
        Triangular.SolveLower(lower.Values, N, b);
        AssertClose(x, b);

        b = lower.Transpose().Multiply(x);
        Triangular.SolveLowerTransposed(lower.Values, N, b);
        AssertClose(x, b);

        var upper = lower.Transpose();
        b = upper.Multiply(x);
        Triangular.SolveUpper(upper.Values, N, b);
        AssertClose(x, b);

        var inverse = Triangular.InverseLower(lower);
        Assert.True(lower.Multiply(inverse).MaxAbsDifference(Matrix.Identity(N)) <= 1e-13);
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-12);
        }
    }
}
