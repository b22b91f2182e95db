using System.Numerics.Tensors;
using Ppl.Inference.Results;
using Ppl.Tensors.Kernels;

namespace Ppl.Inference.Em;

/// <summary>
/// K Categorical components over one category per data point (<c>x[n] ~ Categorical(p[z[n]])</c>, p: simplex[K, C]).
/// The data are held one-hot (N × C), so the E-step is the GEMM X·log(P)ᵀ and the M-step
/// pₖ = RᵀX / Nₖ (the weighted category frequencies), floored at 1e-12 and renormalised.
/// </summary>
internal sealed class CategoricalComponents : IMixtureComponents
{
    private const double Minimum = 1e-12;
    private readonly double[] _oneHot;
    private readonly int _n;
    private readonly int _c;
    private readonly int _k;
    private readonly MixtureNames _names;
    private readonly double[] _p;

    /// <summary>Components over N categories in 0..C−1.</summary>
    public CategoricalComponents(ReadOnlySpan<int> x, int categories, int k, MixtureNames names)
    {
        _n = x.Length;
        _c = categories;
        _k = k;
        _names = names;
        _oneHot = new double[_n * categories];
        for (var row = 0; row < _n; row++)
        {
            _oneHot[row * categories + x[row]] = 1;
        }
        _p = new double[k * categories];
    }

    private CategoricalComponents(CategoricalComponents other)
    {
        (_oneHot, _n, _c, _k, _names) = (other._oneHot, other._n, other._c, other._k, other._names);
        _p = (double[])other._p.Clone();
    }

    /// <inheritdoc/>
    public int Count => _n;

    /// <inheritdoc/>
    public int Components => _k;

    /// <inheritdoc/>
    public int FreeParameters => _k * (_c - 1);

    /// <inheritdoc/>
    public ReadOnlySpan<double> Features => _oneHot;

    /// <inheritdoc/>
    public int FeatureCount => _c;

    /// <inheritdoc/>
    public void LogDensities(double[] logDensity)
    {
        var logP = new double[_p.Length];
        TensorPrimitives.Log(_p, logP);
        var output = new double[_n * _k];
        Gemm.Multiply(_oneHot, logP, output, _n, _k, _c, transposeB: true);
        output.CopyTo(logDensity);
    }

    /// <inheritdoc/>
    public int Maximise(double[] responsibility, ReadOnlySpan<double> total)
    {
        Gemm.Multiply(responsibility, _oneHot, _p, _k, _c, _n, transposeA: true);
        for (var c = 0; c < _k; c++)
        {
            var p = _p.AsSpan(c * _c, _c);
            TensorPrimitives.Max(p, Minimum, p);
            TensorPrimitives.Divide(p, TensorPrimitives.Sum<double>(p), p);
        }
        return 0;
    }

    /// <inheritdoc/>
    public IMixtureComponents Clone() => new CategoricalComponents(this);

    /// <inheritdoc/>
    public IReadOnlyList<ParamEstimate> Estimates() =>
        [new(_names.First, new NdArray([_k, _c], (double[])_p.Clone()))];
}
