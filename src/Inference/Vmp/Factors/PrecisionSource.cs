using Ppl.Inference.Vmp.Variables;

namespace Ppl.Inference.Vmp.Factors;

/// <summary>
/// The precision τ of a Gaussian factor on each cell of the factor's grid: known (data, constants,
/// a converted sd or variance), a <c>param</c>, or a Gamma variable (broadcast through a plate map).
/// </summary>
internal sealed class PrecisionSource
{
    private readonly double[]? _known;
    private readonly int[]? _map;

    private PrecisionSource(double[]? known, ParamCell? param, GammaArray? gamma, int[]? map)
    {
        _known = known;
        Param = param;
        Gamma = gamma;
        _map = map;
    }

    /// <summary>A known precision per cell.</summary>
    /// <param name="values">One value per cell.</param>
    /// <returns>The source.</returns>
    public static PrecisionSource Known(double[] values) => new(values, null, null, null);

    /// <summary>A scalar <c>param</c>.</summary>
    /// <param name="param">The param.</param>
    /// <returns>The source.</returns>
    public static PrecisionSource OfParam(ParamCell param) => new(null, param, null, null);

    /// <summary>A Gamma variable.</summary>
    /// <param name="gamma">The variable.</param>
    /// <param name="map">Cell of the factor grid → element of the variable.</param>
    /// <returns>The source.</returns>
    public static PrecisionSource OfGamma(GammaArray gamma, int[] map) => new(null, null, gamma, map);

    /// <summary>The param, if the precision is one.</summary>
    public ParamCell? Param { get; }

    /// <summary>The Gamma variable, if the precision is one.</summary>
    public GammaArray? Gamma { get; }

    /// <summary>True when the precision is the same on every cell (known scalar, param, or global Gamma).</summary>
    public bool IsUniform => Param is not null || (Gamma is not null && Gamma.Count == 1) || (_known is not null && _known.Distinct().Count() <= 1);

    /// <summary>E[τ] on a cell.</summary>
    /// <param name="cell">The cell.</param>
    /// <returns>E[τ].</returns>
    public double Expected(int cell) =>
        _known is not null ? _known[_known.Length == 1 ? 0 : cell]
        : Param is not null ? Param.Value
        : Gamma!.Expected[_map![cell]];

    /// <summary>E[log τ] on a cell.</summary>
    /// <param name="cell">The cell.</param>
    /// <returns>E[log τ].</returns>
    public double ExpectedLog(int cell) =>
        _known is not null ? Math.Log(_known[_known.Length == 1 ? 0 : cell])
        : Param is not null ? Math.Log(Param.Value)
        : Gamma!.ExpectedLog[_map![cell]];

    /// <summary>The element of the Gamma variable a cell uses.</summary>
    /// <param name="cell">The cell.</param>
    /// <returns>Its index.</returns>
    public int GammaIndex(int cell) => _map![cell];

    /// <summary>
    /// Adds the message to the Gamma variable from cells with E[(x − m)²] given:
    /// shape − 1 += ½ per cell, rate += ½ E[(x − m)²] (Bishop 2006, eqs 10.29–10.30 in VMP form).
    /// </summary>
    /// <param name="natural">The Gamma's accumulator.</param>
    /// <param name="cell">The cell.</param>
    /// <param name="count">How many scalar observations the cell holds.</param>
    /// <param name="squaredDeviation">E[Σ (x − m)²] over the cell.</param>
    public void AddGammaMessage(double[] natural, int cell, double count, double squaredDeviation)
    {
        var i = _map![cell];
        natural[i] += 0.5 * count;
        natural[Gamma!.Count + i] += 0.5 * squaredDeviation;
    }
}
