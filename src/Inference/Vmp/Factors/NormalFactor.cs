using Ppl.Compiler.Ir;
using Ppl.Inference.Vmp.Variables;

namespace Ppl.Inference.Vmp.Factors;

/// <summary>A term c · v of an affine mean: a scalar Gaussian variable broadcast to the factor's grid.</summary>
/// <param name="Variable">The Gaussian variable.</param>
/// <param name="Map">Cell of the factor grid → element of the variable.</param>
/// <param name="Coefficient">c per cell, or null for 1.</param>
internal sealed record GaussianTerm(GaussianArray Variable, int[] Map, double[]? Coefficient);

/// <summary>
/// x ~ Normal(m, precision τ) elementwise on a plate grid, with the mean affine in scalar Gaussian
/// latents, m = o + Σⱼ cⱼ vⱼ, x data or a Gaussian latent, τ known, a param or a Gamma latent.
/// Under mean-field, with A = E[(x − m)²] = E[x²] − 2E[x]E[m] + E[m]² + Σⱼ cⱼ² Var[vⱼ]:
/// <list type="bullet">
/// <item>E[log f] = ½E[log τ] − ½ log 2π − ½E[τ] A (Winn &amp; Bishop 2005, §4.1);</item>
/// <item>message to x: (τm, τ) ← (E[τ]E[m], E[τ]);</item>
/// <item>message to vⱼ: (E[τ] cⱼ (E[x] − E[m₋ⱼ]), E[τ] cⱼ²), m₋ⱼ the mean without term j;</item>
/// <item>message to τ: (shape − 1, rate) += (½, ½A) (Bishop 2006, eqs 10.29–10.30).</item>
/// </list>
/// </summary>
internal sealed class NormalFactor : VmpFactor
{
    private const double HalfLogTwoPi = 0.91893853320467274178;
    private readonly int _cells;
    private readonly double[]? _xData;
    private readonly GaussianArray? _xVariable;
    private readonly int[]? _xMap;
    private readonly double[]? _offset;
    private readonly List<GaussianTerm> _terms;
    private readonly PrecisionSource _precision;

    /// <summary>A factor on <paramref name="cells"/> cells.</summary>
    /// <param name="node">The node.</param>
    /// <param name="cells">The number of cells of the node's grid.</param>
    /// <param name="xData">The observed values, or null for a latent x.</param>
    /// <param name="xVariable">The latent x, or null.</param>
    /// <param name="xMap">Cell → element of x (identity for a latent's own prior).</param>
    /// <param name="offset">o per cell, or null for 0.</param>
    /// <param name="terms">The Gaussian terms of the mean.</param>
    /// <param name="precision">τ.</param>
    public NormalFactor(RandomNode node, int cells, double[]? xData, GaussianArray? xVariable, int[]? xMap,
        double[]? offset, List<GaussianTerm> terms, PrecisionSource precision)
        : base(node)
    {
        _cells = cells;
        _xData = xData;
        _xVariable = xVariable;
        _xMap = xMap;
        _offset = offset;
        _terms = terms;
        _precision = precision;
    }

    /// <inheritdoc/>
    public override IEnumerable<VmpVariable> Variables
    {
        get
        {
            if (_xVariable is not null)
            {
                yield return _xVariable;
            }

            foreach (var t in _terms)
            {
                yield return t.Variable;
            }

            if (_precision.Gamma is not null)
            {
                yield return _precision.Gamma;
            }
        }
    }

    private double ExpectedX(int cell) => _xData is not null ? _xData[cell] : _xVariable!.Mean[_xMap![cell]];

    private double ExpectedXSquared(int cell)
    {
        if (_xData is not null)
        {
            return _xData[cell] * _xData[cell];
        }

        var i = _xMap![cell];
        return _xVariable!.Mean[i] * _xVariable.Mean[i] + _xVariable.Variance[i];
    }

    private (double Mean, double Variance) MeanMoments(int cell)
    {
        var mean = _offset is null ? 0 : _offset[cell];
        var variance = 0.0;
        foreach (var t in _terms)
        {
            var c = t.Coefficient is null ? 1 : t.Coefficient[cell];
            var i = t.Map[cell];
            mean += c * t.Variable.Mean[i];
            variance += c * c * t.Variable.Variance[i];
        }

        return (mean, variance);
    }

    private double SquaredDeviation(int cell)
    {
        var (m, v) = MeanMoments(cell);
        return ExpectedXSquared(cell) - 2 * ExpectedX(cell) * m + m * m + v;
    }

    /// <inheritdoc/>
    public override void AddMessage(VmpVariable target, double[] natural)
    {
        if (target == _xVariable)
        {
            var n = _xVariable.Count;
            for (var f = 0; f < _cells; f++)
            {
                var tau = _precision.Expected(f);
                var i = _xMap![f];
                natural[i] += tau * MeanMoments(f).Mean;
                natural[n + i] += tau;
            }

            return;
        }

        if (target == _precision.Gamma)
        {
            for (var f = 0; f < _cells; f++)
            {
                _precision.AddGammaMessage(natural, f, 1, SquaredDeviation(f));
            }

            return;
        }

        foreach (var t in _terms)
        {
            if (t.Variable != target)
            {
                continue;
            }

            var n = t.Variable.Count;
            for (var f = 0; f < _cells; f++)
            {
                var tau = _precision.Expected(f);
                var c = t.Coefficient is null ? 1 : t.Coefficient[f];
                var i = t.Map[f];
                var others = MeanMoments(f).Mean - c * t.Variable.Mean[i];
                natural[i] += tau * c * (ExpectedX(f) - others);
                natural[n + i] += tau * c * c;
            }
        }
    }

    /// <inheritdoc/>
    public override double ExpectedLogDensity()
    {
        var sum = 0.0;
        for (var f = 0; f < _cells; f++)
        {
            sum += 0.5 * _precision.ExpectedLog(f) - HalfLogTwoPi - 0.5 * _precision.Expected(f) * SquaredDeviation(f);
        }

        return sum;
    }

    /// <inheritdoc/>
    public override (double Count, double SumOfSquares) PrecisionStatistics(ParamCell param)
    {
        if (_precision.Param != param)
        {
            return (0, 0);
        }

        var sum = 0.0;
        for (var f = 0; f < _cells; f++)
        {
            sum += SquaredDeviation(f);
        }

        return (_cells, sum);
    }
}
