using System.Text.Json;
using Ppl.Examples.Fluent;
using Ppl.Inference;

namespace Ppl.Cli.Tests.Examples;

/// <summary>
/// examples/csharp/Ppl.Examples.Fluent builds coin and blr with the fluent API; run on the same data,
/// they must give exactly the numbers <c>ppl infer</c> gives for the .ppl files (the same IR, the same
/// deterministic backend).
/// </summary>
public sealed class FluentExamplesTests
{
    public static TheoryData<string> Names() => [.. FluentExamples.Models.Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Fluent_model_gives_the_numbers_of_ppl_infer(string name)
    {
        var build = FluentExamples.Models.Single(m => m.Name == name).Build;
        var examples = Path.Combine(ExamplesEndToEndTests.Root, "examples");
        var result = FluentExamples.Run(build(), Path.Combine(examples, name, name + ".json"), FluentExamples.Backends(), new InferenceOptions());

        using var json = JsonDocument.Parse(ExamplesEndToEndTests.Ppl($"infer examples/{name}/{name}.ppl --json"));
        var cli = json.RootElement;
        Assert.Equal(cli.GetProperty("method").GetString(), result.Method);
        Assert.Equal(cli.GetProperty("iterations").GetInt32(), result.Iterations);
        Assert.Equal(cli.GetProperty("elbo").GetDouble(), result.Elbo);
        Assert.Equal(cli.GetProperty("logEvidence").ValueKind == JsonValueKind.Null ? null : cli.GetProperty("logEvidence").GetDouble(), result.LogEvidence);

        var names = cli.GetProperty("posteriors").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(names, result.Posteriors.Select(p => p.Name).ToArray());
        foreach (var posterior in result.Posteriors)
        {
            var expected = cli.GetProperty("posteriors").GetProperty(posterior.Name);
            Assert.Equal(expected.GetProperty("family").GetString(), posterior.Family);
            Assert.Equal(Flatten(expected.GetProperty("mean")), posterior.Mean.Values);
            Assert.Equal(Flatten(expected.GetProperty("sd")), posterior.Sd.Values);
        }
    }

    [Fact]
    public void Program_prints_both_posteriors()
    {
        using var output = new StringWriter();
        FluentExamples.RunAll(Path.Combine(ExamplesEndToEndTests.Root, "examples"), output);
        var text = output.ToString();
        Assert.Contains("coin.ppl: vmp, converged", text, StringComparison.Ordinal);
        Assert.Matches(@"theta\s+Beta\s+mean\s+0\.727273", text);
        Assert.Matches(@"y_new\[2\]\s+StudentT \(predicted\)\s+mean\s+-1\.06642", text);
    }

    private static double[] Flatten(JsonElement element) => element.ValueKind == JsonValueKind.Array
        ? [.. element.EnumerateArray().SelectMany(Flatten)]
        : [element.GetDouble()];
}
