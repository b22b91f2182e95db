using Ppl.StdLib.LinearAlgebra;
using Ppl.Tensors.Kernels;

namespace Ppl.Inference.Em;

/// <summary>A probabilistic PCA fit: x = W z + μ + ε, z ~ N(0, I), ε ~ N(0, σ²I).</summary>
/// <param name="W">The D × M loading matrix.</param>
/// <param name="Mean">μ, the sample mean (its maximum-likelihood estimate, Bishop 2006, eq. 12.43).</param>
/// <param name="Sigma2">The noise variance σ².</param>
/// <param name="LogLikelihood">log p(X | W, μ, σ²) (Bishop 2006, eq. 12.44).</param>
/// <param name="Trace">The log-likelihood before each iteration and at the end (EM only).</param>
/// <param name="Converged">True when the relative change fell below the tolerance before the cap.</param>
/// <param name="Iterations">EM iterations run (0 for the closed form).</param>
internal sealed record PpcaFit(Matrix W, double[] Mean, double Sigma2, double LogLikelihood, IReadOnlyList<double> Trace, bool Converged, int Iterations);

/// <summary>The data's sufficient statistics for PPCA, gathered in one pass: N, the mean and the covariance S.</summary>
/// <param name="Count">N.</param>
/// <param name="Mean">x̄.</param>
/// <param name="Covariance">S = (1/N) Σₙ (xₙ − x̄)(xₙ − x̄)ᵀ.</param>
internal sealed record PpcaStatistics(int Count, double[] Mean, Matrix Covariance)
{
    /// <summary>Gathers the statistics of the N × D row-major <paramref name="x"/> (S by one GEMM on the centred data).</summary>
    public static PpcaStatistics Of(ReadOnlySpan<double> x, int n, int d)
    {
        var mean = new double[d];
        for (var row = 0; row < n; row++)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(mean, x.Slice(row * d, d), mean);
        }
        System.Numerics.Tensors.TensorPrimitives.Divide(mean, n, mean);
        var centred = new double[n * d];
        for (var row = 0; row < n; row++)
        {
            System.Numerics.Tensors.TensorPrimitives.Subtract(x.Slice(row * d, d), mean, centred.AsSpan(row * d, d));
        }
        var s = new Matrix(d, d);
        Gemm.Multiply(centred, centred, s.Values, d, d, n, transposeA: true);
        System.Numerics.Tensors.TensorPrimitives.Divide(s.Values, n, s.Values);
        return new PpcaStatistics(n, mean, s);
    }
}

/// <summary>
/// Maximum-likelihood probabilistic PCA (Tipping and Bishop 1999), by the closed form and by EM.
/// EM's E- and M-steps (Bishop 2006, eqs. 12.54–12.57) summed over n collapse onto S
/// (Tipping and Bishop 1999, eqs. 29–30): with M = WᵀW + σ²I,
/// W_new = S W (σ²I + M⁻¹WᵀSW)⁻¹ and σ²_new = (1/D) tr(S − S W M⁻¹ W_newᵀ),
/// so after one pass over the data each iteration costs O(D²M), not O(NDM).
/// </summary>
internal static class Ppca
{
    /// <summary>The closed form (Bishop 2006, eqs. 12.45–12.46, R = I): σ² the mean of the D − M smallest eigenvalues of S, W = U_M (L_M − σ²I)^½.</summary>
    public static PpcaFit ClosedForm(PpcaStatistics statistics, int m)
    {
        var d = statistics.Covariance.Rows;
        var eigen = SymmetricEigenDecomposition.Decompose(statistics.Covariance);
        var values = eigen.Values;
        var sigma2 = 0.0;
        for (var i = 0; i < d - m; i++)
        {
            sigma2 += values[i];
        }
        sigma2 /= d - m;
        var w = new Matrix(d, m);
        for (var j = 0; j < m; j++)
        {
            var column = d - 1 - j;
            var scale = Math.Sqrt(Math.Max(values[column] - sigma2, 0));
            for (var i = 0; i < d; i++)
            {
                w[i, j] = eigen.Vectors[i, column] * scale;
            }
        }
        return new PpcaFit(w, statistics.Mean, sigma2, LogLikelihood(statistics, w, sigma2), [], true, 0);
    }

    /// <summary>EM from <paramref name="w"/> and <paramref name="sigma2"/>.</summary>
    public static PpcaFit Em(PpcaStatistics statistics, Matrix w, double sigma2, EmSettings settings,
        IProgress<InferenceProgress>? progress, CancellationToken cancellationToken)
    {
        var s = statistics.Covariance;
        var d = s.Rows;
        var trace = new List<double>();
        var converged = false;
        var iteration = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var logLikelihood = LogLikelihood(statistics, w, sigma2);
            trace.Add(logLikelihood);
            progress?.Report(new InferenceProgress(iteration, settings.MaxIterations, logLikelihood, "em"));
            if (settings.Tolerance > 0 && trace.Count > 1 && Math.Abs(logLikelihood - trace[^2]) <= settings.Tolerance * Math.Abs(logLikelihood))
            {
                converged = true;
                break;
            }
            if (iteration == settings.MaxIterations)
            {
                break;
            }
            iteration++;
            (w, sigma2) = Step(s, w, sigma2);
        }
        return new PpcaFit(w, statistics.Mean, sigma2, trace[^1], trace, converged, iteration);
    }

    /// <summary>One EM iteration on S (Tipping and Bishop 1999, eqs. 29–30).</summary>
    public static (Matrix W, double Sigma2) Step(Matrix s, Matrix w, double sigma2)
    {
        var d = s.Rows;
        var m = w.Columns;
        var mInverse = CholeskyDecomposition.Decompose(Shifted(w.TransposeMultiply(w), sigma2)).Inverse();
        var sw = s.Multiply(w);
        var inner = Shifted(mInverse.Multiply(w.TransposeMultiply(sw)), sigma2);
        // W_new = SW · inner⁻¹, i.e. W_newᵀ = inner⁻ᵀ (SW)ᵀ: solve with the (non-symmetric) M × M inner by LU-free normal form.
        var wNew = sw.Multiply(Invert(inner, m));
        var reduction = sw.Multiply(mInverse).MultiplyTranspose(wNew);
        var sigma2New = (s.Trace() - reduction.Trace()) / d;
        return (wNew, sigma2New);
    }

    /// <summary>log p(X) = −N/2 (D log 2π + log|C| + tr(C⁻¹S)), C = WWᵀ + σ²I, by the M × M identities
    /// log|C| = (D − M) log σ² + log|M| and tr(C⁻¹S) = σ⁻²(tr S − tr(M⁻¹WᵀSW)) (Bishop 2006, eqs. 12.44, C.7).</summary>
    public static double LogLikelihood(PpcaStatistics statistics, Matrix w, double sigma2)
    {
        var s = statistics.Covariance;
        var d = s.Rows;
        var m = w.Columns;
        var cholesky = CholeskyDecomposition.Decompose(Shifted(w.TransposeMultiply(w), sigma2));
        var logDetC = (d - m) * Math.Log(sigma2) + cholesky.LogDeterminant();
        var projected = w.TransposeMultiply(s.Multiply(w));
        var traceTerm = (s.Trace() - cholesky.Inverse().Multiply(projected).Trace()) / sigma2;
        return -0.5 * statistics.Count * (d * Math.Log(2 * Math.PI) + logDetC + traceTerm);
    }

    /// <summary>The latent posterior p(zₙ | xₙ) = N(M⁻¹Wᵀ(xₙ − μ), σ²M⁻¹) (Bishop 2006, eq. 12.42): means N × M and the shared covariance.</summary>
    public static (double[] Means, Matrix Covariance) LatentPosterior(ReadOnlySpan<double> x, int n, PpcaFit fit)
    {
        var d = fit.W.Rows;
        var m = fit.W.Columns;
        var mInverse = CholeskyDecomposition.Decompose(Shifted(fit.W.TransposeMultiply(fit.W), fit.Sigma2)).Inverse();
        var projection = fit.W.Multiply(mInverse); // D × M: E[zₙ]ᵀ = (xₙ − μ)ᵀ W M⁻¹
        var centred = new double[n * d];
        for (var row = 0; row < n; row++)
        {
            System.Numerics.Tensors.TensorPrimitives.Subtract(x.Slice(row * d, d), fit.Mean, centred.AsSpan(row * d, d));
        }
        var means = new double[n * m];
        Gemm.Multiply(centred, projection.Values, means, n, m, d);
        return (means, mInverse.Multiply(fit.Sigma2));
    }

    private static Matrix Shifted(Matrix a, double shift)
    {
        var result = a.Clone();
        for (var i = 0; i < a.Rows; i++)
        {
            result[i, i] += shift;
        }
        return result;
    }

    /// <summary>The inverse of a small general matrix by Gauss–Jordan elimination with partial pivoting.</summary>
    private static Matrix Invert(Matrix a, int n)
    {
        var work = a.Clone();
        var inverse = Matrix.Identity(n);
        for (var column = 0; column < n; column++)
        {
            var pivot = column;
            for (var row = column + 1; row < n; row++)
            {
                if (Math.Abs(work[row, column]) > Math.Abs(work[pivot, column]))
                {
                    pivot = row;
                }
            }
            if (pivot != column)
            {
                Swap(work, pivot, column);
                Swap(inverse, pivot, column);
            }
            var scale = 1.0 / work[column, column];
            System.Numerics.Tensors.TensorPrimitives.Multiply(work.Row(column), scale, work.Row(column));
            System.Numerics.Tensors.TensorPrimitives.Multiply(inverse.Row(column), scale, inverse.Row(column));
            for (var row = 0; row < n; row++)
            {
                if (row != column && work[row, column] != 0)
                {
                    var factor = -work[row, column];
                    System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(work.Row(column), factor, work.Row(row), work.Row(row));
                    System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(inverse.Row(column), factor, inverse.Row(row), inverse.Row(row));
                }
            }
        }
        return inverse;
    }

    private static void Swap(Matrix a, int i, int j)
    {
        var copy = a.Row(i).ToArray();
        a.Row(j).CopyTo(a.Row(i));
        copy.CopyTo(a.Row(j));
    }
}
