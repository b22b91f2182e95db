using System.Collections.Immutable;
using System.CommandLine;
using Ppl.Compiler;
using Ppl.Compiler.Binding;
using Ppl.Compiler.Ir;
using Ppl.Language.Diagnostics;
using Ppl.Language.Syntax;
using Ppl.StdLib.Data;

namespace Ppl.Cli.Commands;

/// <summary>
/// <c>ppl check MODEL [--data FILE]...</c>: parse, bind, type- and shape-check a model (the compiler
/// up to the Model IR); with data (given, or <c>MODEL.json</c>/<c>MODEL.csv</c> beside the model),
/// also read the data and check it against the declared types and shapes. Shape messages then show
/// the data's sizes (<c>[N] = [100]</c>).
/// </summary>
internal static class CheckCommand
{
    /// <summary>At most this many diagnostics are printed (a binary file given by mistake has thousands).</summary>
    private const int MaxShown = 50;

    /// <summary>The <c>check</c> command.</summary>
    public static Command Create()
    {
        var model = new Argument<string>("MODEL") { Description = "The .ppl model file to check." };
        var data = new Option<string[]>("--data") { Description = "A data file, or NAME=FILE; may be repeated.", AllowMultipleArgumentsPerToken = false };
        var command = new Command("check", "Check a model (and its data) for errors; exit 0 when it is clean, 1 with diagnostics.");
        command.Arguments.Add(model);
        command.Options.Add(data);
        command.SetAction(parse =>
        {
            var configuration = parse.InvocationConfiguration;
            return Run(parse.GetValue(model)!, parse.GetValue(data) ?? [], configuration.Output, configuration.Error);
        });
        return command;
    }

    /// <summary>Checks one model file without data, writing diagnostics to <paramref name="error"/>.</summary>
    /// <param name="path">The model file.</param>
    /// <param name="output">Where the success line goes.</param>
    /// <param name="error">Where diagnostics go.</param>
    /// <returns>0 when clean, 1 with errors.</returns>
    public static int Run(string path, TextWriter output, TextWriter error) => Run(path, [], output, error);

    /// <summary>Checks one model file and its data, writing diagnostics to <paramref name="error"/>.</summary>
    /// <param name="path">The model file.</param>
    /// <param name="dataArguments">The <c>--data</c> arguments.</param>
    /// <param name="output">Where the success line goes.</param>
    /// <param name="error">Where diagnostics go.</param>
    /// <returns>0 when clean, 1 with errors.</returns>
    public static int Run(string path, IReadOnlyList<string> dataArguments, TextWriter output, TextWriter error)
    {
        var result = Compilation.CompileFile(path);
        var readable = !result.Diagnostics.Any(d => d.Code == DiagnosticCodes.CannotReadFile);
        var syntaxOk = !result.Diagnostics.Any(d => d.IsError && d.Code.StartsWith("PPL00", StringComparison.Ordinal));
        IReadOnlyList<Diagnostic> diagnostics = result.Diagnostics;
        if (readable && syntaxOk && (dataArguments.Count > 0 || DataSource.Defaults(path).Count > 0))
        {
            var read = DataSource.Load(path, dataArguments);
            if (read.HasErrors)
            {
                diagnostics = [.. diagnostics, .. DataDiagnostics.FromReadErrors(read.Errors)];
            }
            else if (result.HasErrors)
            {
                diagnostics = Compilation.CompileFile(path, DataSizes(result.Ast, read.Data)).Diagnostics;
            }
            else
            {
                diagnostics = [.. diagnostics, .. DataBinder.Bind(result.Ir!, read.Data).Diagnostics];
            }
        }

        error.Write(DataDiagnostics.Render(diagnostics.Take(MaxShown), path, result.Source));
        if (diagnostics.Count > MaxShown)
        {
            error.WriteLine($"ppl: {diagnostics.Count - MaxShown} more diagnostics not shown");
        }

        var errors = diagnostics.Count(d => d.IsError);
        if (errors > 0)
        {
            error.WriteLine(errors == 1 ? "1 error" : $"{errors} errors");
            return PplApp.UserError;
        }

        var statements = result.Ast.Statements.Count;
        output.WriteLine($"{path}: ok ({statements} {(statements == 1 ? "statement" : "statements")})");
        return PplApp.Success;
    }

    /// <summary>The sizes the data's shapes give to the size names in <c>data</c> declarations (for messages only).</summary>
    private static SizeBindings DataSizes(ModelFile model, DataSet data)
    {
        var sizes = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        foreach (var declaration in model.Statements.OfType<DataDecl>())
        {
            if (data.Find(declaration.Name.Text) is not { } array)
            {
                continue;
            }
            for (var axis = 0; axis < declaration.Type.Sizes.Count && axis < array.Rank; axis++)
            {
                if (declaration.Type.Sizes[axis] is NameRef name && !sizes.ContainsKey(name.Name))
                {
                    sizes[name.Name] = array.Shape[axis];
                }
            }
        }
        return new SizeBindings(sizes.ToImmutable());
    }
}
