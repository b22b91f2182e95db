namespace Ppl.StdLib.Distributions;

/// <summary>
/// Parameter validation shared by the distributions' factories; each check throws a
/// <see cref="DistributionParameterException"/> naming the distribution and the parameter.
/// </summary>
internal static class Guard
{
    /// <summary>Simplex sums must be within this of one (relative to the number of entries).</summary>
    public const double SimplexTolerance = 1e-8;

    public static double Finite(string distribution, string parameter, double value) =>
        double.IsFinite(value) ? value : throw Fail(distribution, parameter, "must be finite", value);

    public static double Positive(string distribution, string parameter, double value) =>
        value > 0 && double.IsFinite(value) ? value : throw Fail(distribution, parameter, "must be positive", value);

    public static double Probability(string distribution, string parameter, double value) =>
        value is >= 0 and <= 1 ? value : throw Fail(distribution, parameter, "must be in [0, 1]", value);

    public static int NonNegativeCount(string distribution, string parameter, int value) =>
        value >= 0 ? value : throw Fail(distribution, parameter, "must be a non-negative integer", value);

    /// <summary>Checks that <paramref name="values"/> is a probability vector and returns a copy.</summary>
    public static double[] Simplex(string distribution, string parameter, ReadOnlySpan<double> values)
    {
        if (values.Length == 0)
        {
            throw new DistributionParameterException(distribution, parameter, "must have at least one entry", "an empty vector");
        }
        var sum = 0.0;
        foreach (var p in values)
        {
            if (!(p >= 0 && p <= 1))
            {
                throw Fail(distribution, parameter, "must have entries in [0, 1]", p);
            }
            sum += p;
        }
        if (Math.Abs(sum - 1) > SimplexTolerance * Math.Max(1, values.Length))
        {
            throw new DistributionParameterException(distribution, parameter, "must sum to one",
                $"a sum of {DistributionParameterException.Format(sum)}");
        }
        return values.ToArray();
    }

    /// <summary>Checks that every entry is positive and finite and returns a copy.</summary>
    public static double[] PositiveVector(string distribution, string parameter, ReadOnlySpan<double> values)
    {
        if (values.Length == 0)
        {
            throw new DistributionParameterException(distribution, parameter, "must have at least one entry", "an empty vector");
        }
        foreach (var a in values)
        {
            Positive(distribution, parameter, a);
        }
        return values.ToArray();
    }

    /// <summary>Checks that every entry is finite and returns a copy.</summary>
    public static double[] FiniteVector(string distribution, string parameter, ReadOnlySpan<double> values)
    {
        foreach (var a in values)
        {
            Finite(distribution, parameter, a);
        }
        return values.ToArray();
    }

    public static DistributionParameterException Fail(string distribution, string parameter, string requirement, double value) =>
        new(distribution, parameter, requirement, DistributionParameterException.Format(value));
}
