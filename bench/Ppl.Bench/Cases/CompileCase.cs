using Ppl.Compiler;
using Ppl.Compiler.Planning;

namespace Ppl.Bench.Cases;

/// <summary>
/// <c>compile</c>: the front end, warm — parse, bind, type- and shape-check, lower to the IR and plan
/// (<see cref="Compilation.Compile(string, string, Ppl.Compiler.Binding.SizeBindings?)"/> then
/// <see cref="Planner.Plan(Ppl.Compiler.Ir.ModelIr, Ppl.Compiler.Planning.Backend?, string?)"/>) of
/// every model in <c>examples/</c>. The row <c>compile</c> times all of them in one go;
/// <c>compile-{model}</c> times one. The source text is read once beforehand (file reading is not timed).
/// No peer. Quality: the number of models that failed to compile or plan (0 expected).
/// </summary>
internal sealed class CompileCase(string name, IReadOnlyList<(string Path, string Source)> models) : IBenchmarkCase
{
    /// <summary>The total over all examples, then one case per example.</summary>
    public static IEnumerable<IBenchmarkCase> All(string repositoryRoot)
    {
        var folder = Path.Combine(repositoryRoot, "examples");
        var files = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.ppl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
            : [];
        var models = files.Select(f => (f, File.ReadAllText(f))).ToArray();
        yield return new CompileCase("compile", models);
        foreach (var model in models)
        {
            yield return new CompileCase($"compile-{Path.GetFileNameWithoutExtension(model.f)}", [model]);
        }
    }

    public string Name => name;

    public double? Flops => null;

    public PplResult RunPpl(BenchmarkSettings settings)
    {
        var failures = 0;
        void CompileAll()
        {
            failures = 0;
            foreach (var (path, source) in models)
            {
                var compiled = Compilation.Compile(source, path);
                if (compiled.HasErrors || compiled.Ir is not { } ir || !Planner.Plan(ir, null, source).Succeeded)
                {
                    failures++;
                }
            }
        }
        var timing = Timing.Measure(CompileAll, settings);
        return new PplResult(timing, new Dictionary<string, double> { ["models"] = models.Count, ["failed"] = failures });
    }

    public PeerResult RunPeer(BenchmarkSettings settings) => PeerResult.NoPeer;
}
