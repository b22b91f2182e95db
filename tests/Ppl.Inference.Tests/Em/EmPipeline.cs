using Ppl.Compiler;
using Ppl.Compiler.Binding;
using Ppl.Compiler.Planning;
using Ppl.Inference.Em;
using Ppl.Inference.Results;
using Ppl.StdLib.Data;

namespace Ppl.Inference.Tests.Em;

/// <summary>Runs a model through the real pipeline: text → Compilation → planner → data binding → EM backend.</summary>
internal static class EmPipeline
{
    public static InferenceResult Run(string source, string file, IEnumerable<DataArray> data, InferenceOptions? options = null)
    {
        var compiled = Compilation.Compile(source, file);
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics.Select(d => d.Message)));
        var plan = Planner.Plan(compiled.Ir!, null, source);
        Assert.Equal(Backend.Em, plan.Chosen);
        var bound = DataBinder.Bind(compiled.Ir!, new DataSet(data));
        Assert.False(bound.HasErrors, string.Join("\n", bound.Diagnostics.Select(d => d.Message)));
        var registry = new BackendRegistry([new EmBackend()]);
        return registry.Find(Backend.Em)!.Run(new InferenceRequest(compiled.Ir!, plan, bound.Data!, options ?? new InferenceOptions(), file));
    }

    public static DataArray Reals(string name, double[] values, params int[] shape) =>
        DataArray.FromValues(name, shape, DataElementKind.Real, values);

    public static DataArray Integers(string name, double[] values, params int[] shape) =>
        DataArray.FromValues(name, shape, DataElementKind.Integer, values);

    public static DataArray Booleans(string name, double[] values, params int[] shape) =>
        DataArray.FromValues(name, shape, DataElementKind.Boolean, values);

    /// <summary>The EM log-likelihood never decreases (up to rounding).</summary>
    public static void AssertMonotone(IReadOnlyList<double> trace)
    {
        for (var i = 1; i < trace.Count; i++)
        {
            Assert.True(trace[i] >= trace[i - 1] - 1e-9 * Math.Abs(trace[i - 1]),
                $"log-likelihood decreased at iteration {i}: {trace[i - 1]} -> {trace[i]}");
        }
    }

    public static string FixturePath(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Ppl.Inference.Tests", "Em", "Fixtures", "em", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
            directory = directory.Parent;
        }
        throw new FileNotFoundException($"fixture {name} not found above {AppContext.BaseDirectory}");
    }
}
