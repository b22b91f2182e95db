using System.Text.Json;

namespace Ppl.Tensors.Tests.Special;

/// <summary>shared/fixtures/distributions.json (SciPy reference values).</summary>
internal static class SpecialFixture
{
    private static readonly Lazy<JsonElement> _root = new(Load);

    /// <summary>The JSON object for one function, e.g. "lgamma".</summary>
    public static JsonElement Get(string name) => _root.Value.GetProperty("special").GetProperty(name);

    /// <summary>The names of the functions in the fixture's <c>special</c> section.</summary>
    public static IEnumerable<string> Names() => _root.Value.GetProperty("special").EnumerateObject().Select(p => p.Name);

    /// <summary>The cases of the fixture's <c>distributions</c> section for one family, e.g. "Gamma".</summary>
    public static IEnumerable<JsonElement> Distributions(string family) => _root.Value.GetProperty("distributions")
        .EnumerateArray().Where(c => c.GetProperty("distribution").GetString() == family);

    /// <summary>Reads a number, or one of the strings "Infinity", "-Infinity", "NaN".</summary>
    public static double Number(JsonElement e) => e.ValueKind == JsonValueKind.String
        ? e.GetString() switch
        {
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            _ => double.NaN,
        }
        : e.GetDouble();

    /// <summary>An array of numbers.</summary>
    public static double[] Numbers(JsonElement e) => [.. e.EnumerateArray().Select(Number)];

    /// <summary>The (x, y) pairs of a one-argument function, as xunit theory data.</summary>
    public static TheoryData<double, double> Pairs(string name)
    {
        var fn = Get(name);
        var xs = Numbers(fn.GetProperty("x"));
        var ys = Numbers(fn.GetProperty("y"));
        var data = new TheoryData<double, double>();
        for (var i = 0; i < xs.Length; i++)
        {
            data.Add(xs[i], ys[i]);
        }
        return data;
    }

    private static JsonElement Load()
    {
        // The fixture: tests/shared (the repository's copy, found first) or the shared folder beside the repository.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "shared", "fixtures", "distributions.json");
            if (File.Exists(path))
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(path));
                return doc.RootElement.Clone();
            }
        }
        throw new FileNotFoundException("shared/fixtures/distributions.json not found above " + AppContext.BaseDirectory);
    }
}
