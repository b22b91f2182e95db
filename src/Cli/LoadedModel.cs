using Ppl.Compiler;
using Ppl.Compiler.Binding;
using Ppl.Compiler.Ir;
using Ppl.Compiler.Planning;
using Ppl.Language.Diagnostics;
using Ppl.StdLib.Data;

namespace Ppl.Cli;

/// <summary>
/// A model taken through the pipeline up to the point where a backend can run it: compiled, its
/// data read and bound, and planned. Every failure on the way is a list of diagnostics.
/// </summary>
/// <param name="Path">The model file as the user gave it.</param>
/// <param name="Source">The model's text (for rendering diagnostics).</param>
/// <param name="Ir">The model IR.</param>
/// <param name="Data">The bound data.</param>
/// <param name="Plan">The planner's decision.</param>
internal sealed record LoadedModel(string Path, string Source, ModelIr Ir, BoundData Data, Plan Plan)
{
    /// <summary>Compiles, binds and plans; returns the model or the diagnostics that stopped it.</summary>
    /// <param name="path">The model file.</param>
    /// <param name="dataArguments">The <c>--data</c> arguments (<c>FILE</c> or <c>NAME=FILE</c>).</param>
    /// <param name="method">The backend asked for, or null for the planner's choice.</param>
    /// <returns>The loaded model, or null with diagnostics and the source to render them against.</returns>
    public static (LoadedModel? Model, IReadOnlyList<Diagnostic> Diagnostics, string Source) Load(
        string path, IReadOnlyList<string> dataArguments, Backend? method)
    {
        var compiled = Compilation.CompileFile(path);
        if (compiled.HasErrors || compiled.Ir is not { } ir)
        {
            return (null, compiled.Diagnostics, compiled.Source);
        }

        var read = DataSource.Load(path, dataArguments);
        if (read.HasErrors)
        {
            return (null, [.. DataDiagnostics.FromReadErrors(read.Errors)], compiled.Source);
        }

        var bound = DataBinder.Bind(ir, read.Data);
        if (bound.HasErrors || bound.Data is not { } data)
        {
            return (null, bound.Diagnostics, compiled.Source);
        }

        var plan = Planner.Plan(ir, method, compiled.Source);
        if (!plan.Succeeded || plan.Diagnostics.Any(d => d.IsError))
        {
            return (null, plan.Diagnostics, compiled.Source);
        }

        return (new LoadedModel(path, compiled.Source, ir, data, plan), plan.Diagnostics, compiled.Source);
    }
}
