using Ppl.Compiler.Ir;
using Ppl.Inference.Vmp.Variables;

namespace Ppl.Inference.Vmp.Factors;

/// <summary>
/// The prior of a vector latent w: real[D]: <c>Normal(m₀, precision: τ)</c> broadcast i.i.d. (precision
/// τI, τ known, a param or a global Gamma latent) or <c>MvNormal(m₀, precision: P | cov: P⁻¹)</c> with
/// known P. With E[(w − m₀)(w − m₀)ᵀ] = Σ + (m − m₀)(m − m₀)ᵀ:
/// <list type="bullet">
/// <item>E[log f] = ½E[log |P|] − (D/2) log 2π − ½ tr(E[P] E[(w − m₀)(w − m₀)ᵀ]);</item>
/// <item>message to w: (h, Λ) += (E[P] m₀, E[P]) (Bishop 2006, eq. 3.50 with the data term apart);</item>
/// <item>message to τ: (shape − 1, rate) += (D/2, ½ E[‖w − m₀‖²]) (Bishop 2006, eq. 10.94–10.95).</item>
/// </list>
/// </summary>
internal sealed class GaussianVectorPriorFactor : VmpFactor
{
    private readonly MvGaussianVariable _w;
    private readonly double[] _priorMean;
    private readonly PrecisionSource? _scalarPrecision;
    private readonly double[]? _precisionMatrix;
    private readonly double _logDetPrecisionMatrix;

    /// <summary>A prior with precision τI or a known matrix.</summary>
    /// <param name="node">The latent's node.</param>
    /// <param name="w">The variable.</param>
    /// <param name="priorMean">m₀ (D values).</param>
    /// <param name="scalarPrecision">τ, or null with a matrix.</param>
    /// <param name="precisionMatrix">P, or null with a scalar τ.</param>
    public GaussianVectorPriorFactor(RandomNode node, MvGaussianVariable w, double[] priorMean,
        PrecisionSource? scalarPrecision, double[]? precisionMatrix)
        : base(node)
    {
        _w = w;
        _priorMean = priorMean;
        _scalarPrecision = scalarPrecision;
        _precisionMatrix = precisionMatrix;
        if (precisionMatrix is not null)
        {
            _logDetPrecisionMatrix = (SpdMatrix.TryFactor(precisionMatrix, w.Dimension)
                ?? throw new VmpModelException($"the prior precision of '{node.Name}' is not positive definite")).LogDeterminant;
        }
    }

    /// <summary>The vector latent.</summary>
    public MvGaussianVariable Weights => _w;

    /// <summary>τ of a τI precision, or null for a known matrix.</summary>
    public PrecisionSource? ScalarPrecision => _scalarPrecision;

    /// <summary>‖E[w] − m₀‖².</summary>
    /// <returns>The squared distance.</returns>
    public double SquaredDistanceOfMean()
    {
        var sum = 0.0;
        for (var i = 0; i < _w.Dimension; i++)
        {
            var r = _w.Mean[i] - _priorMean[i];
            sum += r * r;
        }

        return sum;
    }

    /// <inheritdoc/>
    public override IEnumerable<VmpVariable> Variables =>
        _scalarPrecision?.Gamma is { } g ? [_w, g] : [_w];

    private double SquaredDeviation()
    {
        var sum = 0.0;
        var d = _w.Dimension;
        for (var i = 0; i < d; i++)
        {
            var r = _w.Mean[i] - _priorMean[i];
            sum += _w.Covariance[i * d + i] + r * r;
        }

        return sum;
    }

    /// <inheritdoc/>
    public override void AddMessage(VmpVariable target, double[] natural)
    {
        var d = _w.Dimension;
        if (target == _w)
        {
            if (_precisionMatrix is not null)
            {
                for (var i = 0; i < d; i++)
                {
                    natural[i] += SpdMatrix.Bilinear(_precisionMatrix, UnitRow(i, d), _priorMean);
                }

                for (var i = 0; i < d * d; i++)
                {
                    natural[d + i] += _precisionMatrix[i];
                }
            }
            else
            {
                var tau = _scalarPrecision!.Expected(0);
                for (var i = 0; i < d; i++)
                {
                    natural[i] += tau * _priorMean[i];
                    natural[d + i * d + i] += tau;
                }
            }

            return;
        }

        _scalarPrecision!.AddGammaMessage(natural, 0, d, SquaredDeviation());
    }

    private static double[] UnitRow(int i, int d)
    {
        var e = new double[d];
        e[i] = 1;
        return e;
    }

    /// <inheritdoc/>
    public override double ExpectedLogDensity()
    {
        var d = _w.Dimension;
        var halfDLogTwoPi = 0.5 * d * Math.Log(2 * Math.PI);
        if (_precisionMatrix is null)
        {
            return 0.5 * d * _scalarPrecision!.ExpectedLog(0) - halfDLogTwoPi - 0.5 * _scalarPrecision.Expected(0) * SquaredDeviation();
        }

        var r = new double[d];
        for (var i = 0; i < d; i++)
        {
            r[i] = _w.Mean[i] - _priorMean[i];
        }

        var quadratic = SpdMatrix.TraceOfProduct(_precisionMatrix, _w.Covariance, d) + SpdMatrix.Bilinear(_precisionMatrix, r, r);
        return 0.5 * _logDetPrecisionMatrix - halfDLogTwoPi - 0.5 * quadratic;
    }

    /// <inheritdoc/>
    public override (double Count, double SumOfSquares) PrecisionStatistics(ParamCell param) =>
        _scalarPrecision?.Param == param ? (_w.Dimension, SquaredDeviation()) : (0, 0);
}
