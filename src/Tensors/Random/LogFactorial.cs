namespace Ppl.Tensors.Random;

/// <summary>
/// log k! for the rejection tests of the Poisson and binomial samplers: a table below 16 and
/// Stirling's series above, whose truncation error is below 1/(1680 k⁷) &lt; 1e-11 there.
/// </summary>
internal static class LogFactorial
{
    private const int TableSize = 16;
    private static readonly double[] _table = BuildTable();

    /// <summary>log k! for k ≥ 0.</summary>
    public static double Of(double k)
    {
        if (k < TableSize)
        {
            return _table[(int)k];
        }
        // log k! = k log k − k + ½ log(2πk) + 1/(12k) − 1/(360k³) + 1/(1260k⁵) (Abramowitz & Stegun 6.1.41).
        var inverse = 1.0 / k;
        var inverseSquared = inverse * inverse;
        return k * Math.Log(k) - k + 0.5 * Math.Log(2 * Math.PI * k)
            + inverse * (1.0 / 12 - inverseSquared * (1.0 / 360 - inverseSquared / 1260));
    }

    private static double[] BuildTable()
    {
        var table = new double[TableSize];
        for (var k = 2; k < TableSize; k++)
        {
            table[k] = table[k - 1] + Math.Log(k);
        }
        return table;
    }
}
