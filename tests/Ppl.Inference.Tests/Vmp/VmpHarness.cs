using System.Runtime.CompilerServices;
using System.Text.Json;
using Ppl.Compiler;
using Ppl.Compiler.Binding;
using Ppl.Compiler.Planning;
using Ppl.Inference.Results;
using Ppl.Inference.Vmp;
using Ppl.StdLib.Data;

namespace Ppl.Inference.Tests.Vmp;

/// <summary>Runs a model's text through the real pipeline: compile → plan → bind → the vmp backend.</summary>
internal static class VmpHarness
{
    public static DataArray Reals(string name, double[] values, params int[] shape) =>
        DataArray.FromValues(name, shape.Length == 0 ? [values.Length] : shape, DataElementKind.Real, values);

    public static DataArray Integers(string name, int[] values) =>
        DataArray.FromValues(name, [values.Length], DataElementKind.Integer, [.. values.Select(v => (double)v)]);

    public static DataArray Booleans(string name, int[] values) =>
        DataArray.FromValues(name, [values.Length], DataElementKind.Boolean, [.. values.Select(v => (double)v)]);

    public static InferenceResult Run(string source, InferenceOptions? options, params DataArray[] data)
    {
        var compiled = Compilation.Compile(source, "test.ppl");
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics.Select(d => d.ToString())));
        var plan = Planner.Plan(compiled.Ir!, Backend.Vmp, source);
        Assert.True(plan.Succeeded, string.Join("\n", plan.Diagnostics.Select(d => d.ToString())));
        var bound = DataBinder.Bind(compiled.Ir!, new DataSet(data));
        Assert.False(bound.HasErrors, string.Join("\n", bound.Diagnostics.Select(d => d.ToString())));
        return new VmpBackend().Run(new InferenceRequest(compiled.Ir!, plan, bound.Data!, options ?? new InferenceOptions(), "test.ppl"));
    }

    public static InferenceResult Run(string source, params DataArray[] data) => Run(source, null, data);

    public static string FixturePath(string name, [CallerFilePath] string caller = "") =>
        Path.Combine(Path.GetDirectoryName(caller)!, "Fixtures", name);

    public static JsonElement Json(string name) => JsonDocument.Parse(File.ReadAllText(FixturePath(name))).RootElement;

    public static double[] Doubles(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetDouble())];

    /// <summary>The small BLR data: X (20×3) and y.</summary>
    public static (double[] X, double[] Y) SmallRegression()
    {
        var lines = File.ReadAllLines(FixturePath("blr_small_N20_D3.csv")).Skip(1).Where(l => l.Length > 0).ToArray();
        var x = new List<double>();
        var y = new List<double>();
        foreach (var line in lines)
        {
            var cells = line.Split(',').Select(c => double.Parse(c, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            x.AddRange(cells[..3]);
            y.Add(cells[3]);
        }

        return ([.. x], [.. y]);
    }

    public static void Close(double expected, double actual, double tolerance, string what = "")
    {
        var scale = Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance * scale, $"{what}: expected {expected:R}, got {actual:R}");
    }
}
