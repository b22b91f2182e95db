using System.CommandLine;
using Ppl.Cli.Repl;
using Ppl.Inference;

namespace Ppl.Cli.Commands;

/// <summary>
/// <c>ppl repl [--seed S]</c>: an interactive session (<see cref="ReplSession"/>). On a terminal the
/// line editor (RadLine) gives editing and history; when stdin is redirected lines are read plainly,
/// so a script or a test can drive the session through stdin.
/// </summary>
internal static class ReplCommand
{
    /// <summary>The <c>repl</c> command.</summary>
    /// <param name="backends">The backends <c>:infer</c> may run.</param>
    /// <param name="input">The input to read instead of the console (tests), or null.</param>
    public static Command Create(BackendRegistry backends, TextReader? input = null)
    {
        var seed = new Option<ulong>("--seed") { Description = "Seed for :infer and :sample.", DefaultValueFactory = _ => 1 };
        var command = new Command("repl", "An interactive session: build a model statement by statement, bind data, infer, inspect, plot.");
        command.Options.Add(seed);
        command.SetAction(parse =>
        {
            var configuration = parse.InvocationConfiguration;
            using var session = new ReplSession(backends, configuration.Output, configuration.Error, parse.GetValue(seed));
            ILineSource lines = input is not null
                ? new PlainLineSource(input)
                : EditorLineSource.IsSupported ? new EditorLineSource() : new PlainLineSource(Console.In);
            if (lines is EditorLineSource)
            {
                configuration.Output.WriteLine("ppl repl: type statements or :help; :quit or Ctrl-D to leave.");
            }
            return session.Run(lines);
        });
        return command;
    }
}
