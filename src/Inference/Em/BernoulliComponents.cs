using System.Numerics.Tensors;
using Ppl.Inference.Results;
using Ppl.Tensors.Kernels;

namespace Ppl.Inference.Em;

/// <summary>
/// K multivariate Bernoulli components (binary images; Bishop 2006, §9.3.3). E-step:
/// log p(x | pₖ) = Σ_d x_d logit p_kd + Σ_d log(1 − p_kd), one GEMM X·logit(P)ᵀ for the N × K block
/// (grey levels in [0, 1] give the cross-entropy). M-step (Bishop 2006, eq. 9.59): pₖ = RᵀX / Nₖ,
/// clamped to [1e-10, 1 − 1e-10] so that a pixel constant in a component keeps a finite log-density.
/// </summary>
internal sealed class BernoulliComponents : IMixtureComponents
{
    private const double Clamp = 1e-10;
    private readonly double[] _x;
    private readonly int _n;
    private readonly int _d;
    private readonly int _k;
    private readonly MixtureNames _names;
    private readonly double[] _p;

    /// <summary>Components over the N × D data in [0, 1].</summary>
    public BernoulliComponents(double[] x, int n, int d, int k, MixtureNames names)
    {
        _x = x;
        _n = n;
        _d = d;
        _k = k;
        _names = names;
        _p = new double[k * d];
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

    /// <summary>The probabilities, K × D.</summary>
    public ReadOnlySpan<double> Probabilities => _p;

    /// <inheritdoc/>
    public void LogDensities(double[] logDensity)
    {
        var (n, d, k) = (_n, _d, _k);
        var logit = new double[k * d];
        var constants = new double[k];
        for (var i = 0; i < logit.Length; i++)
        {
            logit[i] = Math.Log(_p[i]) - Math.Log(1 - _p[i]);
            constants[i / d] += Math.Log(1 - _p[i]);
        }
        var output = new double[n * k];
        Gemm.Multiply(_x, logit, output, n, k, d, transposeB: true);
        for (var row = 0; row < n; row++)
        {
            TensorPrimitives.Add(output.AsSpan(row * k, k), constants, output.AsSpan(row * k, k));
        }
        output.CopyTo(logDensity);
    }

    /// <inheritdoc/>
    public int Maximise(double[] responsibility, ReadOnlySpan<double> total)
    {
        Gemm.Multiply(responsibility, _x, _p, _k, _d, _n, transposeA: true);
        for (var c = 0; c < _k; c++)
        {
            var p = _p.AsSpan(c * _d, _d);
            TensorPrimitives.Divide(p, total[c], p);
            TensorPrimitives.Clamp(p, Clamp, 1 - Clamp, p);
        }
        return 0;
    }

    /// <inheritdoc/>
    public IMixtureComponents Clone()
    {
        var copy = new BernoulliComponents(_x, _n, _d, _k, _names);
        _p.CopyTo(copy._p, 0);
        return copy;
    }

    /// <inheritdoc/>
    public IReadOnlyList<ParamEstimate> Estimates() =>
        [new(_names.First, new NdArray(_d == 1 ? [_k] : [_k, _d], (double[])_p.Clone()))];
}
