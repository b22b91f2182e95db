using System.CommandLine;
using Ppl.Compiler;
using Ppl.Compiler.Binding;
using Ppl.Compiler.Ir;
using Ppl.Compiler.Planning;
using Ppl.Language.Diagnostics;
using Ppl.Language.Syntax;
using Ppl.StdLib.Data;

namespace Ppl.Cli.Commands;

/// <summary>
/// <c>ppl explain MODEL [--data FILE]... [--method auto|vmp|em|svi] [--dump ast|ir|plan]</c>: the model's
/// graph (plates with sizes, latents with their class and conjugacy, observed nodes, params, nets) and
/// the plan (the backend and why; why each other backend was rejected). With data (given, or
/// <c>MODEL.json</c>/<c>MODEL.csv</c> beside the model) the data are bound and checked and plate sizes
/// are shown as numbers.
/// </summary>
internal static class ExplainCommand
{
    /// <summary>The <c>explain</c> command.</summary>
    public static Command Create()
    {
        var model = new Argument<string>("MODEL") { Description = "The .ppl model file." };
        var data = new Option<string[]>("--data") { Description = "A data file, or NAME=FILE; may be repeated.", AllowMultipleArgumentsPerToken = false };
        var method = new Option<string>("--method") { Description = "auto, vmp, em or svi: explain why that backend can or cannot run.", DefaultValueFactory = _ => "auto" };
        method.AcceptOnlyFromAmong("auto", "vmp", "em", "svi");
        var dump = new Option<string?>("--dump") { Description = "Print one stage instead: ast, ir or plan." };
        dump.AcceptOnlyFromAmong("ast", "ir", "plan");
        var command = new Command("explain", "Show the model's graph, each latent's class and conjugacy, and the backend chosen with its reasons.");
        command.Arguments.Add(model);
        command.Options.Add(data);
        command.Options.Add(method);
        command.Options.Add(dump);
        command.SetAction(parse =>
        {
            var configuration = parse.InvocationConfiguration;
            return Run(
                parse.GetValue(model)!,
                parse.GetValue(data) ?? [],
                BackendNames.Parse(parse.GetValue(method)),
                parse.GetValue(dump),
                configuration.Output,
                configuration.Error);
        });
        return command;
    }

    /// <summary>Explains one model.</summary>
    /// <param name="path">The model file.</param>
    /// <param name="dataArguments">The <c>--data</c> arguments.</param>
    /// <param name="method">The backend asked for, or null.</param>
    /// <param name="dump">ast, ir, plan, or null for the full explanation.</param>
    /// <param name="output">Where the explanation goes.</param>
    /// <param name="error">Where diagnostics go.</param>
    /// <returns>0, or 1 with diagnostics.</returns>
    public static int Run(string path, IReadOnlyList<string> dataArguments, Backend? method, string? dump, TextWriter output, TextWriter error)
    {
        var compiled = Compilation.CompileFile(path);
        if (compiled.HasErrors || compiled.Ir is not { } ir)
        {
            return Fail(compiled.Diagnostics, path, compiled.Source, error);
        }

        if (dump == "ast")
        {
            output.Write(AstDump.Of(compiled.Ast));
            return PplApp.Success;
        }

        if (dump == "ir")
        {
            output.Write(IrPrinter.Print(ir));
            return PplApp.Success;
        }

        SizeBindings? sizes = null;
        if (dataArguments.Count > 0 || DataSource.Defaults(path).Count > 0)
        {
            var read = DataSource.Load(path, dataArguments);
            if (read.HasErrors)
            {
                return Fail([.. DataDiagnostics.FromReadErrors(read.Errors)], path, compiled.Source, error);
            }

            var bound = DataBinder.Bind(ir, read.Data);
            if (bound.HasErrors)
            {
                return Fail(bound.Diagnostics, path, compiled.Source, error);
            }

            sizes = bound.Data!.Sizes;
        }

        var plan = Planner.Plan(ir, method, compiled.Source);
        output.Write(dump == "plan" ? PlanPrinter.Decision(plan) : PlanPrinter.Explain(plan, sizes));
        return plan.Diagnostics.IsEmpty ? PplApp.Success : Fail(plan.Diagnostics, path, compiled.Source, error);
    }

    private static int Fail(IReadOnlyList<Diagnostic> diagnostics, string path, string source, TextWriter error)
    {
        error.Write(DataDiagnostics.Render(diagnostics, path, source));
        var errors = diagnostics.Count(d => d.IsError);
        error.WriteLine(errors == 1 ? "1 error" : $"{errors} errors");
        return PplApp.UserError;
    }
}
