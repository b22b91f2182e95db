using Ppl.Compiler;
using Ppl.Compiler.Binding;
using Ppl.Compiler.Planning;
using Ppl.Inference;
using Ppl.Inference.Results;
using Ppl.Inference.Vmp;
using Ppl.StdLib.Data;

namespace Ppl.Bench.Cases;

/// <summary>Compiles, plans and binds a model once, then runs the vmp backend on it (what each timed repeat does).</summary>
internal sealed class VmpModels
{
    private readonly InferenceRequest _request;

    public VmpModels(string source, InferenceOptions options, params DataArray[] data)
    {
        var compiled = Compilation.Compile(source, "bench.ppl");
        if (compiled.HasErrors)
        {
            throw new InvalidOperationException(string.Join("\n", compiled.Diagnostics));
        }
        var plan = Planner.Plan(compiled.Ir!, Backend.Vmp, source);
        var bound = DataBinder.Bind(compiled.Ir!, new DataSet(data));
        if (bound.HasErrors)
        {
            throw new InvalidOperationException(string.Join("\n", bound.Diagnostics));
        }
        _request = new InferenceRequest(compiled.Ir!, plan, bound.Data!, options, "bench.ppl");
    }

    public InferenceResult Run() => new VmpBackend().Run(_request);

    /// <summary>Compile, plan and run from the text: the whole cost a user sees for a model (data binding apart).</summary>
    public static double CompileSeconds(string source)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var compiled = Compilation.Compile(source, "bench.ppl");
        _ = Planner.Plan(compiled.Ir!, Backend.Vmp, source);
        return clock.Elapsed.TotalSeconds;
    }
}
