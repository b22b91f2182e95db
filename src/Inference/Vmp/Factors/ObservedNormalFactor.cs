using Ppl.Compiler.Ir;
using Ppl.Inference.Vmp.Variables;

namespace Ppl.Inference.Vmp.Factors;

/// <summary>
/// Observed x ~ Normal(o + Σⱼ cⱼ vⱼ, precision τ) with its data gathered once into sufficient statistics.
/// Cells that touch the same elements of every vⱼ and of τ form a group g; with uᶠ = (xᶠ − oᶠ, c₁ᶠ, …, c_Jᶠ)
/// and weights wᶠ (the known precision, or 1 when τ is a param or a Gamma latent), the group keeps
/// W = Σ wᶠ, the weighted mean ū and the centred co-moments C = Σ wᶠ (uᶠ − ū)(uᶠ − ū)ᵀ (two passes, so
/// that data far from zero lose no digits: Chan, Golub &amp; LeVeque 1983). With v = (1, −μ₁, …, −μ_J)
/// (μ, V: the posterior means and variances of the vⱼ) every message costs O(groups·J²), not O(N):
/// <list type="bullet">
/// <item>Σ_{f∈g} wᶠ E[(xᶠ − mᶠ)²] = vᵀCv + W (vᵀū)² + Σⱼ Vⱼ (C_jj + W ūⱼ²);</item>
/// <item>message to vⱼ: (τm, τ) += E[τ] (Σ wᶠ cⱼᶠ (xᶠ − oᶠ − Σ_{l≠j} cₗᶠ μₗ), Σ wᶠ cⱼᶠ²) (Winn &amp; Bishop 2005, §4.1),
/// from C and ū in the same way;</item>
/// <item>message to τ: (shape − 1, rate) += (nᵍ/2, ½ Σ_{f∈g} E[(xᶠ − mᶠ)²]) (Bishop 2006, eqs 10.29–10.30).</item>
/// </list>
/// The same messages as <see cref="NormalFactor"/> up to round-off.
/// </summary>
internal sealed class ObservedNormalFactor : VmpFactor
{
    private const double HalfLogTwoPi = 0.91893853320467274178;
    private readonly IReadOnlyList<GaussianTerm> _terms;
    private readonly PrecisionSource _precision;
    private readonly int _cells;
    private readonly int _groups;
    private readonly int _size;
    private readonly int[] _elements;
    private readonly int[] _firstCell;
    private readonly double[] _count;
    private readonly double[] _weight;
    private readonly double[] _means;
    private readonly double[] _comoments;
    private readonly double _halfLogKnownPrecision;
    private readonly double[] _v;

    private ObservedNormalFactor(RandomNode node, IReadOnlyList<GaussianTerm> terms, PrecisionSource precision, int cells,
        int[] firstCell, double[] count, double[] weight, double[] means, double[] comoments, double halfLogKnownPrecision)
        : base(node)
    {
        _terms = terms;
        _precision = precision;
        _cells = cells;
        _groups = firstCell.Length;
        _size = terms.Count + 1;
        _firstCell = firstCell;
        _count = count;
        _weight = weight;
        _means = means;
        _comoments = comoments;
        _halfLogKnownPrecision = halfLogKnownPrecision;
        _v = new double[_size];
        var j = terms.Count;
        _elements = new int[_groups * j];
        for (var g = 0; g < _groups; g++)
        {
            for (var t = 0; t < j; t++)
            {
                _elements[g * j + t] = terms[t].Map[_firstCell[g]];
            }
        }
    }

    /// <summary>Number of groups the data collapsed into.</summary>
    public int Groups => _groups;

    /// <summary>
    /// Gathers the statistics, or returns null when the cells do not collapse to at most half as many
    /// groups (the per-cell <see cref="NormalFactor"/> is then as cheap).
    /// </summary>
    /// <param name="node">The observed node.</param>
    /// <param name="cells">Cells of the node's grid.</param>
    /// <param name="data">x per cell.</param>
    /// <param name="offset">o per cell, or null for 0.</param>
    /// <param name="terms">The Gaussian terms of the mean.</param>
    /// <param name="precision">τ.</param>
    /// <returns>The factor or null.</returns>
    public static ObservedNormalFactor? TryCreate(RandomNode node, int cells, double[] data, double[]? offset,
        List<GaussianTerm> terms, PrecisionSource precision)
    {
        // Mixed-radix key of (element of τ, element of each vⱼ); give up if it cannot fit a long.
        var span = (double)(precision.Gamma?.Count ?? 1);
        foreach (var t in terms)
        {
            span *= t.Variable.Count;
        }

        if (span > long.MaxValue / 2 || cells < 2)
        {
            return null;
        }

        var j = terms.Count;
        var size = j + 1;
        var known = precision.Param is null && precision.Gamma is null;
        var groupOf = new Dictionary<long, int>();
        var cellGroup = new int[cells];
        var firstCell = new List<int>();
        for (var f = 0; f < cells; f++)
        {
            long key = precision.Gamma is null ? 0 : precision.GammaIndex(f);
            foreach (var t in terms)
            {
                key = key * t.Variable.Count + t.Map[f];
            }

            if (!groupOf.TryGetValue(key, out var g))
            {
                g = firstCell.Count;
                if (2 * (g + 1) > cells)
                {
                    return null;
                }

                groupOf[key] = g;
                firstCell.Add(f);
            }

            cellGroup[f] = g;
        }

        var groups = firstCell.Count;
        var count = new double[groups];
        var weight = new double[groups];
        var means = new double[groups * size];
        var comoments = new double[groups * size * size];
        var u = new double[size];
        var halfLogKnown = 0.0;
        void Row(int f)
        {
            u[0] = data[f] - (offset is null ? 0 : offset[f]);
            for (var t = 0; t < j; t++)
            {
                u[t + 1] = terms[t].Coefficient is { } c ? c[f] : 1;
            }
        }

        // Pass 1: W and ū per group.
        for (var f = 0; f < cells; f++)
        {
            var g = cellGroup[f];
            var w = known ? precision.Expected(f) : 1;
            halfLogKnown += known ? 0.5 * Math.Log(w) : 0;
            Row(f);
            count[g] += 1;
            weight[g] += w;
            for (var a = 0; a < size; a++)
            {
                means[g * size + a] += w * u[a];
            }
        }

        for (var g = 0; g < groups; g++)
        {
            for (var a = 0; a < size; a++)
            {
                means[g * size + a] /= weight[g];
            }
        }

        // Pass 2: centred co-moments.
        for (var f = 0; f < cells; f++)
        {
            var g = cellGroup[f];
            var w = known ? precision.Expected(f) : 1;
            Row(f);
            for (var a = 0; a < size; a++)
            {
                u[a] -= means[g * size + a];
            }

            var at = g * size * size;
            for (var a = 0; a < size; a++)
            {
                for (var b = 0; b < size; b++)
                {
                    comoments[at + a * size + b] += w * u[a] * u[b];
                }
            }
        }

        return new ObservedNormalFactor(node, terms, precision, cells, [.. firstCell], count, weight, means, comoments, halfLogKnown);
    }

    /// <inheritdoc/>
    public override IEnumerable<VmpVariable> Variables
    {
        get
        {
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

    private bool KnownPrecision => _precision.Param is null && _precision.Gamma is null;

    /// <summary>E[τ] of a group; 1 when the known precisions are folded into the weights.</summary>
    private double Tau(int g) => KnownPrecision ? 1 : _precision.Expected(_firstCell[g]);

    /// <summary>v = (1, −μ₁, …, −μ_J) at group g, with component <paramref name="skip"/> (1-based term) zeroed.</summary>
    private double[] Direction(int g, int skip)
    {
        var j = _terms.Count;
        _v[0] = 1;
        for (var t = 0; t < j; t++)
        {
            _v[t + 1] = t + 1 == skip ? 0 : -_terms[t].Variable.Mean[_elements[g * j + t]];
        }

        return _v;
    }

    /// <summary>Σ wᶠ (uᶠ)_a (vᵀuᶠ) = (C v)_a + W ū_a (vᵀū).</summary>
    private double Moment(int g, int a, double[] v)
    {
        var size = _size;
        var c = _comoments.AsSpan(g * size * size + a * size, size);
        var mean = _means.AsSpan(g * size, size);
        double cv = 0, mv = 0;
        for (var b = 0; b < size; b++)
        {
            cv += c[b] * v[b];
            mv += mean[b] * v[b];
        }

        return cv + _weight[g] * mean[a] * mv;
    }

    /// <summary>Σ_{f∈g} wᶠ E[(xᶠ − mᶠ)²] (the first formula of the summary).</summary>
    private double SquaredDeviation(int g)
    {
        var size = _size;
        var j = _terms.Count;
        var v = Direction(g, 0);
        var c = _comoments.AsSpan(g * size * size, size * size);
        var mean = _means.AsSpan(g * size, size);
        double quadratic = 0, mv = 0;
        for (var a = 0; a < size; a++)
        {
            mv += mean[a] * v[a];
            for (var b = 0; b < size; b++)
            {
                quadratic += v[a] * c[a * size + b] * v[b];
            }
        }

        var sum = quadratic + _weight[g] * mv * mv;
        for (var t = 0; t < j; t++)
        {
            sum += _terms[t].Variable.Variance[_elements[g * j + t]] * (c[(t + 1) * size + t + 1] + _weight[g] * mean[t + 1] * mean[t + 1]);
        }

        return sum;
    }

    /// <inheritdoc/>
    public override void AddMessage(VmpVariable target, double[] natural)
    {
        if (target == _precision.Gamma)
        {
            for (var g = 0; g < _groups; g++)
            {
                _precision.AddGammaMessage(natural, _firstCell[g], _count[g], SquaredDeviation(g));
            }

            return;
        }

        var j = _terms.Count;
        var size = _size;
        for (var t = 0; t < j; t++)
        {
            if (_terms[t].Variable != target)
            {
                continue;
            }

            var n = target.Count;
            for (var g = 0; g < _groups; g++)
            {
                var tau = Tau(g);
                var i = _elements[g * j + t];
                var mean = _means[g * size + t + 1];
                natural[i] += tau * Moment(g, t + 1, Direction(g, t + 1));
                natural[n + i] += tau * (_comoments[g * size * size + (t + 1) * size + t + 1] + _weight[g] * mean * mean);
            }
        }
    }

    /// <inheritdoc/>
    public override double ExpectedLogDensity()
    {
        var sum = _halfLogKnownPrecision - _cells * HalfLogTwoPi;
        for (var g = 0; g < _groups; g++)
        {
            if (!KnownPrecision)
            {
                sum += 0.5 * _count[g] * _precision.ExpectedLog(_firstCell[g]);
            }

            sum -= 0.5 * Tau(g) * SquaredDeviation(g);
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
        for (var g = 0; g < _groups; g++)
        {
            sum += SquaredDeviation(g);
        }

        return (_cells, sum);
    }
}
