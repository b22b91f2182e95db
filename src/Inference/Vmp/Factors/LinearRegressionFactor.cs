using Ppl.Compiler.Ir;
using Ppl.Inference.Vmp.Variables;

namespace Ppl.Inference.Vmp.Factors;

/// <summary>
/// y ~ Normal(X @ w, precision τ) over a plate of N observations, w one multivariate Gaussian block,
/// τ uniform (known, a param or a global Gamma latent). From the statistics XᵀX, Xᵀy, yᵀy:
/// <list type="bullet">
/// <item>message to w: (h, Λ) += (E[τ] Xᵀy, E[τ] XᵀX) (Bishop 2006, eqs 3.53–3.54; 10.100–10.101);</item>
/// <item>message to τ: (shape − 1, rate) += (N/2, ½ E‖y − Xw‖²) (Bishop 2006, eqs 10.29–10.30 for β);</item>
/// <item>E[log f] = (N/2) E[log τ] − (N/2) log 2π − ½ E[τ] E‖y − Xw‖².</item>
/// </list>
/// </summary>
internal sealed class LinearRegressionFactor : VmpFactor
{
    private readonly MvGaussianVariable _w;
    private readonly PrecisionSource _precision;

    /// <summary>A factor from gathered statistics.</summary>
    /// <param name="node">The observed node.</param>
    /// <param name="w">The weight block.</param>
    /// <param name="statistics">XᵀX, Xᵀy, yᵀy, N.</param>
    /// <param name="precision">τ.</param>
    public LinearRegressionFactor(RandomNode node, MvGaussianVariable w, RegressionStatistics statistics, PrecisionSource precision)
        : base(node)
    {
        _w = w;
        Statistics = statistics;
        _precision = precision;
    }

    /// <summary>The gathered statistics.</summary>
    public RegressionStatistics Statistics { get; }

    /// <summary>The noise precision.</summary>
    public PrecisionSource Precision => _precision;

    /// <summary>The weights.</summary>
    public MvGaussianVariable Weights => _w;

    /// <inheritdoc/>
    public override IEnumerable<VmpVariable> Variables => _precision.Gamma is { } g ? [_w, g] : [_w];

    /// <inheritdoc/>
    public override void AddMessage(VmpVariable target, double[] natural)
    {
        var d = _w.Dimension;
        if (target == _w)
        {
            var tau = _precision.Expected(0);
            for (var i = 0; i < d; i++)
            {
                natural[i] += tau * Statistics.Projection[i];
            }

            for (var i = 0; i < d * d; i++)
            {
                natural[d + i] += tau * Statistics.Gram[i];
            }

            return;
        }

        _precision.AddGammaMessage(natural, 0, Statistics.Count, Statistics.ExpectedSquaredResidual(_w.Mean, _w.Covariance));
    }

    /// <inheritdoc/>
    public override double ExpectedLogDensity()
    {
        var n = Statistics.Count;
        return 0.5 * n * _precision.ExpectedLog(0) - 0.5 * n * Math.Log(2 * Math.PI)
            - 0.5 * _precision.Expected(0) * Statistics.ExpectedSquaredResidual(_w.Mean, _w.Covariance);
    }

    /// <inheritdoc/>
    public override (double Count, double SumOfSquares) PrecisionStatistics(ParamCell param) =>
        _precision.Param == param ? (Statistics.Count, Statistics.ExpectedSquaredResidual(_w.Mean, _w.Covariance)) : (0, 0);
}
