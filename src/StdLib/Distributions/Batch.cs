namespace Ppl.StdLib.Distributions;

/// <summary>Argument checks for the span-based (batched over a plate) entry points.</summary>
internal static class Batch
{
    /// <summary>Checks that every parameter span has the data's length or length 1 (shared).</summary>
    public static void CheckLengths(string distribution, int count, int resultLength, params ReadOnlySpan<int> parameterLengths)
    {
        if (resultLength != count)
        {
            throw new ArgumentException($"{distribution}: the result has length {resultLength} but the data has {count}.");
        }
        foreach (var length in parameterLengths)
        {
            if (length != count && length != 1)
            {
                throw new ArgumentException(
                    $"{distribution}: a parameter of length {length} does not match data of length {count} (or 1, shared).");
            }
        }
    }

    public static double CheckProbability(string distribution, double probability) =>
        probability is >= 0 and <= 1
            ? probability
            : throw new ArgumentOutOfRangeException(nameof(probability), probability, $"{distribution}: a quantile needs a probability in [0, 1].");

    public static void CheckNaturalLength(string distribution, ReadOnlySpan<double> naturalParameters, int expected)
    {
        if (naturalParameters.Length != expected)
        {
            throw new ArgumentException(
                $"{distribution}: expected {expected} natural parameters, got {naturalParameters.Length}.", nameof(naturalParameters));
        }
    }
}
