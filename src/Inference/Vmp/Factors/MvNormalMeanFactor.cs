using Ppl.Compiler.Ir;
using Ppl.Inference.Vmp.Variables;
using Ppl.Tensors.Kernels;

namespace Ppl.Inference.Vmp.Factors;

/// <summary>
/// Observed vectors x_n ~ MvNormal(μ, P⁻¹) with μ one vector Gaussian block and P known, from the
/// statistics N, s = Σx_n and S = Σx_n x_nᵀ gathered once (GEMM):
/// <list type="bullet">
/// <item>message to μ: (h, Λ) += (P s, N P) (Bishop 2006, eq. 2.141 in natural form);</item>
/// <item>E[log f] = (N/2) log |P| − (ND/2) log 2π − ½ tr(P (S − s mᵀ − m sᵀ + N (m mᵀ + Σ))).</item>
/// </list>
/// </summary>
internal sealed class MvNormalMeanFactor : VmpFactor
{
    private readonly MvGaussianVariable _mean;
    private readonly double[] _precision;
    private readonly double _logDetPrecision;
    private readonly int _count;
    private readonly double[] _sum;
    private readonly double[] _scatter;

    /// <summary>A factor over N observed rows.</summary>
    /// <param name="node">The observed node.</param>
    /// <param name="mean">μ.</param>
    /// <param name="precision">P, row-major D×D.</param>
    /// <param name="rows">The data, row-major N×D.</param>
    public MvNormalMeanFactor(RandomNode node, MvGaussianVariable mean, double[] precision, double[] rows)
        : base(node)
    {
        var d = mean.Dimension;
        _mean = mean;
        _precision = precision;
        _logDetPrecision = (SpdMatrix.TryFactor(precision, d) ?? throw new VmpModelException($"the precision of '{node.Name}' is not positive definite", node.Span)).LogDeterminant;
        _count = rows.Length / d;
        _sum = new double[d];
        _scatter = new double[d * d];
        var ones = new double[_count];
        Array.Fill(ones, 1.0);
        Gemm.Multiply(rows, ones, _sum, d, 1, _count, transposeA: true);
        Gemm.Multiply(rows, rows, _scatter, d, d, _count, transposeA: true);
    }

    /// <inheritdoc/>
    public override IEnumerable<VmpVariable> Variables => [_mean];

    /// <inheritdoc/>
    public override void AddMessage(VmpVariable target, double[] natural)
    {
        var d = _mean.Dimension;
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                natural[i] += _precision[i * d + j] * _sum[j];
                natural[d + i * d + j] += _count * _precision[i * d + j];
            }
        }
    }

    /// <inheritdoc/>
    public override double ExpectedLogDensity()
    {
        var d = _mean.Dimension;
        var m = _mean.Mean;
        var expected = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                expected[i * d + j] = _scatter[i * d + j] - _sum[i] * m[j] - m[i] * _sum[j]
                    + _count * (m[i] * m[j] + _mean.Covariance[i * d + j]);
            }
        }

        return 0.5 * _count * _logDetPrecision - 0.5 * _count * d * Math.Log(2 * Math.PI)
            - 0.5 * SpdMatrix.TraceOfProduct(_precision, expected, d);
    }
}
