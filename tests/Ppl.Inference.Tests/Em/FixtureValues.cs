using System.Text.Json;

namespace Ppl.Inference.Tests.Em;

/// <summary>Reading scikit-learn fixture arrays and comparing them with EM's results.</summary>
internal static class FixtureValues
{
    /// <summary>The numbers of a (nested) JSON array, row-major.</summary>
    public static double[] Flatten(JsonElement element)
    {
        var values = new List<double>();
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var child in e.EnumerateArray())
                {
                    Walk(child);
                }
            }
            else
            {
                values.Add(e.GetDouble());
            }
        }
        Walk(element);
        return [.. values];
    }

    /// <summary>Every element within <paramref name="tolerance"/> relative (absolute below magnitude 1).</summary>
    public static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])), $"[{i}] {actual[i]} vs {expected[i]}");
        }
    }
}
