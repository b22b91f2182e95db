using System.CommandLine;
using Ppl.Compiler;
using Ppl.Language.Diagnostics;

namespace Ppl.Cli.Commands;

/// <summary><c>ppl check MODEL</c>: parse, bind, type- and shape-check a model (the compiler up to the Model IR).</summary>
internal static class CheckCommand
{
    /// <summary>At most this many diagnostics are printed (a binary file given by mistake has thousands).</summary>
    private const int MaxShown = 50;

    /// <summary>The <c>check</c> command.</summary>
    public static Command Create()
    {
        var model = new Argument<string>("MODEL") { Description = "The .ppl model file to check." };
        var command = new Command("check", "Check a model for errors; exit 0 when it is clean, 1 with diagnostics.");
        command.Arguments.Add(model);
        command.SetAction(parse =>
        {
            var configuration = parse.InvocationConfiguration;
            return Run(parse.GetValue(model)!, configuration.Output, configuration.Error);
        });
        return command;
    }

    /// <summary>Checks one model file, writing diagnostics to <paramref name="error"/>.</summary>
    /// <param name="path">The model file.</param>
    /// <param name="output">Where the success line goes.</param>
    /// <param name="error">Where diagnostics go.</param>
    /// <returns>0 when clean, 1 with errors.</returns>
    public static int Run(string path, TextWriter output, TextWriter error)
    {
        var result = Compilation.CompileFile(path);
        error.Write(DiagnosticRenderer.Render(result.Diagnostics.Take(MaxShown), result.Source));
        if (result.Diagnostics.Count > MaxShown)
        {
            error.WriteLine($"ppl: {result.Diagnostics.Count - MaxShown} more diagnostics not shown");
        }

        var errors = result.Diagnostics.Count(d => d.IsError);
        if (errors > 0)
        {
            error.WriteLine(errors == 1 ? "1 error" : $"{errors} errors");
            return PplApp.UserError;
        }

        var statements = result.Ast.Statements.Count;
        output.WriteLine($"{path}: ok ({statements} {(statements == 1 ? "statement" : "statements")})");
        return PplApp.Success;
    }
}
