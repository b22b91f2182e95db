using System.Numerics.Tensors;
using Ppl.Inference.Results;
using Ppl.Tensors.Kernels;
using Ppl.Tensors.Special;

namespace Ppl.Inference.Em;

/// <summary>
/// K Poisson components over counts (one rate per component and column). E-step:
/// log p(x | λₖ) = Σ_d x_d log λ_kd − λ_kd − log x_d!, one GEMM X·log(Λ)ᵀ. M-step: λₖ = RᵀX / Nₖ
/// (the weighted mean, the Poisson's maximum-likelihood rate), kept above 1e-10 so an all-zero component stays finite.
/// </summary>
internal sealed class PoissonComponents : IMixtureComponents
{
    private const double MinimumRate = 1e-10;
    private readonly double[] _x;
    private readonly double[] _logFactorial;
    private readonly int _n;
    private readonly int _d;
    private readonly int _k;
    private readonly MixtureNames _names;
    private readonly double[] _rate;

    /// <summary>Components over the N × D counts.</summary>
    public PoissonComponents(double[] x, int n, int d, int k, MixtureNames names)
    {
        _x = x;
        _n = n;
        _d = d;
        _k = k;
        _names = names;
        _rate = new double[k * d];
        _logFactorial = new double[n];
        for (var i = 0; i < x.Length; i++)
        {
            _logFactorial[i / d] += SpecialFunctions.LogGamma(x[i] + 1);
        }
    }

    /// <inheritdoc/>
    public int Count => _n;

    /// <inheritdoc/>
    public int Components => _k;

    /// <inheritdoc/>
    public int FreeParameters => _k * _d;

    /// <inheritdoc/>
    public ReadOnlySpan<double> Features => _x;

    /// <inheritdoc/>
    public int FeatureCount => _d;

    /// <inheritdoc/>
    public void LogDensities(double[] logDensity)
    {
        var (n, d, k) = (_n, _d, _k);
        var logRate = new double[k * d];
        TensorPrimitives.Log(_rate, logRate);
        var constants = new double[k];
        for (var c = 0; c < k; c++)
        {
            constants[c] = -TensorPrimitives.Sum<double>(_rate.AsSpan(c * d, d));
        }
        var output = new double[n * k];
        Gemm.Multiply(_x, logRate, output, n, k, d, transposeB: true);
        for (var row = 0; row < n; row++)
        {
            var r = output.AsSpan(row * k, k);
            TensorPrimitives.Add(r, constants, r);
            TensorPrimitives.Subtract(r, _logFactorial[row], r);
        }
        output.CopyTo(logDensity);
    }

    /// <inheritdoc/>
    public int Maximise(double[] responsibility, ReadOnlySpan<double> total)
    {
        Gemm.Multiply(responsibility, _x, _rate, _k, _d, _n, transposeA: true);
        for (var c = 0; c < _k; c++)
        {
            var rate = _rate.AsSpan(c * _d, _d);
            TensorPrimitives.Divide(rate, total[c], rate);
            TensorPrimitives.Max(rate, MinimumRate, rate);
        }
        return 0;
    }

    /// <inheritdoc/>
    public IMixtureComponents Clone()
    {
        var copy = new PoissonComponents(_x, _n, _d, _k, _names);
        _rate.CopyTo(copy._rate, 0);
        return copy;
    }

    /// <inheritdoc/>
    public IReadOnlyList<ParamEstimate> Estimates() =>
        [new(_names.First, new NdArray(_d == 1 ? [_k] : [_k, _d], (double[])_rate.Clone()))];
}
