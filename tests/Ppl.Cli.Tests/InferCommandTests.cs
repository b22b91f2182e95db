using System.CommandLine;
using System.Text.Json;
using Ppl.Cli.Commands;
using Ppl.Compiler.Planning;
using Ppl.Inference;
using Ppl.Inference.Results;

namespace Ppl.Cli.Tests;

/// <summary>
/// <c>ppl infer</c>'s plumbing and its JSON contract (docs/cli.md), with a stand-in backend whose
/// result is known, so the tests check what the command does with a result, not a backend's numbers.
/// </summary>
public sealed class InferCommandTests
{
    private const string CoinModel = "data flips: bool[N]\ntheta ~ Beta(1, 1)\nplate n in N { flips[n] ~ Bernoulli(theta) }\n";

    private sealed class FixedBackend(InferenceResult result) : IInferenceBackend
    {
        public Backend Kind => Backend.Vmp;

        public InferenceRequest? Seen { get; private set; }

        public InferenceResult Run(InferenceRequest request, IProgress<InferenceProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            Seen = request;
            return result;
        }
    }

    private static readonly InferenceResult _result = new(
        "coin.ppl", "vmp", true, 1, -2.5, -2.5,
        [
            new Posterior(
                "theta", "Beta",
                new Dictionary<string, NdArray> { ["a"] = NdArray.Scalar(4), ["b"] = NdArray.Scalar(2) },
                NdArray.Scalar(2.0 / 3), NdArray.Scalar(0.178), NdArray.Scalar(0.36), NdArray.Scalar(0.68), NdArray.Scalar(0.92)),
        ],
        [new ParamEstimate("W", new NdArray([2, 3], [1, 2, 3, 4, 5, double.NaN]))],
        [-3.0, -2.5]);

    private static (int Exit, string Out, string Err, FixedBackend Backend) Run(bool withBackend, params string[] args)
    {
        var backend = new FixedBackend(_result);
        var root = new RootCommand();
        root.Subcommands.Add(InferCommand.Create(new BackendRegistry(withBackend ? [backend] : [])));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = PplApp.Run(root, args, output, error);
        return (exit, output.ToString(), error.ToString(), backend);
    }

    private static string WriteCoin()
    {
        var directory = Directory.CreateTempSubdirectory("ppl-infer-");
        var model = Path.Combine(directory.FullName, "coin.ppl");
        File.WriteAllText(model, CoinModel);
        File.WriteAllText(Path.Combine(directory.FullName, "coin.json"), """{ "flips": [true, false, true, true] }""");
        return model;
    }

    [Fact]
    public void Json_output_follows_the_contract_and_keeps_array_shapes()
    {
        var model = WriteCoin();
        var (exit, output, error, backend) = Run(true, "infer", model, "--json", "--seed", "7");
        Assert.Equal(0, exit);
        Assert.Empty(error);
        Assert.Equal(7UL, backend.Seen!.Options.Seed);
        Assert.Equal(4, backend.Seen.Data.Sizes.Resolve(Ppl.Compiler.Ir.Size.Named("N")));

        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(
            ["model", "method", "converged", "iterations", "logEvidence", "elbo", "posteriors", "params", "trace", "notes", "diagnostics", "seconds"],
            root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("vmp", root.GetProperty("method").GetString());
        var theta = root.GetProperty("posteriors").GetProperty("theta");
        Assert.Equal("Beta", theta.GetProperty("family").GetString());
        Assert.Equal(4, theta.GetProperty("parameters").GetProperty("a").GetDouble());
        Assert.Equal(2.0 / 3, theta.GetProperty("mean").GetDouble());
        var w = root.GetProperty("params").GetProperty("W");
        Assert.Equal(2, w.GetArrayLength());
        Assert.Equal(3, w[1].GetArrayLength());
        Assert.Equal(5, w[1][1].GetDouble());
        Assert.Equal(JsonValueKind.Null, w[1][2].ValueKind); // NaN is not JSON: written as null.
        Assert.Equal([-3.0, -2.5], root.GetProperty("trace").EnumerateArray().Select(e => e.GetDouble()).ToArray());
    }

    [Fact]
    public void Table_output_lists_the_latent_with_its_quantiles_and_the_params()
    {
        var (exit, output, _, _) = Run(true, "infer", WriteCoin());
        Assert.Equal(0, exit);
        Assert.Contains("vmp: converged after 1 iteration", output, StringComparison.Ordinal);
        Assert.Matches(@"theta\s+Beta\s+0\.666667\s+0\.178\s+0\.36\s+0\.68\s+0\.92", output);
        Assert.Matches(@"W\[1, 1\]\s+5", output);
    }

    [Fact]
    public void Out_directory_receives_result_json()
    {
        var model = WriteCoin();
        var outDir = Path.Combine(Path.GetDirectoryName(model)!, "out");
        var (exit, _, _, _) = Run(true, "infer", model, "--out", outDir);
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "result.json")));
        Assert.Equal("coin.ppl", json.RootElement.GetProperty("model").GetString());
    }

    [Fact]
    public void A_backend_missing_from_the_build_is_a_diagnostic_not_a_crash()
    {
        var (exit, output, error, _) = Run(false, "infer", WriteCoin());
        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("error PPL0501: the vmp backend is not available in this build of ppl", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_data_is_a_diagnostic_with_the_declaration()
    {
        var model = WriteCoin();
        File.Delete(Path.ChangeExtension(model, ".json"));
        var (exit, _, error, _) = Run(true, "infer", model);
        Assert.Equal(1, exit);
        Assert.Contains("error PPL0302: missing data 'flips'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Epochs_and_steps_together_are_refused()
    {
        var (exit, _, error, _) = Run(true, "infer", WriteCoin(), "--epochs", "2", "--steps", "5");
        Assert.Equal(1, exit);
        Assert.Contains("--epochs and --steps cannot be used together", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--iwae", "-3", "--iwae takes a number of importance samples K ≥ 1, not -3")]
    [InlineData("--rank", "0", "--rank takes the rank R ≥ 1 of the low-rank guide, not 0")]
    [InlineData("--particles", "0", "--particles takes a number of particles K ≥ 1, not 0")]
    public void Counts_below_one_are_refused(string option, string value, string message)
    {
        var (exit, _, error, _) = Run(true, "infer", WriteCoin(), option, value);
        Assert.Equal(1, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
