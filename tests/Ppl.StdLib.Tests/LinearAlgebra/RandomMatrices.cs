using Ppl.StdLib.LinearAlgebra;
using Ppl.Tensors.Random;

namespace Ppl.StdLib.Tests.LinearAlgebra;

/// <summary>Seeded random test matrices.</summary>
internal static class RandomMatrices
{
    /// <summary>An n × m matrix of standard normal entries.</summary>
    public static Matrix Gaussian(RandomSource random, int n, int m)
    {
        var result = new Matrix(n, m);
        foreach (ref var value in result.Values)
        {
            value = random.NextNormal();
        }
        return result;
    }

    /// <summary>B Bᵀ + ridge · I for a Gaussian B: symmetric positive definite, condition number
    /// of order n / ridge.</summary>
    public static Matrix SymmetricPositiveDefinite(RandomSource random, int n, double ridge = 0.5)
    {
        var b = Gaussian(random, n, n);
        return b.MultiplyTranspose(b).Add(Matrix.Identity(n).Multiply(ridge));
    }
}
