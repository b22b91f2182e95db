using System.Numerics.Tensors;
using Ppl.Inference.Results;
using Ppl.StdLib.LinearAlgebra;

namespace Ppl.Inference.Em;

/// <summary>
/// K multivariate normal components with full covariances (<c>param Sigma: cov[K, D]</c>), or one
/// covariance shared by all (tied, <c>param Sigma: cov[D]</c>).
/// E-step (Bishop 2006, eq. 9.23): with Σₖ = LₖLₖᵀ, log N(x | μₖ, Σₖ) = −½(D log 2π + ‖Lₖ⁻¹x − Lₖ⁻¹μₖ‖²)
/// − Σᵢ log Lₖ,ᵢᵢ, fused with the log-sum-exp per block of rows (<see cref="GaussianFullKernels"/>).
/// M-step (Bishop 2006, eqs. 9.24–9.25): μₖ = Σₙ rₙₖxₙ / Nₖ, then the two-pass centred
/// Σₖ = Σₙ rₙₖ(xₙ − μₖ)(xₙ − μₖ)ᵀ / Nₖ + εI (tied: summed over k and divided by N), where
/// ε = 1e-6 is scikit-learn's <c>reg_covar</c>. A covariance that is still singular (a collapsing
/// component) gets the floor: <see cref="FloorFraction"/> of the data's average variance on its diagonal.
/// The data are copied feature-major once; every buffer is allocated once per fit, per core.
/// </summary>
internal sealed class GaussianFullComponents : IMixtureComponents, IFusedEStep
{
    /// <summary>Added to every covariance's diagonal (scikit-learn's default <c>reg_covar</c>).</summary>
    public const double Regularisation = 1e-6;

    /// <summary>The floor, as a fraction of the data's average per-dimension variance.</summary>
    public const double FloorFraction = 1e-3;

    private readonly double[] _x;
    private readonly double[] _xt;
    private readonly int _stride;
    private readonly int _n;
    private readonly int _d;
    private readonly int _k;
    private readonly bool _tied;
    private readonly double _floor;
    private readonly MixtureNames _names;
    private readonly double[] _means;
    private readonly double[] _covariances;
    private readonly double[] _lowerInverse;
    private readonly double[] _shift;
    private readonly double[] _logDetHalf;
    private readonly double[] _offset;
    private readonly double[] _lower;
    private readonly double[] _weightT;
    private readonly ChunkScratch[] _scratch;

    /// <summary>Components over the N × D data <paramref name="x"/>; parameters are set by the first M-step or <see cref="SetParameters"/>.</summary>
    /// <param name="x">The data, N × D row-major.</param>
    /// <param name="n">Points N.</param>
    /// <param name="d">Dimension D.</param>
    /// <param name="k">Components K.</param>
    /// <param name="names">The model's names.</param>
    /// <param name="tied">One covariance shared by all components (<c>param Sigma: cov[D]</c>, scikit-learn's <c>'tied'</c>).</param>
    public GaussianFullComponents(double[] x, int n, int d, int k, MixtureNames names, bool tied = false)
        : this(x, GaussianFullKernels.Transpose(x, n, d), n, d, k, names, tied)
    {
    }

    private GaussianFullComponents(double[] x, double[] xt, int n, int d, int k, MixtureNames names, bool tied)
    {
        _tied = tied;
        _x = x;
        _xt = xt;
        _stride = GaussianFullKernels.Stride(n);
        _n = n;
        _d = d;
        _k = k;
        _names = names;
        _floor = Math.Max(FloorFraction * AverageVariance(x, n, d), 1e-8);
        _means = new double[k * d];
        _covariances = new double[k * d * d];
        _lowerInverse = new double[k * d * d];
        _shift = new double[k * d];
        _logDetHalf = new double[k];
        _offset = new double[k];
        _lower = new double[d * d];
        _weightT = new double[k * _stride];
        _scratch = [.. Enumerable.Range(0, RowChunks.Count(n)).Select(_ => new ChunkScratch(d, k))];
    }

    /// <inheritdoc/>
    public int Count => _n;

    /// <inheritdoc/>
    public int Components => _k;

    /// <inheritdoc/>
    public int FreeParameters => _k * _d + (_tied ? 1 : _k) * _d * (_d + 1) / 2;

    /// <inheritdoc/>
    public ReadOnlySpan<double> Features => _x;

    /// <inheritdoc/>
    public int FeatureCount => _d;

    /// <summary>The means, K × D row-major.</summary>
    public ReadOnlySpan<double> Means => _means;

    /// <summary>The covariances, K × D × D row-major.</summary>
    public ReadOnlySpan<double> Covariances => _covariances;

    /// <summary>
    /// Sets the means and covariances (the initialisation hook: start from given parameters); tied
    /// components may be given one D × D covariance.
    /// </summary>
    /// <returns>How many covariances needed the floor.</returns>
    public int SetParameters(ReadOnlySpan<double> means, ReadOnlySpan<double> covariances)
    {
        means.CopyTo(_means);
        for (var c = 0; c < _k; c++)
        {
            (covariances.Length == _d * _d ? covariances : covariances.Slice(c * _d * _d, _d * _d)).CopyTo(_covariances.AsSpan(c * _d * _d));
        }
        var floored = 0;
        for (var k = 0; k < _k; k++)
        {
            floored += Factor(k) ? 1 : 0;
        }
        return floored;
    }

    /// <inheritdoc/>
    public void LogDensities(double[] logDensity)
    {
        var (d, k) = (_d, _k);
        var constant = -0.5 * d * Math.Log(2 * Math.PI);
        RowChunks.For(_n, GaussianFullKernels.Block, (chunk, first, last) =>
        {
            var distance = _scratch[chunk].Joint;
            for (var start = first; start < last; start += GaussianFullKernels.Block)
            {
                var count = Math.Min(GaussianFullKernels.Block, last - start);
                for (var c = 0; c < k; c++)
                {
                    GaussianFullKernels.WhitenedDistances(_xt, _stride, d, start, count,
                        _lowerInverse.AsSpan(c * d * d, d * d), _shift.AsSpan(c * d, d), distance);
                    var offset = constant - _logDetHalf[c];
                    for (var r = 0; r < count; r++)
                    {
                        logDensity[(start + r) * k + c] = offset - 0.5 * distance[r];
                    }
                }
            }
        });
    }

    /// <inheritdoc/>
    public double EStep(ReadOnlySpan<double> weights, double[] responsibility, double[] rowLogLikelihood)
    {
        var (d, k) = (_d, _k);
        var constant = -0.5 * d * Math.Log(2 * Math.PI);
        for (var c = 0; c < k; c++)
        {
            _offset[c] = Math.Log(weights[c]) + constant - _logDetHalf[c];
        }
        RowChunks.For(_n, GaussianFullKernels.Block, (chunk, first, last) =>
        {
            var scratch = _scratch[chunk];
            var joint = scratch.Joint;
            var sum = 0.0;
            for (var start = first; start < last; start += GaussianFullKernels.Block)
            {
                var count = Math.Min(GaussianFullKernels.Block, last - start);
                for (var c = 0; c < k; c++)
                {
                    var row = joint.AsSpan(c * GaussianFullKernels.Block, GaussianFullKernels.Block);
                    GaussianFullKernels.WhitenedDistances(_xt, _stride, d, start, count, _lowerInverse.AsSpan(c * d * d, d * d), _shift.AsSpan(c * d, d), row);
                    GaussianFullKernels.ScaleShift(row, -0.5, _offset[c]);
                }
                sum += GaussianFullKernels.Normalise(joint, k, count, rowLogLikelihood.AsSpan(start, count));
                for (var r = 0; r < count; r++)
                {
                    var target = responsibility.AsSpan((start + r) * k, k);
                    for (var c = 0; c < k; c++)
                    {
                        target[c] = joint[c * GaussianFullKernels.Block + r];
                    }
                }
            }
            scratch.LogLikelihood = sum;
        });
        var total = 0.0;
        foreach (var scratch in _scratch)
        {
            total += scratch.LogLikelihood;
        }
        return total;
    }

    /// <inheritdoc/>
    public int Maximise(double[] responsibility, ReadOnlySpan<double> total)
    {
        var (n, d, k) = (_n, _d, _k);
        ArgumentOutOfRangeException.ThrowIfNotEqual(responsibility.Length, n * k);

        // Pass 1: the responsibilities feature-major (K rows of N) and Σₙ rₙₖ xₙ per chunk.
        RowChunks.For(n, GaussianFullKernels.Block, (chunk, first, last) =>
        {
            for (var row = first; row < last; row++)
            {
                for (var c = 0; c < k; c++)
                {
                    _weightT[c * _stride + row] = responsibility[row * k + c];
                }
            }
            var sums = _scratch[chunk].Sums;
            Array.Clear(sums);
            if (first < last)
            {
                for (var c = 0; c < k; c++)
                {
                    var weight = _weightT.AsSpan(c * _stride + first, last - first);
                    for (var j = 0; j < d; j++)
                    {
                        sums[c * d + j] = GaussianFullKernels.Dot(weight, _xt.AsSpan(j * _stride + first, last - first));
                    }
                }
            }
        });
        _means.AsSpan().Clear();
        foreach (var scratch in _scratch)
        {
            TensorPrimitives.Add(_means, scratch.Sums, _means);
        }
        for (var c = 0; c < k; c++)
        {
            TensorPrimitives.Divide(_means.AsSpan(c * d, d), total[c], _means.AsSpan(c * d, d));
        }

        // Pass 2: Σₙ rₙₖ (xₙ − μₖ)(xₙ − μₖ)ᵀ, block by block, lower triangles per chunk.
        RowChunks.For(n, GaussianFullKernels.Block, (chunk, first, last) =>
        {
            var scratch = _scratch[chunk];
            Array.Clear(scratch.Scatter);
            GaussianFullKernels.AddScatters(_xt, _stride, d, k, first, last, _weightT, _means, scratch.Centred, scratch.Weighted, scratch.Scatter);
        });
        _covariances.AsSpan().Clear();
        foreach (var scratch in _scratch)
        {
            TensorPrimitives.Add(_covariances, scratch.Scatter, _covariances);
        }
        if (_tied)
        {
            // Σ = Σₖ Σₙ rₙₖ(xₙ − μₖ)(xₙ − μₖ)ᵀ / N, one matrix for all k (scikit-learn's 'tied').
            var shared = _covariances.AsSpan(0, d * d);
            var sum = total[0];
            for (var c = 1; c < k; c++)
            {
                TensorPrimitives.Add(shared, _covariances.AsSpan(c * d * d, d * d), shared);
                sum += total[c];
            }
            TensorPrimitives.Divide(shared, sum, shared);
            for (var c = 1; c < k; c++)
            {
                shared.CopyTo(_covariances.AsSpan(c * d * d, d * d));
            }
        }
        var floored = 0;
        for (var c = 0; c < k; c++)
        {
            var covariance = _covariances.AsSpan(c * d * d, d * d);
            if (!_tied)
            {
                TensorPrimitives.Divide(covariance, total[c], covariance);
            }
            for (var i = 0; i < d; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    covariance[j * d + i] = covariance[i * d + j];
                }
                covariance[i * d + i] += Regularisation;
            }
            floored += Factor(c) ? 1 : 0;
        }
        return _tied ? Math.Min(floored, 1) : floored;
    }

    /// <inheritdoc/>
    public IMixtureComponents Clone()
    {
        var copy = new GaussianFullComponents(_x, _xt, _n, _d, _k, _names, _tied);
        copy.SetParameters(_means, _covariances);
        return copy;
    }

    /// <inheritdoc/>
    public IReadOnlyList<ParamEstimate> Estimates() =>
    [
        new(_names.First, new NdArray([_k, _d], (double[])_means.Clone())),
        _tied
            ? new(_names.Second!, new NdArray([_d, _d], _covariances.AsSpan(0, _d * _d).ToArray()))
            : new(_names.Second!, new NdArray([_k, _d, _d], (double[])_covariances.Clone())),
    ];

    /// <summary>Factors Σₖ = LLᵀ and stores L⁻¹ and log|L|; adds the floor when Σₖ is singular. Returns true when the floor acted.</summary>
    private bool Factor(int c)
    {
        var d = _d;
        var covariance = _covariances.AsSpan(c * d * d, d * d);
        var lower = _lower.AsSpan();
        covariance.CopyTo(lower);
        var floored = false;
        if (CholeskyDecomposition.FactorInPlace(lower, d) >= 0 || MinimumPivot(lower, d) < Math.Sqrt(_floor * 1e-3))
        {
            for (var i = 0; i < d; i++)
            {
                covariance[i * d + i] += _floor;
            }
            covariance.CopyTo(lower);
            CholeskyDecomposition.FactorInPlace(lower, d);
            floored = true;
        }

        var logDet = 0.0;
        for (var i = 0; i < d; i++)
        {
            logDet += Math.Log(lower[i * d + i]);
        }
        _logDetHalf[c] = logDet;

        var inverse = _lowerInverse.AsSpan(c * d * d, d * d);
        GaussianFullKernels.InvertLower(lower, inverse, d);
        for (var i = 0; i < d; i++)
        {
            _shift[c * d + i] = TensorPrimitives.Dot(inverse.Slice(i * d, d), _means.AsSpan(c * d, d));
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

    /// <summary>One core's scratch: a block's distances and centred/weighted features, and its partial sums.</summary>
    private sealed class ChunkScratch(int d, int k)
    {
        public double[] Joint { get; } = new double[k * GaussianFullKernels.Block];

        public double LogLikelihood { get; set; }

        public double[] Centred { get; } = new double[d * GaussianFullKernels.Block];

        public double[] Weighted { get; } = new double[d * GaussianFullKernels.Block];

        public double[] Sums { get; } = new double[k * d];

        public double[] Scatter { get; } = new double[k * d * d];
    }
}
