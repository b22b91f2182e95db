using System.CommandLine;
using Ppl.Cli.Output;
using Ppl.Compiler.Planning;
using Ppl.Inference;
using Ppl.Inference.Sampling;
using Ppl.Language;
using Ppl.Language.Diagnostics;

namespace Ppl.Cli.Commands;

/// <summary>
/// <c>ppl sample MODEL [--data FILE]... [--from prior|posterior] [-n N] [--seed S] [--json] [--method M]</c>:
/// draws written as CSV (one column per scalar, <c>name.i.j</c> for array elements) or JSON
/// (<c>{ "draws": { "name": [draw, ...] } }</c>). <c>--from prior</c> samples the model forwards
/// (<see cref="ForwardSampler"/>); <c>--from posterior</c> runs inference and draws the latents from the
/// result (full-covariance blocks jointly) and replicated observed nodes from the posterior predictive
/// (<see cref="PosteriorPredictiveSampler"/>).
/// </summary>
internal static class SampleCommand
{
    /// <summary>The <c>sample</c> command.</summary>
    /// <param name="backends">The backends <c>--from posterior</c> may run.</param>
    public static Command Create(BackendRegistry backends)
    {
        var model = new Argument<string>("MODEL") { Description = "The .ppl model file." };
        var data = new Option<string[]>("--data") { Description = "A data file, or NAME=FILE; may be repeated. Default: MODEL.json or MODEL.csv beside the model." };
        var from = new Option<string>("--from") { Description = "prior (forward sampling) or posterior (after inference).", DefaultValueFactory = _ => "prior" };
        from.AcceptOnlyFromAmong("prior", "posterior");
        var count = new Option<int>("-n", "--draws") { Description = "Number of draws.", DefaultValueFactory = _ => 100 };
        var seed = new Option<ulong>("--seed") { Description = "Seed for every random choice.", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Write JSON instead of CSV." };
        var method = new Option<string>("--method") { Description = "With --from posterior: auto, vmp, em or svi.", DefaultValueFactory = _ => "auto" };
        method.AcceptOnlyFromAmong("auto", "vmp", "em", "svi");

        var command = new Command("sample", "Draw from the prior (forward sampling) or the posterior; CSV or JSON.");
        command.Arguments.Add(model);
        foreach (var option in new Option[] { data, from, count, seed, json, method })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse =>
        {
            var configuration = parse.InvocationConfiguration;
            return Run(
                backends, parse.GetValue(model)!, parse.GetValue(data) ?? [], parse.GetValue(from) == "posterior",
                parse.GetValue(count), parse.GetValue(seed), parse.GetValue(json), BackendNames.Parse(parse.GetValue(method)),
                configuration.Output, configuration.Error);
        });
        return command;
    }

    /// <summary>Samples one model.</summary>
    /// <param name="backends">The backends available.</param>
    /// <param name="path">The model file.</param>
    /// <param name="dataArguments">The <c>--data</c> arguments.</param>
    /// <param name="posterior">Draw from the posterior (else the prior).</param>
    /// <param name="count">Number of draws.</param>
    /// <param name="seed">Seed.</param>
    /// <param name="json">JSON instead of CSV.</param>
    /// <param name="method">Backend for the posterior, or null for the planner's choice.</param>
    /// <param name="output">Where the draws go.</param>
    /// <param name="error">Where diagnostics and progress go.</param>
    /// <returns>0, or 1 with diagnostics.</returns>
    public static int Run(
        BackendRegistry backends, string path, IReadOnlyList<string> dataArguments, bool posterior, int count, ulong seed,
        bool json, Backend? method, TextWriter output, TextWriter error)
    {
        if (count <= 0)
        {
            error.WriteLine($"ppl: error: -n must be a positive number of draws, not {count}");
            return PplApp.UserError;
        }

        DrawSet draws;
        if (posterior)
        {
            var options = new InferenceOptions { Seed = seed, Replicates = true };
            var (exit, loaded, result) = InferCommand.Execute(backends, path, dataArguments, method, options, error);
            if (loaded is null || result is null)
            {
                return exit;
            }
            foreach (var note in result.Notes)
            {
                error.WriteLine($"ppl: note: {note}");
            }
            var predictive = PosteriorPredictiveSampler.Draw(loaded.Ir, loaded.Data, result, count, seed);
            if (predictive.ReplicatesUnavailable is { } reason)
            {
                error.WriteLine($"ppl: note: no replicated draws of observed nodes: {reason}");
            }
            draws = predictive.Draws;
        }
        else
        {
            var (loaded, diagnostics, source) = LoadedModel.Load(path, dataArguments, method);
            if (loaded is null)
            {
                return InferCommand.Fail(diagnostics, path, source, error);
            }
            try
            {
                draws = ForwardSampler.Draw(loaded.Ir, loaded.Data, count, seed);
            }
            catch (ForwardSamplingException unsupported)
            {
                var diagnostic = new Diagnostic(
                    InferenceDiagnosticCodes.BackendUnavailable, Severity.Error,
                    $"cannot sample this model from its prior: {unsupported.Message}",
                    unsupported.Span ?? SourceSpan.WholeFile(path),
                    "forward sampling covers priors and likelihoods built from numbers, data, sizes, other variables, indexing and arithmetic; try --from posterior");
                return InferCommand.Fail([diagnostic], path, source, error);
            }
        }
        if (draws.Variables.Count == 0 && !json)
        {
            // A CSV without columns would be blank lines; say so instead (JSON keeps its empty object).
            error.WriteLine("ppl: note: nothing to draw: the result reports no variables (local latents are summarised, not reported) and no replicated observed nodes");
            return PplApp.Success;
        }
        output.Write(json ? DrawsWriter.Json(draws) + Environment.NewLine : DrawsWriter.Csv(draws));
        return PplApp.Success;
    }
}
