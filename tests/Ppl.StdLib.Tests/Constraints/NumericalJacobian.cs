namespace Ppl.StdLib.Tests.Constraints;

/// <summary>Central-difference Jacobians and the log |det| of a square matrix by LU with partial
/// pivoting: an independent twin of the closed-form log-determinants.</summary>
internal static class NumericalJacobian
{
    /// <summary>J[i, j] = ∂fᵢ/∂xⱼ by central differences with step h·max(1, |xⱼ|): error O(h²) + O(ε/h).</summary>
    public static double[,] Compute(Func<double[], double[]> f, double[] x, double h = 1e-5)
    {
        var m = f(x).Length;
        var jacobian = new double[m, x.Length];
        for (var j = 0; j < x.Length; j++)
        {
            var step = h * Math.Max(1, Math.Abs(x[j]));
            var plus = (double[])x.Clone();
            var minus = (double[])x.Clone();
            plus[j] += step;
            minus[j] -= step;
            var fPlus = f(plus);
            var fMinus = f(minus);
            for (var i = 0; i < m; i++)
            {
                jacobian[i, j] = (fPlus[i] - fMinus[i]) / (plus[j] - minus[j]);
            }
        }
        return jacobian;
    }

    /// <summary>log |det A| by Gaussian elimination with partial pivoting.</summary>
    public static double LogAbsDeterminant(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        if (n != matrix.GetLength(1))
        {
            throw new ArgumentException("not square");
        }
        var a = (double[,])matrix.Clone();
        var sum = 0.0;
        for (var k = 0; k < n; k++)
        {
            var pivot = k;
            for (var i = k + 1; i < n; i++)
            {
                if (Math.Abs(a[i, k]) > Math.Abs(a[pivot, k]))
                {
                    pivot = i;
                }
            }
            if (pivot != k)
            {
                for (var j = 0; j < n; j++)
                {
                    (a[k, j], a[pivot, j]) = (a[pivot, j], a[k, j]);
                }
            }
            sum += Math.Log(Math.Abs(a[k, k]));
            for (var i = k + 1; i < n; i++)
            {
                var factor = a[i, k] / a[k, k];
                for (var j = k; j < n; j++)
                {
                    a[i, j] -= factor * a[k, j];
                }
            }
        }
        return sum;
    }
}
