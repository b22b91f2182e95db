using System.Numerics.Tensors;
using Ppl.Inference.Results;
using Ppl.StdLib.LinearAlgebra;
using Ppl.Tensors.Kernels;

namespace Ppl.Inference.Em;

/// <summary>
/// K multivariate normal components with full covariances (<c>param Sigma: cov[K, D]</c>).
/// E-step (Bishop 2006, eq. 9.23): with Σₖ = LₖLₖᵀ, log N(x | μₖ, Σₖ) = −½(D log 2π + ‖Lₖ⁻¹(x − μₖ)‖²)
/// − Σᵢ log Lₖ,ᵢᵢ; the whitening of the whole N × D block is one GEMM, Y = X Lₖ⁻ᵀ, minus Lₖ⁻¹μₖ.
/// M-step (Bishop 2006, eqs. 9.24–9.25): μₖ = Σₙ rₙₖxₙ / Nₖ (one GEMM Rᵀ X for all k) and
/// Σₖ = Σₙ rₙₖ(xₙ − μₖ)(xₙ − μₖ)ᵀ / Nₖ + εI (the GEMM Wᵀ W with Wₙ = √rₙₖ (xₙ − μₖ)), where
/// ε = 1e-6 is scikit-learn's <c>reg_covar</c>. A covariance that is still singular (a collapsing
/// component) gets the floor: <see cref="FloorFraction"/> of the data's average variance on its diagonal.
/// </summary>
internal sealed class GaussianFullComponents : IMixtureComponents
{
    /// <summary>Added to every covariance's diagonal (scikit-learn's default <c>reg_covar</c>).</summary>
    public const double Regularisation = 1e-6;

    /// <summary>The floor, as a fraction of the data's average per-dimension variance.</summary>
    public const double FloorFraction = 1e-3;

    private readonly double[] _x;
    private readonly int _n;
    private readonly int _d;
    private readonly int _k;
    private readonly double _floor;
    private readonly MixtureNames _names;
    private readonly double[] _means;
    private readonly double[] _covariances;
    private readonly double[] _lowerInverse;
    private readonly double[] _logDetHalf;

    /// <summary>Components over the N × D data <paramref name="x"/>; parameters are set by the first M-step or <see cref="SetParameters"/>.</summary>
    public GaussianFullComponents(double[] x, int n, int d, int k, MixtureNames names)
    {
        _x = x;
        _n = n;
        _d = d;
        _k = k;
        _names = names;
        _floor = Math.Max(FloorFraction * AverageVariance(x, n, d), 1e-8);
        _means = new double[k * d];
        _covariances = new double[k * d * d];
        _lowerInverse = new double[k * d * d];
        _logDetHalf = new double[k];
    }

    /// <inheritdoc/>
    public int Count => _n;

    /// <inheritdoc/>
    public int Components => _k;

    /// <inheritdoc/>
    public int FreeParameters => _k * (_d + _d * (_d + 1) / 2);

    /// <inheritdoc/>
    public ReadOnlySpan<double> Features => _x;

    /// <inheritdoc/>
    public int FeatureCount => _d;

    /// <summary>The means, K × D row-major.</summary>
    public ReadOnlySpan<double> Means => _means;

    /// <summary>The covariances, K × D × D row-major.</summary>
    public ReadOnlySpan<double> Covariances => _covariances;

    /// <summary>Sets the means and covariances (the initialisation hook: start from given parameters).</summary>
    /// <returns>How many covariances needed the floor.</returns>
    public int SetParameters(ReadOnlySpan<double> means, ReadOnlySpan<double> covariances)
    {
        means.CopyTo(_means);
        covariances.CopyTo(_covariances);
        var floored = 0;
        for (var k = 0; k < _k; k++)
        {
            floored += Factor(k) ? 1 : 0;
        }
        return floored;
    }

    /// <inheritdoc/>
    public void LogDensities(Span<double> logDensity)
    {
        var (n, d, k) = (_n, _d, _k);
        var y = new double[n * d];
        var shift = new double[d];
        var constant = -0.5 * d * Math.Log(2 * Math.PI);
        var output = logDensity.ToArray();
        for (var c = 0; c < k; c++)
        {
            var lowerInverse = _lowerInverse.AsSpan(c * d * d, d * d);
            Gemm.Multiply(_x, lowerInverse, y, n, d, d, transposeB: true);
            for (var i = 0; i < d; i++)
            {
                shift[i] = TensorPrimitives.Dot(lowerInverse.Slice(i * d, d), _means.AsSpan(c * d, d));
            }
            var offset = constant - _logDetHalf[c];
            var component = c;
            RowChunks.For(n, (start, end) =>
            {
                for (var row = start; row < end; row++)
                {
                    var distance = TensorPrimitives.Distance(y.AsSpan(row * d, d), shift);
                    output[row * k + component] = offset - 0.5 * distance * distance;
                }
            });
        }
        output.CopyTo(logDensity);
    }

    /// <inheritdoc/>
    public int Maximise(ReadOnlySpan<double> responsibility, ReadOnlySpan<double> total)
    {
        var (n, d, k) = (_n, _d, _k);
        Gemm.Multiply(responsibility, _x, _means, k, d, n, transposeA: true);
        for (var c = 0; c < k; c++)
        {
            TensorPrimitives.Divide(_means.AsSpan(c * d, d), total[c], _means.AsSpan(c * d, d));
        }

        var r = responsibility.ToArray();
        var weighted = new double[n * d];
        var floored = 0;
        for (var c = 0; c < k; c++)
        {
            var mean = _means.AsSpan(c * d, d).ToArray();
            var component = c;
            RowChunks.For(n, (start, end) =>
            {
                for (var row = start; row < end; row++)
                {
                    var target = weighted.AsSpan(row * d, d);
                    TensorPrimitives.Subtract(_x.AsSpan(row * d, d), mean, target);
                    TensorPrimitives.Multiply(target, Math.Sqrt(r[row * k + component]), target);
                }
            });
            var covariance = _covariances.AsSpan(c * d * d, d * d);
            Gemm.Multiply(weighted, weighted, covariance, d, d, n, transposeA: true);
            TensorPrimitives.Divide(covariance, total[c], covariance);
            for (var i = 0; i < d; i++)
            {
                covariance[i * d + i] += Regularisation;
            }
            floored += Factor(c) ? 1 : 0;
        }
        return floored;
    }

    /// <inheritdoc/>
    public IMixtureComponents Clone()
    {
        var copy = new GaussianFullComponents(_x, _n, _d, _k, _names);
        copy.SetParameters(_means, _covariances);
        return copy;
    }

    /// <inheritdoc/>
    public IReadOnlyList<ParamEstimate> Estimates() =>
    [
        new(_names.First, new NdArray([_k, _d], (double[])_means.Clone())),
        new(_names.Second!, new NdArray([_k, _d, _d], (double[])_covariances.Clone())),
    ];

    /// <summary>Factors Σₖ = LLᵀ and stores L⁻¹ and log|L|; adds the floor when Σₖ is singular. Returns true when the floor acted.</summary>
    private bool Factor(int c)
    {
        var d = _d;
        var covariance = _covariances.AsSpan(c * d * d, d * d);
        var lower = covariance.ToArray();
        var floored = false;
        if (CholeskyDecomposition.FactorInPlace(lower, d) >= 0 || MinimumPivot(lower, d) < Math.Sqrt(_floor * 1e-3))
        {
            for (var i = 0; i < d; i++)
            {
                covariance[i * d + i] += _floor;
            }
            lower = covariance.ToArray();
            CholeskyDecomposition.FactorInPlace(lower, d);
            floored = true;
        }

        var logDet = 0.0;
        for (var i = 0; i < d; i++)
        {
            logDet += Math.Log(lower[i * d + i]);
        }
        _logDetHalf[c] = logDet;

        // L⁻¹ column by column: L u = eⱼ by forward substitution (u is zero above j).
        var inverse = _lowerInverse.AsSpan(c * d * d, d * d);
        inverse.Clear();
        for (var j = 0; j < d; j++)
        {
            for (var i = j; i < d; i++)
            {
                var sum = i == j ? 1.0 : 0.0;
                for (var m = j; m < i; m++)
                {
                    sum -= lower[i * d + m] * inverse[m * d + j];
                }
                inverse[i * d + j] = sum / lower[i * d + i];
            }
        }
        return floored;
    }

    private static double MinimumPivot(ReadOnlySpan<double> lower, int d)
    {
        var minimum = double.PositiveInfinity;
        for (var i = 0; i < d; i++)
        {
            minimum = Math.Min(minimum, lower[i * d + i]);
        }
        return minimum;
    }

    /// <summary>The mean over columns of each column's variance.</summary>
    internal static double AverageVariance(ReadOnlySpan<double> x, int n, int d)
    {
        var total = 0.0;
        for (var j = 0; j < d; j++)
        {
            double sum = 0, squares = 0;
            for (var row = 0; row < n; row++)
            {
                var v = x[row * d + j];
                sum += v;
                squares += v * v;
            }
            var mean = sum / n;
            total += Math.Max(squares / n - mean * mean, 0);
        }
        return total / d;
    }
}
