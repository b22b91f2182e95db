using System.Globalization;
using System.Text.Json;

namespace Ppl.StdLib.Tests.Distributions;

/// <summary>
/// The SciPy reference values in tests/shared/fixtures/distributions.json (a copy of ../shared/fixtures, so a clean clone has it),
/// found by walking up from the test assembly's directory. Missing file = a loud failure, never a skip.
/// </summary>
internal static class DistributionFixture
{
    private static readonly Lazy<JsonDocument> _document = new(Load);

    public static JsonElement Root => _document.Value.RootElement;

    public static JsonElement Cases => Root.GetProperty("distributions");

    public static JsonElement KlCases => Root.GetProperty("kl");

    public static string FindPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var beside = Path.Combine(directory.FullName, "..", "shared", "fixtures", "distributions.json");
            if (File.Exists(beside))
            {
                return Path.GetFullPath(beside);
            }
        }
        throw new FileNotFoundException(
            "distributions.json not found: expected ../shared/fixtures/distributions.json beside the repository root, "
            + $"searching upwards from {AppContext.BaseDirectory}.");
    }

    private static JsonDocument Load() => JsonDocument.Parse(File.ReadAllText(FindPath()));

    /// <summary>A number, or one of the strings "Infinity", "-Infinity", "NaN".</summary>
    public static double Number(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.String => element.GetString() switch
        {
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            "NaN" => double.NaN,
            var s => double.Parse(s!, CultureInfo.InvariantCulture),
        },
        _ => throw new InvalidDataException($"not a number: {element}"),
    };

    /// <summary>A number, vector or matrix flattened row-major.</summary>
    public static double[] Flatten(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            return [Number(element)];
        }
        return element.EnumerateArray().SelectMany(Flatten).ToArray();
    }

    public static double Scalar(JsonElement parameters, string name) => Number(parameters.GetProperty(name));

    public static double[] Vector(JsonElement parameters, string name) => Flatten(parameters.GetProperty(name));
}
