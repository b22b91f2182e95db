using System.Globalization;
using Ppl.Cli.Commands;
using Ppl.Cli.Output;
using Ppl.Cli.Plots;
using Ppl.Compiler.Binding;
using Ppl.Compiler.Planning;
using Ppl.Inference;
using Ppl.Inference.Results;
using Ppl.Inference.Sampling;
using Ppl.StdLib.Data;

namespace Ppl.Cli.Repl;

/// <summary>
/// A <c>ppl repl</c> session: statements typed one by one build a model (each checked as it is added),
/// and <c>:commands</c> load files, bind data, run inference and look at the result. A mistake is a
/// diagnostic on the error writer; the session goes on. Results go to the output writer.
/// </summary>
internal sealed class ReplSession : IDisposable
{
    private readonly BackendRegistry _backends;
    private readonly TextWriter _output;
    private readonly TextWriter _error;
    private readonly ReplModel _model = new();
    private readonly List<string> _data = [];
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("ppl-repl-");
    private InferenceResult? _result;
    private Ppl.Compiler.Ir.ModelIr? _resultIr;
    private BoundData? _boundData;
    private ulong _seed;

    /// <summary>Creates a session.</summary>
    /// <param name="backends">The backends <c>:infer</c> may run.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where diagnostics go.</param>
    /// <param name="seed">Seed for <c>:infer</c> and <c>:sample</c>.</param>
    public ReplSession(BackendRegistry backends, TextWriter output, TextWriter error, ulong seed = 1)
    {
        _backends = backends;
        _output = output;
        _error = error;
        _seed = seed;
    }

    /// <summary>The help text of <c>:help</c>.</summary>
    public const string Help = """
        Type model statements one at a time (a plate block may span lines); each is checked as it is added.
        Commands:
          :load FILE            replace the model by a .ppl file (its MODEL.json/.csv are used as data)
          :data NAME = FILE     bind data NAME to a file (JSON, CSV, IDX); :data FILE binds every name in it
          :infer [method]       run inference (auto, vmp, em, svi) and print the posteriors
          :show NAME            one posterior or param from the last :infer
          :sample N             N draws (CSV): the last posterior and replicated data, marked [rep]
          :explain              the graph, latent classes and the backend chosen
          :plot NAME FILE       an SVG: NAME's marginal density (or predictive band); NAME = trace for the objective
          :model                print the model so far
          :reset                forget the model, data and result
          :help                 this text
          :quit                 leave (also end of input)
        """;

    /// <summary>Reads lines until end of input or <c>:quit</c>.</summary>
    /// <param name="lines">The line source.</param>
    /// <returns>0, the exit code of a session.</returns>
    public int Run(ILineSource lines)
    {
        var pending = "";
        while (true)
        {
            var line = lines.ReadLine(pending.Length == 0 ? "ppl> " : "...> ");
            if (line is null)
            {
                break;
            }
            if (pending.Length == 0 && line.TrimStart().StartsWith(':'))
            {
                if (!Command(line.Trim()))
                {
                    break;
                }
                continue;
            }
            pending = pending.Length == 0 ? line : pending + "\n" + line;
            if (ReplModel.IsIncomplete(pending))
            {
                continue;
            }
            Statement(pending);
            pending = "";
        }
        if (pending.Length > 0)
        {
            Statement(pending);
        }
        return PplApp.Success;
    }

    /// <summary>Adds one statement to the model, or prints why not.</summary>
    /// <param name="statement">The statement's text.</param>
    public void Statement(string statement)
    {
        if (string.IsNullOrWhiteSpace(statement))
        {
            return;
        }
        var (errors, source) = _model.TryAdd(statement);
        if (errors.Count > 0)
        {
            _error.Write(DataDiagnostics.Render(errors, ReplModel.FileName, source));
            _error.WriteLine("the statement was not added; the model is unchanged");
            return;
        }
        _result = null;
    }

    /// <summary>Runs one <c>:command</c>; false for <c>:quit</c>.</summary>
    /// <param name="line">The line, starting with ':'.</param>
    /// <returns>Whether the session goes on.</returns>
    public bool Command(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var name = space < 0 ? line[1..] : line[1..space];
        var argument = space < 0 ? "" : line[(space + 1)..].Trim();
        try
        {
            switch (name)
            {
                case "quit" or "q" or "exit":
                    return false;
                case "help" or "h" or "?":
                    _output.WriteLine(Help);
                    break;
                case "load":
                    Load(argument);
                    break;
                case "data":
                    Data(argument);
                    break;
                case "infer":
                    Infer(argument);
                    break;
                case "show":
                    Show(argument);
                    break;
                case "sample":
                    Sample(argument);
                    break;
                case "explain":
                    if (RequireModel())
                    {
                        ExplainCommand.Run(WriteModel(), DataArguments(), null, null, _output, _error);
                    }
                    break;
                case "plot":
                    Plot(argument);
                    break;
                case "model" or "list":
                    _output.Write(_model.IsEmpty ? "(the model is empty)\n" : _model.Source);
                    break;
                case "reset":
                    _model.Clear();
                    _data.Clear();
                    _result = null;
                    _boundData = null;
                    _output.WriteLine("model, data and result forgotten");
                    break;
                default:
                    Mistake($"unknown command ':{name}'", "type :help for the commands");
                    break;
            }
        }
#pragma warning disable CA1031 // A failing command is reported and the session goes on (the REPL's contract).
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or FormatException)
#pragma warning restore CA1031
        {
            Mistake(e.Message, null);
        }
        return true;
    }

    private void Load(string path)
    {
        if (path.Length == 0)
        {
            Mistake(":load needs a file", ":load FILE");
            return;
        }
        var (errors, source) = _model.TryLoad(path);
        if (errors.Count > 0)
        {
            _error.Write(DataDiagnostics.Render(errors, path, source));
            _error.WriteLine("not loaded; the model is unchanged");
            return;
        }
        _result = null;
        _output.WriteLine($"loaded {path}");
    }

    private void Data(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        var (name, file) = equals < 0 ? (null, argument) : (argument[..equals].Trim(), argument[(equals + 1)..].Trim());
        if (file.Length == 0 || name is { Length: 0 })
        {
            Mistake(":data needs a file", ":data NAME = FILE, or :data FILE");
            return;
        }
        if (!File.Exists(file))
        {
            Mistake($"data file '{file}' does not exist", $"the current directory is {Directory.GetCurrentDirectory()}");
            return;
        }
        var read = DataSource.Read(new DataArgument(name, Path.GetFullPath(file)));
        if (read.HasErrors)
        {
            _error.Write(DataDiagnostics.Render([.. DataDiagnostics.FromReadErrors(read.Errors)], file, ""));
            return;
        }
        var full = Path.GetFullPath(file);
        _data.RemoveAll(d => name is not null && d.StartsWith(name + "=", StringComparison.Ordinal));
        _data.Add(name is null ? full : $"{name}={full}");
        _result = null;
        _output.WriteLine($"data: {string.Join(", ", read.Data.Arrays.Select(a => a.Name))} from {file}");
    }

    private void Infer(string method)
    {
        if (!RequireModel())
        {
            return;
        }
        Backend? backend = null;
        if (method.Length > 0 && method != "auto")
        {
            if (method is not ("vmp" or "em" or "svi"))
            {
                Mistake($"unknown method '{method}'", "auto, vmp, em or svi");
                return;
            }
            backend = BackendNames.Parse(method);
        }
        var options = new InferenceOptions { Seed = _seed, Replicates = true };
        var (_, loaded, result) = InferCommand.Execute(_backends, WriteModel(), DataArguments(), backend, options, _error);
        if (loaded is null || result is null)
        {
            return;
        }
        _result = result;
        _resultIr = loaded.Ir;
        _boundData = loaded.Data;
        _output.Write(ResultTable.Render(result, PlanPrinter.Decision(loaded.Plan), options.Show));
    }

    private void Show(string name)
    {
        if (RequireResult() is not { } result)
        {
            return;
        }
        var posteriors = result.Posteriors.Where(p => p.Name == name).ToList();
        var parameters = result.Params.Where(p => p.Name == name).ToList();
        if (posteriors.Count == 0 && parameters.Count == 0)
        {
            var known = result.Posteriors.Select(p => p.Name).Concat(result.Params.Select(p => p.Name));
            Mistake($"the last result has no '{name}'", $"it has: {string.Join(", ", known)}");
            return;
        }
        var only = result with { Posteriors = posteriors, Params = parameters, Notes = [] };
        _output.Write(ResultTable.Render(only, "", new HashSet<string> { name }));
    }

    private void Sample(string argument)
    {
        if (!int.TryParse(argument.Length == 0 ? "10" : argument, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            Mistake($"':sample {argument}': N must be a positive whole number", ":sample 100");
            return;
        }
        if (RequireResult() is not { } result)
        {
            return;
        }
        _seed++;
        if (_resultIr is null || _boundData is null)
        {
            _output.Write(DrawsWriter.Csv(PosteriorSampler.Draw(result, n, _seed)));
            return;
        }
        var predictive = PosteriorPredictiveSampler.Draw(_resultIr, _boundData, result, n, _seed);
        if (predictive.ReplicatesUnavailable is { } reason)
        {
            _error.WriteLine($"note: no replicated draws of observed nodes: {reason}");
        }
        _output.Write(DrawsWriter.Csv(predictive.Draws));
    }

    private void Plot(string argument)
    {
        var parts = argument.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            Mistake(":plot needs a name and a file", ":plot theta theta.svg, or :plot trace trace.svg");
            return;
        }
        if (RequireResult() is not { } result)
        {
            return;
        }
        var (name, file) = (parts[0], parts[1]);
        string svg;
        if (name == "trace")
        {
            svg = TracePlot.Render(result.Trace, $"objective ({result.Method})");
        }
        else if (result.Posterior(name) is { } posterior)
        {
            svg = posterior.IsPrediction && posterior.Mean.Rank == 1
                ? PredictivePlot.Render(posterior, null, "index")
                : DensityPlot.Render(posterior);
        }
        else
        {
            Mistake($"the last result has no posterior '{name}'", $"it has: {string.Join(", ", result.Posteriors.Select(p => p.Name).Append("trace"))}");
            return;
        }
        File.WriteAllText(file, svg);
        _output.WriteLine($"wrote {file}");
    }

    private bool RequireModel()
    {
        if (_model.IsEmpty)
        {
            Mistake("the model is empty", "type statements, or :load FILE");
            return false;
        }
        return true;
    }

    private InferenceResult? RequireResult()
    {
        if (_result is null)
        {
            Mistake("there is no result yet", "run :infer first");
        }
        return _result;
    }

    private string WriteModel()
    {
        var path = Path.Combine(_scratch.FullName, ReplModel.FileName);
        File.WriteAllText(path, _model.Source);
        return path;
    }

    private List<string> DataArguments() =>
        _data.Count > 0 || _model.LoadedFrom is not { } loaded
            ? [.. _data]
            : [.. DataSource.Defaults(loaded).Select(d => d.ToString())];

    private void Mistake(string message, string? help)
    {
        _error.WriteLine($"error: {message}");
        if (help is not null)
        {
            _error.WriteLine($"  help: {help}");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            _scratch.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A scratch directory left behind in the temp folder is harmless.
        }
    }
}
