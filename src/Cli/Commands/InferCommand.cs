using System.CommandLine;
using System.Diagnostics;
using Ppl.Cli.Output;
using Ppl.Cli.Plots;
using Ppl.Cli.Progress;
using Ppl.Compiler.Binding;
using Ppl.Compiler.Planning;
using Ppl.Inference;
using Ppl.Language;
using Ppl.Language.Diagnostics;

namespace Ppl.Cli.Commands;

/// <summary>
/// <c>ppl infer MODEL [--data FILE]... [--method auto|vmp|em|svi] [--iterations N] [--seed S] [--json]
/// [--out DIR] [--show NAMES]</c> and, for SVI, <c>[--epochs E | --steps S] [--lr R] [--particles K]
/// [--guide auto|normal|delta|lowrank] [--float64]</c>: compile, bind the data, plan, run the chosen
/// backend and print the posteriors (a table, or DESIGN.md's JSON contract with <c>--json</c>).
/// </summary>
internal static class InferCommand
{
    /// <summary>The <c>infer</c> command, running the backends in <paramref name="backends"/>.</summary>
    /// <param name="backends">The backends available.</param>
    public static Command Create(BackendRegistry backends)
    {
        var model = new Argument<string>("MODEL") { Description = "The .ppl model file." };
        var data = new Option<string[]>("--data") { Description = "A data file, or NAME=FILE; may be repeated. Default: MODEL.json or MODEL.csv beside the model." };
        var method = new Option<string>("--method") { Description = "auto, vmp, em or svi.", DefaultValueFactory = _ => "auto" };
        method.AcceptOnlyFromAmong("auto", "vmp", "em", "svi");
        var iterations = new Option<int?>("--iterations") { Description = "Iteration cap (vmp, em)." };
        var seed = new Option<ulong>("--seed") { Description = "Seed for every random choice.", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON (docs/cli.md)." };
        var outDir = new Option<string?>("--out") { Description = "Also write result.json into this directory." };
        var plot = new Option<bool>("--plot") { Description = "With --out: also write SVG plots (marginal densities, the objective trace, predictive bands)." };
        var show = new Option<string[]>("--show") { Description = "Variables to list in full (e.g. local latents); comma-separated or repeated." };
        var restarts = new Option<int>("--restarts") { Description = "EM: independent restarts; the best log-likelihood is kept.", DefaultValueFactory = _ => 1 };
        var epochs = new Option<int?>("--epochs") { Description = "SVI: passes over the data." };
        var steps = new Option<int?>("--steps") { Description = "SVI: optimisation steps." };
        var lr = new Option<double?>("--lr") { Description = "SVI: Adam's learning rate." };
        var particles = new Option<int>("--particles") { Description = "SVI: Monte Carlo particles per ELBO estimate.", DefaultValueFactory = _ => 1 };
        var guide = new Option<string>("--guide") { Description = "SVI: automatic guide when the model has none.", DefaultValueFactory = _ => "auto" };
        guide.AcceptOnlyFromAmong("auto", "normal", "delta", "lowrank");
        var float64 = new Option<bool>("--float64") { Description = "SVI: compute in float64 instead of float32." };
        var heldOut = new Option<string[]>("--heldout") { Description = "SVI: held-out data (FILE or NAME=FILE, like --data); reports its ELBO under the fitted guide." };
        var iwae = new Option<int>("--iwae") { Description = "SVI: report the importance-weighted bound on log p(data) with K samples.", DefaultValueFactory = _ => 0 };
        var rank = new Option<int>("--rank") { Description = "SVI: rank of the low-rank multivariate Normal guide (--guide lowrank).", DefaultValueFactory = _ => 2 };

        var command = new Command("infer", "Run inference: posteriors, params, evidence or ELBO.");
        command.Arguments.Add(model);
        foreach (var option in new Option[] { data, method, iterations, seed, json, outDir, plot, show, restarts, epochs, steps, lr, particles, guide, float64, heldOut, iwae, rank })
        {
            command.Options.Add(option);
        }
        command.Validators.Add(result =>
        {
            if (result.GetValue(epochs) is not null && result.GetValue(steps) is not null)
            {
                result.AddError("--epochs and --steps cannot be used together; give one.");
            }

            if (result.GetResult(iwae) is { Implicit: false } && result.GetValue(iwae) < 0)
            {
                result.AddError($"--iwae takes a number of importance samples K ≥ 1, not {result.GetValue(iwae)}.");
            }

            if (result.GetResult(rank) is { Implicit: false } && result.GetValue(rank) < 1)
            {
                result.AddError($"--rank takes the rank R ≥ 1 of the low-rank guide, not {result.GetValue(rank)}.");
            }

            if (result.GetResult(particles) is { Implicit: false } && result.GetValue(particles) < 1)
            {
                result.AddError($"--particles takes a number of particles K ≥ 1, not {result.GetValue(particles)}.");
            }

            if (result.GetValue(plot) && result.GetValue(outDir) is null)
            {
                result.AddError("--plot writes its files into --out DIR; give --out too.");
            }
        });
        command.SetAction(parse =>
        {
            var options = new InferenceOptions
            {
                MaxIterations = parse.GetValue(iterations),
                Seed = parse.GetValue(seed),
                Restarts = parse.GetValue(restarts),
                Epochs = parse.GetValue(epochs),
                Steps = parse.GetValue(steps),
                LearningRate = parse.GetValue(lr),
                Particles = parse.GetValue(particles),
                Guide = parse.GetValue(guide)!,
                DoublePrecision = parse.GetValue(float64),
                IwaeSamples = parse.GetValue(iwae),
                GuideRank = parse.GetValue(rank),
                Show = (parse.GetValue(show) ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(),
            };
            var configuration = parse.InvocationConfiguration;
            return Run(
                backends,
                parse.GetValue(model)!,
                parse.GetValue(data) ?? [],
                BackendNames.Parse(parse.GetValue(method)),
                options,
                parse.GetValue(json),
                parse.GetValue(outDir),
                configuration.Output,
                configuration.Error,
                parse.GetValue(plot),
                parse.GetValue(heldOut));
        });
        return command;
    }

    /// <summary>Runs inference on one model.</summary>
    /// <param name="backends">The backends available.</param>
    /// <param name="path">The model file.</param>
    /// <param name="dataArguments">The <c>--data</c> arguments.</param>
    /// <param name="method">The backend asked for, or null.</param>
    /// <param name="options">Run settings.</param>
    /// <param name="json">Print JSON instead of the table.</param>
    /// <param name="outDir">Directory for result.json, or null.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where diagnostics and progress go.</param>
    /// <param name="plot">Also write SVG plots into <paramref name="outDir"/>.</param>
    /// <param name="heldOut">The <c>--heldout</c> arguments (SVI), or null.</param>
    /// <returns>0, or 1 with diagnostics.</returns>
    public static int Run(
        BackendRegistry backends, string path, IReadOnlyList<string> dataArguments, Backend? method,
        InferenceOptions options, bool json, string? outDir, TextWriter output, TextWriter error, bool plot = false,
        IReadOnlyList<string>? heldOut = null)
    {
        var (exit, loaded, result) = Execute(backends, path, dataArguments, method, options, error, heldOut);
        if (loaded is null || result is null)
        {
            return exit;
        }

        var jsonText = json || outDir is not null ? ResultJson.Serialize(result) : null;
        if (outDir is not null)
        {
            Directory.CreateDirectory(outDir);
            File.WriteAllText(System.IO.Path.Combine(outDir, "result.json"), jsonText);
            if (plot)
            {
                foreach (var written in PlotSet.WriteAll(result, loaded.Data, outDir))
                {
                    error.WriteLine($"wrote {written}");
                }
            }
        }
        output.Write(json ? jsonText + Environment.NewLine : ResultTable.Render(result, PlanPrinter.Decision(loaded.Plan), options.Show));
        return PplApp.Success;
    }

    /// <summary>Loads a model and runs its backend, reporting progress on <paramref name="error"/>.</summary>
    /// <param name="backends">The backends available.</param>
    /// <param name="path">The model file.</param>
    /// <param name="dataArguments">The <c>--data</c> arguments.</param>
    /// <param name="method">The backend asked for, or null.</param>
    /// <param name="options">Run settings.</param>
    /// <param name="error">Where diagnostics and progress go.</param>
    /// <param name="heldOut">The <c>--heldout</c> arguments (SVI), or null.</param>
    /// <returns>The exit code, and the model and result on success.</returns>
    internal static (int Exit, LoadedModel? Model, Ppl.Inference.Results.InferenceResult? Result) Execute(
        BackendRegistry backends, string path, IReadOnlyList<string> dataArguments, Backend? method,
        InferenceOptions options, TextWriter error, IReadOnlyList<string>? heldOut = null)
    {
        var (loaded, diagnostics, source) = LoadedModel.Load(path, dataArguments, method);
        if (loaded is null)
        {
            return (Fail(diagnostics, path, source, error), null, null);
        }

        var chosen = loaded.Plan.Chosen!.Value;
        if (backends.Find(chosen) is not { } backend)
        {
            var missing = new Diagnostic(
                InferenceDiagnosticCodes.BackendUnavailable, Severity.Error,
                $"the {chosen.Name()} backend is not available in this build of ppl",
                SourceSpan.WholeFile(path),
                $"available: {string.Join(", ", backends.Kinds.Select(k => k.Name()).DefaultIfEmpty("none"))}; see `ppl explain {path}` for the plan");
            return (Fail([missing], path, source, error), null, null);
        }

        var request = new InferenceRequest(loaded.Ir, loaded.Plan, loaded.Data, options, System.IO.Path.GetFileName(path));
        if (heldOut is { Count: > 0 })
        {
            var read = Ppl.StdLib.Data.DataSource.Load(path, heldOut);
            if (read.HasErrors)
            {
                return (Fail([.. DataDiagnostics.FromReadErrors(read.Errors)], path, source, error), null, null);
            }
            var bound = DataBinder.Bind(loaded.Ir, read.Data);
            if (bound.HasErrors || bound.Data is not { } heldOutData)
            {
                return (Fail(bound.Diagnostics, path, source, error), null, null);
            }
            request = request with { HeldOut = heldOutData };
        }
        Ppl.Inference.Results.InferenceResult result;
        var clock = Stopwatch.StartNew();
        using (var progress = ProgressReporter.For(error))
        {
            try
            {
                result = backend.Run(request, progress);
            }
            catch (InferenceException failure)
            {
                progress.Finish();
                return (Fail(failure.Diagnostics, path, source, error), null, null);
            }
            progress.Finish(new RunOutcome(result.Converged, result.Iterations));
        }
        result = result with { Elapsed = clock.Elapsed };
        return (PplApp.Success, loaded, result);
    }

    internal static int Fail(IReadOnlyList<Diagnostic> diagnostics, string path, string source, TextWriter error)
    {
        error.Write(DataDiagnostics.Render(diagnostics, path, source));
        var errors = diagnostics.Count(d => d.IsError);
        error.WriteLine(errors == 1 ? "1 error" : $"{errors} errors");
        return PplApp.UserError;
    }
}
