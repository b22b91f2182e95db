using System.Numerics.Tensors;
using Ppl.Inference.Results;
using Ppl.Tensors.Kernels;

namespace Ppl.Inference.Em;

/// <summary>How a Normal component's spread parameter is written in the model.</summary>
internal enum SpreadParameter
{
    /// <summary><c>Normal(m, s)</c>: a standard deviation.</summary>
    Sd,

    /// <summary><c>Normal(m, var: v)</c>: a variance.</summary>
    Variance,

    /// <summary><c>Normal(m, precision: t)</c>: an inverse variance.</summary>
    Precision,
}

/// <summary>
/// K Gaussian components with diagonal covariance (<c>Normal(mu[z[n]], var: v[z[n]])</c>, v: pos[K, D]) or
/// spherical covariance (v: pos[K], one variance per component). E-step:
/// log p = −½ Σ_d [(x_d − μ_kd)²/v_kd + log 2πv_kd], expanded into two GEMMs over the N × D block
/// (X∘X)(1/V)ᵀ − 2X(M/V)ᵀ plus per-component constants. M-step (Bishop 2006, eqs. 9.24–9.25 restricted
/// to the diagonal): μ = RᵀX/Nₖ, v = RᵀX²/Nₖ − μ² + ε (ε = 1e-6 as scikit-learn); spherical: v averaged over d.
/// A variance below the floor (a collapsing component) is raised to it and reported.
/// </summary>
internal sealed class GaussianDiagonalComponents : IMixtureComponents
{
    private readonly double[] _x;
    private readonly double[] _squares;
    private readonly int _n;
    private readonly int _d;
    private readonly int _k;
    private readonly bool _spherical;
    private readonly SpreadParameter _spread;
    private readonly double _floor;
    private readonly MixtureNames _names;
    private readonly double[] _means;
    private readonly double[] _variances;

    /// <summary>Components over the N × D data.</summary>
    public GaussianDiagonalComponents(double[] x, int n, int d, int k, bool spherical, SpreadParameter spread, MixtureNames names)
    {
        _x = x;
        _n = n;
        _d = d;
        _k = k;
        _spherical = spherical;
        _spread = spread;
        _names = names;
        _squares = new double[x.Length];
        TensorPrimitives.Multiply(x, x, _squares);
        _floor = Math.Max(GaussianFullComponents.FloorFraction * GaussianFullComponents.AverageVariance(x, n, d), 1e-8);
        _means = new double[k * d];
        _variances = new double[k * d];
    }

    /// <inheritdoc/>
    public int Count => _n;

    /// <inheritdoc/>
    public int Components => _k;

    /// <inheritdoc/>
    public int FreeParameters => _k * (_d + (_spherical ? 1 : _d));

    /// <inheritdoc/>
    public ReadOnlySpan<double> Features => _x;

    /// <inheritdoc/>
    public int FeatureCount => _d;

    /// <summary>The variances, K × D (equal across d when spherical).</summary>
    public ReadOnlySpan<double> Variances => _variances;

    /// <inheritdoc/>
    public void LogDensities(double[] logDensity)
    {
        var (n, d, k) = (_n, _d, _k);
        var precision = new double[k * d];
        TensorPrimitives.Reciprocal(_variances, precision);
        var scaledMeans = new double[k * d];
        TensorPrimitives.Multiply(_means, precision, scaledMeans);
        TensorPrimitives.Multiply(scaledMeans, -2.0, scaledMeans);
        var output = new double[n * k];
        Gemm.Multiply(_squares, precision, output, n, k, d, transposeB: true);
        Gemm.Multiply(_x, scaledMeans, output, n, k, d, transposeB: true, accumulate: true);
        var constants = new double[k];
        for (var c = 0; c < k; c++)
        {
            var sum = 0.0;
            for (var j = 0; j < d; j++)
            {
                var v = _variances[c * d + j];
                sum += _means[c * d + j] * _means[c * d + j] / v + Math.Log(2 * Math.PI * v);
            }
            constants[c] = sum;
        }
        RowChunks.For(n, (start, end) =>
        {
            for (var row = start; row < end; row++)
            {
                var r = output.AsSpan(row * k, k);
                TensorPrimitives.Add(r, constants, r);
                TensorPrimitives.Multiply(r, -0.5, r);
            }
        });
        output.CopyTo(logDensity);
    }

    /// <inheritdoc/>
    public int Maximise(double[] responsibility, ReadOnlySpan<double> total)
    {
        var (n, d, k) = (_n, _d, _k);
        Gemm.Multiply(responsibility, _x, _means, k, d, n, transposeA: true);
        Gemm.Multiply(responsibility, _squares, _variances, k, d, n, transposeA: true);
        var floored = 0;
        for (var c = 0; c < k; c++)
        {
            var mean = _means.AsSpan(c * d, d);
            var variance = _variances.AsSpan(c * d, d);
            TensorPrimitives.Divide(mean, total[c], mean);
            TensorPrimitives.Divide(variance, total[c], variance);
            for (var j = 0; j < d; j++)
            {
                variance[j] = variance[j] - mean[j] * mean[j] + GaussianFullComponents.Regularisation;
            }
            if (_spherical)
            {
                variance.Fill(TensorPrimitives.Sum<double>(variance) / d);
            }
            if (TensorPrimitives.Min<double>(variance) < _floor * 1e-3)
            {
                TensorPrimitives.Max(variance, _floor, variance);
                floored++;
            }
        }
        return floored;
    }

    /// <inheritdoc/>
    public IMixtureComponents Clone()
    {
        var copy = new GaussianDiagonalComponents(_x, _n, _d, _k, _spherical, _spread, _names);
        _means.CopyTo(copy._means, 0);
        _variances.CopyTo(copy._variances, 0);
        return copy;
    }

    /// <inheritdoc/>
    public IReadOnlyList<ParamEstimate> Estimates()
    {
        var spread = _spherical ? Enumerable.Range(0, _k).Select(c => _variances[c * _d]).ToArray() : (double[])_variances.Clone();
        var values = spread.Select(v => _spread switch
        {
            SpreadParameter.Sd => Math.Sqrt(v),
            SpreadParameter.Precision => 1 / v,
            _ => v,
        }).ToArray();
        return
        [
            new(_names.First, new NdArray(_d == 1 ? [_k] : [_k, _d], (double[])_means.Clone())),
            new(_names.Second!, new NdArray(_spherical || _d == 1 ? [_k] : [_k, _d], values)),
        ];
    }
}
