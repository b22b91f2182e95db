using Ppl.Compiler;
using Ppl.Compiler.Binding;
using Ppl.Compiler.Planning;
using Ppl.Inference.Results;
using Ppl.Inference.Svi;
using Ppl.StdLib.Data;

namespace Ppl.Inference.Tests.Svi;

/// <summary>Drives a model text through the real pipeline: compile → plan (svi) → bind → backend.</summary>
internal static class SviPipeline
{
    public static InferenceRequest Request(string source, IEnumerable<DataArray> data, InferenceOptions? options = null)
    {
        var compiled = Compilation.Compile(source, "test.ppl");
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics.Select(d => d.Message)));
        var plan = Planner.Plan(compiled.Ir!, Backend.Svi, source);
        Assert.True(plan.Succeeded, string.Join("\n", plan.Diagnostics.Select(d => d.Message)));
        var bound = DataBinder.Bind(compiled.Ir!, new DataSet(data));
        Assert.False(bound.HasErrors, string.Join("\n", bound.Diagnostics.Select(d => d.Message)));
        return new InferenceRequest(compiled.Ir!, plan, bound.Data!, options ?? new InferenceOptions(), "test.ppl");
    }

    public static InferenceResult Run(string source, IEnumerable<DataArray> data, InferenceOptions? options = null) =>
        new SviBackend().Run(Request(source, data, options));

    public static DataArray Real(string name, double[] values, params int[] shape) =>
        DataArray.FromValues(name, shape, DataElementKind.Real, values);
}
