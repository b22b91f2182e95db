using System.CommandLine;
using Ppl.Cli.Commands;
using Ppl.Inference;

namespace Ppl.Cli;

/// <summary>
/// The <c>ppl</c> command line: one subcommand per file under Commands/. Exit codes: 0 success,
/// 1 user error (diagnostics printed), 2 internal error.
/// </summary>
internal static class PplApp
{
    /// <summary>Exit code for success.</summary>
    public const int Success = 0;

    /// <summary>Exit code for a user error: diagnostics were printed.</summary>
    public const int UserError = 1;

    /// <summary>Exit code for a bug in Ppl.</summary>
    public const int InternalError = 2;

    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand Create()
    {
        var root = new RootCommand("Ppl: a probabilistic programming language for .NET.");
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(ExplainCommand.Create());
        var backends = Backends();
        root.Subcommands.Add(InferCommand.Create(backends));
        root.Subcommands.Add(SampleCommand.Create(backends));
        root.Subcommands.Add(ReplCommand.Create(backends));
        return root;
    }

    /// <summary>The backends this build of <c>ppl</c> runs (the composition root: one line per backend).</summary>
    /// <returns>The registry.</returns>
    public static BackendRegistry Backends() => new(
    [
        new Ppl.Inference.Vmp.VmpBackend(),
        new Ppl.Inference.Em.EmBackend(),
        new Ppl.Inference.Svi.SviBackend(),
    ]);

    /// <summary>Parses <paramref name="args"/> and runs the command, never letting an exception escape.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="output">Where results go (stdout).</param>
    /// <param name="error">Where diagnostics go (stderr).</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(Create(), args, output, error);

    /// <summary>Runs <paramref name="root"/> on <paramref name="args"/> (tests pass their own commands).</summary>
    /// <param name="root">The command tree.</param>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="output">Where results go (stdout).</param>
    /// <param name="error">Where diagnostics go (stderr).</param>
    /// <returns>The exit code.</returns>
    internal static int Run(RootCommand root, string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            var configuration = new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
            };
            return root.Parse(args).Invoke(configuration);
        }
#pragma warning disable CA1031 // The top level turns every unexpected exception into exit code 2, never a crash.
        catch (Exception e)
#pragma warning restore CA1031
        {
            error.WriteLine($"ppl: internal error: {e.GetType().Name}: {e.Message}");
            error.WriteLine("ppl: this is a bug in Ppl, not in your model; please report it with the model that caused it.");
            return InternalError;
        }
    }
}
