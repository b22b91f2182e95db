using Ppl.Compiler.Planning;
using Ppl.Inference;
using Ppl.Inference.Results;

namespace Ppl.Cli.Tests;

/// <summary>A stand-in backend with a known result (Beta(4, 2) for theta), reporting progress as it "runs".</summary>
internal sealed class StandInBackend : IInferenceBackend
{
    public static readonly InferenceResult Result = new(
        "coin.ppl", "vmp", true, 2, -2.5, -2.5,
        [
            new Posterior(
                "theta", "Beta",
                new Dictionary<string, NdArray> { ["a"] = NdArray.Scalar(4), ["b"] = NdArray.Scalar(2) },
                NdArray.Scalar(2.0 / 3), NdArray.Scalar(Math.Sqrt(8.0 / (36 * 7))), NdArray.Scalar(0.36), NdArray.Scalar(0.68), NdArray.Scalar(0.92)),
        ],
        [],
        [-3.0, -2.5]);

    public Backend Kind => Backend.Vmp;

    public int Steps { get; init; }

    public InferenceResult Run(InferenceRequest request, IProgress<InferenceProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        for (var i = 1; i <= Steps; i++)
        {
            progress?.Report(new InferenceProgress(i, Steps, -10.0 / i, ""));
        }
        return Result;
    }

    public static BackendRegistry Registry(int steps = 0) => new([new StandInBackend { Steps = steps }]);

    public const string CoinModel = "data flips: bool[N]\ntheta ~ Beta(1, 1)\nplate n in N { flips[n] ~ Bernoulli(theta) }\n";

    /// <summary>Writes coin.ppl and coin.json into a new temp directory; returns the model path.</summary>
    public static string WriteCoin()
    {
        var directory = Directory.CreateTempSubdirectory("ppl-tool-");
        var model = Path.Combine(directory.FullName, "coin.ppl");
        File.WriteAllText(model, CoinModel);
        File.WriteAllText(Path.Combine(directory.FullName, "coin.json"), """{ "flips": [true, false, true, true] }""");
        return model;
    }
}
