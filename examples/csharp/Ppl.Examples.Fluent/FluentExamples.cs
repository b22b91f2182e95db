using System.Globalization;
using Ppl.Compiler.Binding;
using Ppl.Compiler.Fluent;
using Ppl.Compiler.Planning;
using Ppl.Inference;
using Ppl.Inference.Results;
using Ppl.StdLib.Data;

namespace Ppl.Examples.Fluent;

/// <summary>
/// Runs models built in C# the way <c>ppl infer</c> runs their <c>.ppl</c> files: compile, read and
/// bind the example's JSON data, let the planner choose the backend, run it, print the posteriors.
/// </summary>
internal static class FluentExamples
{
    /// <summary>The backends, listed explicitly as in <c>ppl</c>'s composition root.</summary>
    public static BackendRegistry Backends() => new(
    [
        new Ppl.Inference.Vmp.VmpBackend(),
        new Ppl.Inference.Em.EmBackend(),
        new Ppl.Inference.Svi.SviBackend(),
    ]);

    /// <summary>The models of this project, by example name.</summary>
    public static IReadOnlyList<(string Name, Func<ModelBuilder> Build)> Models { get; } =
    [
        ("coin", CoinModel.Build),
        ("blr", BlrModel.Build),
    ];

    /// <summary>Runs every model on its example's data and prints the results to <paramref name="output"/>.</summary>
    public static void RunAll(string examplesDirectory, TextWriter output)
    {
        var backends = Backends();
        foreach (var (name, build) in Models)
        {
            var result = Run(build(), Path.Combine(examplesDirectory, name, name + ".json"), backends, new InferenceOptions());
            Print(result, output);
        }
    }

    /// <summary>Compiles <paramref name="builder"/>'s model, binds the JSON data at <paramref name="dataPath"/> and runs the planner's backend.</summary>
    /// <exception cref="PplModelException">The model or its data has errors (the message renders them).</exception>
    public static InferenceResult Run(ModelBuilder builder, string dataPath, BackendRegistry backends, InferenceOptions options)
    {
        PplModel model = builder.Compile();
        var ir = model.RequireIr();
        var read = JsonDataReader.Read(dataPath);
        if (read.HasErrors)
        {
            throw new PplModelException(string.Join(Environment.NewLine, read.Errors.Select(e => e.Message)));
        }

        var bound = DataBinder.Bind(ir, read.Data);
        if (bound.Data is not { } data)
        {
            throw new PplModelException(string.Join(Environment.NewLine, bound.Diagnostics.Select(d => d.Message)));
        }

        Plan plan = model.Plan();
        var backend = plan.Chosen is { } chosen && backends.Find(chosen) is { } found
            ? found
            : throw new PplModelException(PlanPrinter.Decision(plan));
        return backend.Run(new InferenceRequest(ir, plan, data, options, model.File));
    }

    /// <summary>Prints each posterior element's family, mean and sd, the params and the evidence.</summary>
    public static void Print(InferenceResult result, TextWriter output)
    {
        var culture = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(culture, $"{result.Model}: {result.Method}, {(result.Converged ? "converged" : "not converged")} after {result.Iterations} iteration{(result.Iterations == 1 ? "" : "s")}"));
        if (result.LogEvidence is { } logEvidence)
        {
            output.WriteLine(string.Create(culture, $"  log evidence {logEvidence:G6}"));
        }
        output.WriteLine(string.Create(culture, $"  elbo {result.Elbo:G6}"));
        foreach (var posterior in result.Posteriors)
        {
            for (var i = 0; i < posterior.Mean.Values.Count; i++)
            {
                var label = posterior.Mean.Rank == 0 ? posterior.Name : $"{posterior.Name}[{i}]";
                var kind = posterior.IsPrediction ? " (predicted)" : "";
                output.WriteLine(string.Create(culture, $"  {label,-10} {posterior.Family + kind,-22} mean {posterior.Mean.Values[i],10:G6}  sd {posterior.Sd.Values[i],10:G6}"));
            }
        }
        foreach (var param in result.Params)
        {
            output.WriteLine(string.Create(culture, $"  param {param.Name} = [{string.Join(", ", param.Value.Values.Select(v => v.ToString("G6", culture)))}]"));
        }
        output.WriteLine();
    }

    /// <summary>The examples/ folder in <paramref name="start"/> or above it.</summary>
    public static string FindExamplesDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "examples");
            if (File.Exists(Path.Combine(candidate, "coin", "coin.json")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException($"no examples/ folder at or above {start}; pass it as the first argument");
    }
}
