using Ppl.Tensors.Random;

namespace Ppl.Inference.Svi;

/// <summary>Categorical draws by inverting the cumulative probabilities of each row.</summary>
internal static class CategoricalDraws
{
    /// <summary>
    /// One class per row of <paramref name="probabilities"/> (row-major, <paramref name="classes"/>
    /// per row): the smallest c with u &lt; p₀ + … + p_c for a uniform u (the last class takes the rest).
    /// </summary>
    public static int[] Draw(ReadOnlySpan<double> probabilities, int classes, RandomSource random)
    {
        var draws = new int[probabilities.Length / classes];
        for (var e = 0; e < draws.Length; e++)
        {
            var u = random.NextDouble();
            var c = 0;
            for (var acc = probabilities[e * classes]; c < classes - 1 && u >= acc; acc += probabilities[e * classes + c])
            {
                c++;
            }
            draws[e] = c;
        }
        return draws;
    }
}
